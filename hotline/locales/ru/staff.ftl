# What staff hear and read: the whisper before a call is put through, and the staff desk on
# Telegram. The caller's name and number never appear here: staff see the hotline's number.
# Russian: formal "вы"; the same words as hotline.ftl: "специалист", "горячая линия", "нажмите";
# the caller on the phone is "абонент", the person in a chat "собеседник", a case "обращение".

## The whisper: heard by the specialist who picks up, before the caller is put through

# $code is a language code; the name is read in the specialist's language.
staff-language-name = { $code ->
        [ka] грузинский
        [ru] русский
        [hr] хорватский
        [cs] чешский
        [sl] словенский
       *[en] английский
    }
whisper-offer = Звонок на горячую линию. Язык: { staff-language-name }. Чтобы принять звонок, нажмите 1.
whisper-taken-elsewhere = Этот звонок уже принял коллега. Спасибо.
# A callback the specialist asked for: their phone rings first, then the caller's.
callback-whisper = Обратный звонок с горячей линии. Язык: { staff-language-name }. Чтобы позвонить абоненту сейчас, нажмите 1.
callback-dialing = Звоним абоненту. Он увидит номер горячей линии.
callback-closed = Эта заявка на обратный звонок уже закрыта. Спасибо.

## The staff desk on Telegram

staff-voicemail = Голосовое сообщение. Язык: { staff-language-name }. Длительность: { $seconds ->
        [one] { $seconds } секунда
        [few] { $seconds } секунды
       *[other] { $seconds } секунд
    }. Абонент просит перезвонить.
staff-voicemail-no-number = Голосовое сообщение. Язык: { staff-language-name }. Длительность: { $seconds ->
        [one] { $seconds } секунда
        [few] { $seconds } секунды
       *[other] { $seconds } секунд
    }. Перезвонить нельзя: номер скрыт или горячая линия не совершает исходящих звонков.
staff-voicemail-unavailable = Не удалось получить запись из Twilio. Возможно, она ещё есть в консоли Twilio: Monitor › Call recordings.
staff-callback = Просьба перезвонить. Язык: { staff-language-name }.
staff-chat-case = Человек пишет { $channel ->
        [telegram] в Telegram
       *[sms] по SMS
    } и хочет поговорить со специалистом. Язык: { staff-language-name }.
staff-still-waiting = Обращение поступило { $minutes ->
        [one] { $minutes } минуту
        [few] { $minutes } минуты
       *[other] { $minutes } минут
    } назад, но его до сих пор никто не взял.
staff-to-supervisor = Это обращение никто не взял за { $minutes ->
        [one] { $minutes } минуту
        [few] { $minutes } минуты
       *[other] { $minutes } минут
    }. Вы получаете это сообщение как руководитель.
staff-take = Взять
staff-done = Готово
staff-call-back = Перезвонить
staff-taken-by = Исполнитель: { $name }.
staff-taken-by-you = Обращение ваше. Нажмите «Перезвонить»: сначала зазвонит ваш телефон, потом телефон абонента, и никто из вас не увидит номер другого. Когда вопрос будет решён, нажмите «Готово».
staff-already-taken = Этим обращением уже занимается { $name }.
staff-task-done = Готово. Номер абонента удалён.
staff-task-closed = Это обращение уже закрыто.
staff-no-phone = В настройках горячей линии у вас не указан номер телефона. Попросите администратора добавить его.
staff-callback-ringing = Сейчас зазвонит ваш телефон. Чтобы соединиться, нажмите 1.
staff-case-yours = Разговор ваш. Всё, что вы пишете здесь, получает собеседник; он не видит ни вашего имени, ни вашего номера. Если у вас несколько разговоров, отвечайте («Ответить») на одно из сообщений нужного собеседника. Чтобы завершить разговор, отправьте /close.
staff-case-from = Собеседник:
staff-case-closed = Разговор завершён.
staff-case-closed-by-person = Собеседник завершил разговор.
# A question written in a chat: alerted like a callback, answered in the chat.
staff-question = Письменный вопрос { $channel ->
        [telegram] в Telegram
       *[sms] по SMS
    }. Язык: { staff-language-name }. Возьмите его, чтобы прочитать и ответить.
