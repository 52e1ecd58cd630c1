"""Pieces both fakes share: a loopback aiohttp server, a change signal, bounded waiting."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from typing import Self, TypeVar

from aiohttp import web

__all__ = ["LoopbackServer", "Signal", "wait_until"]

LOOPBACK = "127.0.0.1"
T = TypeVar("T")


class LoopbackServer:
    """An aiohttp application served on 127.0.0.1 at an ephemeral port, in the running loop."""

    def __init__(self, app: web.Application, *, shutdown_timeout: float = 1.0) -> None:
        self._app = app
        # A short graceful shutdown: a client that keeps a request open must not hold a test.
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=shutdown_timeout)
        self._port: int | None = None

    @property
    def port(self) -> int:
        """The bound port; only once started."""
        if self._port is None:
            raise RuntimeError("the fake server is not started")
        return self._port

    @property
    def origin(self) -> str:
        """`http://127.0.0.1:PORT`."""
        return f"http://{LOOPBACK}:{self.port}"

    async def start(self) -> None:
        """Bind 127.0.0.1 on a port the kernel picks."""
        if self._port is not None:
            return
        await self._runner.setup()
        site = web.TCPSite(self._runner, host=LOOPBACK, port=0)
        await site.start()
        host, port = self._runner.addresses[0][:2]
        if host != LOOPBACK:  # pragma: no cover - a guard, never expected
            raise RuntimeError(f"fake bound {host}, not loopback")
        self._port = int(port)

    async def close(self) -> None:
        """Stop serving and release the port."""
        await self._runner.cleanup()
        self._port = None

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()


class Signal:
    """Wakes every waiter each time something is recorded (no lock needed, unlike a Condition)."""

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def fire(self) -> None:
        """Wake the current waiters; later waiters wait for the next fire."""
        self._event.set()
        self._event = asyncio.Event()

    async def wait(self) -> None:
        """Until the next fire."""
        await self._event.wait()


async def wait_until(
    signal: Signal,
    records: Callable[[], Sequence[T]],
    predicate: Callable[[T], bool],
    *,
    count: int,
    after: int,
    timeout: float,  # noqa: ASYNC109 - the callers' bound, applied with asyncio.timeout
    describe: Callable[[], str],
) -> list[T]:
    """The first `count` records past index `after` that satisfy `predicate`, within `timeout`.

    Raises TimeoutError naming what was recorded, so a failing test says why.
    """
    if count < 1:
        raise ValueError("count must be at least 1")
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        found = [record for record in records()[after:] if predicate(record)]
        if len(found) >= count:
            return found[:count]
        remaining = deadline - loop.time()
        if remaining <= 0:
            raise TimeoutError(
                f"waited {timeout:g}s for {count} matching record(s), found {len(found)}; "
                f"recorded: {describe()}"
            )
        try:
            async with asyncio.timeout(remaining):
                await signal.wait()
        except TimeoutError:
            continue  # the loop reports what it found
