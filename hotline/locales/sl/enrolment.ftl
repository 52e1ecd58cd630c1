# Telegram enrolment: a participant or a relative opens the one-time link a specialist gave
# them. Like the first chat message, these show on a lock screen: they name the program
# only by its neutral name and say nothing of prison, probation or addiction.

# The link worked: this chat now gets the program's messages.
enrol-welcome = Pozdravljeni. Odslej boste v tem klepetu prejemali sporočila { -program(case: "gen") }. Kar nam napišete tukaj, ostane zaupno. Če naših sporočil ne želite prejemati, pošljite /stop.
# The link was used before, has expired, or is unknown; the menu follows.
enrol-link-invalid = Ta povezava ne deluje več. Za novo se obrnite na svojega svetovalca.
