"""Benchmark of Telegram chat: updates through the whole pipeline, and sending under the limits.

What it measures
    `hotline serve` runs as a subprocess on 127.0.0.1 (SQLite, or PostgreSQL with --db), with
    its Telegram bot pointed at the test suite's fake Bot API, which runs in this process and
    enforces Telegram's limits (30 messages/s in all, 1/s per chat) with real 429 answers.

    1. Inbound: CHATS distinct chats (default 1,000) each send /start and then two choices
       as typed numbers, CONCURRENCY at a time, each chat's updates in order, every one
       posted as Telegram posts it (JSON, the secret header). Printed: updates/s the webhook
       accepted (each one deduplicated, run through the flow and stored in one transaction
       before the 200), and the p50/p99 latency of a webhook answer.
    2. Outbound: for --send-seconds the fake counts the replies that arrive: messages/s
       delivered, 429s answered, and whether any chat got a message twice or out of order.
       Telegram's own limit (30/s) is the ceiling: the figure to check is how close to it
       the server sends while never losing a message to a 429.

How to run
    .venv/bin/python bench/chat.py                       # SQLite, 1,000 chats
    .venv/bin/python bench/chat.py --db postgres --chats 1000 --concurrency 50

Everything runs on loopback, every loop is bounded by a count and a time limit.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.fakes.telegram_api import FakeTelegram, TelegramLimits
from tests.fakes.telegram_updates import TelegramUser

SECRET = "bench-secret-0123456789"
PG_URL = os.environ.get("HOTLINE_BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def wait_healthy(url: str, timeout_s: float = 30) -> None:
    async with aiohttp.ClientSession() as http:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            try:
                async with http.get(f"{url}/healthz") as resp:
                    if resp.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.2)
    raise RuntimeError("the server did not start")


SETTLED = (b"the directory's lists are spoken", b"the directory's lists were not spoken ahead")


async def settle(env: dict[str, str], work: Path, timeout_s: float = 300) -> None:
    """Start the server once and stop it when its start-up work is done: a new data folder's
    placeholder audio rendered and the directory's lists spoken ahead (minutes of CPU beside
    the webhooks, kept on disk for the next start). The measured server then starts as one
    that has run before does."""
    log_path = work / "settle.log"
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "hotline", "serve"],
            env={**env, "HOTLINE_LOG_LEVEL": "INFO"},
            cwd=work,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
    try:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            said = log_path.read_bytes()
            if any(line in said for line in SETTLED):
                return
            if proc.poll() is not None:
                raise RuntimeError(f"the server exited at start:\n{said[-2000:].decode()}")
            await asyncio.sleep(0.5)  # the fake Bot API answers the server's getMe meanwhile
        raise RuntimeError(f"the server's start-up work took over {timeout_s:.0f} s")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


async def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chats", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--send-seconds", type=float, default=20.0)
    args = parser.parse_args()

    fake = FakeTelegram(limits=TelegramLimits())
    await fake.start()
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    work = Path(tempfile.mkdtemp(prefix="hotline-bench-chat-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOTLINE_")}
    env.update(
        HOTLINE_MODE="local",
        HOTLINE_PORT=str(port),
        HOTLINE_LOG_LEVEL="WARNING",
        HOTLINE_TELEGRAM_TOKEN=fake.token,
        HOTLINE_TELEGRAM_WEBHOOK_SECRET=SECRET,
        HOTLINE_TELEGRAM_API_URL=fake.base_url.removesuffix("/bot"),
    )
    if args.db == "postgres":
        database = f"bench_chat_{os.getpid()}"
        subprocess.run(["psql", PG_URL, "-qc", f"CREATE DATABASE {database}"], check=True)
        env["HOTLINE_DATABASE_URL"] = PG_URL.rsplit("/", 1)[0] + f"/{database}"
        subprocess.run(
            [sys.executable, "-m", "hotline", "db", "upgrade"],
            env=env,
            cwd=work,
            check=True,
            capture_output=True,
        )
    await settle(env, work)
    # The server's log goes to a file: a pipe nobody reads fills up and stops the server.
    server_log = (work / "server.log").open("wb")  # closed with the server, below
    server = subprocess.Popen(
        [sys.executable, "-m", "hotline", "serve"],
        env=env,
        cwd=work,
        stdout=subprocess.DEVNULL,
        stderr=server_log,
    )
    try:
        await wait_healthy(url)
        fake.webhook["secret_token"] = SECRET
        headers = {**fake.webhook_headers(), "Content-Type": "application/json"}
        users = [
            TelegramUser(id=10_000 + i, first_name="B", language_code="en")
            for i in range(args.chats)
        ]
        latencies: list[float] = []
        errors: Counter[int] = Counter()  # answers other than 200, by status
        queue: asyncio.Queue[TelegramUser] = asyncio.Queue()
        for user in users:
            queue.put_nowait(user)

        async with aiohttp.ClientSession() as http:

            async def worker() -> None:
                while not queue.empty():
                    user = queue.get_nowait()
                    for update in (
                        fake.updates.command(user, "start"),
                        fake.updates.message(user, "1"),
                        fake.updates.message(user, "1"),
                    ):
                        started = time.perf_counter()
                        async with http.post(
                            f"{url}/telegram", json=update, headers=headers
                        ) as resp:
                            await resp.read()
                            if resp.status != 200:
                                errors[resp.status] += 1
                        latencies.append(time.perf_counter() - started)

            started = time.perf_counter()
            await asyncio.wait_for(
                asyncio.gather(*(worker() for _ in range(args.concurrency))), timeout=600
            )
            inbound_s = time.perf_counter() - started

        sent_before = len(fake.sent)
        rejected_before = len(fake.rejected)
        await asyncio.sleep(args.send_seconds)
        delivered = len(fake.sent) - sent_before
        rejected = len(fake.rejected) - rejected_before

        per_chat: dict[int, list[str]] = defaultdict(list)
        for call in fake.sent:
            if call.method == "sendMessage" and call.chat_id is not None:
                per_chat[int(call.chat_id)].append(call.text or "")
        twice = sum(1 for texts in per_chat.values() for n in Counter(texts).values() if n > 1)

        latencies.sort()
        n = len(latencies)
        print(
            f"chat benchmark on {os.cpu_count()} CPUs, {args.db}, {args.chats} chats, "
            f"{args.concurrency} concurrent"
        )
        print(
            f"  inbound : {n} updates in {inbound_s:.1f} s = {n / inbound_s:.0f} updates/s, "
            f"p50 {statistics.median(latencies) * 1000:.1f} ms, "
            f"p99 {latencies[int(n * 0.99) - 1] * 1000:.1f} ms, "
            f"errors {sum(errors.values())}{f' by status {dict(errors)}' if errors else ''}"
        )
        print(
            f"  outbound: {delivered} messages in {args.send_seconds:.0f} s = "
            f"{delivered / args.send_seconds:.1f} messages/s (Telegram allows 30/s), "
            f"429 answers {rejected}, duplicate texts in a chat {twice}"
        )
        return 1 if errors else 0
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        server_log.close()
        await fake.close()
        if args.db == "postgres":
            subprocess.run(
                ["psql", PG_URL, "-qc", f"DROP DATABASE IF EXISTS {database}"], check=False
            )


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
