"""The statistics of a period: the counts read in one unit of work, folded into figures;
kept a short while in a `Reports` cache when one is given (a page and its charts ask alike)."""

from __future__ import annotations

from collections.abc import Mapping

from hotline.escalation.ports import UnitsOfWork
from hotline.escalation.roster import Roster
from hotline.stats.cache import ReportCache
from hotline.stats.figures import Counts, Report, build
from hotline.stats.period import Period

__all__ = ["RegionNames", "Reports", "collect", "report"]

# A report depends on the period (dates and zone), on the roster (who was on duty when) and
# on whether calls a simulator placed count.
Reports = ReportCache[tuple[Period, Roster | None, bool], Report]


RegionNames = Mapping[str, Mapping[str, str]]  # a region's code -> language -> its name


async def collect(
    units: UnitsOfWork,
    period: Period,
    region_names: RegionNames | None = None,
    *,
    simulated: bool = False,
) -> Counts:
    """Every count of the period, read in one unit of work (nothing is written); the
    directory's asks are counted by the days of the deployment's own zone. Calls and chats
    a simulator placed count only with `simulated`."""
    window = period.window(simulated=simulated)
    async with units() as uow:
        stats = uow.stats
        return Counts(
            by_day=await stats.traffic_by_day(window),
            by_hour=await stats.traffic_by_hour(window),
            by_language=await stats.traffic_by_language(window),
            paths=await stats.top_paths(window),
            kinds=await stats.escalation_kinds(window),
            answer_delays=await stats.answer_delays(window),
            starts=await stats.escalation_starts(window),
            callbacks=await stats.callback_outcomes(window),
            callback_delays=await stats.callback_delays(window),
            messages=await stats.messages(window),
            participants=await stats.participants(),
            asks=await uow.asks.asks(period.start, period.end),
            region_names=region_names or {},
            callers=await stats.callers(window),
            outcomes=await stats.outcomes(window),
            callback_kinds=await stats.callback_kinds(window),
        )


async def report(
    units: UnitsOfWork,
    period: Period,
    roster: Roster | None,
    *,
    cache: Reports | None = None,
    region_names: RegionNames | None = None,
    simulated: bool = False,
) -> Report:
    """The figures of a period; `roster` (the stored one) tells who was on duty when, and
    `region_names` name the directory's regions (the deployment's: the same for every
    report). Calls a simulator placed count only with `simulated`. With a `cache`, a report
    of the same period, roster and `simulated` computed lately (or under way) is served
    instead of computing it again."""
    if cache is None:
        counts = await collect(units, period, region_names, simulated=simulated)
        return build(counts, period, roster)
    return await cache.get(
        (period, roster, simulated),
        lambda: report(units, period, roster, region_names=region_names, simulated=simulated),
    )
