# Časová osa případu na nástěnce pracovníků (hotline/escalation/timeline.py). Čtou ji pracovníci.

timeline-opened = { $kind ->
        [call] Volající požádal o odborníka.
        [callback] Volající nechal vzkaz nebo požádal o zavolání zpět.
        [chat] Člověk v chatu požádal o odborníka.
        [question] Člověk zanechal dotaz.
       *[task] Byl otevřen úkol.
    }
timeline-opened-urgent = Slova krize: naléhavé.
timeline-rang = Vyzvánění: { $staff } (až { $seconds } s).
timeline-alerted = Upozornění odesláno: { $staff } (Telegram).
timeline-alerted-group = Upozornění odesláno skupině pracovníků (Telegram).
timeline-called-back = Zpětné volání přes linku: { $staff }.
timeline-taken = Převzato: { $staff }, po { $minutes ->
        [0] { $seconds } s
       *[other] { $minutes } min
    }.
timeline-ended = { $outcome ->
        [answered] Přijato.
        [unanswered] Nikdo to nevzal.
        [after-hours] Nikdo neměl službu.
        [abandoned] Volající zavěsil, zatímco jsme vyzváněli.
        [expired] Uzavřeno: nikdo se tomu nevěnoval včas.
       *[done] Hotovo.
    }
timeline-nobody-on-duty = Do { $time } nemá nikdo službu: upozornění přijde potom.
timeline-next-alert = Zatím to nikdo nepřevzal; další upozornění v { $time }.
timeline-nobody-took-it = Upozorněni byli všichni; zatím to nikdo nepřevzal.
timeline-nobody-to-alert = Není koho upozornit: nikdo z pracovníků není dostupný.
timeline-no-alerts = Tento server neposílá žádná upozornění (nemá telegramový pult pro pracovníky): čeká tady, dokud si toho někdo nevšimne.
