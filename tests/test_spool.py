"""The spool file on its own: shared by several processes, unreadable without the key."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

from cryptography.fernet import Fernet

from hotline.crypto import DataCipher
from hotline.storage.spool import Spool
from tests.conftest import DATA_KEY

WRITERS = 4
EACH = 40


def _write(path: str, writer: int) -> None:
    spool = Spool(Path(path), DataCipher(DATA_KEY.encode()))
    for n in range(EACH):
        spool.append({"writer": writer, "n": n})


def test_several_processes_append_while_another_replays_and_nothing_is_lost(
    tmp_path: Path,
) -> None:
    path = tmp_path / "spool" / "voice.spool"
    spool = Spool(path, DataCipher(DATA_KEY.encode()))
    context = multiprocessing.get_context("fork")
    writers = [context.Process(target=_write, args=(str(path), w)) for w in range(WRITERS)]
    for process in writers:
        process.start()
    replayed: list[tuple[int, int]] = []
    while any(p.is_alive() for p in writers) or spool.read().entries:
        # A replay: take what is there, then remove exactly that, while appends go on.
        claim = spool.claim_replay()
        assert claim is not None
        entries = spool.read().entries
        replayed += [(e.record["writer"], e.record["n"]) for e in entries]
        spool.remove([e.line for e in entries])
        claim.release()
    for process in writers:
        process.join()
        assert process.exitcode == 0
    assert sorted(replayed) == [(w, n) for w in range(WRITERS) for n in range(EACH)]
    assert path.read_bytes() == b""
    assert path.stat().st_mode & 0o777 == 0o600


def test_one_process_replays_at_a_time(tmp_path: Path) -> None:
    path = tmp_path / "spool" / "voice.spool"
    first = Spool(path, DataCipher(DATA_KEY.encode()))
    first.append({"n": 1})
    second = Spool(path, DataCipher(DATA_KEY.encode()))  # another process's view
    claim = first.claim_replay()
    assert claim is not None
    assert second.claim_replay() is None
    claim.release()
    again = second.claim_replay()
    assert again is not None
    again.release()


def test_a_record_made_with_another_key_is_kept_not_dropped(tmp_path: Path) -> None:
    path = tmp_path / "spool" / "voice.spool"
    Spool(path, DataCipher(Fernet.generate_key())).append({"n": "old key"})
    spool = Spool(path, DataCipher(DATA_KEY.encode()))
    spool.append({"n": "this key"})
    contents = spool.read()
    assert [e.record for e in contents.entries] == [{"n": "this key"}]
    assert contents.unreadable == 1
    assert spool.remove([e.line for e in contents.entries]) == 1
    assert path.read_bytes().count(b"\n") == 1  # the old key's record waits for its key
    assert os.stat(path).st_mode & 0o777 == 0o600
