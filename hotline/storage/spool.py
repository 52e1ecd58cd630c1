"""A durable local spool for what the database could not take: one encrypted record a line.

When the database is down, a caller's voicemail and the end of their call must not live
only in a log line. They are appended here, in the data folder, needing nothing but the
disk, and replayed into the database once it answers again.

The file holds one record a line: a Fernet token (the data key; URL-safe base64 text, no
newline inside) of the record's JSON, then a newline. Nothing in it is readable without the
key. Each append is written and fsynced before it returns; the file is mode 0600.

Several processes on one host share the file. `.lock` beside it (flock) guards every append,
read and rewrite, which are short; `.replay` is held for a whole replay, so only one process
replays at a time and the database work never runs twice at once. Replayed records are
removed by writing the rest to a new file and renaming it over the old one: an appender
opens the spool by name only while it holds the lock, so it never writes to a file that was
replaced.

A crash in the middle of an append leaves a last line without its newline: it is skipped
with a warning, dropped by the next rewrite, and cut off by the next append before it writes.
A complete line that does not decrypt (a record made with another data key) is kept, and
counted, so a key rotation loses nothing.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hotline.crypto import DataCipher, KeyUsed
from hotline.errors import StorageError

log = logging.getLogger(__name__)

FILE_MODE = 0o600
DIR_MODE = 0o700
_TAIL_CHUNK = 1 << 16  # a torn record is far shorter than this


def voice_spool_path(data_dir: Path) -> Path:
    """Where the voice fallback spools what the database could not take."""
    return data_dir / "spool" / "voice.spool"


@dataclass(frozen=True)
class SpoolEntry:
    """One readable record and the exact line it came from (which identifies it)."""

    line: bytes
    record: dict[str, Any]


@dataclass(frozen=True)
class SpoolContents:
    """What a read found: the readable records, in order, and how many lines were not."""

    entries: tuple[SpoolEntry, ...]
    unreadable: int = 0
    torn: bool = False


class ReplayClaim:
    """The replay lock of one process; released by release() (or when the process ends)."""

    def __init__(self, fd: int | None) -> None:
        self._fd = fd

    def release(self) -> None:
        """Let another replay run."""
        if self._fd is not None:
            os.close(self._fd)  # closing releases the flock
            self._fd = None


class Spool:
    """An append-only file of encrypted records, shared by the processes of one host.

    Every method does blocking file I/O: call it through asyncio.to_thread.
    """

    def __init__(self, path: Path, cipher: DataCipher) -> None:
        self.path = path
        self.cipher = cipher
        self._lock_path = path.with_name(path.name + ".lock")
        self._replay_path = path.with_name(path.name + ".replay")
        self._unreadable = 0  # warned of when this changes, not on every read

    def append(self, record: dict[str, Any]) -> None:
        """Add one record, durably (written and fsynced when this returns); OSError if not."""
        self.append_all([record])

    def append_all(self, records: Sequence[dict[str, Any]]) -> None:
        """Add records in order, durably, with one write and one fsync; OSError if not."""
        lines = b"".join(
            self.cipher.encrypt(json.dumps(r, separators=(",", ":"), sort_keys=True)).encode(
                "ascii"
            )
            + b"\n"
            for r in records
        )
        self.path.parent.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        with _flock(self._lock_path):
            created = not self.path.exists()
            fd = os.open(self.path, os.O_RDWR | os.O_APPEND | os.O_CREAT, FILE_MODE)
            try:
                _cut_torn_tail(fd)
                os.write(fd, lines)
                os.fsync(fd)
            finally:
                os.close(fd)
            if created:
                _fsync_dir(self.path.parent)

    def read(self) -> SpoolContents:
        """Every readable record in the order written (a torn last line skipped, warned)."""
        if not self.path.parent.exists():
            return SpoolContents(())  # nothing was ever spooled here
        with _flock(self._lock_path):
            data = self.path.read_bytes() if self.path.exists() else b""
        return self._parse(data)

    def remove(self, lines: Collection[bytes]) -> int:
        """Drop these replayed lines (and a torn tail); returns how many lines remain."""
        if not self.path.parent.exists():
            return 0
        drop = set(lines)
        with _flock(self._lock_path):
            data = self.path.read_bytes() if self.path.exists() else b""
            complete, torn = _split(data)
            kept = [line for line in complete if line not in drop]
            if len(kept) < len(complete) or torn:
                self._replace(b"".join(line + b"\n" for line in kept))
        return len(kept)

    def claim_replay(self) -> ReplayClaim | None:
        """The replay lock, unless another process holds it (None); release() it when done."""
        if not self.path.parent.exists():
            return ReplayClaim(None)  # nothing was ever spooled here: nothing to guard
        fd = os.open(self._replay_path, os.O_RDWR | os.O_CREAT, FILE_MODE)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return None
        return ReplayClaim(fd)

    def reseal(self) -> int | None:
        """Re-encrypt with the primary data key the records an old key made (`hotline keys
        rotate-data`); how many, or None while another process replays (try again later)."""
        claim = self.claim_replay()
        if claim is None:
            return None
        try:
            if not self.path.parent.exists():
                return 0
            with _flock(self._lock_path):
                data = self.path.read_bytes() if self.path.exists() else b""
                complete, _ = _split(data)
                rotated = [self.cipher.rotate(line.decode("ascii", "replace")) for line in complete]
                if not any(rotated):
                    return 0
                self._replace(
                    b"".join(
                        (new.encode("ascii") if new else line) + b"\n"
                        for new, line in zip(rotated, complete, strict=True)
                    )
                )
                return sum(1 for new in rotated if new)
        finally:
            claim.release()

    def keys_used(self) -> dict[KeyUsed, int]:
        """How many records decrypt with the primary key, only an old one, or none."""
        counts = dict.fromkeys(KeyUsed, 0)
        if not self.path.parent.exists():
            return counts
        with _flock(self._lock_path):
            data = self.path.read_bytes() if self.path.exists() else b""
        for line in _split(data)[0]:
            if line.strip():
                counts[self.cipher.key_used(line.decode("ascii", "replace"))] += 1
        return counts

    # -- inside ---------------------------------------------------------------------------

    def _parse(self, data: bytes) -> SpoolContents:
        complete, torn = _split(data)
        if torn:
            log.warning(
                "spool %s: its last record is torn (a crash while writing it); skipped",
                self.path.name,
            )
        entries: list[SpoolEntry] = []
        unreadable = 0
        for line in complete:
            if not line.strip():
                continue
            try:
                record = json.loads(self.cipher.decrypt(line.decode("ascii")))
            except (StorageError, UnicodeDecodeError, ValueError):
                unreadable += 1
                continue
            if isinstance(record, dict):
                entries.append(SpoolEntry(line, record))
            else:
                unreadable += 1
        if unreadable and unreadable != self._unreadable:
            log.warning(
                "spool %s: %d records do not decrypt with HOTLINE_DATA_KEY (made with another "
                "key?); they are kept: restore that key to replay them",
                self.path.name,
                unreadable,
            )
        self._unreadable = unreadable
        return SpoolContents(tuple(entries), unreadable, bool(torn))

    def _replace(self, content: bytes) -> None:
        """Write `content` to a new file and rename it over the spool (the lock is held)."""
        temporary = self.path.with_name(self.path.name + ".new")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        try:
            os.write(fd, content)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temporary, self.path)
        _fsync_dir(self.path.parent)


@contextlib.contextmanager
def _flock(path: Path, *, blocking: bool = True) -> Iterator[bool]:
    """An exclusive flock on `path` (made if need be); False when taken and not blocking."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, FILE_MODE)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if blocking else fcntl.LOCK_NB))
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(fd)  # closing releases the lock


def _split(data: bytes) -> tuple[list[bytes], bytes]:
    """The complete lines, and what follows the last newline (a torn record, or b"")."""
    body, newline, torn = data.rpartition(b"\n")
    return (body.split(b"\n") if newline else []), torn


def _cut_torn_tail(fd: int) -> None:
    """Cut a torn last record off, so the next one starts on a line of its own."""
    size = os.fstat(fd).st_size
    if size == 0:
        return
    start = max(0, size - _TAIL_CHUNK)
    tail = os.pread(fd, size - start, start)
    if tail.endswith(b"\n"):
        return
    newline = tail.rfind(b"\n")
    keep = start + newline + 1 if newline >= 0 else (0 if start == 0 else size)
    if keep < size:
        log.warning("spool: a torn last record (a crash while writing it) was cut off")
        os.ftruncate(fd, keep)


def _fsync_dir(folder: Path) -> None:
    """Make a new or renamed file's name durable too."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
