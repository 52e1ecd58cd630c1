# Telegram enrolment: a participant or a relative opens the one-time link a specialist gave
# them. Like the first chat message, these show on a lock screen: they name the program
# only by its neutral name and say nothing of prison, probation or addiction.

# The link worked: this chat now gets the program's messages.
enrol-welcome = Hello. From now on, you will get messages from { -program(case: "gen") } in this chat. What you write here stays confidential. If you do not want our messages, send /stop.
# The link was used before, has expired, or is unknown; the menu follows.
enrol-link-invalid = This link no longer works. Please ask your specialist for a new one.
