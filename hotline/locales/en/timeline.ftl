# The timeline of an escalation on the staff dashboard (hotline/escalation/timeline.py). Staff read it.

timeline-opened = { $kind ->
        [call] A caller asked for a specialist.
        [callback] A caller left a message or asked to be called back.
        [chat] Someone in a chat asked for a specialist.
        [question] Someone left a question.
       *[task] A task was opened.
    }
timeline-opened-urgent = Words of crisis: urgent.
timeline-rang = Rang { $staff } (up to { $seconds } s).
timeline-alerted = Alerted { $staff } on Telegram.
timeline-alerted-group = Alerted the staff group on Telegram.
timeline-called-back = { $staff } rang back through the hotline.
timeline-taken = Taken by { $staff } after { $minutes ->
        [0] { $seconds } s
       *[other] { $minutes } min
    }.
timeline-ended = { $outcome ->
        [answered] Answered.
        [unanswered] Nobody answered.
        [after-hours] Nobody was on duty.
        [abandoned] The caller hung up while we were ringing.
        [expired] Closed: nobody dealt with it in time.
       *[done] Done.
    }
timeline-nobody-on-duty = Nobody on duty until { $time }: they will be alerted then.
timeline-next-alert = Nobody has taken it yet; the next alert goes out at { $time }.
timeline-nobody-took-it = Everyone was alerted; nobody has taken it yet.
timeline-nobody-to-alert = Nobody can be alerted: no one on the staff list is reachable.
timeline-no-alerts = No alerts go out from this server (it has no Telegram staff desk): it waits here for whoever looks.
