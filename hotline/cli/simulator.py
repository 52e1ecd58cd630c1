"""`hotline call`: play a caller against the hotline, as Twilio would, and print what they hear.

It posts the same signed webhooks Twilio posts, follows the TwiML it gets back, and takes key
presses from a list (`--press 1,2,#`) or the terminal. In a list: `-` is silence (no key);
at a recording any other entry records a message and `-` stays silent. An empty list entry,
or the end of the list, hangs up.

A `<Dial>` is one round of ringing and takes one entry: `-` or `none`, nobody picks up
(no-answer); `voicemail`, the first number's voicemail picks up, hears the whisper, presses
nothing, and the dial ends `completed`, as Twilio reports it; `accept` or `accept:N`, the
N-th number rung (from 1) picks up, hears the whisper and presses 1 (`answer` is the same).
Whispers are fetched on a leg of their own, as Twilio does: a new CallSid, from the
hotline's number to the person rung, so nothing of the caller's reaches staff.

Every request carries `HotlineSimulated=yes` (`call_log.SIMULATED_FIELD`), signed with the
rest: the call log marks the call simulated, and reports leave it out unless asked.
"""

from __future__ import annotations

import itertools
import re
import secrets
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import aiohttp
from twilio.request_validator import RequestValidator

from hotline.call_log import SIMULATED_FIELD
from hotline.errors import HotlineError

MAX_STEPS = 500  # a runaway flow must not loop forever
SILENCE = "-"
NOBODY = ("-", "none")
VOICEMAIL = "voicemail"
ACCEPT_KEY = "1"  # what a specialist presses in the whisper to take the call
TALK_S = 60  # how long an accepted call lasts, as DialCallDuration reports it
_ACCEPT = re.compile(r"^(?:accept|answer)(?::(\d+))?$")  # `answer`: the old scripts' word


class SimulationError(HotlineError):
    """A simulated call could not go on: said in one line, with what to do."""


@dataclass
class CallReport:
    """What happened: every line the caller heard, and how the call ended."""

    heard: list[tuple[str, str]] = field(default_factory=list)  # (language, text)
    played: list[str] = field(default_factory=list)  # audio URLs, each fetched and found
    pressed: list[str] = field(default_factory=list)
    staff_heard: list[tuple[str, str]] = field(default_factory=list)  # whispers, on staff legs
    dials: list[str] = field(default_factory=list)  # each round's DialCallStatus
    hung_up_by: str = "hotline"
    steps: int = 0


@dataclass(frozen=True)
class _Leg:
    """How a round of ringing went, as Twilio reports it to the Dial's action."""

    status: str
    child_sid: str | None = None
    duration_s: int | None = None


class Presses:
    """Key presses from a list, or asked for on the terminal."""

    def __init__(self, given: list[str] | None, ask: Callable[[str], str] | None) -> None:
        self._given: Iterator[str] | None = iter(given) if given is not None else None
        self._ask = ask

    def next(self, what: str) -> str | None:
        """The next answer, or None when the caller hangs up (an empty entry, or no more)."""
        if self._given is not None:
            return next(self._given, None) or None
        if self._ask is None:
            return None
        try:
            return self._ask(f"  [{what}] > ").strip() or SILENCE
        except EOFError:
            return None


