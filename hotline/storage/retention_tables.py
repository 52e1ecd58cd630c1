"""What is left of the call log once its rows are past keeping: counts, no pseudonym.

`hotline data purge` (and the daily purge job) folds call-log rows older than the retention
period into these tables and deletes them; the statistics read the live rows and these
together, so a period's figures stay the same (see `storage.stats`).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hotline.storage.models import Base
from hotline.storage.types import UTCDateTime


class CallLogTotal(Base):
    """Calls or chats that began in one UTC hour and went alike: how many, how long in all.

    The hour (not the day) keeps the statistics' local days and hours of the week exact in
    any zone whose offset is whole hours; `path` is the node ids as a JSON list, written as
    the call log writes it, so paths group alike in both.
    """

    __tablename__ = "call_log_totals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    hour: Mapped[datetime] = mapped_column(UTCDateTime())
    channel: Mapped[str] = mapped_column(String(16))
    language: Mapped[str] = mapped_column(String(8))
    outcome: Mapped[str | None] = mapped_column(String(16))
    path: Mapped[str] = mapped_column(Text)
    simulated: Mapped[bool] = mapped_column(Boolean)
    calls: Mapped[int] = mapped_column(Integer)
    duration_s: Mapped[int] = mapped_column(Integer)  # summed over those with a duration

    __table_args__ = (Index("ix_call_log_totals_hour", "hour"),)


class CallerTotal(Base):
    """Of the callers of one UTC day, how many made `calls` calls or chats that day.

    Pseudonyms go with the rows, so a caller's calls on other days can no longer be joined:
    after a purge, distinct and repeat callers are counted day by day.
    """

    __tablename__ = "call_log_callers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    day: Mapped[date] = mapped_column(Date)
    simulated: Mapped[bool] = mapped_column(Boolean)
    calls: Mapped[int] = mapped_column(Integer)
    people: Mapped[int] = mapped_column(Integer)

    __table_args__ = (Index("ix_call_log_callers_day", "day"),)
