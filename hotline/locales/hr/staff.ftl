# What staff hear and read: the whisper before a call is put through, and the staff desk on
# Telegram. The caller's name and number never appear here: staff see the hotline's number.
# Croatian: formal "Vi" (capitalised, as in hotline.ftl); the same words as hotline.ftl:
# "savjetnik" (specialist), "linija", "pritisnite"; the caller on the phone is "pozivatelj",
# the person in a chat "korisnik", a supervisor "voditelj".

## The whisper: heard by the specialist who picks up, before the caller is put through

# $code is a language code; the name is read in the specialist's language.
staff-language-name = { $code ->
        [ka] gruzijski
        [ru] ruski
        [hr] hrvatski
        [cs] češki
        [sl] slovenski
       *[en] engleski
    }
whisper-offer = Poziv na liniju. Jezik: { staff-language-name }. Ako želite preuzeti poziv, pritisnite 1.
whisper-taken-elsewhere = Ovaj je poziv već preuzeo kolega. Hvala.
# A callback the specialist asked for: their phone rings first, then the caller's.
callback-whisper = Povratni poziv s linije. Jezik: { staff-language-name }. Ako želite sada nazvati pozivatelja, pritisnite 1.
callback-dialing = Sada zovemo pozivatelja. Vidjet će broj linije.
callback-closed = Ovaj je povratni poziv već zatvoren. Hvala.

## The staff desk on Telegram

staff-voicemail = Glasovna poruka. Jezik: { staff-language-name }. Trajanje: { $seconds ->
        [one] { $seconds } sekunda
        [few] { $seconds } sekunde
       *[other] { $seconds } sekundi
    }. Pozivatelj moli povratni poziv.
staff-voicemail-no-number = Glasovna poruka. Jezik: { staff-language-name }. Trajanje: { $seconds ->
        [one] { $seconds } sekunda
        [few] { $seconds } sekunde
       *[other] { $seconds } sekundi
    }. Povratni poziv nije moguć: broj je skriven ili ova linija ne upućuje pozive.
staff-voicemail-unavailable = Snimku nije bilo moguće preuzeti s Twilija. Možda je još u konzoli Twilija, pod Monitor › Call recordings.
staff-callback = Zahtjev za povratni poziv. Jezik: { staff-language-name }.
staff-chat-case = Netko piše { $channel ->
        [telegram] na Telegramu
       *[sms] SMS-om
    } i želi razgovarati sa savjetnikom. Jezik: { staff-language-name }.
staff-still-waiting = Još to nitko nije preuzeo, a čeka već { $minutes ->
        [one] { $minutes } minutu
        [few] { $minutes } minute
       *[other] { $minutes } minuta
    }.
staff-to-supervisor = Ovo čeka već { $minutes ->
        [one] { $minutes } minutu
        [few] { $minutes } minute
       *[other] { $minutes } minuta
    } i nitko ga nije preuzeo. Ovu poruku dobivate kao voditelj.
staff-take = Preuzmi
staff-done = Gotovo
staff-call-back = Uzvrati poziv
staff-taken-by = Preuzeto: { $name }.
staff-taken-by-you = Ovo je Vaše. Pritisnite „Uzvrati poziv”: prvo zazvoni Vaš telefon, zatim pozivateljev, i nitko ne vidi broj onog drugog. Kad to riješite, pritisnite „Gotovo”.
staff-already-taken = Ovim se već bavi { $name }.
staff-task-done = Gotovo. Broj pozivatelja je izbrisan.
staff-task-closed = Ovo je već zatvoreno.
staff-no-phone = Na liniji nemate upisan broj telefona. Zamolite administratora da ga doda.
staff-callback-ringing = Vaš će telefon sada zazvoniti. Pritisnite 1 da Vas spojimo.
staff-case-yours = Razgovor je Vaš. Ono što ovdje napišete ide korisniku; on ne vidi ni Vaše ime ni Vaš broj. Ako vodite više razgovora, odgovorite izravno na jednu od korisnikovih poruka. Za završetak razgovora pošaljite /close.
staff-case-from = Korisnik:
staff-case-closed = Razgovor je završen.
staff-case-closed-by-person = Korisnik je završio razgovor.
# A question written in a chat: alerted like a callback, answered in the chat.
staff-question = Pisano pitanje { $channel ->
        [telegram] na Telegramu
       *[sms] SMS-om
    }. Jezik: { staff-language-name }. Preuzmite ga da ga pročitate i odgovorite.
