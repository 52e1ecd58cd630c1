"""Benchmark of the voice spool: what keeping a voicemail costs while the database is down.

What it measures
    The spool (`hotline/storage/spool.py`) appends one encrypted record a line and fsyncs it
    before the fallback answers Twilio, so its latency is part of what a caller waits for
    after leaving a message during an outage. Printed: the p50/p99/max latency of one
    append (encrypt, flock, write, fsync) over --records appends, one at a time as the
    fallback does them; then the time to read and decrypt the whole spool back, as a replay
    does before it files the records.

How to run
    .venv/bin/python bench/spool.py                   # 2,000 records in a temporary folder
    .venv/bin/python bench/spool.py --records 10000 --dir /var/lib/hotline/spool-bench

The folder decides the figure: fsync on a tmpfs costs nothing, on a real disk it is most of
the time. Every loop is bounded by the record count.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from cryptography.fernet import Fernet

from hotline.crypto import DataCipher
from hotline.storage.spool import Spool


def main() -> None:
    """Append --records records one by one, then read them all back; print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=2000)
    parser.add_argument("--dir", type=Path, default=None, help="where to write (a temp dir)")
    args = parser.parse_args()
    cipher = DataCipher(Fernet.generate_key().decode())
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        spool = Spool(Path(folder) / "spool" / "voice.spool", cipher)
        record = {
            "v": 1,
            "kind": "voicemail",
            "call": "CA" + "0" * 32,
            "from": "+995555123456",
            "at": "2026-12-02T03:00:00+00:00",
            "lang": "ka",
            "rec_sid": "RE" + "0" * 32,
            "rec_url": "https://api.twilio.com/2010-04-01/Accounts/AC0/Recordings/RE0",
            "duration": 42,
        }
        latencies: list[float] = []
        for _ in range(args.records):
            started = time.perf_counter()
            spool.append(record)
            latencies.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        contents = spool.read()
        read_ms = (time.perf_counter() - started) * 1000
        size = (Path(folder) / "spool" / "voice.spool").stat().st_size
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    print(f"folder: {args.dir or tempfile.gettempdir()}")
    print(
        f"append (encrypt + flock + write + fsync), {args.records} records: "
        f"p50 {statistics.median(latencies):.2f} ms, p99 {p99:.2f} ms, "
        f"max {latencies[-1]:.2f} ms"
    )
    print(
        f"read back and decrypt: {len(contents.entries)} records in {read_ms:.0f} ms "
        f"({size / len(contents.entries):.0f} bytes a record)"
    )


if __name__ == "__main__":
    main()
