# The reply box of a taken chat case or question on the dashboard's Now page.
# $max is the most characters a reply may have (a number).

dash-reply-conversation = Переписка
dash-reply-they-wrote = Собеседник написал
dash-reply-you-wrote = Вы написали
dash-reply-nothing-yet = С тех пор как вы взяли обращение, ничего не написано.
dash-reply-label = Ответ
dash-reply-hint = Человек не увидит ни вашего имени, ни номера. Не больше { $max } { $max ->
        [one] символа
       *[other] символов
    }.
dash-reply-send = Отправить
dash-reply-sent = Отправлено.
dash-reply-empty = Ответ пустой: ничего не отправлено.
dash-reply-too-long = Ответ слишком длинный: можно не больше { $max } { $max ->
        [one] символа
       *[other] символов
    }. Ничего не отправлено.
dash-reply-not-yours = Этот разговор не ваш или уже завершён: ничего не отправлено.
dash-reply-question-yours = Ответьте ниже или в Telegram, в чате сотрудников горячей линии: человек не увидит ни вашего имени, ни номера. Когда ответите, нажмите «Готово» — вопрос и переписка будут удалены.
dash-reply-chat-yours = Продолжайте разговор ниже или в Telegram, в чате сотрудников горячей линии: сообщения собеседника появляются здесь. Чтобы завершить разговор, нажмите «Готово» — переписка будет удалена.
dash-reply-unreachable = Ответ не дойдёт до этого человека: по этому каналу горячая линия не может ему написать. Ничего не отправлено.
