# Хронология обращения в панели сотрудников (hotline/escalation/timeline.py). Её читают сотрудники.

timeline-opened = { $kind ->
        [call] Звонящий попросил специалиста.
        [callback] Звонящий оставил сообщение или попросил перезвонить.
        [chat] Человек в чате попросил специалиста.
        [question] Человек оставил вопрос.
       *[task] Открыта задача.
    }
timeline-opened-urgent = Слова кризиса: срочно.
timeline-rang = Звонок: { $staff } (до { $seconds } с).
timeline-alerted = Отправлено оповещение: { $staff } (Telegram).
timeline-alerted-group = Отправлено оповещение в группу сотрудников (Telegram).
timeline-called-back = Обратный звонок через горячую линию: { $staff }.
timeline-taken = Принято: { $staff }, через { $minutes ->
        [0] { $seconds } с
       *[other] { $minutes } мин
    }.
timeline-ended = { $outcome ->
        [answered] Ответили.
        [unanswered] Никто не ответил.
        [after-hours] Никто не дежурил.
        [abandoned] Звонящий положил трубку, пока мы звонили.
        [expired] Закрыто: никто не занялся этим вовремя.
       *[done] Готово.
    }
timeline-nobody-on-duty = До { $time } никто не дежурит: тогда и придёт оповещение.
timeline-next-alert = Пока никто не взял; следующее оповещение в { $time }.
timeline-nobody-took-it = Оповещены все; пока никто не взял.
timeline-nobody-to-alert = Оповестить некого: никто из сотрудников недоступен.
timeline-no-alerts = Этот сервер не рассылает оповещений (у него нет рабочего стола сотрудников в Telegram): дело ждёт здесь, пока его не увидят.
