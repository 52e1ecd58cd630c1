# Stran s statistiko (/staff/statistics). $title je naslov grafa (iz stats.ftl).

dash-nav-statistics = Statistika
dash-stats-title = Statistika
dash-stats-period = Obdobje
dash-stats-from = Od
dash-stats-to = Do
dash-stats-show = Prikaži
dash-stats-bad-period = Za ta datuma statistike ni mogoče prikazati. Prvi dan ne sme biti za zadnjim, obdobje pa je lahko dolgo največ dve leti.
dash-stats-contents = Na tej strani
dash-stats-chart-alt = Graf: { $title }. Iste številke so v tabeli pod njim.
dash-stats-csv = Prenesi kot CSV: { $title }
