# Statistiky na panelu pro pracovníky: názvy grafů, sloupce a řádky tabulek.

stats-per-day = Hovory a chaty po dnech
stats-per-hour = Hovory a chaty podle hodiny v týdnu
stats-languages = Hovory a chaty podle jazyka
stats-channels = Hovory a chaty podle kanálu
stats-paths = Nejčastější cesty telefonním menu
stats-escalations = Žádosti o specialistu
stats-callbacks = Zpětná volání
stats-messages = Odeslané připomínky a dotazy
stats-checkins = Odpovědi na dotazy, jak se daří
stats-participants = Účastníci podle fáze

stats-day = Den
stats-weekday = Den v týdnu
stats-calls = Hovory
stats-chats = Chaty
stats-language = Jazyk
stats-channel = Kanál
stats-channel-name = { $channel ->
        [voice] Telefon
        [sms] SMS
       *[telegram] Telegram
    }
stats-path = Cesta menu
stats-other-paths = Všechny ostatní cesty
stats-number = Počet
stats-measure = Co se počítá
stats-kind = Žádost
stats-kind-name = { $kind ->
        [call] Hovor přepojený na specialistu
        [callback] Hlasová zpráva nebo žádost o zavolání
        [chat] Chat se specialistou
        [question] Písemný dotaz
       *[all] Všechny žádosti
    }
stats-total = Žádosti
stats-answered = Převzato specialistou
stats-answer-time = { $which ->
        [median] Doba do převzetí, medián
       *[p90] Doba do převzetí, 9 z 10 do
    }
stats-after-hours = Mimo služby
stats-callback-state = { $state ->
        [requested] Vyžádáno
        [done] Zavoláno a uzavřeno
        [expired] Propadlo bez zavolání
       *[open] Stále otevřeno
    }
stats-callback-time = { $which ->
        [median] Doba do zavolání, medián
       *[p90] Doba do zavolání, 9 z 10 do
    }
stats-message-state = { $state ->
        [sent] Odesláno
        [delivered] Doručeno
       *[answered] Zodpovězeno
    }
stats-answer = Odpověď
stats-answer-name = { $answer ->
        [fine] Vše v pořádku
        [talk] Chce si promluvit
        [help-now] Potřebuje pomoc hned
        [stop] Žádost o ukončení
        [silent] Bez odpovědi v čas
       *[waiting] Na odpověď je ještě čas
    }
stats-phase = Fáze
stats-phase-name = { $status ->
        [before-release] Před propuštěním
        [in-program] V programu
        [ended] Program dokončen
       *[withdrawn] Odstoupili
    }
stats-period = { $start } – { $end }
stats-note = Čísla od 1 do 4 jsou uvedena jako „<5“ a podíly a doby ze skupin menších než 5 se nezobrazují, aby nikoho nešlo poznat.
stats-no-data = V tomto období nic není.

# What people asked the services directory (counted by channel, never by who asked).
stats-services-kinds = Adresář služeb: hledané druhy pomoci
stats-services-regions = Adresář služeb: hledané kraje
stats-services-languages = Adresář služeb podle jazyka
stats-services-kind = Druh pomoci
stats-services-region = Kraj
stats-services-column = { $column ->
        [phone] Seznamy vyslechnuté po telefonu
        [chat] Seznamy přečtené v chatu
        [sms] Poslané SMS na žádost
       *[nearest] Nejbližší ke sdílené poloze
    }
