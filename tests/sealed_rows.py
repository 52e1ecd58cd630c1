"""Rows in every table with an encrypted column (and the tables they point to), each encrypted
value a known text under a given key: what `hotline keys rotate-data` must carry over."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Column, Date, Integer, String, Table, select
from sqlalchemy.ext.asyncio import AsyncEngine

from hotline.crypto import DataCipher
from hotline.storage import db
from hotline.storage.models import Base
from hotline.storage.sealed_columns import sealed_tables
from hotline.storage.types import UTCDateTime

WHEN = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)


def secret(table: str, column: str, row: int, part: int = 0) -> str:
    """The text an encrypted value holds."""
    return f"Ники {table}.{column} #{row}.{part} +99555500{row:04d}"


def _tables() -> list[Table]:
    """The tables with encrypted columns and those they refer to, parents first."""
    wanted = {s.table for s in sealed_tables()}
    grow = True
    while grow:
        parents = {fk.column.table for t in wanted for fk in t.foreign_keys}
        grow = not parents <= wanted
        wanted |= parents
    return [t for t in Base.metadata.sorted_tables if t in wanted]


def _value(column: Column[Any], row: int, cipher: DataCipher) -> Any:
    kind = column.info.get("encrypted")
    if kind == "text":
        nullable = column.nullable and row % 4 == 3  # some NULLs, which stay NULL
        return None if nullable else cipher.encrypt(secret(column.table.name, column.name, row))
    if kind == "list":
        return [cipher.encrypt(secret(column.table.name, column.name, row, p)) for p in (0, 1)]
    if column.foreign_keys:
        [fk] = column.foreign_keys
        return _value(fk.column, row, cipher)
    kind_of = column.type
    if isinstance(kind_of, Integer):
        return row + 1
    if isinstance(kind_of, UTCDateTime):
        return WHEN
    if isinstance(kind_of, Date):
        return date(2026, 3, 12)
    if isinstance(kind_of, Boolean):
        return False
    if isinstance(kind_of, JSON):
        return []
    text = f"{column.table.name[:6]}-{column.name[:8]}-{row}"
    length = kind_of.length if isinstance(kind_of, String) else None
    return text[-length:] if length else text


async def fill(database_url: str, cipher: DataCipher, rows: int) -> None:
    """Migrate, then `rows` rows in each of those tables."""
    engine = db.create_engine(database_url)
    try:
        await db.upgrade(engine)
        async with engine.begin() as conn:
            for table in _tables():
                values = [
                    {c.name: _value(c, i, cipher) for c in table.columns} for i in range(rows)
                ]
                await conn.execute(table.insert(), values)
    finally:
        await engine.dispose()


async def stored(engine: AsyncEngine) -> dict[tuple[str, str, str], str | None]:
    """Every encrypted value as stored, by (table, column, row key); a list's by position."""
    found: dict[tuple[str, str, str], str | None] = {}
    async with engine.connect() as conn:
        for sealed in sealed_tables():
            names = [n for n, _ in sealed.columns]
            query = select(sealed.key, *(sealed.table.c[n] for n in names))
            for row in (await conn.execute(query)).all():
                for name, value in zip(names, row[1:], strict=True):
                    if isinstance(value, list):
                        for part, token in enumerate(value):
                            found[(sealed.name, name, f"{row[0]}.{part}")] = token
                    else:
                        found[(sealed.name, name, str(row[0]))] = value
    return found


def expected(table: str, column: str, key: str) -> str:
    """What the value at (table, column, key) was filled with (the row from its key)."""
    head, _, part = key.partition(".")
    row = int(head.rsplit("-", 1)[-1]) - (1 if head.isdigit() else 0)
    return secret(table, column, row, int(part or 0))
