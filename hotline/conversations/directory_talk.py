"""The services directory in a conversation: the lists a choice node offers, and a page of
entries worded for the channel (said on a call, cards in a chat, a text message on request).

The engine asks for a page (`ShowServices`) or a text message (`SendServices`); this module
reads the directory and turns each into what the channel says. Every ask is counted by day,
channel, language, region and kind of help, never by who asked.
"""

from __future__ import annotations

import logging
import time as monotonic
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from hotline.catalog import Catalog
from hotline.channels.sms_encoding import segment_count
from hotline.directory.model import Entry
from hotline.directory.ports import AskCount
from hotline.directory.service import DirectoryService, Found, HasDirectory
from hotline.flows.actions import Action, Arg, PhoneNumber, Say, SendServices, ShowServices
from hotline.flows.choosing import CATEGORY, REGION, Choices, Item
from hotline.messages import MessageId

log = logging.getLogger(__name__)

ALL_DAY = timedelta(hours=23, minutes=59)
CHOICES_TTL_S = 60.0  # the kinds of help on offer are read again after this long
SMS_SEGMENTS = 3  # the most a text message of entries may take
LINE = "\n"


class AskKind(StrEnum):
    """What the anonymous count of asks records: one page shown, one SMS, one location."""

    LIST = "list"
    SMS = "sms"
    NEAREST = "nearest"


SendSms = Callable[[str, str], Awaitable[object]]  # (to, body)


@dataclass
class _Cached:
    """The lists of choices as last worded for one set of languages, and when."""

    at: float
    choices: Choices


