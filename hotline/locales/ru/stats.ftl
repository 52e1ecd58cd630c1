# Статистика в панели сотрудников: заголовки графиков, столбцы и строки таблиц.

stats-per-day = Звонки и чаты по дням
stats-per-hour = Звонки и чаты по часам недели
stats-languages = Звонки и чаты по языкам
stats-channels = Звонки и чаты по каналам
stats-paths = Самые частые пути по телефонному меню
stats-escalations = Запросы к специалисту
stats-callbacks = Обратные звонки
stats-messages = Отправленные напоминания и опросы
stats-checkins = Ответы на опросы о самочувствии
stats-participants = Участники по этапам

stats-day = День
stats-weekday = День недели
stats-calls = Звонки
stats-chats = Чаты
stats-language = Язык
stats-channel = Канал
stats-channel-name = { $channel ->
        [voice] Телефон
        [sms] SMS
       *[telegram] Telegram
    }
stats-path = Путь по меню
stats-other-paths = Все остальные пути
stats-number = Количество
stats-measure = Что считаем
stats-kind = Запрос
stats-kind-name = { $kind ->
        [call] Звонок, переведённый специалисту
        [callback] Голосовое сообщение или просьба перезвонить
        [chat] Чат со специалистом
        [question] Письменный вопрос
       *[all] Все запросы
    }
stats-total = Запросы
stats-answered = Принято специалистом
stats-answer-time = { $which ->
        [median] Время до ответа, медиана
       *[p90] Время до ответа, 9 из 10 не дольше
    }
stats-after-hours = Вне дежурных часов
stats-callback-state = { $state ->
        [requested] Запрошено
        [done] Перезвонили и закрыли
        [expired] Истекло без звонка
       *[open] Ещё открыто
    }
stats-callback-time = { $which ->
        [median] Время до обратного звонка, медиана
       *[p90] Время до обратного звонка, 9 из 10 не дольше
    }
stats-message-state = { $state ->
        [sent] Отправлено
        [delivered] Доставлено
       *[answered] С ответом
    }
stats-answer = Ответ
stats-answer-name = { $answer ->
        [fine] Всё хорошо
        [talk] Хочет поговорить
        [help-now] Нужна помощь сейчас
        [stop] Просьба прекратить
        [silent] Нет ответа вовремя
       *[waiting] Срок ответа ещё не истёк
    }
stats-phase = Этап
stats-phase-name = { $status ->
        [before-release] До освобождения
        [in-program] В программе
        [ended] Программа завершена
       *[withdrawn] Выбыли досрочно
    }
stats-period = с { $start } по { $end }
stats-note = Числа от 1 до 4 показаны как «<5», а доли и время по группам меньше 5 не показаны, чтобы никого нельзя было узнать.
stats-no-data = За этот период ничего нет.

# What people asked the services directory (counted by channel, never by who asked).
stats-services-kinds = Справочник служб: какую помощь искали
stats-services-regions = Справочник служб: какие регионы выбирали
stats-services-languages = Справочник служб по языкам
stats-services-kind = Вид помощи
stats-services-region = Регион
stats-services-column = { $column ->
        [phone] Списки, прослушанные по телефону
        [chat] Списки, прочитанные в чатах
        [sms] Отправлено по СМС по запросу
       *[nearest] Ближайшие к присланному месту
    }
