# Страницы участников в панели сотрудников: список, зачисление, хронология участника.
# $case — код дела; $date — дата и $time — дата и время, уже отформатированные; $name — имя
# сотрудника; $count и $number — числа.

dash-nav-people = Участники

## Список
dash-people-title = Участники
dash-people-search = Код дела
dash-people-status = Статус
dash-people-any = Любой
dash-people-specialist = Специалист
dash-people-next-from = Следующий контакт с
dash-people-next-until = Следующий контакт по
dash-people-quiet = Давно не отвечает
dash-people-filter = Показать
dash-people-program = Программа
dash-people-release = Дата освобождения
dash-people-next = Следующий контакт
dash-people-none-planned = ничего не запланировано
dash-people-found = { $count ->
    [one] { $count } участник
    [few] { $count } участника
   *[other] { $count } участников
}
dash-people-empty = Ни один участник не подходит.
dash-people-page = Страница { $number } из { $count }
dash-people-previous = Предыдущая страница
dash-people-next-page = Следующая страница
dash-people-enrol = Зачислить участника
dash-people-not-yours = Этот участник закреплён за другим специалистом.

## Статусы и каналы
dash-people-status-before-release = До освобождения
dash-people-status-in-program = В программе
dash-people-status-ended = Программа завершена
dash-people-status-withdrawn = Выбыл из программы
dash-people-channel-telegram = Telegram
dash-people-channel-sms = SMS
dash-people-channel-voice = Телефонный звонок

## Зачисление
dash-people-case = Код дела
dash-people-timezone = Часовой пояс
dash-people-language = Язык
dash-people-channel = Предпочтительный канал
dash-people-phone = Номер телефона
dash-people-consent = Согласие на связь через
dash-people-consent-by = Согласие записал (ID сотрудника, если не специалист)
dash-people-family = Родственник { $number }
dash-people-family-name = Имя
dash-people-enrol-button = Зачислить
dash-people-enrol-failed = Некоторые поля нужно исправить. У каждого указано, что не так.
dash-people-optional = необязательно

## Участник
dash-people-person-title = Участник { $case }
dash-people-change-release = Изменить дату освобождения
dash-people-save = Сохранить
dash-people-release-changed = Дата освобождения теперь { $date }. План сообщений обновлён.
dash-people-withdraw = Исключить из программы
dash-people-withdraw-confirm = Исключить { $case } из программы? Ни участнику, ни его родственникам больше не будут приходить сообщения.
dash-people-withdraw-yes = Да, исключить
dash-people-cancel = Отмена
dash-people-withdrawn = { $case } исключён из программы.
dash-people-back = Все участники

## Хронология
dash-people-timeline = Хронология
dash-people-times-in = Время указано в часовом поясе участника ({ $zone }).
dash-people-due = Когда
dash-people-step = Шаг
dash-people-to = Кому
dash-people-outcome = Результат
dash-people-attempts = Попытки
dash-people-answer = Ответ
dash-people-to-participant = Участнику
dash-people-to-family = Родственнику { $number }
dash-people-to-specialist = Задача для специалиста
dash-people-nothing-planned = Сообщений не запланировано.
dash-people-row-planned = Запланировано
dash-people-row-sending = Отправляется
dash-people-row-sent = Отправлено
dash-people-row-delivered = Доставлено
dash-people-row-failed = Не доставлено
dash-people-row-skipped = Пропущено
dash-people-row-cancelled = Отменено
dash-people-row-no-answer = Никто не ответил
dash-people-row-answered = Ответили
dash-people-answer-fine = Всё хорошо
dash-people-answer-talk = Хочет поговорить
dash-people-answer-help-now = Нужна помощь сейчас
dash-people-answer-stop = Просит больше не писать
dash-people-answer-silent = Нет ответа
dash-people-answered-at = ответ { $time }

## Задачи
dash-people-tasks = Задачи и обращения
dash-people-no-tasks = Задач пока нет.
dash-people-task-waiting = Ждёт сотрудника
dash-people-task-taken = Взял(а) { $name }
dash-people-task-done = Выполнено { $time }
dash-people-task-expired = Истекло без ответа

## Контакты
dash-people-contacts = Контактные данные
dash-people-contacts-hidden = Контактные данные скрыты. Каждый просмотр записывается с вашим именем и указанной причиной.
dash-people-reason = Причина просмотра
dash-people-show = Показать контакты
dash-people-reason-missing = Укажите причину, чтобы увидеть контактные данные.
dash-people-no-phone = нет номера телефона
dash-people-telegram-linked = Telegram подключён
dash-people-telegram-not-linked = Telegram не подключён
dash-people-family-contacts = Родственники
dash-people-no-family = Родственники не указаны.
