# Vremenski slijed slučaja na nadzornoj ploči djelatnika (hotline/escalation/timeline.py). Čitaju ga djelatnici.

timeline-opened = { $kind ->
        [call] Pozivatelj je zatražio stručnjaka.
        [callback] Pozivatelj je ostavio poruku ili zatražio povratni poziv.
        [chat] Osoba je u razgovoru zatražila stručnjaka.
        [question] Osoba je ostavila pitanje.
       *[task] Otvoren je zadatak.
    }
timeline-opened-urgent = Riječi krize: hitno.
timeline-rang = Poziv prema: { $staff } (do { $seconds } s).
timeline-alerted = Obavijest poslana: { $staff } (Telegram).
timeline-alerted-group = Obavijest poslana grupi djelatnika (Telegram).
timeline-called-back = Povratni poziv preko linije: { $staff }.
timeline-taken = Preuzeto: { $staff }, nakon { $minutes ->
        [0] { $seconds } s
       *[other] { $minutes } min
    }.
timeline-ended = { $outcome ->
        [answered] Odgovoreno.
        [unanswered] Nitko se nije javio.
        [after-hours] Nitko nije bio dežuran.
        [abandoned] Pozivatelj je prekinuo dok smo zvali.
        [expired] Zatvoreno: nitko se time nije pozabavio na vrijeme.
       *[done] Gotovo.
    }
timeline-nobody-on-duty = Do { $time } nitko nije dežuran: tada stiže obavijest.
timeline-next-alert = Još nitko nije preuzeo; sljedeća obavijest u { $time }.
timeline-nobody-took-it = Svi su obaviješteni; još nitko nije preuzeo.
timeline-nobody-to-alert = Nema koga obavijestiti: nitko od djelatnika nije dostupan.
timeline-no-alerts = Ovaj poslužitelj ne šalje obavijesti (nema Telegram stol za djelatnike): čeka ovdje dok ga netko ne vidi.
