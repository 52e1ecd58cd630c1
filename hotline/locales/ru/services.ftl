## The services directory, as the code words its entries (the flows ask the questions)

# The program's kinds of help, as menus and cards name them.
services-category-name = { $category ->
    [employment] Работа и трудоустройство
    [education-training] Образование и обучение
    [social-benefits-rights] Социальные пособия и права
    [housing] Жильё
    [health] Медицинская помощь
    [addiction-aftercare] Лечение зависимости и поддержка после него
    [mental-health] Психическое здоровье
    [legal-aid] Юридическая помощь
    [family-and-children] Семья и дети
    [debt] Долги
    [documents-id] Документы и удостоверение личности
    [support-groups] Группы поддержки
   *[other] Другая помощь
}
# On a call, one entry: its name and what it does, then its hours, then its phone.
services-entry = { $name }. { $what }
services-hours-open = Сегодня работает с { $opens } до { $closes }.
services-hours-always = Работает круглосуточно.
services-hours-closed = Сегодня не работает.
services-hours-unknown = Пожалуйста, позвоните, прежде чем идти: мы не знаем, как служба работает сегодня.
services-phone = Телефон: { $phone }. Ещё раз: { $phone }.
services-no-phone = У этой службы нет телефона. Её адрес: { $address }.
services-none-here = В вашем регионе у нас пока нет такой службы. Специалист может рассказать вам, какая помощь есть рядом с вами.
services-no-more = Больше у нас по этой теме ничего нет.
services-sms-sent = Мы отправили вам эти сведения по СМС.
services-sms-failed = Сейчас не получилось отправить СМС. Пожалуйста, запишите номер или нажмите звёздочку, чтобы прослушать ещё раз.
services-sms-hidden = Ваш номер скрыт, поэтому мы не можем отправить вам СМС. Чтобы прослушать сведения ещё раз, нажмите звёздочку.
# The text message with the entries a caller asked for.
services-sms = Горячая линия, службы рядом с вами:
services-sms-entry = { $name }: { $phone }{ $address }{ $hours }
# In a chat, one entry as a card.
services-card =
    { $name }
    { $what }
    📍 { $address }
    🕘 { $hours }
    ☎ { $phone }
    { $more }
services-card-hours-open = сегодня { $opens }–{ $closes }
services-card-hours-always = круглосуточно
services-card-hours-closed = сегодня не работает
services-card-hours-unknown = часы работы неизвестны, сначала позвоните
services-card-unknown = не указано
services-card-map = Карта: { $link }
services-card-distance = { $km } км от вас
# A person shared their location on Telegram.
services-nearest = Ближайшие к вам службы:
services-nearest-none = Пока у нас нет служб с известным адресом рядом с вами.
