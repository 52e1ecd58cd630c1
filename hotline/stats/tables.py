"""The figures as tables in a reader's language: one per chart, and the CSV of each.

Every word comes from the catalogue (`stats.ftl`), every number, date and duration through
Babel in the reader's locale, and every figure through `small_counts` (the "<5" rule). A
table is plain data a page renders as HTML; `svg.chart` draws it and `csv_text` writes it,
both from the same cells.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import timedelta
from enum import StrEnum

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, get_day_names

from hotline.capitals import capitalized
from hotline.catalog import Catalog
from hotline.messages import MessageId
from hotline.stats import small_counts
from hotline.stats.asks import AskRow
from hotline.stats.figures import ALL, Delays, Report
from hotline.stats.small_counts import Cell, label

__all__ = ["TABLES", "ChartKind", "Table", "csv_text", "table", "tables"]

PATH_NODES = 6  # the last nodes of a long path a label shows
PATH_JOIN = " \u203a "  # a single right-pointing angle quotation mark


class ChartKind(StrEnum):
    """How a table is drawn."""

    BARS = "bars"  # one bar a row for each charted column (side by side)
    HEATMAP = "heatmap"  # rows x columns, shaded by the figure


@dataclass(frozen=True)
class Table:
    """One chart's numbers: a header row and rows of cells, the first cell the row's name.

    `charted`: the columns the chart draws. `name` is the table's slug (URLs, file names).
    """

    name: str
    title: str
    period: str
    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    kind: ChartKind
    charted: tuple[int, ...]
    note: str
    empty: str
    plain_names: bool = False  # the CSV names rows by their plain form (ISO dates)


@dataclass(frozen=True)
class _Words:
    """What a table builder needs: the catalogue in the reader's language, and the locale."""

    catalog: Catalog
    language: str

    def __call__(self, message: MessageId, **args: str | int) -> str:
        return self.catalog.format(self.language, message, args)

    def count(self, n: int) -> Cell:
        return small_counts.count(n, self.language)


def _language_name(code: str, language: str) -> str:
    try:
        name = Locale.parse(language).languages.get(code) or code
    except (UnknownLocaleError, ValueError):
        name = code
    return capitalized(name)


def _per_day(r: Report, w: _Words) -> Table:
    header = (
        label(w(MessageId.STATS_DAY)),
        label(w(MessageId.STATS_CALLS)),
        label(w(MessageId.STATS_CHATS)),
    )
    rows = tuple(
        (
            Cell(format_date(day, "medium", locale=w.language), day.isoformat()),
            w.count(calls),
            w.count(chats),
        )
        for day, calls, chats in r.per_day
    )
    return replace(
        _table("per-day", MessageId.STATS_PER_DAY, r, w, header, rows, (1, 2)), plain_names=True
    )


def _per_hour(r: Report, w: _Words) -> Table:
    names = get_day_names("wide", locale=w.language)
    header = (label(w(MessageId.STATS_WEEKDAY)), *(label(f"{hour:02d}") for hour in range(24)))
    rows = tuple(
        (label(capitalized(names[day])), *(w.count(n) for n in hours))
        for day, hours in enumerate(r.per_hour)
    )
    return _table(
        "per-hour",
        MessageId.STATS_PER_HOUR,
        r,
        w,
        header,
        rows,
        tuple(range(1, 25)),
        ChartKind.HEATMAP,
    )


def _languages(r: Report, w: _Words) -> Table:
    header = (
        label(w(MessageId.STATS_LANGUAGE)),
        label(w(MessageId.STATS_CALLS)),
        label(w(MessageId.STATS_CHATS)),
    )
    rows = tuple(
        (Cell(_language_name(code, w.language), code), w.count(calls), w.count(chats))
        for code, calls, chats in r.by_language
    )
    return _table("languages", MessageId.STATS_LANGUAGES, r, w, header, rows, (1, 2))


def _channels(r: Report, w: _Words) -> Table:
    header = (label(w(MessageId.STATS_CHANNEL)), label(w(MessageId.STATS_NUMBER)))
    rows = tuple(
        (Cell(w(MessageId.STATS_CHANNEL_NAME, channel=channel), channel), w.count(n))
        for channel, n in r.by_channel
    )
    return _table("channels", MessageId.STATS_CHANNELS, r, w, header, rows, (1,))


