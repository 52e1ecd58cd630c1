# Telegram enrolment: a participant or a relative opens the one-time link a specialist gave
# them. Like the first chat message, these show on a lock screen: they name the program
# only by its neutral name and say nothing of prison, probation or addiction.

# The link worked: this chat now gets the program's messages.
enrol-welcome = Здравствуйте. Теперь вы будете получать в этом чате сообщения { -program(case: "gen") }. Всё, что вы здесь напишете, останется конфиденциальным. Если вы не хотите получать наши сообщения, отправьте /stop.
# The link was used before, has expired, or is unknown; the menu follows.
enrol-link-invalid = Эта ссылка больше не действует. Пожалуйста, попросите новую у своего специалиста.
