"""What was written in a taken chat case or question, kept for the web dashboard.

Every text is stored encrypted with the data key, only while its case is open: closing the
case (done, closed by the person, expired) deletes them (`SqlCases.close`).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hotline.storage.models import Base
from hotline.storage.types import UTCDateTime, sealed


class CaseMessage(Base):
    """A message of an open case: the person's (`staff_id` None) or its specialist's."""

    __tablename__ = "case_messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    escalation_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("escalations.id", ondelete="CASCADE")
    )
    staff_id: Mapped[str | None] = mapped_column(String(32))  # who wrote it; None: the person
    text: Mapped[str] = mapped_column(Text, info=sealed())
    written_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (Index("ix_case_messages_escalation_id", "escalation_id"),)
