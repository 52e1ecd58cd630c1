"""deploy/hotline-backup.sh: a dump an operator restores to get the data back as it was, old
dumps deleted after the days kept, and a setting it cannot use said in one line (exit 2)."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import settings_env
from tests.test_call_cli import hotline

SCRIPT = Path(__file__).parent.parent / "deploy" / "hotline-backup.sh"

pytestmark = pytest.mark.skipif(
    shutil.which("pg_dump") is None or shutil.which("pg_restore") is None,
    reason="needs PostgreSQL's client tools (apt-get install postgresql-client)",
)


def backup(folder: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("HOTLINE_")}
    return subprocess.run(
        ["sh", str(SCRIPT)],
        capture_output=True,
        text=True,
        env={**clean, "HOTLINE_BACKUP_DIR": str(folder), **env},
        timeout=120,
        check=False,
    )


def test_a_restored_dump_gives_the_staff_back_as_they_were(
    tmp_path: Path, postgres_url: str
) -> None:
    env = settings_env(tmp_path, postgres_url)
    assert hotline("db", "upgrade", cwd=tmp_path, **env).returncode == 0
    for person, phone in (("ana", "+995555000001"), ("beka", "+995555000002")):
        added = hotline(
            "staff", "add", person, "--name", person.title(), "--role", "specialist",
            "--languages", "ka", "--phone", phone, cwd=tmp_path, **env,
        )  # fmt: skip
        assert added.returncode == 0, added.stderr
    before = hotline("staff", "list", cwd=tmp_path, **env).stdout
    assert "beka" in before

    dumped = backup(tmp_path / "backups", HOTLINE_DATABASE_URL=postgres_url)
    assert dumped.returncode == 0, dumped.stderr
    (dump,) = (tmp_path / "backups").glob("hotline-*.dump")
    assert dumped.stdout.startswith(f"hotline-backup: {dump} (")
    assert oct(dump.stat().st_mode & 0o777) == "0o600"  # contact data, if encrypted: 0600

    assert hotline("staff", "remove", "beka", cwd=tmp_path, **env).returncode == 0
    assert "beka" not in hotline("staff", "list", cwd=tmp_path, **env).stdout
    restored = subprocess.run(
        ["pg_restore", "--clean", "--if-exists", "--no-owner", "-d", postgres_url, str(dump)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert restored.returncode == 0, restored.stderr
    assert hotline("staff", "list", cwd=tmp_path, **env).stdout == before


def test_dumps_older_than_the_days_kept_are_deleted(tmp_path: Path, postgres_url: str) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    old, recent = folder / "hotline-20250101T033000Z.dump", folder / "hotline-recent.dump"
    for dump, days in ((old, 15), (recent, 13)):
        dump.write_bytes(b"")
        stamp = time.time() - days * 86_400 - 3600
        os.utime(dump, (stamp, stamp))
    result = backup(folder, HOTLINE_DATABASE_URL=postgres_url, HOTLINE_BACKUP_KEEP_DAYS="14")
    assert result.returncode == 0, result.stderr
    assert not old.exists()
    assert recent.exists()
    assert len(list(folder.glob("hotline-*.dump"))) == 2  # the recent one and tonight's


@pytest.mark.parametrize(
    ("env", "said"),
    [
        (
            {},
            "hotline-backup: HOTLINE_DATABASE_URL is not set: give the server's "
            "(/etc/hotline/hotline.env)",
        ),
        (
            {"HOTLINE_DATABASE_URL": "sqlite:///data/hotline.sqlite3"},
            "hotline-backup: HOTLINE_DATABASE_URL is not PostgreSQL: back up an SQLite file "
            "with the server stopped",
        ),
        (
            {
                "HOTLINE_DATABASE_URL": "postgresql://h@127.0.0.1/h",
                "HOTLINE_BACKUP_KEEP_DAYS": "2w",
            },
            "hotline-backup: HOTLINE_BACKUP_KEEP_DAYS=2w: give a number of days, e.g. 14",
        ),
    ],
)
def test_a_setting_it_cannot_use_is_one_line(
    tmp_path: Path, env: dict[str, str], said: str
) -> None:
    result = backup(tmp_path / "backups", **env)
    assert (result.returncode, result.stderr.strip()) == (2, said)
    assert not (tmp_path / "backups").exists()
