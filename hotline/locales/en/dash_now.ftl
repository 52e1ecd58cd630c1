# The dashboard's Now page: the live queue of open work.
# $name is a staff member's name; $code a language code (worded by staff-language-name).

dash-now-queue = Open work
dash-now-views = Show
dash-now-view = { $view ->
        [mine] Mine
        [unassigned] Unassigned
       *[all] All
    }
dash-now-empty = Nothing is waiting.
dash-now-live = This list updates itself every 10 seconds; the tab's title counts what is waiting.
dash-now-kind = Kind
dash-now-kind-name = { $kind ->
        [call] Live call
        [callback] { $task ->
            [voicemail] Voicemail
           *[other] Callback request
        }
        [chat] Chat
        [question] Written question
       *[task] { $task ->
            [wants-to-talk] Check-in task
            [needs-help-now] Check-in task
            [no-answers] Check-in task
            [stopped-messages] Check-in task
           *[other] Program task
        }
    }
dash-now-channel = Channel
dash-now-channel-name = { $channel ->
        [voice] Phone
        [telegram] Telegram
        [sms] SMS
       *[other] Program
    }
dash-now-language = Language
dash-now-since = Came in
dash-now-holder = Who has it
dash-now-yours = You
dash-now-taken-by = Taken by { $name }
dash-now-for = For { $name }, not taken yet
dash-now-nobody-yet = Nobody yet
dash-now-live-call = A caller is waiting on the line. Language: { staff-language-name }.
dash-now-timeline = What happened
dash-now-outcome = Result
dash-now-taken = It is yours now.
dash-now-done = Done: it is closed.
dash-now-back = Back to the list
dash-now-recording = The caller's message
dash-audit-voicemail = Listened to a voicemail
