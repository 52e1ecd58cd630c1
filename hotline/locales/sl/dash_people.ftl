# Strani udeležencev na nadzorni plošči sodelavcev: seznam, vpis, časovnica udeleženca.
# $case je šifra primera; $date datum in $time datum in čas, že oblikovana; $name ime
# sodelavca; $count in $number števili.

dash-nav-people = Udeleženci

## Seznam
dash-people-title = Udeleženci
dash-people-search = Šifra primera
dash-people-status = Stanje
dash-people-any = Katero koli
dash-people-specialist = Strokovni delavec
dash-people-next-from = Naslednji stik od
dash-people-next-until = Naslednji stik do
dash-people-quiet = Zadnje čase se ne odziva
dash-people-filter = Prikaži
dash-people-program = Program
dash-people-release = Datum odpusta
dash-people-next = Naslednji stik
dash-people-none-planned = nič načrtovanega
dash-people-found = { $count ->
    [one] { $count } udeleženec
    [two] { $count } udeleženca
    [few] { $count } udeleženci
   *[other] { $count } udeležencev
}
dash-people-empty = Noben udeleženec ne ustreza.
dash-people-page = Stran { $number } od { $count }
dash-people-previous = Prejšnja stran
dash-people-next-page = Naslednja stran
dash-people-enrol = Vpiši udeleženca
dash-people-not-yours = Ta udeleženec je dodeljen drugemu strokovnemu delavcu.

## Stanja in kanali
dash-people-status-before-release = Pred odpustom
dash-people-status-in-program = V programu
dash-people-status-ended = Program končan
dash-people-status-withdrawn = Izstopil iz programa
dash-people-channel-telegram = Telegram
dash-people-channel-sms = SMS
dash-people-channel-voice = Telefonski klic

## Vpis
dash-people-case = Šifra primera
dash-people-timezone = Časovni pas
dash-people-language = Jezik
dash-people-channel = Želeni kanal
dash-people-phone = Telefonska številka
dash-people-consent = Soglaša s stikom prek
dash-people-consent-by = Soglasje zabeležil (ID sodelavca, če ni strokovni delavec)
dash-people-family = Družinski član { $number }
dash-people-family-name = Ime
dash-people-enrol-button = Vpiši
dash-people-enrol-failed = Nekatera polja je treba popraviti. Pri vsakem piše, zakaj.
dash-people-optional = neobvezno

## Udeleženec
dash-people-person-title = Udeleženec { $case }
dash-people-change-release = Spremeni datum odpusta
dash-people-save = Shrani
dash-people-release-changed = Datum odpusta je zdaj { $date }. Načrt sporočil je posodobljen.
dash-people-withdraw = Izključi iz programa
dash-people-withdraw-confirm = Izključiti { $case } iz programa? Ne udeležencu ne njegovi družini ne bo šlo nobeno sporočilo več.
dash-people-withdraw-yes = Da, izključi
dash-people-cancel = Prekliči
dash-people-withdrawn = { $case } je izključen iz programa.
dash-people-back = Vsi udeleženci

## Časovnica
dash-people-timeline = Časovnica
dash-people-times-in = Časi so prikazani v časovnem pasu udeleženca ({ $zone }).
dash-people-due = Kdaj
dash-people-step = Korak
dash-people-to = Komu
dash-people-outcome = Izid
dash-people-attempts = Poskusi
dash-people-answer = Odgovor
dash-people-to-participant = Udeležencu
dash-people-to-family = Družinskemu članu { $number }
dash-people-to-specialist = Naloga za strokovnega delavca
dash-people-nothing-planned = Nobeno sporočilo ni načrtovano.
dash-people-row-planned = Načrtovano
dash-people-row-sending = V pošiljanju
dash-people-row-sent = Poslano
dash-people-row-delivered = Dostavljeno
dash-people-row-failed = Ni dostavljeno
dash-people-row-skipped = Izpuščeno
dash-people-row-cancelled = Preklicano
dash-people-row-no-answer = Nihče se ni oglasil
dash-people-row-answered = Oglasil se je
dash-people-answer-fine = Dobro je
dash-people-answer-talk = Želi se pogovoriti
dash-people-answer-help-now = Takoj potrebuje pomoč
dash-people-answer-stop = Ne želi več sporočil
dash-people-answer-silent = Brez odgovora
dash-people-answered-at = odgovor { $time }

## Naloge
dash-people-tasks = Naloge in eskalacije
dash-people-no-tasks = Zaenkrat ni nalog.
dash-people-task-waiting = Čaka na sodelavca
dash-people-task-taken = Prevzel(a) { $name }
dash-people-task-done = Opravljeno { $time }
dash-people-task-expired = Poteklo brez odgovora

## Kontaktni podatki
dash-people-contacts = Kontaktni podatki
dash-people-contacts-hidden = Kontaktni podatki so skriti. Vsak ogled se zabeleži z vašim imenom in razlogom, ki ga navedete.
dash-people-reason = Razlog za ogled
dash-people-show = Prikaži kontaktne podatke
dash-people-reason-missing = Navedite razlog, da vidite kontaktne podatke.
dash-people-no-phone = ni telefonske številke
dash-people-telegram-linked = Telegram povezan
dash-people-telegram-not-linked = Telegram ni povezan
dash-people-family-contacts = Družinski člani
dash-people-no-family = Ni družinskih članov.
