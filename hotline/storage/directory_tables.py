"""The services directory's tables: HSDS 3.0 rows kept whole as JSON, the services they
make up, and the facets (region, category, language) they are found by."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hotline.storage.models import Base
from hotline.storage.types import UTCDateTime


class DirectoryRecord(Base):
    """One row of an HSDS 3.0 table of the services directory, kept whole as JSON.

    `parent_id` is the row it belongs to (a phone's service, location or service-at-location;
    an address's location), so a service's whole tree is read back by walking down from it.
    """

    __tablename__ = "directory_records"

    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    parent_id: Mapped[str | None] = mapped_column(String(64))
    sample: Mapped[bool] = mapped_column(Boolean)
    data: Mapped[dict[str, Any]] = mapped_column(JSON)

    __table_args__ = (Index("ix_directory_records_parent_id", "parent_id"),)


class DirectoryService(Base):
    """A service of the directory as searches see it: its name, status and search text."""

    __tablename__ = "directory_services"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(24))
    sample: Mapped[bool] = mapped_column(Boolean)
    example: Mapped[bool] = mapped_column(Boolean)
    last_checked_on: Mapped[date | None] = mapped_column(Date)
    search: Mapped[str] = mapped_column(Text)  # every name and description, case-folded


class DirectoryFacet(Base):
    """What a service can be found by: a region, a category, a language it is offered in."""

    __tablename__ = "directory_facets"

    service_id: Mapped[str] = mapped_column(
        ForeignKey("directory_services.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(12), primary_key=True)
    value: Mapped[str] = mapped_column(String(64), primary_key=True)

    __table_args__ = (Index("ix_directory_facets_kind", "kind", "value"),)


class DirectoryAsk(Base):
    """How often people asked the directory, by day, channel, language, region and kind of
    help ('' for none), and what they asked (a page, an SMS, the nearest to a location):
    counts, never who asked."""

    __tablename__ = "directory_asks"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    channel: Mapped[str] = mapped_column(String(16), primary_key=True)
    language: Mapped[str] = mapped_column(String(8), primary_key=True)
    region: Mapped[str] = mapped_column(String(16), primary_key=True)
    category: Mapped[str] = mapped_column(String(32), primary_key=True)
    kind: Mapped[str] = mapped_column(String(12), primary_key=True)
    count: Mapped[int] = mapped_column(Integer)


class CallerRegion(Base):
    """The region a caller last chose in the directory, by pseudonym: the next call goes
    straight to the kinds of help there (4 in the list of services changes it)."""

    __tablename__ = "caller_regions"

    caller: Mapped[str] = mapped_column(String(64), primary_key=True)
    region: Mapped[str] = mapped_column(String(16))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (Index("ix_caller_regions_updated_at", "updated_at"),)