class DirectoryTalk:
    """The directory as the conversations speak it."""

    def __init__(
        self, directory: DirectoryService, catalog: Catalog, clock: Callable[[], datetime]
    ) -> None:
        self.directory = directory
        self.catalog = catalog
        self.clock = clock
        # by the languages offered (the phone's grow at start; chats offer all of them)
        self._cached: dict[tuple[str, ...], _Cached] = {}

    def worded(self, languages: Sequence[str]) -> Choices | None:
        """The choices as last worded, while fresh (None: `choices` reads them again)."""
        cached = self._cached.get(tuple(languages))
        if cached is not None and monotonic.monotonic() - cached.at <= CHOICES_TTL_S:
            return cached.choices
        return None

    async def choices(self, languages: Sequence[str], uow: HasDirectory) -> Choices:
        """The regions and the kinds of help with an active service, named in each language:
        read on the step's unit of work `uow` and worded once a minute at most (or when the
        languages offered change), not on every step."""
        worded = self.worded(languages)
        if worded is not None:
            return worded
        offered, now = tuple(languages), monotonic.monotonic()
        categories = await self.directory.within(uow).categories()
        regions: dict[str, tuple[Item, ...]] = {}
        kinds: dict[str, tuple[Item, ...]] = {}
        for language in offered:
            regions[language] = tuple(
                (r.code, r.name) for r in self.directory.region_choices(language)
            )
            kinds[language] = tuple((c.value, self._category(language, c)) for c in categories)
        choices = Choices({REGION: regions, CATEGORY: kinds})
        self._cached[offered] = _Cached(now, choices)
        return choices

    def _category(self, language: str, category: str) -> str:
        """A kind of help in a language's words."""
        return self.catalog.format(
            language, MessageId.SERVICES_CATEGORY_NAME, {"category": category}
        )

    async def for_call(
        self,
        actions: Sequence[Action],
        *,
        uow: HasDirectory,
        number: str | None,
        send: SendSms | None,
    ) -> tuple[Action, ...]:
        """The step's actions with each page of entries said, and each SMS sent to `number`
        (the caller's; used for this send only) through `send`; read and counted on the
        step's unit of work `uow`."""
        directory = self.directory.within(uow)
        out: list[Action] = []
        for action in actions:
            match action:
                case ShowServices():
                    found = await self._page(directory, action, "voice")
                    out.extend(self._said(action, found))
                case SendServices():
                    out.append(await self._sms(directory, action, number, send))
                case _:
                    out.append(action)
        return tuple(out)

    async def for_chat(
        self, actions: Sequence[Action], channel: str, uow: HasDirectory
    ) -> tuple[Action, ...]:
        """The step's actions with each page of entries as cards (compact lines on SMS)."""
        directory = self.directory.within(uow)
        out: list[Action] = []
        for action in actions:
            match action:
                case ShowServices():
                    found = await self._page(directory, action, channel)
                    if not found:
                        out.append(_nothing(action))
                    for item in found:
                        out.append(self.card(item, action.language, compact=channel == "sms"))
                case SendServices():  # a chat shows the entries already
                    continue
                case _:
                    out.append(action)
        return tuple(out)

    async def nearest(
        self, latitude: float, longitude: float, language: str, channel: str
    ) -> list[Say]:
        """Cards of the services nearest a shared location, nearest first, with a heading."""
        found = await self.directory.nearest(
            latitude, longitude, language=language, now=self.clock()
        )
        await self._count(self.directory, channel, _Anywhere(language), AskKind.NEAREST)
        if not found:
            return [Say(MessageId.SERVICES_NEAREST_NONE, language)]
        return [Say(MessageId.SERVICES_NEAREST, language)] + [
            self.card(item, language, compact=False) for item in found
        ]

    def card(self, item: Entry, language: str, *, compact: bool) -> Say:
        """One entry as a chat card (or a compact SMS line), its words already in `language`."""
        if compact:
            return Say(MessageId.SERVICES_SMS_ENTRY, language, self._sms_args(item, language))
        unknown = self.catalog.format(language, MessageId.SERVICES_CARD_UNKNOWN)
        hours = self.catalog.format(language, *_hours(item, card=True))
        extra = []
        if item.distance_km is not None:
            km = f"{item.distance_km:.1f}"
            extra.append(
                self.catalog.format(language, MessageId.SERVICES_CARD_DISTANCE, {"km": km})
            )
        if item.map_link:
            link = {"link": item.map_link}
            extra.append(self.catalog.format(language, MessageId.SERVICES_CARD_MAP, link))
        args: tuple[tuple[str, str | PhoneNumber], ...] = (
            ("name", item.name),
            ("what", item.description),
            ("more", LINE.join(extra)),
            ("address", item.address or unknown),
            ("hours", hours),
            ("phone", PhoneNumber(item.phone) if item.phone else unknown),
        )
        return Say(MessageId.SERVICES_CARD, language, args)

    async def _page(
        self, directory: DirectoryService, action: ShowServices, channel: str
    ) -> list[Entry]:
        """The page of entries shown, counted when it is a list's first showing."""
        if action.offset == 0 and not action.again:
            await self._count(directory, channel, action, AskKind.LIST)
        return await self._entries(directory, action)

    async def _entries(
        self, directory: DirectoryService, action: ShowServices | SendServices
    ) -> list[Entry]:
        """The page of entries an action names, in its language, with today's hours.

        "More" past the last page shows nothing ("that is all"); after it, the entries said
        again (star) or sent by SMS are those of the last page, the ones the caller heard."""
        found = await self._find(directory, action, action.offset)
        past_end = not found.entries and found.total and action.offset
        if past_end and (isinstance(action, SendServices) or action.again):
            last = (found.total - 1) // action.limit * action.limit
            found = await self._find(directory, action, last)
        return found.entries

    async def _find(
        self, directory: DirectoryService, action: ShowServices | SendServices, offset: int
    ) -> Found:
        return await directory.find(
            region=action.region,
            category=action.category,
            language=action.language,
            now=self.clock(),
            limit=action.limit,
            offset=offset,
        )

    def _said(self, action: ShowServices, found: list[Entry]) -> list[Action]:
        lang = action.language
        if not found:
            return [_nothing(action)]
        said: list[Action] = []
        for item in found:
            said.append(
                Say(
                    MessageId.SERVICES_ENTRY,
                    lang,
                    (("name", item.name), ("what", item.description)),
                )
            )
            message, hours = _hours(item, card=False)
            said.append(Say(message, lang, tuple(hours.items())))
            if item.phone:
                said.append(
                    Say(MessageId.SERVICES_PHONE, lang, (("phone", PhoneNumber(item.phone)),))
                )
            else:
                said.append(
                    Say(MessageId.SERVICES_NO_PHONE, lang, (("address", item.address or ""),))
                )
        return said

    async def _sms(
        self,
        directory: DirectoryService,
        action: SendServices,
        number: str | None,
        send: SendSms | None,
    ) -> Say:
        lang = action.language
        if number is None:
            return Say(MessageId.SERVICES_SMS_HIDDEN, lang)
        await self._count(directory, "voice", action, AskKind.SMS)
        entries = await self._entries(directory, action)
        if send is None or not entries:
            return Say(MessageId.SERVICES_SMS_FAILED, lang)
        body = self.sms_body(entries, lang)
        try:
            await send(number, body)
        except Exception as exc:
            log.warning("the SMS of services could not be sent (%s)", type(exc).__name__)
            return Say(MessageId.SERVICES_SMS_FAILED, lang)
        return Say(MessageId.SERVICES_SMS_SENT, lang)

    def sms_body(self, entries: Sequence[Entry], language: str) -> str:
        """The entries as one text message of at most SMS_SEGMENTS segments: today's hours
        go first, then addresses, then names are shortened, so every phone is always there."""
        head = self.catalog.format(language, MessageId.SERVICES_SMS)
        for keep, name_cut in (
            ((True, True), 80),
            ((True, False), 80),
            ((False, False), 80),
            ((False, False), 40),
            ((False, False), 24),
            ((False, False), 12),
        ):
            lines = [head]
            for item in entries:
                args = dict(self._sms_args(item, language, *keep))
                args["name"] = _cut(str(args["name"]), name_cut)
                lines.append(self.catalog.format(language, MessageId.SERVICES_SMS_ENTRY, args))
            body = LINE.join(lines)
            if segment_count(body) <= SMS_SEGMENTS:
                return body
        return body

    def _sms_args(
        self, item: Entry, language: str, with_address: bool = True, with_hours: bool = True
    ) -> tuple[tuple[str, str | PhoneNumber], ...]:
        """An entry's compact line: name, phone, and (when they fit) address and hours."""
        address = f", {item.address}" if with_address and item.address else ""
        hours = f", {self.catalog.format(language, *_hours(item, card=True))}" if with_hours else ""
        phone: str | PhoneNumber = PhoneNumber(item.phone) if item.phone else ""
        return (("name", item.name), ("phone", phone), ("address", address), ("hours", hours))

    async def _count(
        self,
        directory: DirectoryService,
        channel: str,
        asked: ShowServices | SendServices | _Anywhere,
        kind: AskKind,
    ) -> None:
        """One more ask, by day in the deployment's zone (in the unit `directory` is on)."""
        day = self.clock().astimezone(ZoneInfo(directory.regions.zone)).date()
        ask = AskCount(day, channel, asked.language, asked.region, asked.category, kind)
        await directory.count_ask(ask)


