# Telegram enrolment: a participant or a relative opens the one-time link a specialist gave
# them. Like the first chat message, these show on a lock screen: they name the program
# only by its neutral name and say nothing of prison, probation or addiction.

# The link worked: this chat now gets the program's messages.
enrol-welcome = Dobar dan. Od sada ćete u ovom razgovoru primati poruke { -program(case: "gen") }. Sve što ovdje napišete ostaje povjerljivo. Ako ne želite primati naše poruke, pošaljite /stop.
# The link was used before, has expired, or is unknown; the menu follows.
enrol-link-invalid = Ova poveznica više ne vrijedi. Molimo Vas da novu zatražite od svog savjetnika.
