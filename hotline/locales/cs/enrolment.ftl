# Telegram enrolment: a participant or a relative opens the one-time link a specialist gave
# them. Like the first chat message, these show on a lock screen: they name the program
# only by its neutral name and say nothing of prison, probation or addiction.

# The link worked: this chat now gets the program's messages.
enrol-welcome = Dobrý den. Od této chvíle vám do tohoto chatu budou chodit zprávy { -program(case: "gen") }. Vše, co nám sem napíšete, zůstane důvěrné. Pokud naše zprávy dostávat nechcete, pošlete /stop.
# The link was used before, has expired, or is unknown; the menu follows.
enrol-link-invalid = Tento odkaz už neplatí. Požádejte prosím svého poradce o nový.