@dataclass(frozen=True)
class _Anywhere:
    """An ask of no region or kind of help (the services nearest a place)."""

    language: str
    region: None = None
    category: None = None


def _nothing(action: ShowServices) -> Say:
    message = MessageId.SERVICES_NO_MORE if action.offset else MessageId.SERVICES_NONE_HERE
    return Say(message, action.language)


def _hours(item: Entry, *, card: bool) -> tuple[MessageId, dict[str, Arg]]:
    """Today's opening hours of an entry: the message and its arguments."""
    if item.hours_today:
        first, last = item.hours_today[0], item.hours_today[-1]
        if last.closes - first.opens >= ALL_DAY:  # 24/7: "open day and night", not 0:00-0:00
            always = (
                MessageId.SERVICES_CARD_HOURS_ALWAYS if card else MessageId.SERVICES_HOURS_ALWAYS
            )
            return always, {}
        args: dict[str, Arg] = {"opens": first.opens.time(), "closes": last.closes.time()}
        message = MessageId.SERVICES_CARD_HOURS_OPEN if card else MessageId.SERVICES_HOURS_OPEN
        return message, args
    closed = MessageId.SERVICES_CARD_HOURS_CLOSED if card else MessageId.SERVICES_HOURS_CLOSED
    unknown = MessageId.SERVICES_CARD_HOURS_UNKNOWN if card else MessageId.SERVICES_HOURS_UNKNOWN
    return (closed if item.scheduled else unknown), {}


def _cut(text: str, most: int) -> str:
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"