staff-question-yours = Pitanje je Vaše. Da biste odgovorili, odgovorite izravno na ovu poruku: korisnik dobiva Vaš odgovor od linije i ne vidi ni Vaše ime ni Vaš broj. Kad odgovorite, pritisnite „Gotovo” ili pošaljite /close; pitanje se tada briše.
staff-question-no-reply = Pitanje je Vaše, ali ova linija još ne može odgovarati SMS-om (administrator to uključuje pomoću HOTLINE_TWILIO_ACCOUNT_SID i HOTLINE_PHONE_NUMBER). Kad to riješite, pritisnite „Gotovo”; pitanje se tada briše.
staff-question-done = Gotovo. Pitanje je izbrisano.
staff-no-case = Nemate otvoren razgovor. Poruke koje ovdje napišete ne idu nikamo.

## Silent calls

whisper-offer-silent = Poziv na liniju. Jezik: { staff-language-name }. Pozivatelj ne pritišće tipke, možda je na liniji tišina. Ako želite preuzeti poziv, pritisnite 1.

staff-crisis = HITNO: osoba je { $channel ->
        [telegram] na Telegramu
       *[sms] SMS-om
    } napisala riječi krize. Jezik: { staff-language-name }. Preuzmite odmah da biste pročitali i odgovorili.
staff-crisis-in-case = HITNO: osoba u Vašem razgovoru napisala je riječi krize. Odgovorite joj odmah.
# A task of a participant's campaign for their specialist, and its Done.
staff-program-task = { $task ->
    [plan-meeting] Zadatak programa za predmet { $case }: dogovorite sastanak prije izlaska.
    [sms-opted-out] Predmet { $case }: na ovaj broj više ne stižu SMS poruke (osoba ih je odjavila kod svog operatera). Javite se na drugi način.
    [wants-to-talk] Predmet { $case }: na pitanje „Kako ste?” osoba je odgovorila da želi s nekim razgovarati. Javite joj se.
    [needs-help-now] Predmet { $case }: na pitanje „Kako ste?” osoba je odgovorila da joj pomoć treba odmah. Javite joj se odmah.
    [stopped-messages] Predmet { $case }: osoba je zatražila da joj više ne šaljemo poruke; zaustavljene su. Ako treba, javite joj se na drugi način.
    [no-answers] Predmet { $case }: osoba nije odgovorila na nekoliko pitanja „Kako ste?” zaredom. Javite joj se.
   *[other] Zadatak programa za predmet { $case } ({ $task }).
}
staff-program-task-done = Gotovo.

## Naredbe stola za osoblje: /help (i /start) ih navode; /mine je stručnjakov vlastiti popis

staff-desk-help = Ovo je stol za osoblje. /mine prikazuje Vaše otvorene zadatke i Vaše sudionike. /close završava razgovor s osobom; ako vodite više razgovora, odgovorite izravno na jednu od njezinih poruka. Novi zadaci stižu ovamo s gumbom „Preuzmi”.
staff-mine-work-title = Vaši otvoreni zadaci: { $count }
staff-mine-work = { $taken ->
        [yes] Kod Vas
       *[no] Čeka da ga preuzmete
    } već { $age }: { $what }
staff-mine-age = { $unit ->
        [minutes] { $n } min
        [hours] { $n } h
       *[days] { $n } d
    }
staff-mine-participants-title = Vaši sudionici u programu: { $count }
staff-mine-participant = { $case }: { $status ->
        [before-release] prije izlaska
       *[in-program] u programu
    }, datum izlaska { $release }
staff-mine-next = sljedeće: { $checkin ->
        [yes] pitanje „Kako ste?”
       *[no] poruka
    } { $when }
staff-mine-next-none = sljedeće: ništa nije planirano
staff-mine-answer = zadnji odgovor na „Kako ste?”: { $answer ->
        [fine] dobro
        [talk] želi razgovarati
        [help-now] pomoć treba odmah
        [stop] ne želi više poruka
        [silent] bez odgovora
       *[other] { $answer }
    } ({ $when })
staff-mine-answer-none = na „Kako ste?” još nema odgovora
staff-mine-empty = Nemate otvorenih zadataka i nijedan sudionik programa nije dodijeljen Vama.
staff-mine-more = … i još { $count }.

# /whoami on Telegram: the id a coordinator needs (a person's, or a group's for staff alerts).
whoami-person = Vaš Telegram korisnički ID je { $id }. Ako se pridružujete timu, dajte ga koordinatoru: on će Vas dodati naredbom hotline staff add … --telegram { $id }.
whoami-group = ID ovog razgovora je { $id }. Da obavijesti za tim stižu ovamo, postavite HOTLINE_STAFF_CHAT_ID={ $id } i ponovno pokrenite liniju.
