# What staff hear and read: the whisper before a call is put through, and the staff desk on
# Telegram. The caller's name and number never appear here: staff see the hotline's number.
# Slovenian: formal "vi" (lower case, as in hotline.ftl); the same words as hotline.ftl:
# "svetovalec" (specialist), "linija", "pritisnite"; the caller on the phone is "klicatelj",
# the person in a chat "uporabnik", a supervisor "vodja".

## The whisper: heard by the specialist who picks up, before the caller is put through

# $code is a language code; the name is read in the specialist's language.
staff-language-name = { $code ->
        [ka] gruzinščina
        [ru] ruščina
        [hr] hrvaščina
        [cs] češčina
        [sl] slovenščina
       *[en] angleščina
    }
whisper-offer = Klic na linijo. Jezik: { staff-language-name }. Če želite sprejeti klic, pritisnite 1.
whisper-taken-elsewhere = Ta klic je že sprejel sodelavec. Hvala.
# A callback the specialist asked for: their phone rings first, then the caller's.
callback-whisper = Povratni klic z linije. Jezik: { staff-language-name }. Če želite klicatelja poklicati zdaj, pritisnite 1.
callback-dialing = Povezujemo vas s klicateljem. Prikazala se mu bo številka linije.
callback-closed = Ta povratni klic je že zaključen. Hvala.

## The staff desk on Telegram

staff-voicemail = Glasovno sporočilo. Jezik: { staff-language-name }. Dolžina: { $seconds ->
        [one] { $seconds } sekunda
        [two] { $seconds } sekundi
        [few] { $seconds } sekunde
       *[other] { $seconds } sekund
    }. Klicatelj prosi za povratni klic.
staff-voicemail-no-number = Glasovno sporočilo. Jezik: { staff-language-name }. Dolžina: { $seconds ->
        [one] { $seconds } sekunda
        [two] { $seconds } sekundi
        [few] { $seconds } sekunde
       *[other] { $seconds } sekund
    }. Povratni klic ni mogoč: številka je skrita ali pa ta linija ne kliče navzven.
staff-voicemail-unavailable = Posnetka ni bilo mogoče prenesti iz Twilia. Morda je še v konzoli Twilio, pod Monitor › Call recordings.
staff-callback = Prošnja za povratni klic. Jezik: { staff-language-name }.
staff-chat-case = Nekdo piše { $channel ->
        [telegram] na Telegramu
       *[sms] prek SMS-a
    } in želi govoriti s svetovalcem. Jezik: { staff-language-name }.
staff-still-waiting = Tega še vedno nihče ni prevzel, čaka že { $minutes ->
        [one] { $minutes } minuto
        [two] { $minutes } minuti
        [few] { $minutes } minute
       *[other] { $minutes } minut
    }.
staff-to-supervisor = To čaka že { $minutes ->
        [one] { $minutes } minuto
        [two] { $minutes } minuti
        [few] { $minutes } minute
       *[other] { $minutes } minut
    } in nihče ga ni prevzel. To sporočilo dobite kot vodja.
staff-take = Prevzemi
staff-done = Opravljeno
staff-call-back = Pokliči nazaj
staff-taken-by = Prevzeto: { $name }.
staff-taken-by-you = Zadeva je vaša. Pritisnite „Pokliči nazaj“: najprej bo zazvonil vaš telefon, nato klicateljev, in nihče ne bo videl številke drugega. Ko je zadeva urejena, pritisnite „Opravljeno“.
staff-already-taken = S tem se že ukvarja { $name }.
staff-task-done = Opravljeno. Klicateljeva številka je izbrisana.
staff-task-closed = To je že zaključeno.
staff-no-phone = Na liniji nimate vpisane telefonske številke. Prosite skrbnika, naj jo doda.
staff-callback-ringing = Vaš telefon bo zdaj zazvonil. Pritisnite 1, da vas povežemo.
staff-case-yours = Pogovor je vaš. Kar napišete tukaj, prejme uporabnik; ne vidi ne vašega imena ne vaše številke. Če imate več pogovorov, odgovorite neposredno na eno od uporabnikovih sporočil. Pogovor končate tako, da pošljete /close.
staff-case-from = Uporabnik:
staff-case-closed = Pogovor je končan.
staff-case-closed-by-person = Uporabnik je končal pogovor.
# A question written in a chat: alerted like a callback, answered in the chat.
staff-question = Pisno vprašanje { $channel ->
        [telegram] na Telegramu
       *[sms] prek SMS-a
    }. Jezik: { staff-language-name }. Prevzemite ga, da ga preberete in odgovorite.
