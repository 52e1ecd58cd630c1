# Stránka statistik (/staff/statistics). $title je název grafu (ze stats.ftl).

dash-nav-statistics = Statistiky
dash-stats-title = Statistiky
dash-stats-period = Období
dash-stats-from = Od
dash-stats-to = Do
dash-stats-show = Zobrazit
dash-stats-bad-period = Pro tato data nelze statistiky zobrazit. První den nesmí být po posledním a období může trvat nejvýše dva roky.
dash-stats-contents = Na této stránce
dash-stats-chart-alt = Graf: { $title }. Stejná čísla jsou v tabulce pod ním.
dash-stats-csv = Stáhnout jako CSV: { $title }
