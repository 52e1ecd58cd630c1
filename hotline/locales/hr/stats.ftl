# Statistika na nadzornoj ploči za djelatnike: naslovi grafova, stupci i retci tablica.

stats-per-day = Pozivi i razgovori po danima
stats-per-hour = Pozivi i razgovori po satu u tjednu
stats-languages = Pozivi i razgovori po jeziku
stats-channels = Pozivi i razgovori po kanalu
stats-paths = Najčešći putovi kroz telefonski izbornik
stats-escalations = Zahtjevi za stručnjakom
stats-callbacks = Povratni pozivi
stats-messages = Poslani podsjetnici i provjere
stats-checkins = Odgovori na provjere
stats-participants = Sudionici po fazi

stats-day = Dan
stats-weekday = Dan u tjednu
stats-calls = Pozivi
stats-chats = Razgovori
stats-language = Jezik
stats-channel = Kanal
stats-channel-name = { $channel ->
        [voice] Telefon
        [sms] SMS
       *[telegram] Telegram
    }
stats-path = Put kroz izbornik
stats-other-paths = Svi ostali putovi
stats-number = Broj
stats-measure = Što se broji
stats-kind = Zahtjev
stats-kind-name = { $kind ->
        [call] Poziv spojen sa stručnjakom
        [callback] Glasovna poruka ili zahtjev za povratni poziv
        [chat] Razgovor sa stručnjakom
        [question] Pisano pitanje
       *[all] Svi zahtjevi
    }
stats-total = Zahtjevi
stats-answered = Preuzeto
stats-answer-time = { $which ->
        [median] Vrijeme do preuzimanja, medijan
       *[p90] Vrijeme do preuzimanja, 9 od 10 unutar
    }
stats-after-hours = Izvan dežurstva
stats-callback-state = { $state ->
        [requested] Zatraženo
        [done] Nazvano i zatvoreno
        [expired] Isteklo bez poziva
       *[open] Još otvoreno
    }
stats-callback-time = { $which ->
        [median] Vrijeme do povratnog poziva, medijan
       *[p90] Vrijeme do povratnog poziva, 9 od 10 unutar
    }
stats-message-state = { $state ->
        [sent] Poslano
        [delivered] Dostavljeno
       *[answered] Odgovoreno
    }
stats-answer = Odgovor
stats-answer-name = { $answer ->
        [fine] Sve je u redu
        [talk] Želi razgovarati
        [help-now] Treba pomoć odmah
        [stop] Traži prestanak
        [silent] Bez odgovora na vrijeme
       *[waiting] Rok za odgovor još traje
    }
stats-phase = Faza
stats-phase-name = { $status ->
        [before-release] Prije izlaska
        [in-program] U programu
        [ended] Program završen
       *[withdrawn] Odustali
    }
stats-period = { $start } – { $end }
stats-note = Brojevi od 1 do 4 prikazani su kao „<5”, a udjeli i vremena iz skupina manjih od 5 ne prikazuju se, kako nitko ne bi mogao biti prepoznat.
stats-no-data = U ovom razdoblju nema ničega.

# What people asked the services directory (counted by channel, never by who asked).
stats-services-kinds = Imenik službi: tražene vrste pomoći
stats-services-regions = Imenik službi: tražene regije
stats-services-languages = Imenik službi po jezicima
stats-services-kind = Vrsta pomoći
stats-services-region = Regija
stats-services-column = { $column ->
        [phone] Popisi poslušani telefonom
        [chat] Popisi pročitani u chatu
        [sms] Poslano SMS-om na zahtjev
       *[nearest] Najbliže poslanoj lokaciji
    }
