"""Every column encrypted with the data key, found by its `info=sealed()` mark, and the batched
re-encryption and survey of them (`hotline keys rotate-data`, `hotline keys check`).

A batch is one transaction: read the next rows by primary key, re-encrypt in memory what an
old key made, write each value back only if the row still holds what was read
(`UPDATE ... WHERE id = :id AND column = :old`): a value the hotline changed meanwhile is
kept as the hotline wrote it. A value the primary key already decrypts is left alone, so a
rerun after a crash or a stop carries on where the last one got to.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, ColumnElement, Table, Text, bindparam, func, select, update
from sqlalchemy import cast as sql_cast
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from hotline.crypto import DataCipher, KeyUsed
from hotline.storage.models import Base


@dataclass(frozen=True)
class SealedTable:
    """A table with encrypted columns: its primary key and those columns (name, kind)."""

    table: Table
    key: Column[Any]
    columns: tuple[tuple[str, str], ...]

    @property
    def name(self) -> str:
        """The table's name."""
        return self.table.name

    def stored(self, column: str) -> ColumnElement[Any]:
        """The column as stored: a JSON list of tokens read and compared as its text."""
        kind = dict(self.columns)[column]
        col = self.table.c[column]
        return sql_cast(col, Text) if kind == "list" else col


def sealed_tables() -> tuple[SealedTable, ...]:
    """Every table with a column marked `info=sealed()`, by name."""
    found: list[SealedTable] = []
    for table in sorted(Base.metadata.tables.values(), key=lambda t: t.name):
        columns = tuple(
            (c.name, str(c.info["encrypted"])) for c in table.columns if c.info.get("encrypted")
        )
        if not columns:
            continue
        [key] = table.primary_key.columns  # batches go by a single-column primary key
        found.append(SealedTable(table, key, columns))
    return tuple(found)


@dataclass(frozen=True)
class Change:
    """One value to write back: the row's key, the column, what was read, what replaces it."""

    key: Any
    column: str
    old: str
    new: str | list[str]


@dataclass(frozen=True)
class Batch:
    """Rows read after a key: their stored values, and the last key (None: no rows left)."""

    rows: tuple[tuple[Any, dict[str, str | None]], ...]
    last: Any | None


async def read_batch(
    conn: AsyncConnection, sealed: SealedTable, after: Any | None, size: int
) -> Batch:
    """The next `size` rows after key `after`, in key order, as stored."""
    names = [name for name, _ in sealed.columns]
    query = select(sealed.key, *(sealed.stored(n).label(n) for n in names))
    if after is not None:
        query = query.where(sealed.key > after)
    rows = (await conn.execute(query.order_by(sealed.key).limit(size))).all()
    read = tuple((row[0], {n: row[i + 1] for i, n in enumerate(names)}) for row in rows)
    return Batch(read, read[-1][0] if read else None)


def changes(cipher: DataCipher, sealed: SealedTable, batch: Batch) -> list[Change]:
    """What an old key made, re-encrypted with the primary one (pure)."""
    kinds = dict(sealed.columns)
    found: list[Change] = []
    for key, values in batch.rows:
        for column, stored in values.items():
            if stored is None:
                continue
            if kinds[column] == "list":
                tokens = _tokens(stored)
                rotated = [cipher.rotate(t) for t in tokens]
                if any(rotated):
                    new = [r or t for r, t in zip(rotated, tokens, strict=True)]
                    found.append(Change(key, column, stored, new))
            elif (token := cipher.rotate(stored)) is not None:
                found.append(Change(key, column, stored, token))
    return found


async def write_changes(
    conn: AsyncConnection, sealed: SealedTable, found: Sequence[Change]
) -> None:
    """Write each value back where the row still holds what was read."""
    for column, _ in sealed.columns:
        params = [
            {"p_key": c.key, "p_old": c.old, "p_new": c.new} for c in found if c.column == column
        ]
        if not params:
            continue
        statement = (
            update(sealed.table)
            .where(sealed.key == bindparam("p_key"), sealed.stored(column) == bindparam("p_old"))
            .values({column: bindparam("p_new", type_=sealed.table.c[column].type)})
        )
        await conn.execute(statement, params)


@dataclass(frozen=True)
class TableProgress:
    """How far a table's rotation got: rows looked at of all, values re-encrypted."""

    table: str
    done: int
    total: int
    resealed: int


async def rotate_table(
    engine: AsyncEngine,
    cipher: DataCipher,
    sealed: SealedTable,
    *,
    batch_size: int,
    max_batches: int | None,
    progress: Callable[[TableProgress], None],
) -> tuple[TableProgress, int, bool]:
    """Re-encrypt a table in batches, each its own transaction; returns the progress, the
    batches run and whether the table is done (False when `max_batches` ran out first)."""
    async with engine.connect() as conn:
        total = (await conn.execute(select(func.count()).select_from(sealed.table))).scalar() or 0
    state = TableProgress(sealed.name, 0, total, 0)
    after: Any | None = None
    batches = 0
    while max_batches is None or batches < max_batches:
        async with engine.begin() as conn:
            batch = await read_batch(conn, sealed, after, batch_size)
            found = changes(cipher, sealed, batch)
            await write_changes(conn, sealed, found)
        if batch.last is None:
            return state, batches, True
        batches += 1
        after = batch.last
        done = state.done + len(batch.rows)
        state = TableProgress(sealed.name, done, max(total, done), state.resealed + len(found))
        progress(state)
        if len(batch.rows) < batch_size:
            return state, batches, True
    return state, batches, False


@dataclass(frozen=True)
class ColumnCount:
    """How a column's values decrypt: with the primary key, only an old one, with none."""

    table: str
    column: str
    primary: int = 0
    old: int = 0
    none: int = 0


async def survey(
    engine: AsyncEngine, cipher: DataCipher, *, batch_size: int = 1000
) -> list[ColumnCount]:
    """Every encrypted value tried with the configured keys (counts only, never a value)."""
    counts: list[ColumnCount] = []
    for sealed in sealed_tables():
        tally = {name: dict.fromkeys(KeyUsed, 0) for name, _ in sealed.columns}
        kinds = dict(sealed.columns)
        after: Any | None = None
        while True:
            async with engine.connect() as conn:
                batch = await read_batch(conn, sealed, after, batch_size)
            for _, values in batch.rows:
                for column, stored in values.items():
                    if stored is None:
                        continue
                    tokens = _tokens(stored) if kinds[column] == "list" else [stored]
                    for token in tokens:
                        tally[column][cipher.key_used(token)] += 1
            if batch.last is None or len(batch.rows) < batch_size:
                break
            after = batch.last
        counts.extend(
            ColumnCount(sealed.name, n, t[KeyUsed.PRIMARY], t[KeyUsed.OLD], t[KeyUsed.NONE])
            for n, t in tally.items()
        )
    return counts


def _tokens(stored: str) -> list[str]:
    """The tokens of a JSON list column (a damaged one counts as one token that won't open)."""
    try:
        value = json.loads(stored)
    except ValueError:
        return [stored]
    if not isinstance(value, list):
        return [stored]
    return [t if isinstance(t, str) else json.dumps(t) for t in value]
