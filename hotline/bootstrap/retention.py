"""The purge as the server's daily job and `hotline data purge` run it: the deployment's
retention periods, its data key (to find a deleted participant's tasks) and, where it
deletes recordings, Twilio's."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from hotline.bootstrap.channels import recordings_of
from hotline.bootstrap.database import Database
from hotline.retention.policy import PurgeCounts
from hotline.retention.purge import DeleteRecording, purge

if TYPE_CHECKING:  # the package imports this module
    from hotline.bootstrap import Core

__all__ = ["recording_deleter", "run_purge"]


def recording_deleter(core: Core) -> DeleteRecording | None:
    """Deletes a purged voicemail's recording at Twilio, when HOTLINE_DELETE_RECORDINGS is
    set and the account is known; else None (the recording is left to Twilio's settings)."""
    recordings = recordings_of(core) if core.settings.delete_recordings else None
    if recordings is None:
        return None
    found = recordings

    async def delete(link: str) -> bool:
        sid = found.account.recording_sid(link)
        return sid is not None and await found.delete(sid)

    return delete


async def run_purge(
    core: Core, database: Database, now: datetime, *, dry_run: bool = False
) -> PurgeCounts:
    """One purge of the deployment's database by its settings."""
    settings = core.settings
    return await purge(
        database.units,
        settings.retention,
        settings.escalation.callback_keep,
        now,
        dry_run=dry_run,
        cipher=core.cipher,
        delete_recording=recording_deleter(core),
    )
