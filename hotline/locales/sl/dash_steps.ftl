# Kako se korak načrta udeleženca bere na njegovi strani (korak kampanje, z besedami).
dash-step-kind = { $what ->
        [checkin] Kontrolno sporočilo
        [task] Naloga za strokovnega delavca
        [end] Zadnje sporočilo
       *[message] Informacija
    }
dash-step-months-before = { $months } { $months ->
        [one] mesec
        [two] meseca
        [few] mesece
       *[other] mesecev
    } pred odpustom
dash-step-days-before = { $days } { $days ->
        [one] dan
        [two] dneva
       *[other] dni
    } pred odpustom
dash-step-months-after = { $months } { $months ->
        [one] mesec
        [two] meseca
        [few] mesece
       *[other] mesecev
    } po odpustu
dash-step-days-after = { $days } { $days ->
        [one] dan
        [two] dneva
       *[other] dni
    } po odpustu
dash-step-release-day = Na dan odpusta
