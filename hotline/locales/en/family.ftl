# The chat flow (hotline/flows/builtin/family.yaml) on Telegram and SMS, and the chat channels.
# Mostly family members write: a parent, a partner, a grown-up child of someone in prison or
# just released. Short paragraphs, plain words, no blame. Menus are buttons on Telegram and
# numbered lines in SMS: each `.option-N` is the label of choice N (a few words at most).

## Welcome and the main menu

# The first message: it shows on a lock screen and stays in the SMS inbox, so it names the
# program only by its neutral name and says nothing of prison or addiction. What the
# program is about comes once the person answers (the menu, "How the program helps").
chat-welcome = Hello. This is the free helpline of { -program(case: "gen") }. What you write here stays confidential.
chat-emergency = If someone's life is in danger, call 112 now.
# Answered at once when a person writes words of crisis (crisis.txt): the emergency number
# first, then that a person is being told now. Calm, short, no judgement.
crisis-reply = We hear you, and we are taking this seriously. If your life or someone else's life is in danger, call 112 now. We are alerting a specialist right now, and they will write to you here. You are not alone.
chat-language = Choose your language.
chat-menu = How can we help you?
    .option-1 = Before release
    .option-2 = After release
    .option-3 = Visits and contact
    .option-4 = Children and family
    .option-5 = How the program helps
    .option-6 = Talk to a specialist
    .option-7 = Leave a question
    .option-8 = Services near you
    .option-9 = Language
    .option-0 = End
chat-invalid = Please choose one of the options, or type its number.

## Information for families

family-before-release = Before release, you can help by staying in contact and by thinking ahead together: where your relative will live, which documents they need, and who will meet them on the day. Our specialists can start working with your relative while they are still in prison.
family-after-release = The first weeks after release are often the hardest. Be patient: getting used to freedom takes time. Help with small practical steps, and encourage your relative to meet our specialist. Take care of yourself too.
family-visits = The prison tells you how visits, phone calls, letters and parcels work. A specialist can explain the rules and help you prepare a visit with children.
family-children = Children need honest words that fit their age. We offer counselling for children and for the whole family, and can connect you with support in your area.
chat-more = Anything else?
    .option-1 = Back to the menu
    .option-6 = Talk to a specialist
    .option-7 = Leave a question
    .option-0 = End

## A specialist and questions

chat-specialist-unavailable = Our specialists cannot answer right now.
# A case is open: staff on duty have been told, nobody has taken it yet.
case-opened = We have asked a specialist to join this chat. You will get a message here when one does. You can already write what you want to tell them.
# A specialist took the case; the person's messages now go to them, and theirs come back.
case-taken = A specialist has joined the chat. What you write now goes to them. Send /close to end the conversation.
# Put before each message a specialist writes.
case-specialist-says = Specialist:
case-closed = The specialist has ended the conversation. Thank you for writing. Send any message to see the menu again.
case-closed-by-you = You have ended the conversation with the specialist. Thank you for writing. Send any message to see the menu again.
question-prompt = Write your question in one message. A specialist will read it and answer you here.
question-received = Thank you. We have your question, and a specialist will answer you here.
# More written after a question was left, before a specialist took it.
question-added = We have added this to your question. A specialist will answer you here.
chat-goodbye = Thank you for writing. Take care. Whenever you want to write again, just send us a message.

## Commands and keywords (the chat channels say these, not a flow)

chat-help = This is the helpline of { -program(case: "gen") }. Choose from the menu or type a number. /start begins again, /language changes the language, /stop ends all messages from us. In danger, call 112.
chat-stopped = You will get no more messages from us. Send /start if you want to write to us again.
# The answer to HELP, by SMS: one segment where the script allows (160 GSM-7 characters;
# Georgian, Cyrillic and letters such as č take 70), else at most two. Neutral, as chat-welcome.
sms-help = This is the helpline of { -program(case: "gen") }. Reply with a number from the menu. START begins again, STOP ends our messages. In danger, call 112.
sms-stopped = You will get no more messages from us. Reply START to write to us again.

## Telegram groups (the Telegram channel says this, not a flow)

# Said once in a group that writes to the bot: everyone there would read the menu and
# the answers. With the bot's t.me link when it is known, else without.
chat-private-only = We answer only in a private chat, so that what you write stays confidential. Please write to us directly.
    .with-link = We answer only in a private chat, so that what you write stays confidential. Please write to us here: { $link }

## Services near you (the directory)

chat-services-region = Which region are you in? On Telegram you can also send your location (📎 → Location) to see the services nearest to you.
    .option-9 = More regions
    .option-0 = Back to the menu
chat-services-option = { $key } – { $name }
chat-services-category = What do you need help with?
    .option-9 = More
    .option-0 = Back to the menu
chat-services-list-menu = Anything else?
    .option-2 = More services
    .option-3 = Another kind of help
    .option-4 = Another region
    .option-0 = Back to the menu
chat-services-none = We have no services listed here yet. A specialist can tell you what is near you.
