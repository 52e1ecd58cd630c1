# The dashboard's statistics page (/staff/statistics). $title is a chart's title (from stats.ftl).

dash-nav-statistics = Statistics
dash-stats-title = Statistics
dash-stats-period = Period
dash-stats-from = From
dash-stats-to = To
dash-stats-show = Show
dash-stats-bad-period = These dates cannot be shown. Choose a first day on or before the last day, at most two years apart.
dash-stats-contents = On this page
dash-stats-chart-alt = Chart: { $title }. The same numbers are in the table below it.
dash-stats-csv = Download as CSV: { $title }
