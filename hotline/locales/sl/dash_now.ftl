# The dashboard's Now page: the live queue of open work.
# $name is a staff member's name; $code a language code (worded by staff-language-name).

dash-now-queue = Odprte zadeve
dash-now-views = Prikaži
dash-now-view = { $view ->
        [mine] Moje
        [unassigned] Nedodeljeno
       *[all] Vse
    }
dash-now-empty = Nič ne čaka.
dash-now-live = Seznam se sam osveži vsakih 10 sekund; naslov zavihka pokaže, koliko zadev čaka.
dash-now-kind = Vrsta
dash-now-kind-name = { $kind ->
        [call] Klic na liniji
        [callback] { $task ->
            [voicemail] Glasovno sporočilo
           *[other] Prošnja za povratni klic
        }
        [chat] Klepet
        [question] Pisno vprašanje
       *[task] { $task ->
            [wants-to-talk] Naloga iz preverjanja
            [needs-help-now] Naloga iz preverjanja
            [no-answers] Naloga iz preverjanja
            [stopped-messages] Naloga iz preverjanja
           *[other] Naloga programa
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
dash-now-since = Prispelo
dash-now-holder = Kdo jo ima
dash-now-yours = Vi
dash-now-taken-by = Prevzel(a): { $name }
dash-now-for = Za: { $name }, še ni prevzeto
dash-now-nobody-yet = Še nihče
dash-now-live-call = Klicatelj čaka na liniji. Jezik: { staff-language-name }.
dash-now-timeline = Kaj se je zgodilo
dash-now-outcome = Izid
dash-now-taken = Zadeva je zdaj vaša.
dash-now-done = Opravljeno: zadeva je zaprta.
dash-now-back = Nazaj na seznam
dash-now-recording = Sporočilo klicatelja
dash-audit-voicemail = Poslušanje glasovnega sporočila
