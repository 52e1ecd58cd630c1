# Campaign messages (hotline/reminders/campaigns/*.yaml) and the check-in flow
# (hotline/flows/builtin/checkin.yaml). They come by SMS, Telegram or a call before the person
# has said anything, and whoever sees the phone first may read them: no word of prison,
# release, probation or addiction, and each opens with the program's neutral name. Keep each
# within three SMS segments: about 200 characters in Georgian, Russian or with č, š, ž.

## Before the time ahead: the participant (3, 2 and 1 months before)

reminder-ahead-intro = Hello from { -program }. In the coming months we will help you plan what lies ahead: a place to live, documents, work. You can write to us here at any time.
reminder-ahead-needs = Hello from { -program }. Think about what you will need first: documents, a place to stay, a phone, money for the first days. Your specialist can help.
reminder-ahead-meeting = Hello from { -program }. Your specialist will meet you soon to plan the first days together. Write down your questions, so that none is forgotten.

## Family contacts

reminder-family-intro = Hello from { -program }. Someone close to you is taking part in our program, and we support families too. You can write to us here with any question.
reminder-family-ahead = Hello from { -program }. The coming weeks may bring changes for your family. Talk together about the first days: where to stay, who will be there.
reminder-family-after = Hello from { -program }. The first months together can be hard for everyone. Be patient with each other, and take care of yourself too. We are here for you.

## The end of the program (the campaign's last step)

reminder-program-end = Hello from { -program }. Our time together in the program ends today. Thank you for the road we travelled together. Our helpline stays open for you, day and night.

## A task for the assigned specialist (read on the staff desk)

task-plan-meeting = Plan the pre-release meeting with this participant: it should take place one to three months before the release date.

## The check-in (hotline/flows/builtin/checkin.yaml); choices are buttons or numbered lines

checkin-question = Hello from { -program }. How are you doing?
    .option-1 = Fine
    .option-2 = I'd like to talk
    .option-3 = I need help now
    .option-4 = Stop these messages
checkin-fine = Good to hear. Take care, and write to us whenever you want.
checkin-talk = Thank you. A specialist will contact you soon.
checkin-help-now = If your life or someone else's is in danger, call 112 now. We are letting a specialist know right away.
checkin-help-later = No specialist can join right now. We have asked one to contact you as soon as possible. If your life or someone else's is in danger, call 112.
checkin-stopped = You will get no more of these messages. You can still write to us here at any time.
# No answer the flow understood, after the repeats.
checkin-later = You can answer later, whenever you like. Take care.

## The check-in on a call (the `voice:` of checkin.yaml): said, not read; keys, not buttons

checkin-call-question = Hello, this is { -program } calling to ask how you are doing. If you are fine, press 1. If you would like to talk to someone, press 2. If you need help now, press 3. To stop these calls, press 4.
checkin-call-fine = Good to hear. Take care, and call us whenever you want. Goodbye.
checkin-call-stopped = You will get no more of these calls. You can still call us on this number at any time. Goodbye.
checkin-call-later = We will call again another time. Take care. Goodbye.
# An answering machine took the call: short and neutral, whoever listens to it later.
checkin-voicemail = Hello, this is { -program } calling to check in. We will try again another time. Goodbye.

## The last line of the first message a person ever gets from us: how to stop our messages
## (the channel's own STOP and /stop end every message of ours; keep STOP and /stop as they are)

first-message-stop-sms = Reply STOP to stop these messages.
first-message-stop-telegram = Send /stop to stop these messages.
