# Как шаг плана участника читается на его странице (шаг кампании, словами).
dash-step-kind = { $what ->
        [checkin] Контрольное сообщение
        [task] Задача для специалиста
        [end] Последнее сообщение
       *[message] Информация
    }
dash-step-months-before = За { $months } { $months ->
        [one] месяц
        [few] месяца
       *[other] месяцев
    } до освобождения
dash-step-days-before = За { $days } { $days ->
        [one] день
        [few] дня
       *[other] дней
    } до освобождения
dash-step-months-after = Через { $months } { $months ->
        [one] месяц
        [few] месяца
       *[other] месяцев
    } после освобождения
dash-step-days-after = Через { $days } { $days ->
        [one] день
        [few] дня
       *[other] дней
    } после освобождения
dash-step-release-day = В день освобождения
