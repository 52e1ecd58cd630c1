# The dashboard's Now page: the live queue of open work.
# $name is a staff member's name; $code a language code (worded by staff-language-name).

dash-now-queue = Открытые обращения
dash-now-views = Показать
dash-now-view = { $view ->
        [mine] Мои
        [unassigned] Без исполнителя
       *[all] Все
    }
dash-now-empty = Сейчас никто не ждёт.
dash-now-live = Список обновляется сам каждые 10 секунд; в заголовке вкладки — число ожидающих.
dash-now-kind = Тип
dash-now-kind-name = { $kind ->
        [call] Звонок на линии
        [callback] { $task ->
            [voicemail] Голосовое сообщение
           *[other] Просьба перезвонить
        }
        [chat] Чат
        [question] Письменный вопрос
       *[task] { $task ->
            [wants-to-talk] Задача по опросу
            [needs-help-now] Задача по опросу
            [no-answers] Задача по опросу
            [stopped-messages] Задача по опросу
           *[other] Задача программы
        }
    }
dash-now-channel = Канал
dash-now-channel-name = { $channel ->
        [voice] Телефон
        [telegram] Telegram
        [sms] SMS
       *[other] Программа
    }
dash-now-language = Язык
dash-now-since = Поступило
dash-now-holder = Кто занимается
dash-now-yours = Вы
dash-now-taken-by = Взято в работу: { $name }
dash-now-for = Назначено: { $name }, ещё не взято
dash-now-nobody-yet = Пока никто
dash-now-live-call = Абонент ждёт на линии. Язык: { staff-language-name }.
dash-now-timeline = Что происходило
dash-now-outcome = Результат
dash-now-taken = Теперь это ваше обращение.
dash-now-done = Готово: обращение закрыто.
dash-now-back = Назад к списку
dash-now-recording = Сообщение звонившего
dash-audit-voicemail = Прослушивание голосового сообщения
