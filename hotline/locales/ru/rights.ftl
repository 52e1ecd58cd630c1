# Данные человека: выгрузка, которую он читает (на его языке), а также выгрузка и удаление
# на странице участника в панели.

rights-export-title = Ваши данные, которые хранит программа
rights-export-intro = Здесь всё, что мы храним о вас (код дела { $case }), на { $date }. Время указано в часовом поясе { $zone }.
rights-export-caller-intro = Здесь всё, что мы храним о звонках и сообщениях с вашего номера телефона, на { $date }. Время указано в часовом поясе { $zone }.
rights-export-footer = Вы можете попросить исправить или удалить эти данные. Обратитесь к своему специалисту или позвоните на линию.
rights-section-profile = О вас
rights-section-family = Контакты родственников
rights-section-plan = Запланированные и отправленные сообщения
rights-section-calls = Звонки и чаты
rights-section-staff = Обращения к нашим сотрудникам
rights-section-questions = Оставленные вами вопросы
rights-section-remembered = Что линия помнит о вас
rights-none = Ничего.
rights-field-program = Программа
rights-field-start = Дата освобождения
rights-field-language = Язык
rights-field-channel = Как мы с вами связываемся
rights-field-phone = Номер телефона
rights-field-telegram = Чат в Telegram
rights-field-consent = Согласие на связь
rights-field-specialist = Ваш специалист
rights-field-name = Имя
rights-field-when = Когда
rights-field-status = Состояние
rights-field-attempts = Попытки доставки
rights-field-answer = Ваш ответ
rights-field-duration = Длительность (в секундах)
rights-from-you = Вы
rights-from-staff = Наш сотрудник
rights-voicemail = Голосовое сообщение, { $seconds } с

dash-rights-title = Персональные данные
dash-rights-reason = Причина (сохраняется в журнале аудита)
dash-rights-reason-missing = Укажите причину: она сохраняется в журнале аудита.
dash-rights-export-html = Выгрузить данные (страница для чтения)
dash-rights-export-json = Выгрузить данные (JSON)
dash-rights-erase = Удалить все данные
dash-rights-erase-warning = Будут удалены { $case }, контакты родственников, план, сообщения, ответы и задачи — сразу и навсегда. Звонки и эскалации останутся только как анонимные счётчики. Отменить это нельзя.
dash-rights-erase-confirm = Введите код дела для подтверждения
dash-rights-erase-yes = Удалить всё
dash-rights-erase-mismatch = Введённый код дела не совпадает.
dash-rights-erased = Все данные { $case } удалены.
dash-audit-export = Выгрузка всех данных участника
dash-audit-erase = Удаление всех данных участника
dash-audit-caller-export = Выгрузка данных звонящего (по номеру телефона)
dash-audit-caller-erase = Удаление данных звонящего (по номеру телефона)