staff-question-yours = Vprašanje je vaše. Odgovorite tako, da odgovorite neposredno na to sporočilo: uporabnik prejme vaš odgovor od linije in ne vidi ne vašega imena ne vaše številke. Ko odgovorite, pritisnite „Opravljeno“ ali pošljite /close; vprašanje se nato izbriše.
staff-question-no-reply = Vprašanje je vaše, vendar ta linija prek SMS-a še ne more odgovarjati (skrbnik to vklopi s HOTLINE_TWILIO_ACCOUNT_SID in HOTLINE_PHONE_NUMBER). Ko je zadeva urejena, pritisnite „Opravljeno“; vprašanje se nato izbriše.
staff-question-done = Opravljeno. Vprašanje je izbrisano.
staff-no-case = Nimate odprtega pogovora. Sporočila, ki jih napišete tukaj, ne gredo nikamor.

## Silent calls

whisper-offer-silent = Klic na linijo. Jezik: { staff-language-name }. Klicatelj ne pritiska tipk, morda je na liniji tišina. Če želite sprejeti klic, pritisnite 1.

staff-crisis = NUJNO: oseba je { $channel ->
        [telegram] na Telegramu
       *[sms] v SMS-u
    } napisala besede krize. Jezik: { staff-language-name }. Prevzemite takoj, da preberete in odgovorite.
staff-crisis-in-case = NUJNO: oseba v vašem pogovoru je napisala besede krize. Odgovorite ji takoj.
# A task of a participant's campaign for their specialist, and its Done.
staff-program-task = { $task ->
    [plan-meeting] Naloga programa za primer { $case }: načrtujte srečanje pred odpustom.
    [sms-opted-out] Primer { $case }: na to številko SMS ne prihajajo več (oseba jih je odjavila pri svojem operaterju). Stopite v stik drugače.
    [wants-to-talk] Primer { $case }: na vprašanje »Kako ste?« je oseba odgovorila, da bi se rada z nekom pogovorila. Oglasite se ji.
    [needs-help-now] Primer { $case }: na vprašanje »Kako ste?« je oseba odgovorila, da potrebuje pomoč takoj. Oglasite se ji takoj.
    [stopped-messages] Primer { $case }: oseba je prosila, naj ji ne pošiljamo več sporočil; ustavljena so. Če je treba, stopite z njo v stik drugače.
    [no-answers] Primer { $case }: oseba ni odgovorila na več vprašanj »Kako ste?« zapored. Oglasite se ji.
   *[other] Naloga programa za primer { $case } ({ $task }).
}
staff-program-task-done = Opravljeno.

## Ukazi delovne mize: /help (in /start) jih našteje; /mine je svetovalčev lastni seznam

staff-desk-help = To je delovna miza linije. /mine pokaže vaše odprte zadeve in vaše udeležence. /close konča pogovor z osebo; če imate več pogovorov, odgovorite neposredno na eno od njenih sporočil. Nove zadeve prihajajo sem z gumbom „Prevzemi“.
staff-mine-work-title = Vaše odprte zadeve: { $count }
staff-mine-work = { $taken ->
        [yes] Pri vas
       *[no] Čaka, da jo prevzamete
    } že { $age }: { $what }
staff-mine-age = { $unit ->
        [minutes] { $n } min
        [hours] { $n } h
       *[days] { $n } d
    }
staff-mine-participants-title = Vaši udeleženci programa: { $count }
staff-mine-participant = { $case }: { $status ->
        [before-release] pred odpustom
       *[in-program] v programu
    }, datum odpusta { $release }
staff-mine-next = naslednje: { $checkin ->
        [yes] vprašanje »Kako ste?«
       *[no] sporočilo
    } { $when }
staff-mine-next-none = naslednje: nič načrtovano
staff-mine-answer = zadnji odgovor na »Kako ste?«: { $answer ->
        [fine] dobro
        [talk] želi pogovor
        [help-now] potrebuje pomoč takoj
        [stop] ne želi več sporočil
        [silent] brez odgovora
       *[other] { $answer }
    } ({ $when })
staff-mine-answer-none = na »Kako ste?« še ni odgovora
staff-mine-empty = Nimate odprtih zadev in noben udeleženec programa ni dodeljen vam.
staff-mine-more = … in še { $count }.

# /whoami on Telegram: the id a coordinator needs (a person's, or a group's for staff alerts).
whoami-person = Vaš ID uporabnika Telegrama je { $id }. Če se pridružujete ekipi, ga dajte koordinatorju: doda vas z ukazom hotline staff add … --telegram { $id }.
whoami-group = ID tega klepeta je { $id }. Da bodo obvestila za ekipo prihajala sem, nastavite HOTLINE_STAFF_CHAT_ID={ $id } in znova zaženite linijo.