def _path_label(path: Sequence[str]) -> str:
    if not path:
        return small_counts.NOT_SHOWN
    shown = PATH_JOIN.join(path[-PATH_NODES:])
    return f"…{PATH_JOIN}{shown}" if len(path) > PATH_NODES else shown


def _paths(r: Report, w: _Words) -> Table:
    header = (label(w(MessageId.STATS_PATH)), label(w(MessageId.STATS_NUMBER)))
    rows: list[tuple[Cell, ...]] = [
        (Cell(_path_label(path), " > ".join(path)), w.count(n)) for path, n in r.paths
    ]
    if r.other_paths > 0:
        rows.append((label(w(MessageId.STATS_OTHER_PATHS)), w.count(r.other_paths)))
    return _table("paths", MessageId.STATS_PATHS, r, w, header, tuple(rows), (1,))


def _times(delays: Delays, w: _Words) -> tuple[Cell, Cell]:
    return (
        small_counts.seconds(delays.median, delays.count, w.language),
        small_counts.seconds(delays.p90, delays.count, w.language),
    )


def _escalations(r: Report, w: _Words) -> Table:
    header = (
        label(w(MessageId.STATS_KIND)),
        label(w(MessageId.STATS_TOTAL)),
        label(w(MessageId.STATS_ANSWERED)),
        label(w(MessageId.STATS_ANSWER_TIME, which="median")),
        label(w(MessageId.STATS_ANSWER_TIME, which="p90")),
        label(w(MessageId.STATS_AFTER_HOURS)),
    )
    rows = tuple(
        (
            Cell(w(MessageId.STATS_KIND_NAME, kind=f.kind), f.kind),
            w.count(f.total),
            small_counts.share(f.answered, f.total, w.language),
            *_times(f.delays, w),
            small_counts.share(f.after_hours, f.total, w.language),
        )
        for f in r.escalations
        if f.kind != ALL or f.total
    )
    return _table("escalations", MessageId.STATS_ESCALATIONS, r, w, header, rows, (1,))


def _callbacks(r: Report, w: _Words) -> Table:
    c = r.callbacks
    header = (label(w(MessageId.STATS_MEASURE)), label(w(MessageId.STATS_NUMBER)))
    median, p90 = _times(c.delays, w)
    rows = (
        *(
            (Cell(w(MessageId.STATS_CALLBACK_STATE, state=state), state), w.count(n))
            for state, n in (
                ("requested", c.requested),
                ("done", c.done),
                ("expired", c.expired),
                ("open", c.open),
            )
        ),
        (Cell(w(MessageId.STATS_CALLBACK_TIME, which="median"), "median"), median),
        (Cell(w(MessageId.STATS_CALLBACK_TIME, which="p90"), "p90"), p90),
    )
    return _table("callbacks", MessageId.STATS_CALLBACKS, r, w, header, rows, (1,))


def _messages(r: Report, w: _Words) -> Table:
    m = r.messages
    header = (label(w(MessageId.STATS_MEASURE)), label(w(MessageId.STATS_NUMBER)))
    rows = tuple(
        (Cell(w(MessageId.STATS_MESSAGE_STATE, state=state), state), w.count(n))
        for state, n in (("sent", m.sent), ("delivered", m.delivered), ("answered", m.answered))
    )
    return _table("reminders", MessageId.STATS_MESSAGES, r, w, header, rows, (1,))


def _checkins(r: Report, w: _Words) -> Table:
    header = (label(w(MessageId.STATS_ANSWER)), label(w(MessageId.STATS_NUMBER)))
    rows = tuple(
        (Cell(w(MessageId.STATS_ANSWER_NAME, answer=answer), answer), w.count(n))
        for answer, n in r.checkins
    )
    return _table("checkins", MessageId.STATS_CHECKINS, r, w, header, rows, (1,))


def _participants(r: Report, w: _Words) -> Table:
    header = (label(w(MessageId.STATS_PHASE)), label(w(MessageId.STATS_NUMBER)))
    rows = tuple(
        (Cell(w(MessageId.STATS_PHASE_NAME, status=status), status), w.count(n))
        for status, n in r.participants
    )
    return _table("participants", MessageId.STATS_PARTICIPANTS, r, w, header, rows, (1,))


