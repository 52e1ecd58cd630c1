"""GET /healthz (and its alias /livez), /readyz and /metrics, and the webhooks' timing.

/healthz says the process answers, whatever the database does: while the database is down
the voice spool still answers callers, so an orchestrator must neither restart nor unroute
the server for it. /readyz says whether it can do its work (the database takes a write, the
schema is at head, the data folder takes a file); monitoring alerts on it. /metrics and
/readyz are for an address in HOTLINE_METRICS_ALLOW, with HOTLINE_METRICS_TOKEN when set.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import datetime

from aiohttp import web
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.pool import QueuePool

from hotline.escalation.model import Kind
from hotline.observe import metrics
from hotline.observe.access import refusal
from hotline.observe.readiness import CHECK_TIMEOUT_S, Readiness, ReadinessProbe
from hotline.observe.settings import ObserveSettings
from hotline.storage.live_figures import LiveFigures, live_figures
from hotline.web.client import client_address

log = logging.getLogger(__name__)

HEALTH_PATH = "/healthz"
LIVE_PATH = "/livez"  # the same as /healthz, for probes written before it
READY_PATH = "/readyz"
METRICS_PATH = "/metrics"

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@web.middleware
async def timing(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Time every webhook, labelled by its route's path as registered (never the path asked,
    which could be anything), errors included."""
    started = time.perf_counter()
    try:
        return await handler(request)
    finally:
        resource = request.match_info.route.resource
        route = resource.canonical if resource is not None else None
        channel = metrics.webhook_channel(route) if route else None
        if channel is not None and route is not None:
            elapsed = time.perf_counter() - started
            metrics.WEBHOOK_SECONDS.labels(channel=channel, route=route).observe(elapsed)


async def alive(request: web.Request) -> web.Response:
    """GET /healthz, /livez: 200 while the process answers requests."""
    del request
    return web.json_response({"status": "alive"})


class Observability:
    """/readyz and /metrics of a running server."""

    def __init__(
        self,
        engine: Callable[[], AsyncEngine],
        probe: ReadinessProbe,
        settings: ObserveSettings,
        *,
        forwarded_for: bool,
        clock: Callable[[], datetime],
    ) -> None:
        self._engine = engine
        self.probe = probe
        self.settings = settings
        self.forwarded_for = forwarded_for
        self.clock = clock

    def routes(self) -> list[web.RouteDef]:
        """The four routes."""
        return [
            web.get(HEALTH_PATH, alive),
            web.get(LIVE_PATH, alive),
            web.get(READY_PATH, self.ready),
            web.get(METRICS_PATH, self.metrics),
        ]

    async def ready(self, request: web.Request) -> web.Response:
        """GET /readyz: 200 when every check passes, else 503 naming the one that failed."""
        self._admit(request)
        readiness = await self._readiness()
        return web.json_response(readiness.as_json(), status=200 if readiness.ready else 503)

    async def metrics(self, request: web.Request) -> web.Response:
        """GET /metrics: the Prometheus exposition, the database's figures read just now."""
        self._admit(request)
        await asyncio.gather(self._readiness(), self._figures())
        self._pool()
        return web.Response(
            body=metrics.exposition(), headers={"Content-Type": metrics.CONTENT_TYPE_LATEST}
        )

    def _admit(self, request: web.Request) -> None:
        address = client_address(request, forwarded_for=self.forwarded_for)
        why = refusal(self.settings, address, request.headers.get("Authorization"))
        if why is not None:
            raise web.HTTPForbidden(text=f"forbidden: {why}\n")

    async def _readiness(self) -> Readiness:
        readiness = await self.probe.check()
        for name, problem in readiness.problems.items():
            metrics.READY.labels(check=name).set(0 if problem else 1)
        if not readiness.ready:
            failed = ", ".join(n for n, p in readiness.problems.items() if p)
            log.warning("not ready: %s", failed)
        return readiness

    async def _figures(self) -> None:
        now = self.clock()
        try:
            async with asyncio.timeout(CHECK_TIMEOUT_S):
                async with self._engine().connect() as conn:
                    figures = await live_figures(conn, now)
        except (TimeoutError, SQLAlchemyError, OSError) as exc:
            # The figures keep their last values; hotline_ready says the database is out.
            log.warning("metrics: the database's figures not read (%s)", type(exc).__name__)
            return
        _set_figures(figures, now)

    def _pool(self) -> None:
        with contextlib.suppress(RuntimeError):  # the database is not open (yet)
            pool = self._engine().pool
            if isinstance(pool, QueuePool):
                in_use = pool.checkedout()
                metrics.POOL.labels(state="in_use").set(in_use)
                metrics.POOL.labels(state="idle").set(pool.checkedin())
                metrics.POOL.labels(state="size").set(pool.size())


def _set_figures(figures: LiveFigures, now: datetime) -> None:
    for channel in metrics.CHANNELS:
        metrics.IN_PROGRESS.labels(channel=channel).set(figures.in_progress.get(channel, 0))
    for kind in Kind:
        metrics.ESCALATIONS_WAITING.labels(kind=kind.value).set(figures.waiting.get(kind, 0))
    oldest = figures.oldest_waiting
    metrics.OLDEST_WAITING.set((now - oldest).total_seconds() if oldest else 0)
    metrics.REMINDERS_DUE.set(figures.reminders_due)
    due = figures.oldest_due
    metrics.DISPATCHER_LAG.set(max((now - due).total_seconds(), 0) if due else 0)
