"""The first message a person ever gets from a campaign says how to stop them.

Every campaign text already opens with the program's name as the deployment configures it
(the `-program` term); the first one a recipient gets also ends with one line, in their
language and for the channel it goes by: reply STOP on SMS, send /stop on Telegram (both
stop every message of ours, as the channels' own STOP and /stop do). A call is not a
channel here (see `channels.outbound`). Whether a message is the first is the dispatcher's
to say: nothing was ever sent, or is being sent, to that recipient before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from hotline.catalog import Catalog
from hotline.conversations.chat_render import ChatMessage
from hotline.messages import MessageId
from hotline.reminders.campaign import Channel

__all__ = ["how_to_stop", "with_how_to_stop"]

_LINES = {
    Channel.SMS: MessageId.FIRST_MESSAGE_STOP_SMS,
    Channel.TELEGRAM: MessageId.FIRST_MESSAGE_STOP_TELEGRAM,
}


def how_to_stop(catalog: Catalog, language: str, channel: Channel) -> str | None:
    """The line that tells how to stop our messages on `channel` (None where there is none)."""
    message = _LINES.get(channel)
    return None if message is None else catalog.format(language, message).strip()


def with_how_to_stop(
    texts: Sequence[ChatMessage], line: str | None, buttons: bool = False
) -> tuple[ChatMessage, ...]:
    """The messages with `line` at their very end: on the last message's own last line
    (above its buttons, where its choices are `buttons`), or, where its choices are numbered
    lines after its text (SMS), after them as a message of its own (one SMS all the same)."""
    if not line:
        return tuple(texts)
    if not texts or (texts[-1].choices and not buttons):
        return (*texts, ChatMessage(line))
    last = texts[-1]
    return (*texts[:-1], replace(last, text=f"{last.text}\n{line}"))
