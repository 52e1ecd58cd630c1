"""A database that cannot be reached or used at start, said in one line with the fix.

`hotline db upgrade`, `hotline serve` and every command open the database through
`reaching(url)`: PostgreSQL's missing role or database, a refused port, an unknown host, a
wrong password, and SQLite's unwritable data folder each become a StorageError naming what to
do (the createuser and createdb commands, the variable to fix). Anything else goes on as it
is: a bug keeps its traceback.
"""

from __future__ import annotations

import errno
import socket
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

import asyncpg
from sqlalchemy.engine import URL, make_url

from hotline.errors import StorageError

__all__ = ["reaching"]


@contextmanager
def reaching(url: str) -> Iterator[None]:
    """Turn a failure to open or use the database at `url` into one line with the fix."""
    try:
        yield
    except StorageError:
        raise
    except Exception as exc:
        said = _explained(exc, make_url(url))
        if said is None:
            raise
        raise StorageError(said) from exc


def _explained(exc: BaseException, url: URL) -> str | None:
    for cause in _chain(exc):
        said = _postgres(cause, url) if url.get_backend_name() != "sqlite" else _sqlite(cause, url)
        if said is not None:
            return said
    return None


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """The exception, what it wraps (SQLAlchemy's `.orig`) and what caused it."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        current = todo.pop(0)
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        orig = getattr(current, "orig", None)
        todo += [orig if isinstance(orig, BaseException) else None]
        todo += [current.__cause__, current.__context__]


def _postgres(exc: BaseException, url: URL) -> str | None:
    user, database = url.username or "postgres", url.database or "postgres"
    where = f"{url.host or 'localhost'}:{url.port or 5432}"
    create_role = f"sudo -u postgres createuser {user}"
    create_db = f"sudo -u postgres createdb -O {user} {database}"
    if isinstance(exc, asyncpg.InvalidAuthorizationSpecificationError):
        if "does not exist" in str(exc):
            return (
                f'PostgreSQL at {where} has no role "{user}": create it with: {create_role}; '
                f"{create_db}"
            )
        return f'PostgreSQL at {where} does not let "{user}" in ({exc}): see its pg_hba.conf'
    if isinstance(exc, asyncpg.InvalidPasswordError):
        return f'PostgreSQL at {where} refused the password of "{user}": fix HOTLINE_DATABASE_URL'
    if isinstance(exc, asyncpg.InvalidCatalogNameError):
        return f'PostgreSQL at {where} has no database "{database}": create it with: {create_db}'
    if isinstance(exc, socket.gaierror):
        return f"the database host {url.host!r} is unknown: fix the host in HOTLINE_DATABASE_URL"
    if isinstance(exc, ConnectionRefusedError) or (
        isinstance(exc, OSError) and exc.errno in (errno.ECONNREFUSED, errno.EHOSTUNREACH)
    ):
        return (
            f"nothing answers at {where}: start PostgreSQL there, or fix the host and port in "
            "HOTLINE_DATABASE_URL"
        )
    if isinstance(exc, TimeoutError):
        return f"the database at {where} does not answer in time: is it running and reachable?"
    return None


def _sqlite(exc: BaseException, url: URL) -> str | None:
    path = url.database or ""
    if isinstance(exc, PermissionError | NotADirectoryError) or (
        isinstance(exc, sqlite3.OperationalError)
        and any(s in str(exc) for s in ("unable to open", "readonly", "read-only"))
    ):
        return (
            f"cannot write the database {path}: make its folder writable by this user, or "
            "set HOTLINE_DATA_DIR to a folder that is"
        )
    return None
