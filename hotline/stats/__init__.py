"""The dashboard's statistics (issue 14, part 5): counts, figures, tables, SVG charts, CSV.

Layers, edge to middle:
- `ports.StatsRepository` (`uow.stats`, in `hotline.storage.stats`): counts grouped in SQL
  for a `period.Period` (local dates [start, end) in the roster's zone, at most 731 days);
- `service.report(units, period, roster, cache=...)`: those counts read in one unit of work
  and folded by `figures.build` (pure) into a `figures.Report`; with a `service.Reports`
  cache (`cache.ReportCache`: a minute, 16 reports, one computation per key at a time) a
  page, its charts and its CSVs compute the report once;
- `tables.tables(report, catalog, language)`: the report as `tables.Table`s in the reader's
  language (texts in `locales/<lang>/stats.ftl`, numbers and dates by Babel), every figure
  through `small_counts` (the "<5" rule); `svg.chart(table)` and `tables.csv_text(table)`
  draw and write the same cells;
- `web.chart_response` / `web.csv_response` / `web.period_from_query`: aiohttp answers for
  the dashboard's routes (which it wires and guards; see `web`'s docstring).
- `calls_views.view(report, by)`: the views `hotline report calls` prints (English, plain
  numbers, the same "<5" rule) as a table, CSV or JSON.

Calls a simulator placed (`hotline call`) are marked in the call log and left out of every
figure unless a report asks for them (`simulated=True`).

On PostgreSQL a year over a million calls takes a few seconds (bench/stats.py): open the
statistics' units on an engine made with `db.create_engine(url, command_timeout_s=60)`, not
on the webhooks' engine (2 s a statement).
"""
