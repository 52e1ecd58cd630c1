# Jak se krok plánu účastníka čte na jeho stránce (krok kampaně, slovy).
dash-step-kind = { $what ->
        [checkin] Kontrolní zpráva
        [task] Úkol pro pracovníka
        [end] Poslední zpráva
       *[message] Informace
    }
dash-step-months-before = { $months } { $months ->
        [one] měsíc
        [few] měsíce
       *[other] měsíců
    } před propuštěním
dash-step-days-before = { $days } { $days ->
        [one] den
        [few] dny
       *[other] dní
    } před propuštěním
dash-step-months-after = { $months } { $months ->
        [one] měsíc
        [few] měsíce
       *[other] měsíců
    } po propuštění
dash-step-days-after = { $days } { $days ->
        [one] den
        [few] dny
       *[other] dní
    } po propuštění
dash-step-release-day = V den propuštění