staff-question-yours = Вопрос ваш. Чтобы ответить, ответьте («Ответить») на это сообщение: человек получит ваш ответ от горячей линии и не увидит ни вашего имени, ни вашего номера. Когда ответите, нажмите «Готово» или отправьте /close — вопрос будет удалён.
staff-question-no-reply = Вопрос ваш, но отвечать по SMS эта горячая линия пока не может (администратор включает это через HOTLINE_TWILIO_ACCOUNT_SID и HOTLINE_PHONE_NUMBER). Когда вопрос будет решён, нажмите «Готово» — он будет удалён.
staff-question-done = Готово. Вопрос удалён.
staff-no-case = У вас нет открытого разговора. Сообщения, отправленные сюда, никому не доставляются.

## Silent calls

whisper-offer-silent = Звонок на горячую линию. Язык: { staff-language-name }. Абонент не нажимает кнопки, возможно, на линии тишина. Чтобы принять звонок, нажмите 1.

staff-crisis = СРОЧНО: человек { $channel ->
        [telegram] в Telegram
       *[sms] по SMS
    } написал слова кризиса. Язык: { staff-language-name }. Возьмите сейчас, чтобы прочитать и ответить.
staff-crisis-in-case = СРОЧНО: в вашем разговоре человек написал слова кризиса. Ответьте ему сейчас.
# A task of a participant's campaign for their specialist, and its Done.
staff-program-task = { $task ->
    [plan-meeting] Задача программы по делу { $case }: запланировать встречу перед освобождением.
    [sms-opted-out] Дело { $case }: на этот номер больше не доходят SMS (человек отказался от них у своего оператора). Свяжитесь с ним иначе.
    [wants-to-talk] Дело { $case }: на вопрос «Как у вас дела?» человек ответил, что хочет с кем-нибудь поговорить. Свяжитесь с ним.
    [needs-help-now] Дело { $case }: на вопрос «Как у вас дела?» человек ответил, что ему нужна помощь прямо сейчас. Свяжитесь с ним немедленно.
    [stopped-messages] Дело { $case }: человек попросил больше не присылать ему сообщения, они остановлены. При необходимости свяжитесь с ним иначе.
    [no-answers] Дело { $case }: человек не ответил на несколько вопросов «Как у вас дела?» подряд. Свяжитесь с ним.
   *[other] Задача программы по делу { $case } ({ $task }).
}
staff-program-task-done = Готово.

## Команды стола сотрудников: /help (и /start) перечисляют их; /mine — личный список специалиста

staff-desk-help = Это стол сотрудников. /mine — ваши открытые обращения и задачи и ваши участники. /close завершает разговор с человеком; если разговоров несколько, ответьте («Ответить») на одно из сообщений нужного собеседника. Новые обращения приходят сюда с кнопкой «Взять».
staff-mine-work-title = Ваши открытые обращения и задачи: { $count }
staff-mine-work = { $taken ->
        [yes] У вас
       *[no] Ждёт, чтобы вы его взяли
    } уже { $age }: { $what }
staff-mine-age = { $unit ->
        [minutes] { $n } мин
        [hours] { $n } ч
       *[days] { $n } дн.
    }
staff-mine-participants-title = Ваши участники программы: { $count }
staff-mine-participant = { $case }: { $status ->
        [before-release] до освобождения
       *[in-program] в программе
    }, дата освобождения { $release }
staff-mine-next = далее: { $checkin ->
        [yes] вопрос «Как у вас дела?»
       *[no] сообщение
    } { $when }
staff-mine-next-none = далее: ничего не запланировано
staff-mine-answer = последний ответ на «Как у вас дела?»: { $answer ->
        [fine] всё хорошо
        [talk] хочет поговорить
        [help-now] нужна помощь сейчас
        [stop] просит больше не писать
        [silent] ответа не было
       *[other] { $answer }
    } ({ $when })
staff-mine-answer-none = на «Как у вас дела?» ответа пока нет
staff-mine-empty = У вас нет открытых обращений и задач, и за вами не закреплён ни один участник программы.
staff-mine-more = … и ещё { $count }.

# /whoami on Telegram: the id a coordinator needs (a person's, or a group's for staff alerts).
whoami-person = Ваш идентификатор пользователя Telegram: { $id }. Если вы в команде, сообщите его координатору: он добавит вас командой hotline staff add … --telegram { $id }.
whoami-group = Идентификатор этого чата: { $id }. Чтобы уведомления для сотрудников приходили сюда, задайте HOTLINE_STAFF_CHAT_ID={ $id } и перезапустите горячую линию.
