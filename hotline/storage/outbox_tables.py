"""The durable Telegram outbox: a row for every message the bot is to send, until it is sent.

The chat id and the payload (text, buttons) are personal data: both are sealed. A row is
deleted once Telegram accepted it (or refused it for good), so the table holds only what is
still on its way: seconds normally, a lease's length after a process died.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hotline.storage.models import Base
from hotline.storage.types import UTCDateTime, sealed


class TelegramSendRow(Base):
    """One message (or one button removal) to send; `id` orders a chat's messages."""

    __tablename__ = "telegram_outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    chat: Mapped[str] = mapped_column(Text, info=sealed())  # the Telegram chat id
    payload: Mapped[str] = mapped_column(Text, info=sealed())  # JSON: text, buttons, ...
    request_id: Mapped[str | None] = mapped_column(String(64))  # of the update that sent it
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    claimed_by: Mapped[str | None] = mapped_column(String(32))  # the holding process
    claimed_until: Mapped[datetime] = mapped_column(UTCDateTime())  # its lease
    attempts: Mapped[int] = mapped_column(Integer, default=1)  # processes that claimed it

    __table_args__ = (Index("ix_telegram_outbox_claimed_until", "claimed_until"),)
