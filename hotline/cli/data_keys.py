"""`hotline keys rotate-data` and `hotline keys check`: re-encrypt every encrypted value with
the primary data key, and say which columns still need an old key or open with none.

Counts only: no value, decrypted or not, is ever printed.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections.abc import Callable, Sequence

from hotline.bootstrap import Database, core
from hotline.cli.common import SubParsers, with_database
from hotline.config import Settings, load_settings
from hotline.config_secrets import PREVIOUS_DATA_KEYS, begin_local_rotation, retire_local_keys
from hotline.crypto import DataCipher, KeyUsed
from hotline.errors import ConfigError
from hotline.storage.sealed_columns import (
    ColumnCount,
    TableProgress,
    rotate_table,
    sealed_tables,
    survey,
)
from hotline.storage.spool import Spool, voice_spool_path

ROTATE = "keys rotate-data"
CHECK = "keys check"
_PROCEDURE = "README, 'Rotating the data key'"


def add_parsers(keys: SubParsers) -> None:
    """`rotate-data` and `check` under `hotline keys`."""
    rotate = keys.add_parser(
        "rotate-data",
        help="re-encrypt every encrypted value with HOTLINE_DATA_KEY, in batches",
        description=(
            "Re-encrypt with HOTLINE_DATA_KEY every value an old key (HOTLINE_DATA_KEYS_OLD) "
            "made, table by table in batches, each batch its own transaction, while the "
            "hotline runs. It can be stopped and run again: it carries on. In local mode, "
            f"it first makes the new key itself (the old one kept in {PREVIOUS_DATA_KEYS} "
            f"until done). The whole procedure: {_PROCEDURE}."
        ),
    )
    rotate.add_argument(
        "--batch-size", type=_positive, default=500, help="rows a batch (default 500)"
    )
    rotate.add_argument(
        "--max-batches",
        type=_positive,
        default=None,
        help="stop after this many batches (run it again to carry on)",
    )
    rotate.set_defaults(func=_rotate_data)
    check = keys.add_parser(
        "check",
        help="check that every encrypted value decrypts with the configured data keys",
        description=(
            "Try every encrypted value (and the voice spool's records) with HOTLINE_DATA_KEY "
            "and HOTLINE_DATA_KEYS_OLD; print counts per column, never a value. Exit 1 if "
            "some decrypt with none of them."
        ),
    )
    check.add_argument(
        "--primary-only",
        action="store_true",
        help="fail also while values still need an old key (before removing one)",
    )
    check.set_defaults(func=_check)


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: give a whole number from 1 up")
    return int(text)


def _rotate_data(args: argparse.Namespace) -> int:
    settings = load_settings()
    if not settings.data_keys_old:
        if settings.data_key_file is None:
            raise ConfigError(
                "nothing to rotate from: HOTLINE_DATA_KEYS_OLD is empty; give every server the "
                "new key as HOTLINE_DATA_KEY and the old one as HOTLINE_DATA_KEYS_OLD, restart "
                f"them, then run this ({_PROCEDURE})"
            )
        begin_local_rotation(settings.data_key_file)
        settings = load_settings()
        print(
            f"{ROTATE}: local mode: a new data key in {settings.data_key_file}, the old one "
            f"kept in {PREVIOUS_DATA_KEYS} until this is done; restart a running "
            "`hotline serve` (it read the keys when it started)"
        )
    hotline = core(settings)

    async def work(database: Database) -> int:
        return await rotate_all(
            database, hotline.cipher, settings, args.batch_size, args.max_batches
        )

    return with_database(hotline, work)


async def rotate_all(
    database: Database,
    cipher: DataCipher,
    settings: Settings,
    batch_size: int,
    max_batches: int | None,
) -> int:
    """Every table, then the voice spool; then the survey says whether the old keys can go."""
    left = max_batches
    for sealed in sealed_tables():
        state, used, finished = await rotate_table(
            database.engine,
            cipher,
            sealed,
            batch_size=batch_size,
            max_batches=left,
            progress=_every_second(),
        )
        print(_progress(state))
        left = None if left is None else left - used
        if not finished:
            print(
                f"{ROTATE}: stopped after {max_batches} batches as asked; run it again to carry on"
            )
            return 0
    spool = Spool(voice_spool_path(settings.data_dir), cipher)
    resealed = await asyncio.to_thread(spool.reseal)
    if resealed is None:
        print(f"{ROTATE}: the voice spool is being replayed into the database; run it again")
        return 1
    if resealed:
        print(f"{ROTATE}: voice spool: {resealed} records re-encrypted")
    counts = await _counts(database, cipher, settings)
    problems = _problems(counts, ROTATE, primary_only=True)
    if problems:
        print(*problems, sep="\n")
        return 1
    if settings.data_key_file is not None:
        retire_local_keys(settings.data_key_file)
        print(
            f"{ROTATE}: done; every encrypted value decrypts with the new key; the old one "
            "is deleted"
        )
    else:
        print(
            f"{ROTATE}: done; every encrypted value decrypts with HOTLINE_DATA_KEY: remove "
            "HOTLINE_DATA_KEYS_OLD from every server's settings and restart them"
        )
    return 0


def _check(args: argparse.Namespace) -> int:
    settings = load_settings()
    hotline = core(settings)

    async def work(database: Database) -> list[ColumnCount]:
        return await _counts(database, hotline.cipher, settings)

    counts = with_database(hotline, work)
    problems = _problems(counts, CHECK, primary_only=args.primary_only)
    if problems:
        print(*problems, sep="\n")
        return 1
    total = sum(c.primary + c.old for c in counts)
    old = sum(c.old for c in counts)
    print(
        f"{CHECK}: all {total} encrypted values decrypt with the configured keys, "
        f"{total - old} with HOTLINE_DATA_KEY alone"
    )
    return 0


async def _counts(database: Database, cipher: DataCipher, settings: Settings) -> list[ColumnCount]:
    counts = await survey(database.engine, cipher)
    spool = Spool(voice_spool_path(settings.data_dir), cipher)
    used = await asyncio.to_thread(spool.keys_used)
    counts.append(
        ColumnCount(
            "voice spool", "records", used[KeyUsed.PRIMARY], used[KeyUsed.OLD], used[KeyUsed.NONE]
        )
    )
    return counts


def _problems(counts: Sequence[ColumnCount], command: str, *, primary_only: bool) -> list[str]:
    """One line a column whose values open with no configured key (or, asked, need an old one)."""
    lines: list[str] = []
    for c in counts:
        where = f"{c.table}.{c.column}" if c.table != "voice spool" else "the voice spool"
        if c.none:
            lines.append(
                f"{command}: {where}: {c.none} values decrypt with none of the configured keys: "
                "put the key they were written with in HOTLINE_DATA_KEYS_OLD"
            )
        if c.old and primary_only:
            lines.append(
                f"{command}: {where}: {c.old} values still need an old key: keep it, restart "
                "every server with both keys, and run `hotline keys rotate-data`"
            )
    return lines


def _progress(state: TableProgress) -> str:
    done = f"{state.done}/{state.total} rows"
    return f"{ROTATE}: {state.table}: {done}, {state.resealed} values re-encrypted"


def _every_second() -> Callable[[TableProgress], None]:
    """Print a table's progress at most once a second."""
    last = [time.monotonic()]

    def show(state: TableProgress) -> None:
        if time.monotonic() - last[0] >= 1:
            last[0] = time.monotonic()
            print(_progress(state), flush=True)

    return show
