# Stranice sudionika na nadzornoj ploči djelatnika: popis, upis, vremenska crta sudionika.
# $case je šifra slučaja; $date datum i $time datum i vrijeme, već oblikovani; $name ime
# djelatnika; $count i $number brojevi.

dash-nav-people = Sudionici

## Popis
dash-people-title = Sudionici
dash-people-search = Šifra slučaja
dash-people-status = Status
dash-people-any = Bilo koji
dash-people-specialist = Stručnjak
dash-people-next-from = Sljedeći kontakt od
dash-people-next-until = Sljedeći kontakt do
dash-people-quiet = Ne javlja se u posljednje vrijeme
dash-people-filter = Prikaži
dash-people-program = Program
dash-people-release = Datum izlaska
dash-people-next = Sljedeći kontakt
dash-people-none-planned = ništa nije planirano
dash-people-found = { $count ->
    [one] { $count } sudionik
    [few] { $count } sudionika
   *[other] { $count } sudionika
}
dash-people-empty = Nijedan sudionik ne odgovara.
dash-people-page = Stranica { $number } od { $count }
dash-people-previous = Prethodna stranica
dash-people-next-page = Sljedeća stranica
dash-people-enrol = Upiši sudionika
dash-people-not-yours = Ovaj sudionik dodijeljen je drugom stručnjaku.

## Statusi i kanali
dash-people-status-before-release = Prije izlaska
dash-people-status-in-program = U programu
dash-people-status-ended = Program završen
dash-people-status-withdrawn = Povučen iz programa
dash-people-channel-telegram = Telegram
dash-people-channel-sms = SMS
dash-people-channel-voice = Telefonski poziv

## Upis
dash-people-case = Šifra slučaja
dash-people-timezone = Vremenska zona
dash-people-language = Jezik
dash-people-channel = Željeni kanal
dash-people-phone = Broj telefona
dash-people-consent = Pristanak na kontakt putem
dash-people-consent-by = Pristanak zabilježio (ID djelatnika, ako nije stručnjak)
dash-people-family = Član obitelji { $number }
dash-people-family-name = Ime
dash-people-enrol-button = Upiši
dash-people-enrol-failed = Neka polja treba ispraviti. Uz svako piše zašto.
dash-people-optional = nije obavezno

## Sudionik
dash-people-person-title = Sudionik { $case }
dash-people-change-release = Promijeni datum izlaska
dash-people-save = Spremi
dash-people-release-changed = Datum izlaska sada je { $date }. Plan poruka je ažuriran.
dash-people-withdraw = Povuci iz programa
dash-people-withdraw-confirm = Povući { $case } iz programa? Ni sudioniku ni njegovoj obitelji više neće ići poruke.
dash-people-withdraw-yes = Da, povuci
dash-people-cancel = Odustani
dash-people-withdrawn = { $case } je povučen iz programa.
dash-people-back = Svi sudionici

## Vremenska crta
dash-people-timeline = Vremenska crta
dash-people-times-in = Vremena su prikazana u vremenskoj zoni sudionika ({ $zone }).
dash-people-due = Kada
dash-people-step = Korak
dash-people-to = Kome
dash-people-outcome = Ishod
dash-people-attempts = Pokušaji
dash-people-answer = Odgovor
dash-people-to-participant = Sudioniku
dash-people-to-family = Članu obitelji { $number }
dash-people-to-specialist = Zadatak za stručnjaka
dash-people-nothing-planned = Nema planiranih poruka.
dash-people-row-planned = Planirano
dash-people-row-sending = Šalje se
dash-people-row-sent = Poslano
dash-people-row-delivered = Isporučeno
dash-people-row-failed = Nije isporučeno
dash-people-row-skipped = Preskočeno
dash-people-row-cancelled = Otkazano
dash-people-row-no-answer = Nitko se nije javio
dash-people-row-answered = Javio se
dash-people-answer-fine = Dobro je
dash-people-answer-talk = Želi razgovarati
dash-people-answer-help-now = Treba pomoć odmah
dash-people-answer-stop = Traži da prestanemo
dash-people-answer-silent = Bez odgovora
dash-people-answered-at = odgovor { $time }

## Zadaci
dash-people-tasks = Zadaci i eskalacije
dash-people-no-tasks = Zasad nema zadataka.
dash-people-task-waiting = Čeka djelatnika
dash-people-task-taken = Preuzeo/la { $name }
dash-people-task-done = Obavljeno { $time }
dash-people-task-expired = Isteklo bez odgovora

## Kontakt podaci
dash-people-contacts = Kontakt podaci
dash-people-contacts-hidden = Kontakt podaci su skriveni. Svaki pregled bilježi se s vašim imenom i razlogom koji navedete.
dash-people-reason = Razlog pregleda
dash-people-show = Prikaži kontakt podatke
dash-people-reason-missing = Navedite razlog da biste vidjeli kontakt podatke.
dash-people-no-phone = nema broja telefona
dash-people-telegram-linked = Telegram povezan
dash-people-telegram-not-linked = Telegram nije povezan
dash-people-family-contacts = Članovi obitelji
dash-people-no-family = Nema članova obitelji.
