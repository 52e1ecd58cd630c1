# Страница статистики (/staff/statistics). $title — название диаграммы (из stats.ftl).

dash-nav-statistics = Статистика
dash-stats-title = Статистика
dash-stats-period = Период
dash-stats-from = С
dash-stats-to = По
dash-stats-show = Показать
dash-stats-bad-period = За эти даты статистику показать нельзя. Первый день должен быть не позже последнего, а период — не длиннее двух лет.
dash-stats-contents = На этой странице
dash-stats-chart-alt = Диаграмма: { $title }. Те же цифры — в таблице под ней.
dash-stats-csv = Скачать в CSV: { $title }
