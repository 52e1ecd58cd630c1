# How a step of a participant's plan reads on their page (the campaign's step, in words).
dash-step-kind = { $what ->
        [checkin] Check-in
        [task] Task for the specialist
        [end] Last message
       *[message] Information
    }
dash-step-months-before = { $months ->
        [one] 1 month
       *[other] { $months } months
    } before release
dash-step-days-before = { $days ->
        [one] 1 day
       *[other] { $days } days
    } before release
dash-step-months-after = { $months ->
        [one] 1 month
       *[other] { $months } months
    } after release
dash-step-days-after = { $days ->
        [one] 1 day
       *[other] { $days } days
    } after release
dash-step-release-day = On the release day
