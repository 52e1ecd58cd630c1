"""Speech synthesis in-process: espeak-ng's library from the `espeakng-loader` wheel, via ctypes.

No system package and no subprocess per prompt: the wheel ships `libespeak-ng` and its data
(every locale we ship has a dictionary there). The library keeps global state and is not
thread-safe, so one synthesis runs at a time in the process, behind one lock shared by
every synthesizer (a process may build several apps, as the tests do); a prompt takes a
few milliseconds. `Synthesizer` is the port: the audio pipeline, the start-up render and the
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


class _Engine:
    """espeak-ng's library as loaded in this process: one for every synthesizer, since the
    library's state (its voice, its rate, its callback) is global."""

    def __init__(self, lib: ctypes.CDLL, rate: int, name: str) -> None:
        self.lib = lib
        self.rate = rate
        self.name = name
        self.voice: tuple[str, int] | None = None  # the voice and speed selected now
        self.chunks: list[bytes] = []
        self.callback = _Callback(self._collect)  # kept for the process: the library holds it
        lib.espeak_SetSynthCallback(self.callback)

    def _collect(self, wav: ctypes._Pointer[ctypes.c_short], count: int, events: int) -> int:
        del events
        if wav and count > 0:
            self.chunks.append(ctypes.string_at(wav, count * 2))
        return _CONTINUE


_LOCK = threading.Lock()  # one synthesis at a time in the process, whichever synthesizer
_ENGINE: list[_Engine] = []  # loaded once, on first use


class EspeakSynthesizer:
    """espeak-ng's library, loaded on first use; one synthesis at a time in the process
    (every instance shares the one library, so they share its lock)."""

    def __init__(self, speed_wpm: int = SPEED_WPM) -> None:
        self.speed_wpm = speed_wpm

    @property
    def version(self) -> str:
        """espeak-ng's version and our speed: a new wheel or speed renders everything anew."""
        with _LOCK:
            engine = _load()
        return f"espeak-ng {engine.name} {self.speed_wpm}wpm"

    def speak(self, text: str, voice: str) -> Pcm:
        """Synthesize `text` (UTF-8) in `voice`; raises SpeechError on a refusal."""
        data = text.encode("utf-8")
        with _LOCK:
            engine = _load()
            self._select(engine, voice)
            engine.chunks = []
            lib = engine.lib
            status = lib.espeak_Synth(data, len(data) + 1, 0, 0, 0, _CHARS_UTF8, None, None)
            if status != _OK:
                raise SpeechError(f"espeak-ng refused a text in {voice} (error {status})")
            lib.espeak_Synchronize()
            samples, engine.chunks = b"".join(engine.chunks), []
        return Pcm(engine.rate, samples)

    def _select(self, engine: _Engine, voice: str) -> None:
        if engine.voice == (voice, self.speed_wpm):
            return
        lib = engine.lib
        if lib.espeak_SetVoiceByName(voice.encode()) != _OK:
            # `en-gb` is a language, not a voice file: choose by language as espeak-ng's CLI does.
            spec = _VoiceSpec(languages=voice.encode())
            if lib.espeak_SetVoiceByProperties(ctypes.byref(spec)) != _OK:
                engine.voice = None
                raise SpeechError(f"espeak-ng has no voice {voice!r}")
        lib.espeak_SetParameter(_RATE, self.speed_wpm, 0)
        engine.voice = (voice, self.speed_wpm)


def _load() -> _Engine:
    """The process's engine, loaded on first use (call with `_LOCK` held)."""
    if _ENGINE:
        return _ENGINE[0]
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
    engine = _Engine(lib, rate, (lib.espeak_Info(None) or b"?").decode())
    _ENGINE.append(engine)
    log.debug("espeak-ng %s loaded, %d Hz", engine.name, rate)
    return engine
