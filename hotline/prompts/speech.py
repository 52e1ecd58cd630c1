"""Speech synthesis in-process: espeak-ng's library from the `espeakng-loader` wheel, via ctypes.

No system package and no subprocess per prompt: the wheel ships `libespeak-ng` and its data
(every locale we ship has a dictionary there). The library keeps global state and is not
thread-safe, so one synthesis runs at a time, behind a lock; a prompt takes a few
milliseconds. `Synthesizer` is the port: the audio pipeline, the start-up render and the
on-demand cache take any object with `version` and `speak`, so a test can hand in a slow one.
"""

from __future__ import annotations

import ctypes
import logging
import threading
from dataclasses import dataclass
from typing import Protocol

from hotline.errors import HotlineError

log = logging.getLogger(__name__)

SPEED_WPM = 145  # a little slower than espeak's 175: callers are often stressed, lines poor
_SYNCHRONOUS = 2  # AUDIO_OUTPUT_SYNCHRONOUS: samples come back through the callback
_CHARS_UTF8 = 1  # espeakCHARS_UTF8
_RATE = 1  # espeakRATE
_OK = 0  # EE_OK
_CONTINUE = 0  # a callback's "go on"

_Callback = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p
)


class SpeechError(HotlineError):
    """The synthesizer is missing or refused a text or a voice."""


@dataclass(frozen=True)
class Pcm:
    """Mono 16-bit little-endian samples at `rate` Hz."""

    rate: int
    samples: bytes

    @property
    def seconds(self) -> float:
        """How long it plays."""
        return len(self.samples) / 2 / self.rate


class Synthesizer(Protocol):
    """Turns text into speech in a voice."""

    @property
    def version(self) -> str:
        """Changes whenever the same text would sound different (engine, data, speed)."""
        ...

    def speak(self, text: str, voice: str) -> Pcm:
        """The text spoken in the voice (an espeak-ng voice name, e.g. `ka`, `en-gb`)."""
        ...


class _VoiceSpec(ctypes.Structure):
    """espeak_VOICE, for choosing a voice by language when its name is not a file name."""

    _fields_ = (
        ("name", ctypes.c_char_p),
        ("languages", ctypes.c_char_p),
        ("identifier", ctypes.c_char_p),
        ("gender", ctypes.c_ubyte),
        ("age", ctypes.c_ubyte),
        ("variant", ctypes.c_ubyte),
        ("xx1", ctypes.c_ubyte),
        ("score", ctypes.c_int),
        ("spare", ctypes.c_void_p),
    )


class EspeakSynthesizer:
    """espeak-ng's library, loaded on first use; one synthesis at a time."""

    def __init__(self, speed_wpm: int = SPEED_WPM) -> None:
        self.speed_wpm = speed_wpm
        self._lock = threading.Lock()
        self._lib: ctypes.CDLL | None = None
        self._rate = 0
        self._engine = ""
        self._chunks: list[bytes] = []
        self._callback = _Callback(self._collect)  # kept: the library holds a raw pointer
        self._voice: str | None = None

    @property
    def version(self) -> str:
        """espeak-ng's version and our speed: a new wheel or speed renders everything anew."""
        with self._lock:
            self._load()
        return f"espeak-ng {self._engine} {self.speed_wpm}wpm"

    def speak(self, text: str, voice: str) -> Pcm:
        """Synthesize `text` (UTF-8) in `voice`; raises SpeechError on a refusal."""
        data = text.encode("utf-8")
        with self._lock:
            lib = self._load()
            self._select(lib, voice)
            self._chunks = []
            status = lib.espeak_Synth(data, len(data) + 1, 0, 0, 0, _CHARS_UTF8, None, None)
            if status != _OK:
                raise SpeechError(f"espeak-ng refused a text in {voice} (error {status})")
            lib.espeak_Synchronize()
            samples, self._chunks = b"".join(self._chunks), []
        return Pcm(self._rate, samples)

    def _collect(self, wav: ctypes._Pointer[ctypes.c_short], count: int, events: int) -> int:
        del events
        if wav and count > 0:
            self._chunks.append(ctypes.string_at(wav, count * 2))
        return _CONTINUE

    def _select(self, lib: ctypes.CDLL, voice: str) -> None:
        if voice == self._voice:
            return
        if lib.espeak_SetVoiceByName(voice.encode()) != _OK:
            # `en-gb` is a language, not a voice file: choose by language as espeak-ng's CLI does.
            spec = _VoiceSpec(languages=voice.encode())
            if lib.espeak_SetVoiceByProperties(ctypes.byref(spec)) != _OK:
                raise SpeechError(f"espeak-ng has no voice {voice!r}")
        lib.espeak_SetParameter(_RATE, self.speed_wpm, 0)
        self._voice = voice

    def _load(self) -> ctypes.CDLL:
        if self._lib is not None:
            return self._lib
        try:
            import espeakng_loader  # the shared library loads on first use

            lib = ctypes.CDLL(espeakng_loader.get_library_path())
            data_path = espeakng_loader.get_data_path()
        except (ImportError, OSError, RuntimeError) as exc:
            raise SpeechError(
                f"the espeak-ng library of the espeakng-loader package cannot be loaded ({exc}); "
                "reinstall hotline's dependencies (`pip install -e .`)"
            ) from exc
        lib.espeak_Initialize.argtypes = (ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int)
        lib.espeak_Info.restype = ctypes.c_char_p
        lib.espeak_Info.argtypes = (ctypes.c_void_p,)
        lib.espeak_SetVoiceByName.argtypes = (ctypes.c_char_p,)
        lib.espeak_SetVoiceByProperties.argtypes = (ctypes.POINTER(_VoiceSpec),)
        lib.espeak_SetParameter.argtypes = (ctypes.c_int, ctypes.c_int, ctypes.c_int)
        lib.espeak_Synth.argtypes = (
            ctypes.c_char_p,
            ctypes.c_size_t,
            ctypes.c_uint,
            ctypes.c_int,
            ctypes.c_uint,
            ctypes.c_uint,
            ctypes.c_void_p,
            ctypes.c_void_p,
        )
        rate = lib.espeak_Initialize(_SYNCHRONOUS, 0, data_path.encode(), 0)
        if rate <= 0:
            raise SpeechError(f"espeak-ng did not start with its data in {data_path}")
        lib.espeak_SetSynthCallback(self._callback)
        self._rate = rate
        self._engine = (lib.espeak_Info(None) or b"?").decode()
        self._lib = lib
        log.debug("espeak-ng %s loaded, %d Hz", self._engine, rate)
        return lib
