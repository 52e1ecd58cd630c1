# Kako se korak plana sudionika čita na njegovoj stranici (korak kampanje, riječima).
dash-step-kind = { $what ->
        [checkin] Kontrolna poruka
        [task] Zadatak za stručnjaka
        [end] Posljednja poruka
       *[message] Informacija
    }
dash-step-months-before = { $months } { $months ->
        [one] mjesec
        [few] mjeseca
       *[other] mjeseci
    } prije izlaska
dash-step-days-before = { $days } { $days ->
        [one] dan
       *[other] dana
    } prije izlaska
dash-step-months-after = { $months } { $months ->
        [one] mjesec
        [few] mjeseca
       *[other] mjeseci
    } nakon izlaska
dash-step-days-after = { $days } { $days ->
        [one] dan
       *[other] dana
    } nakon izlaska
dash-step-release-day = Na dan izlaska
