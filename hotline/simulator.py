"""`hotline call`: play a caller against the hotline, as Twilio would, and print what they hear.

It posts the same signed webhooks Twilio posts, follows the TwiML it gets back, and takes key
presses from a list (`--press 1,2,#`) or the terminal. In a list: `-` is silence (no key);
at a recording any other entry records a message and `-` stays silent; at a dial `answer`
makes the person pick up, anything else lets it ring out. An empty list entry ends the call.
"""

from __future__ import annotations

import itertools
import secrets
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import aiohttp
from twilio.request_validator import RequestValidator

MAX_STEPS = 500  # a runaway flow must not loop forever
SILENCE = "-"


@dataclass
class CallReport:
    """What happened: every line the caller heard, and how the call ended."""

    heard: list[tuple[str, str]] = field(default_factory=list)  # (language, text)
    played: list[str] = field(default_factory=list)  # audio URLs, each fetched and found
    pressed: list[str] = field(default_factory=list)
    hung_up_by: str = "hotline"
    steps: int = 0


class Presses:
    """Key presses from a list, or asked for on the terminal."""

    def __init__(self, given: list[str] | None, ask: Callable[[str], str] | None) -> None:
        self._given: Iterator[str] | None = iter(given) if given is not None else None
        self._ask = ask

    def next(self, what: str) -> str | None:
        """The next answer, or None when the caller hangs up."""
        if self._given is not None:
            return next(self._given, None)
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
                next_request = self._follow(twiml, presses, report)
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

    def _follow(
        self, twiml: str, presses: Presses, report: CallReport
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
                    number = "".join(verb.itertext()).strip()
                    self.out(f"  (rings {number or 'a person'})")
                    answer = presses.next("answer, or anything else to let it ring out")
                    status = "completed" if answer == "answer" else "no-answer"
                    self.out(f"  ({'a person answered' if status == 'completed' else 'no answer'})")
                    return self._url(verb.get("action")), {"DialCallStatus": status}
                case "Redirect":
                    return self._url(verb.text), {}
                case "Hangup":
                    report.hung_up_by = "hotline"
                    return None
        return None  # TwiML ran out: Twilio hangs up

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
                    raise RuntimeError(f"{url} is not playable: {resp.status} {resp.content_type}")
            report.played.append(url)

    def _url(self, url: str | None) -> str:
        if not url:
            raise RuntimeError("TwiML without an action URL")
        return url if urlsplit(url).scheme else self.public_url + url

    async def _post(self, http: aiohttp.ClientSession, url: str, extra: dict[str, str]) -> str:
        """Sign for the public URL, as Twilio does, and deliver to where the server listens."""
        form = {**self.params, **extra}
        signature = self.validator.compute_signature(url, form)
        parts = urlsplit(url)
        target = self.base_url + parts.path.removeprefix(urlsplit(self.public_url).path)
        target += f"?{parts.query}" if parts.query else ""
        headers = {"X-Twilio-Signature": signature}
        async with http.post(target, data=form, headers=headers) as resp:
            body = await resp.text()
            if resp.status != 200:
                raise RuntimeError(f"{url} answered {resp.status}: {body.strip()}")
            return body
