# The chat flow (hotline/flows/builtin/family.yaml) on Telegram and SMS, and the chat channels.
# Mostly family members write: a parent, a partner, a grown-up child of someone in prison or
# just released. Short paragraphs, plain words, no blame. Menus are buttons on Telegram and
# numbered lines in SMS: each `.option-N` is the label of choice N (a few words at most).
# Russian: formal "вы"; the same words as hotline.ftl: "специалист", "сообщение", "горячая линия";
# the relative is "ваш близкий (человек)", prison visits are "свидания".

## Welcome and the main menu

# The first message: it shows on a lock screen and stays in the SMS inbox, so it names the
# program only by its neutral name and says nothing of prison or addiction.
chat-welcome = Здравствуйте. Это бесплатная горячая линия { -program(case: "gen") }. Всё, что вы здесь напишете, останется конфиденциальным.
chat-emergency = Если чья-то жизнь в опасности, сразу звоните 112.
# Ответ сразу, когда человек пишет слова кризиса (crisis.txt): сначала номер экстренной помощи.
crisis-reply = Мы вас слышим и относимся к этому серьёзно. Если ваша жизнь или жизнь другого человека в опасности, сразу звоните 112. Мы прямо сейчас сообщаем специалисту, и он напишет вам здесь. Вы не одни.
chat-language = Выберите язык.
chat-menu = Чем мы можем вам помочь?
    .option-1 = До освобождения
    .option-2 = После освобождения
    .option-3 = Свидания и звонки
    .option-4 = Дети и семья
    .option-5 = Чем помогает программа
    .option-6 = Поговорить со специалистом
    .option-7 = Задать вопрос
    .option-8 = Службы рядом с вами
    .option-9 = Язык
    .option-0 = Завершить
chat-invalid = Пожалуйста, выберите один из вариантов или напишите его номер.

## Information for families

family-before-release = Ещё до освобождения вы можете многое сделать: поддерживайте связь и заранее продумайте вместе, где ваш близкий будет жить, какие документы ему понадобятся и кто встретит его в день освобождения. Наши специалисты могут начать работать с вашим близким, пока он ещё в заключении.
family-after-release = Первые недели после освобождения часто самые трудные. Наберитесь терпения: чтобы привыкнуть к свободе, нужно время. Помогайте в простых практических делах, шаг за шагом, и посоветуйте близкому встретиться с нашим специалистом. И не забывайте о себе.
family-visits = Порядок свиданий, звонков, писем и передач вам объяснят в учреждении, где находится ваш близкий. Специалист может рассказать о правилах и помочь подготовиться к свиданию с детьми.
family-children = С детьми важно говорить честно, простыми словами, которые подходят для их возраста. Мы проводим консультации для детей и для всей семьи и можем помочь найти поддержку там, где вы живёте.
chat-more = Чем ещё мы можем помочь?
    .option-1 = Назад в меню
    .option-6 = Поговорить со специалистом
    .option-7 = Задать вопрос
    .option-0 = Завершить

## A specialist and questions

chat-specialist-unavailable = К сожалению, сейчас наши специалисты не могут ответить.
# A case is open: staff on duty have been told, nobody has taken it yet.
case-opened = Мы попросили специалиста подключиться к этому чату. Когда он подключится, вы получите здесь сообщение. Вы уже сейчас можете написать, что хотите ему сказать.
# A specialist took the case; the person's messages now go to them, and theirs come back.
case-taken = Специалист подключился к чату. Теперь всё, что вы пишете, получает он. Чтобы завершить разговор, отправьте /close.
# Put before each message a specialist writes.
case-specialist-says = Специалист:
case-closed = Специалист завершил разговор. Спасибо, что написали. Чтобы снова увидеть меню, отправьте любое сообщение.
case-closed-by-you = Вы завершили разговор со специалистом. Спасибо, что написали. Чтобы снова увидеть меню, отправьте любое сообщение.
question-prompt = Напишите ваш вопрос одним сообщением. Специалист прочитает его и ответит вам здесь.
question-received = Спасибо. Мы получили ваш вопрос, и специалист ответит вам здесь.
# More written after a question was left, before a specialist took it.
question-added = Мы добавили это к вашему вопросу. Специалист ответит вам здесь.
chat-goodbye = Спасибо, что написали. Берегите себя. Если захотите написать снова, просто отправьте нам сообщение.

## Commands and keywords (the chat channels say these, not a flow)

# START and STOP stay in Latin capitals: they are the keywords the SMS system recognises.
chat-help = Это горячая линия { -program(case: "gen") }. Выберите пункт меню или напишите его номер. /start — начать заново, /language — сменить язык, /stop — больше не получать от нас сообщений. Если кто-то в опасности, звоните 112.
chat-stopped = Вы больше не будете получать от нас сообщений. Если захотите снова написать нам, отправьте /start.
# The answer to HELP: at most two UCS-2 segments (134 characters), one when transliterated.
sms-help = Горячая линия { -program(case: "gen") }. Ответьте номером из меню. START — начать заново, STOP — отписаться. В опасности звоните 112.
sms-stopped = Вы больше не будете получать от нас сообщений. Чтобы снова написать нам, ответьте START.

## Telegram groups (the Telegram channel says this, not a flow)

chat-private-only = Мы отвечаем только в личных сообщениях, чтобы всё, что вы пишете, оставалось конфиденциальным. Пожалуйста, напишите нам напрямую.
    .with-link = Мы отвечаем только в личных сообщениях, чтобы всё, что вы пишете, оставалось конфиденциальным. Пожалуйста, напишите нам сюда: { $link }

## Services near you (the directory)

chat-services-region = В каком вы регионе? В Telegram можно также отправить свою геопозицию (📎 → Геопозиция), чтобы увидеть ближайшие к вам службы.
    .option-9 = Другие регионы
    .option-0 = Назад в меню
chat-services-option = { $key } – { $name }
chat-services-category = Какая помощь вам нужна?
    .option-9 = Ещё
    .option-0 = Назад в меню
chat-services-list-menu = Чем ещё мы можем помочь?
    .option-2 = Другие службы
    .option-3 = Другой вид помощи
    .option-4 = Другой регион
    .option-0 = Назад в меню
chat-services-none = Пока у нас нет здесь сведений о службах. Специалист может рассказать вам, какая помощь есть рядом с вами.
