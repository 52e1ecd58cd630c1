"""Whether the data folder takes a file: `hotline check` and /readyz ask it."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def data_folder_problem(folder: Path) -> str | None:
    """None when a file can be made, synced and removed in `folder` (made if missing)."""
    probe = folder / f".hotline-check-{os.getpid()}-{secrets.token_hex(4)}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.write(fd, b"hotline check\n")
            os.fsync(fd)
        finally:
            os.close(fd)
        probe.unlink()
    except OSError as exc:
        return f"cannot write there ({exc.strerror})"
    return None
