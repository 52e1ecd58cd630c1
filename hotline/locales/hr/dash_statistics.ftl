# Stranica statistike (/staff/statistics). $title je naslov grafikona (iz stats.ftl).

dash-nav-statistics = Statistika
dash-stats-title = Statistika
dash-stats-period = Razdoblje
dash-stats-from = Od
dash-stats-to = Do
dash-stats-show = Prikaži
dash-stats-bad-period = Za ove datume statistika se ne može prikazati. Prvi dan ne smije biti nakon zadnjega, a razdoblje može trajati najviše dvije godine.
dash-stats-contents = Na ovoj stranici
dash-stats-chart-alt = Grafikon: { $title }. Isti brojevi nalaze se u tablici ispod njega.
dash-stats-csv = Preuzmi kao CSV: { $title }
