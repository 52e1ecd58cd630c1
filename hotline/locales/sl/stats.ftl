# Statistika na nadzorni plošči za osebje: naslovi grafov, stolpci in vrstice preglednic.

stats-per-day = Klici in klepeti po dnevih
stats-per-hour = Klici in klepeti po urah v tednu
stats-languages = Klici in klepeti po jeziku
stats-channels = Klici in klepeti po kanalu
stats-paths = Najpogostejše poti skozi telefonski meni
stats-escalations = Prošnje za strokovnjaka
stats-callbacks = Povratni klici
stats-messages = Poslani opomniki in preverjanja
stats-checkins = Odgovori na preverjanja
stats-participants = Udeleženci po fazah

stats-day = Dan
stats-weekday = Dan v tednu
stats-calls = Klici
stats-chats = Klepeti
stats-language = Jezik
stats-channel = Kanal
stats-channel-name = { $channel ->
        [voice] Telefon
        [sms] SMS
       *[telegram] Telegram
    }
stats-path = Pot skozi meni
stats-other-paths = Vse druge poti
stats-number = Število
stats-measure = Kaj se šteje
stats-kind = Prošnja
stats-kind-name = { $kind ->
        [call] Klic, preusmerjen k strokovnjaku
        [callback] Glasovno sporočilo ali prošnja za povratni klic
        [chat] Klepet s strokovnjakom
        [question] Pisno vprašanje
       *[all] Vse prošnje
    }
stats-total = Prošnje
stats-answered = Prevzeto
stats-answer-time = { $which ->
        [median] Čas do prevzema, mediana
       *[p90] Čas do prevzema, 9 od 10 v
    }
stats-after-hours = Zunaj dežurstva
stats-callback-state = { $state ->
        [requested] Zaprošeno
        [done] Poklicano in zaprto
        [expired] Poteklo brez klica
       *[open] Še odprto
    }
stats-callback-time = { $which ->
        [median] Čas do povratnega klica, mediana
       *[p90] Čas do povratnega klica, 9 od 10 v
    }
stats-message-state = { $state ->
        [sent] Poslano
        [delivered] Dostavljeno
       *[answered] Odgovorjeno
    }
stats-answer = Odgovor
stats-answer-name = { $answer ->
        [fine] Vse je v redu
        [talk] Želi se pogovoriti
        [help-now] Potrebuje pomoč takoj
        [stop] Prošnja za prenehanje
        [silent] Brez odgovora pravočasno
       *[waiting] Rok za odgovor še teče
    }
stats-phase = Faza
stats-phase-name = { $status ->
        [before-release] Pred odpustom
        [in-program] V programu
        [ended] Program zaključen
       *[withdrawn] Odstopili
    }
stats-period = { $start } – { $end }
stats-note = Števila od 1 do 4 so prikazana kot »<5«, deleži in časi iz skupin, manjših od 5, pa niso prikazani, da nihče ne bi bil prepoznaven.
stats-no-data = V tem obdobju ni ničesar.

# What people asked the services directory (counted by channel, never by who asked).
stats-services-kinds = Imenik služb: iskane vrste pomoči
stats-services-regions = Imenik služb: iskane regije
stats-services-languages = Imenik služb po jezikih
stats-services-kind = Vrsta pomoči
stats-services-region = Regija
stats-services-column = { $column ->
        [phone] Seznami, poslušani po telefonu
        [chat] Seznami, prebrani v klepetu
        [sms] Poslano po SMS na željo
       *[nearest] Najbližje deljeni lokaciji
    }