class CallSimulator:
    """Drives one call against a running hotline at `base_url`."""

    def __init__(
        self,
        base_url: str,
        auth_token: str,
        *,
        public_url: str | None = None,
        caller: str,
        hotline_number: str = "+10000000000",
        out: Callable[[str], None] = print,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        # The URL the server believes Twilio uses; requests are signed for it, like Twilio's.
        self.public_url = (public_url or base_url).rstrip("/")
        self.validator = RequestValidator(auth_token)
        self.out = out
        self.params = {
            "CallSid": "CA" + secrets.token_hex(16),
            "AccountSid": "AC" + secrets.token_hex(16),
            "From": caller,
            "To": hotline_number,
            "CallStatus": "in-progress",
            "Direction": "inbound",
            "ApiVersion": "2010-04-01",
            SIMULATED_FIELD: "yes",  # the call log marks the call; reports leave it out
        }

    async def run(self, presses: Presses, lang: str | None = None) -> CallReport:
        """Place the call and follow it to its end."""
        report = CallReport()
        started = time.monotonic()
        query = f"?lang={lang}" if lang else ""
        async with aiohttp.ClientSession() as http:
            twiml = await self._post(http, f"{self.public_url}/twilio/voice{query}", {})
            for _ in range(MAX_STEPS):
                report.steps += 1
                await self._fetch_audio(http, twiml, report)
                next_request = await self._follow(http, twiml, presses, report)
                if next_request is None:
                    break
                url, extra = next_request
                twiml = await self._post(http, url, extra)
            duration = str(max(1, round(time.monotonic() - started)))
            await self._post(
                http,
                f"{self.public_url}/twilio/voice/status",
                {"CallStatus": "completed", "CallDuration": duration},
            )
        self.out(f"call ended: hung up by the {report.hung_up_by}")
        return report

    async def _follow(
        self, http: aiohttp.ClientSession, twiml: str, presses: Presses, report: CallReport
    ) -> tuple[str, dict[str, str]] | None:
        """Act out one TwiML document; return the next request, or None when the call is over."""
        root = ET.fromstring(twiml)  # noqa: S314 - our own server's TwiML
        for verb in root:
            match verb.tag:
                case "Say":
                    self._hear(verb, report)
                case "Play":
                    self._play(verb)
                case "Pause":
                    continue
                case "Gather":
                    for child in verb:
                        if child.tag == "Say":
                            self._hear(child, report)
                        elif child.tag == "Play":
                            self._play(child)
                    keys = "a key" if verb.get("numDigits") == "1" else "digits, then #"
                    answer = presses.next(f"press {keys}, - for silence")
                    if answer is None:
                        report.hung_up_by = "caller"
                        return None
                    if answer == SILENCE:
                        self.out("  caller: (silence)")
                        continue
                    report.pressed.append(answer)
                    self.out(f"  caller presses {answer}")
                    return self._url(verb.get("action")), {"Digits": answer}
                case "Record":
                    answer = presses.next("speak a message, - for silence")
                    if answer is None:
                        report.hung_up_by = "caller"
                        return None
                    if answer == SILENCE:
                        self.out("  caller: (silence at the beep)")
                        continue
                    self.out("  caller leaves a message (12 s)")
                    sid = "RE" + secrets.token_hex(16)
                    return self._url(verb.get("action")), {
                        "RecordingSid": sid,
                        "RecordingUrl": f"https://api.twilio.com/2010-04-01/Recordings/{sid}",
                        "RecordingDuration": "12",
                        "Digits": "#",
                    }
                case "Dial":
                    leg = await self._dial(http, verb, presses, report)
                    if leg is None:
                        report.hung_up_by = "caller"
                        return None
                    report.dials.append(leg.status)
                    result = {"DialCallStatus": leg.status}
                    if leg.child_sid is not None:
                        result["DialCallSid"] = leg.child_sid
                    if leg.duration_s is not None:
                        result["DialCallDuration"] = str(leg.duration_s)
                    if verb.get("action") is None:
                        continue  # no action: Twilio goes on with the next verb
                    return self._url(verb.get("action")), result
                case "Redirect":
                    return self._url(verb.text), {}
                case "Hangup":
                    report.hung_up_by = "hotline"
                    return None
        return None  # TwiML ran out: Twilio hangs up

    async def _dial(
        self, http: aiohttp.ClientSession, dial: ET.Element, presses: Presses, report: CallReport
    ) -> _Leg | None:
        """Ring one round: who picks up is the next entry; None when the caller hangs up."""
        numbers = [n for n in dial if n.tag == "Number"]
        rung = [(n.text or "").strip() for n in numbers] or ["".join(dial.itertext()).strip()]
        self.out(f"  (rings {_listed([_masked(number) for number in rung])})")
        answer = presses.next("accept[:N], voicemail, or - for nobody")
        if answer is None:
            return None
        answer = answer.lower()
        if answer in NOBODY:
            self.out("  (nobody picks up)")
            return _Leg("no-answer")
        accept = _ACCEPT.match(answer)
        if answer != VOICEMAIL and accept is None:
            self.out(f"  ({answer!r} is not a dial answer: nobody picks up)")
            return _Leg("no-answer")
        index = int(accept.group(1) or 1) if accept else 1
        if not 1 <= index <= len(rung):
            self.out(f"  (there is no number {index} in this round: nobody picks up)")
            return _Leg("no-answer")
        number = rung[index - 1]
        child = "CA" + secrets.token_hex(16)
        url = numbers[index - 1].get("url") if numbers else None
        if accept is None:
            self.out(f"  ({_masked(number)}: a voicemail picks up)")
            if url is not None:
                whisper = await self._whisper(http, url, number, child, {})
                await self._fetch_audio(http, whisper, report)
                self._staff_hears(ET.fromstring(whisper), report, presses_key=False)  # noqa: S314
            self.out("  (the voicemail pressed nothing: not put through)")
            return _Leg("completed", child)
        self.out(f"  ({_masked(number)} picks up)")
        if url is None:  # no whisper (the fallback's dial): straight through
            self.out("  (a person answered: put through)")
            return _Leg("completed", child, TALK_S)
        whisper = await self._whisper(http, url, number, child, {})
        await self._fetch_audio(http, whisper, report)
        gather = self._staff_hears(ET.fromstring(whisper), report, presses_key=True)  # noqa: S314
        if gather is None:
            self.out("  (the whisper offered no key to press: not put through)")
            return _Leg("completed", child)
        self.out(f"  specialist presses {ACCEPT_KEY}")
        answer_twiml = await self._whisper(
            http, self._url(gather.get("action")), number, child, {"Digits": ACCEPT_KEY}
        )
        await self._fetch_audio(http, answer_twiml, report)
        reply = ET.fromstring(answer_twiml)  # noqa: S314 - our own server's TwiML
        if len(reply) == 0:
            self.out("  (specialist accepted: put through)")
            return _Leg("completed", child, TALK_S)
        self._staff_hears(reply, report, presses_key=False)
        self.out("  (not put through)")
        return _Leg("completed", child)

    async def _whisper(
        self,
        http: aiohttp.ClientSession,
        url: str,
        number: str,
        child_sid: str,
        extra: dict[str, str],
    ) -> str:
        """Post to a whisper URL on the child leg: from the hotline's number to the one rung."""
        leg = {
            "CallSid": child_sid,
            "AccountSid": self.params["AccountSid"],
            "From": self.params["To"],
            "To": number,
            "CallStatus": "in-progress",
            "Direction": "outbound-dial",
            "ApiVersion": self.params["ApiVersion"],
            "ParentCallSid": self.params["CallSid"],
        }
        return await self._post(http, url, extra, params=leg)

    def _staff_hears(
        self, root: ET.Element, report: CallReport, *, presses_key: bool
    ) -> ET.Element | None:
        """Print what the person rung hears; with `presses_key`, stop at the first Gather."""
        for verb in root:
            match verb.tag:
                case "Say" | "Play":
                    self._staff_line(verb, report)
                case "Gather":
                    for child in verb:
                        if child.tag in ("Say", "Play"):
                            self._staff_line(child, report)
                    if presses_key:
                        return verb
                case "Hangup":
                    return None
        return None

    def _staff_line(self, verb: ET.Element, report: CallReport) -> None:
        if verb.tag == "Play":
            path = urlsplit(verb.text or "").path.removeprefix("/audio/")
            self.out(f"  specialist hears: (recording) {path}")
            return
        text = (verb.text or "").strip()
        report.staff_heard.append((verb.get("language", ""), text))
        for line, prefix in zip(
            text.splitlines(),
            itertools.chain(["  specialist hears: "], itertools.repeat(" " * 20)),
            strict=False,
        ):
            self.out(prefix + line.strip())

    def _hear(self, say: ET.Element, report: CallReport) -> None:
        language = say.get("language", "")
        text = (say.text or "").strip()
        report.heard.append((language, text))
        for line, prefix in zip(
            text.splitlines(),
            itertools.chain(["  hotline: "], itertools.repeat("           ")),
            strict=False,
        ):
            self.out(prefix + line.strip())

    def _play(self, play: ET.Element) -> None:
        path = urlsplit(play.text or "").path
        self.out(f"  hotline plays: {path.removeprefix('/audio/')}")

    async def _fetch_audio(
        self, http: aiohttp.ClientSession, twiml: str, report: CallReport
    ) -> None:
        """Fetch every file the TwiML plays, as Twilio would: a missing one is silence."""
        for play in ET.fromstring(twiml).iter("Play"):  # noqa: S314 - our own server's TwiML
            url = self._url(play.text)
            parts = urlsplit(url)
            target = self.base_url + parts.path.removeprefix(urlsplit(self.public_url).path)
            async with http.get(target, params=parts.query or None) as resp:
                body = await resp.read()
                if resp.status != 200 or not resp.content_type.startswith("audio/") or not body:
                    raise SimulationError(
                        f"{url} is not playable: {resp.status} {resp.content_type}"
                    )
            report.played.append(url)

    def _url(self, url: str | None) -> str:
        if not url:
            raise SimulationError("the server answered TwiML without an action URL")
        return url if urlsplit(url).scheme else self.public_url + url

    async def _post(
        self,
        http: aiohttp.ClientSession,
        url: str,
        extra: dict[str, str],
        *,
        params: dict[str, str] | None = None,
    ) -> str:
        """Sign for the public URL, as Twilio does, and deliver to where the server listens.

        `params` are the call's own fields: the caller's call unless another leg is given.
        """
        form = {**(self.params if params is None else params), **extra}
        signature = self.validator.compute_signature(url, form)
        parts = urlsplit(url)
        target = self.base_url + parts.path.removeprefix(urlsplit(self.public_url).path)
        target += f"?{parts.query}" if parts.query else ""
        headers = {"X-Twilio-Signature": signature}
        try:
            async with http.post(target, data=form, headers=headers) as resp:
                body = await resp.text()
        except aiohttp.ClientConnectionError:
            raise SimulationError(
                f"nothing answers at {self.base_url}: start the server (make run) or give "
                "--url the address it listens on"
            ) from None
        if resp.status == 403:
            raise SimulationError(
                f"{self.base_url} refused the call's signature (403): give --public-url the "
                "public URL the server was started with, and the same HOTLINE_TWILIO_AUTH_TOKEN"
            )
        if resp.status != 200:
            sent = extra.get("Digits")
            what = f"the entry {sent!r}" if sent is not None else "a request"
            raise SimulationError(
                f"the server refused {what} ({resp.status}: {body.strip()[:200]})"
            )
        return body


def _masked(number: str) -> str:
    """A number rung, all but its last three digits hidden."""
    digits = "".join(c for c in number if c.isdigit())
    return f"••• {digits[-3:]}" if digits else "a person"


def _listed(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"
