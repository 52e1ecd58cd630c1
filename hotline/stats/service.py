"""The statistics of a period: the counts read in one unit of work, folded into figures;
kept a short while in a `Reports` cache when one is given (a page and its charts ask alike)."""

from __future__ import annotations

from hotline.escalation.ports import UnitsOfWork
from hotline.escalation.roster import Roster
from hotline.stats.cache import ReportCache
from hotline.stats.figures import Counts, Report, build
from hotline.stats.period import Period

__all__ = ["Reports", "collect", "report"]

# A report depends on the period (dates and zone) and on the roster (who was on duty when).
Reports = ReportCache[tuple[Period, Roster | None], Report]


async def collect(units: UnitsOfWork, period: Period) -> Counts:
    """Every count of the period, read in one unit of work (nothing is written)."""
    window = period.window()
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
        )


async def report(
    units: UnitsOfWork, period: Period, roster: Roster | None, *, cache: Reports | None = None
) -> Report:
    """The figures of a period; `roster` (the stored one) tells who was on duty when. With
    a `cache`, a report of the same period and roster computed lately (or under way) is
    served instead of computing it again."""
    if cache is None:
        return build(await collect(units, period), period, roster)
    return await cache.get((period, roster), lambda: report(units, period, roster))
