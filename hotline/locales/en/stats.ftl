# The dashboard's statistics: chart titles, table columns and rows. Staff read these.

stats-per-day = Calls and chats per day
stats-per-hour = Calls and chats by hour of the week
stats-languages = Calls and chats by language
stats-channels = Calls and chats by channel
stats-paths = The most frequent paths through the phone menu
stats-escalations = Requests for a specialist
stats-callbacks = Callbacks
stats-messages = Reminders and check-ins sent
stats-checkins = Answers to check-ins
stats-participants = Participants by phase

stats-day = Day
stats-weekday = Day of the week
stats-calls = Calls
stats-chats = Chats
stats-language = Language
stats-channel = Channel
stats-channel-name = { $channel ->
        [voice] Phone
        [sms] SMS
       *[telegram] Telegram
    }
stats-path = Path through the menu
stats-other-paths = All other paths
stats-number = Number
stats-measure = What is counted
stats-kind = Request
stats-kind-name = { $kind ->
        [call] Call put through to a specialist
        [callback] Voicemail or callback request
        [chat] Chat with a specialist
        [question] Question in writing
       *[all] All requests
    }
stats-total = Requests
stats-answered = Taken by a specialist
stats-answer-time = { $which ->
        [median] Time to answer, median
       *[p90] Time to answer, 9 in 10 within
    }
stats-after-hours = Outside duty hours
stats-callback-state = { $state ->
        [requested] Asked for
        [done] Called back and closed
        [expired] Expired without a callback
       *[open] Still open
    }
stats-callback-time = { $which ->
        [median] Time to call back, median
       *[p90] Time to call back, 9 in 10 within
    }
stats-message-state = { $state ->
        [sent] Sent
        [delivered] Delivered
       *[answered] Answered
    }
stats-answer = Answer
stats-answer-name = { $answer ->
        [fine] All is well
        [talk] Would like to talk
        [help-now] Needs help now
        [stop] Asked to stop
        [silent] No answer in time
       *[waiting] Answer not yet due
    }
stats-phase = Phase
stats-phase-name = { $status ->
        [before-release] Before release
        [in-program] In the program
        [ended] Program completed
       *[withdrawn] Withdrawn
    }
stats-period = { $start } to { $end }
stats-note = Numbers from 1 to 4 are shown as “<5”, and shares and times of fewer than 5 are left out, so that nobody can be singled out.
stats-no-data = Nothing in this period.

# What people asked the services directory (counted by channel, never by who asked).
stats-services-kinds = Services directory: kinds of help asked for
stats-services-regions = Services directory: regions asked for
stats-services-languages = Services directory by language
stats-services-kind = Kind of help
stats-services-region = Region
stats-services-column = { $column ->
        [phone] Lists heard on the phone
        [chat] Lists read in chats
        [sms] Sent by SMS on request
       *[nearest] Nearest to a shared location
    }
