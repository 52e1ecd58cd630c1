# Журнал аудита в панели сотрудников (супервайзеры и администраторы): кто что просматривал
# или менял, когда и почему. $name — имя сотрудника; $change — add, change или remove.

dash-nav-audit = Журнал аудита
dash-audit-title = Журнал аудита
dash-audit-intro = Кто что просматривал или менял и почему, сначала самые новые записи.
dash-audit-staff = Сотрудник
dash-audit-anyone = Любой
dash-audit-case = Код дела
dash-audit-from = С
dash-audit-to = По
dash-audit-filter = Показать
dash-audit-when = Когда
dash-audit-who = Кто
dash-audit-what = Что
dash-audit-participant = Участник
dash-audit-reason = Причина
dash-audit-code = Код действия
dash-audit-empty = Ни одна запись не подходит.
dash-audit-older = Более старые записи
dash-audit-newest = Самые новые записи
dash-audit-csv = Скачать эти записи в CSV

## Что было сделано
dash-audit-contacts = Просмотр контактных данных
dash-audit-enrol = Зачисление участника
dash-audit-release = Изменение даты освобождения
dash-audit-withdraw = Исключение участника из программы
dash-audit-roster-weekly = { $change ->
    [add] Добавление еженедельной смены
    [remove] Удаление еженедельной смены
   *[other] Изменение еженедельной смены
}
dash-audit-roster-once = { $change ->
    [add] Добавление разовой смены
    [remove] Удаление разовой смены
   *[other] Изменение разовой смены
}
dash-audit-roster-holiday = { $change ->
    [add] Добавление праздника
    [remove] Удаление праздника
   *[other] Изменение праздника
}
dash-audit-calendar-new = Создание новой ссылки на календарь
dash-audit-calendar-revoke = Отключение своей ссылки на календарь
dash-audit-invite = Ссылка для входа для сотрудника { $name }
dash-audit-sign-out = Выход сотрудника { $name } на всех устройствах
dash-audit-other = Другое действие
# The daily purge (or `hotline data purge`): its counts are the line's reason.
dash-audit-purge = Удаление данных с истёкшим сроком хранения