_ASK_COLUMNS = ("phone", "chat", "sms")  # the nearest have no region or kind of help


def _asks(
    name: str,
    title: MessageId,
    r: Report,
    w: _Words,
    first: MessageId,
    rows: Sequence[AskRow],
    row_name: Callable[[str], str],
    columns: Sequence[str] = _ASK_COLUMNS,
) -> Table:
    """A view of the directory's asks: a row per kind, region or language, a column per way
    of asking."""
    header = (
        label(w(first)),
        *(label(w(MessageId.STATS_SERVICES_COLUMN, column=c)) for c in columns),
    )
    cells = tuple(
        (Cell(row_name(row.name), row.name), *(w.count(getattr(row, c)) for c in columns))
        for row in rows
    )
    charted = tuple(range(1, len(columns) + 1))
    return _table(name, title, r, w, header, cells, charted)


def _service_kinds(r: Report, w: _Words) -> Table:
    def kind(category: str) -> str:
        return w(MessageId.SERVICES_CATEGORY_NAME, category=category)

    first, title = MessageId.STATS_SERVICES_KIND, MessageId.STATS_SERVICES_KINDS
    return _asks("services-kinds", title, r, w, first, r.services.by_kind, kind)


def _service_regions(r: Report, w: _Words) -> Table:
    def region(code: str) -> str:
        return r.services.region_name(code, w.language)

    first, title = MessageId.STATS_SERVICES_REGION, MessageId.STATS_SERVICES_REGIONS
    return _asks("services-regions", title, r, w, first, r.services.by_region, region)


def _service_languages(r: Report, w: _Words) -> Table:
    def language(code: str) -> str:
        return _language_name(code, w.language)

    first, title = MessageId.STATS_LANGUAGE, MessageId.STATS_SERVICES_LANGUAGES
    rows = r.services.by_language
    columns = (*_ASK_COLUMNS, "nearest")
    return _asks("services-languages", title, r, w, first, rows, language, columns)


def _table(
    name: str,
    title: MessageId,
    report: Report,
    w: _Words,
    header: tuple[Cell, ...],
    rows: tuple[tuple[Cell, ...], ...],
    charted: tuple[int, ...],
    kind: ChartKind = ChartKind.BARS,
) -> Table:
    period = report.period
    last = period.end - timedelta(days=1)
    return Table(
        name=name,
        title=w(title),
        period=w(
            MessageId.STATS_PERIOD,
            start=format_date(period.start, "medium", locale=w.language),
            end=format_date(last, "medium", locale=w.language),
        ),
        header=header,
        rows=rows,
        kind=kind,
        charted=charted,
        note=w(MessageId.STATS_NOTE),
        empty=w(MessageId.STATS_NO_DATA),
    )


_Builder = Callable[[Report, _Words], Table]
TABLES: dict[str, _Builder] = {
    "per-day": _per_day,
    "per-hour": _per_hour,
    "languages": _languages,
    "channels": _channels,
    "paths": _paths,
    "escalations": _escalations,
    "callbacks": _callbacks,
    "reminders": _messages,
    "checkins": _checkins,
    "participants": _participants,
    "services-kinds": _service_kinds,
    "services-regions": _service_regions,
    "services-languages": _service_languages,
}
"""Every table by its name, in the order a page shows them."""


def table(name: str, report: Report, catalog: Catalog, language: str) -> Table:
    """One table (KeyError for a name not in TABLES)."""
    return TABLES[name](report, _Words(catalog, language))


def tables(report: Report, catalog: Catalog, language: str) -> list[Table]:
    """Every table of a report, in page order."""
    words = _Words(catalog, language)
    return [build(report, words) for build in TABLES.values()]


def csv_text(table: Table) -> str:
    """The table as CSV: a header row, then a row per row; figures as the cells' plain form
    (digits, "<5", a share as a fraction), so a spreadsheet reads them as numbers."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([cell.text for cell in table.header])
    for row in table.rows:
        name = row[0].plain if table.plain_names else row[0].text
        writer.writerow([name, *(cell.plain for cell in row[1:])])
    return out.getvalue()
