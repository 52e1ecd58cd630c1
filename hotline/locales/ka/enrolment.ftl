# Telegram enrolment: a participant or a relative opens the one-time link a specialist gave
# them. Like the first chat message, these show on a lock screen: they name the program
# only by its neutral name and say nothing of prison, probation or addiction.

# The link worked: this chat now gets the program's messages.
enrol-welcome = მოგესალმებით. ამიერიდან ამ ჩატში { -program(case: "gen") } შეტყობინებებს მიიღებთ. ყველაფერი, რასაც აქ დაწერთ, კონფიდენციალური დარჩება. თუ ჩვენი შეტყობინებების მიღება არ გსურთ, გამოგზავნეთ /stop.
# The link was used before, has expired, or is unknown; the menu follows.
enrol-link-invalid = ეს ბმული აღარ მუშაობს. გთხოვთ, ახალი ბმული თქვენს სპეციალისტს სთხოვეთ.
