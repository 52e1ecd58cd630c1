# The dashboard's Now page: the live queue of open work.
# $name is a staff member's name; $code a language code (worded by staff-language-name).

dash-now-queue = Otevřené případy
dash-now-views = Zobrazit
dash-now-view = { $view ->
        [mine] Moje
        [unassigned] Nepřidělené
       *[all] Vše
    }
dash-now-empty = Nic nečeká.
dash-now-live = Seznam se sám obnovuje každých 10 sekund; titulek karty ukazuje, kolik toho čeká.
dash-now-kind = Druh
dash-now-kind-name = { $kind ->
        [call] Hovor na lince
        [callback] { $task ->
            [voicemail] Hlasová zpráva
           *[other] Žádost o zpětné volání
        }
        [chat] Chat
        [question] Písemný dotaz
       *[task] { $task ->
            [wants-to-talk] Úkol z kontrolního dotazu
            [needs-help-now] Úkol z kontrolního dotazu
            [no-answers] Úkol z kontrolního dotazu
            [stopped-messages] Úkol z kontrolního dotazu
           *[other] Úkol programu
        }
    }
dash-now-channel = Kanál
dash-now-channel-name = { $channel ->
        [voice] Telefon
        [telegram] Telegram
        [sms] SMS
       *[other] Program
    }
dash-now-language = Jazyk
dash-now-since = Přišlo
dash-now-holder = Kdo to má
dash-now-yours = Vy
dash-now-taken-by = Převzal(a) { $name }
dash-now-for = Pro: { $name }, zatím nepřevzato
dash-now-nobody-yet = Zatím nikdo
dash-now-live-call = Volající čeká na lince. Jazyk: { staff-language-name }.
dash-now-timeline = Co se stalo
dash-now-outcome = Výsledek
dash-now-taken = Teď je to vaše.
dash-now-done = Hotovo: je to uzavřené.
dash-now-back = Zpět na seznam
dash-now-recording = Vzkaz volajícího
dash-audit-voicemail = Poslech hlasového vzkazu
