# The dashboard's Now page: the live queue of open work.
# $name is a staff member's name; $code a language code (worded by staff-language-name).

dash-now-queue = Otvoreni predmeti
dash-now-views = Prikaži
dash-now-view = { $view ->
        [mine] Moje
        [unassigned] Nedodijeljeno
       *[all] Sve
    }
dash-now-empty = Ništa ne čeka.
dash-now-live = Popis se sam osvježava svakih 10 sekundi; naslov kartice pokazuje koliko toga čeka.
dash-now-kind = Vrsta
dash-now-kind-name = { $kind ->
        [call] Poziv na liniji
        [callback] { $task ->
            [voicemail] Govorna poruka
           *[other] Zahtjev za povratni poziv
        }
        [chat] Razgovor u chatu
        [question] Pisano pitanje
       *[task] { $task ->
            [wants-to-talk] Zadatak iz provjere
            [needs-help-now] Zadatak iz provjere
            [no-answers] Zadatak iz provjere
            [stopped-messages] Zadatak iz provjere
           *[other] Zadatak programa
        }
    }
dash-now-channel = Kanal
dash-now-channel-name = { $channel ->
        [voice] Telefon
        [telegram] Telegram
        [sms] SMS
       *[other] Program
    }
dash-now-language = Jezik
dash-now-since = Stiglo
dash-now-holder = Tko je preuzeo
dash-now-yours = Vi
dash-now-taken-by = Preuzeo/la { $name }
dash-now-for = Za { $name }, još nije preuzeto
dash-now-nobody-yet = Još nitko
dash-now-live-call = Pozivatelj čeka na liniji. Jezik: { staff-language-name }.
dash-now-timeline = Što se dogodilo
dash-now-outcome = Ishod
dash-now-taken = Sada je ovo Vaše.
dash-now-done = Gotovo: zatvoreno je.
dash-now-back = Natrag na popis
dash-now-recording = Poruka pozivatelja
dash-audit-voicemail = Preslušavanje glasovne poruke
