# What staff hear and read: the whisper before a call is put through, and the staff desk on
# Telegram. The caller's name and number never appear here: staff see the hotline's number.

## The whisper: heard by the specialist who picks up, before the caller is put through

# $code is a language code; the name is read in the specialist's language.
staff-language-name = { $code ->
        [ka] Georgian
        [ru] Russian
        [hr] Croatian
        [cs] Czech
        [sl] Slovenian
       *[en] English
    }
whisper-offer = Hotline call. Language: { staff-language-name }. To take the call, press 1.
whisper-taken-elsewhere = A colleague has already taken this call. Thank you.
# A callback the specialist asked for: their phone rings first, then the caller's.
callback-whisper = Hotline callback. Language: { staff-language-name }. To call the person now, press 1.
callback-dialing = Calling the person now. They will see the number of the hotline.
callback-closed = This callback is already closed. Thank you.

## The staff desk on Telegram

staff-voicemail = Voicemail. Language: { staff-language-name }. Length: { $seconds ->
        [one] one second
       *[other] { $seconds } seconds
    }. The caller would like a call back.
staff-voicemail-no-number = Voicemail. Language: { staff-language-name }. Length: { $seconds ->
        [one] one second
       *[other] { $seconds } seconds
    }. There is no number to call back: it is hidden, or this hotline does not place calls.
staff-voicemail-unavailable = The recording could not be fetched from Twilio. It may still be in the Twilio console, under Monitor › Call recordings.
staff-callback = Callback request. Language: { staff-language-name }.
staff-chat-case = Someone on { $channel ->
        [telegram] Telegram
       *[sms] SMS
    } wants to talk to a specialist. Language: { staff-language-name }.
staff-still-waiting = Still not taken, { $minutes ->
        [one] one minute
       *[other] { $minutes } minutes
    } after it came in.
staff-to-supervisor = Nobody has taken this in { $minutes ->
        [one] one minute
       *[other] { $minutes } minutes
    }. You are getting this as a supervisor.
staff-take = Take
staff-done = Done
staff-call-back = Call back
staff-taken-by = Taken by { $name }.
staff-taken-by-you = It is yours. Press “Call back”: your phone rings first, then the caller's, and neither sees the other's number. Press “Done” when it is dealt with.
staff-already-taken = { $name } has already taken this.
staff-task-done = Done. The caller's number has been deleted.
staff-task-closed = This is already closed.
staff-no-phone = You have no phone number on the hotline. Ask an administrator to add one.
staff-callback-ringing = Your phone will ring now. Press 1 to be put through.
staff-case-yours = The conversation is yours. What you write here goes to the person; they see neither your name nor your number. Reply to one of their messages if you have several conversations. Send /close to end it.
staff-case-from = Person:
staff-case-closed = The conversation is closed.
staff-case-closed-by-person = The person has ended the conversation.
# A question written in a chat: alerted like a callback, answered in the chat.
staff-question = A question in writing, on { $channel ->
        [telegram] Telegram
       *[sms] SMS
    }. Language: { staff-language-name }. Take it to read it and answer.
staff-question-yours = The question is yours. Reply to this message to answer: the person gets your answer from the hotline and sees neither your name nor your number. Press “Done” or send /close when it is answered; the question is then deleted.
staff-question-no-reply = The question is yours, but this hotline cannot answer by SMS yet (an administrator turns that on with HOTLINE_TWILIO_ACCOUNT_SID and HOTLINE_PHONE_NUMBER). Press “Done” when it is dealt with; the question is then deleted.
staff-question-done = Done. The question has been deleted.
staff-no-case = You have no open conversation. Messages here go nowhere.

## Silent calls

# The whisper of a call that reached a person through silence alone: no key at the last menu.
whisper-offer-silent = Hotline call. Language: { staff-language-name }. The caller is not pressing any keys: the line may be silent. To take the call, press 1.

# Words of crisis in a chat (crisis.txt): alerted ahead of everything else, to those on duty
# and to the supervisors at once. The text is read by whoever takes it.
staff-crisis = URGENT: someone on { $channel ->
        [telegram] Telegram
       *[sms] SMS
    } wrote words of crisis. Language: { staff-language-name }. Take it now to read it and answer.
staff-crisis-in-case = URGENT: the person in your conversation wrote words of crisis. Answer them now.
# A task of a participant's campaign for their specialist, and its Done.
staff-program-task = { $task ->
    [plan-meeting] Program task for case { $case }: plan the pre-release meeting.
    [sms-opted-out] Case { $case }: this number no longer takes SMS (the person opted out with their carrier). Reach them another way.
    [wants-to-talk] Case { $case } answered a check-in: would like to talk to someone. Contact them.
    [needs-help-now] Case { $case } answered a check-in: needs help now. Contact them at once.
    [stopped-messages] Case { $case } asked for no more messages; they are stopped. Reach them another way if needed.
    [no-answers] Case { $case } has not answered several check-ins in a row. Contact them.
   *[other] Program task for case { $case } ({ $task }).
}
staff-program-task-done = Done.

## The desk's own commands: /help (and /start) list them; /mine is a specialist's own list

staff-desk-help = This is the staff desk. /mine shows your open work and your participants. /close ends your conversation with a person; if you have several, reply to one of their messages. New work comes here with a “Take” button.
staff-mine-work-title = Your open work: { $count }
# $what is the work's own description; $age how long it has been open (staff-mine-age).
staff-mine-work = { $taken ->
        [yes] Yours
       *[no] Waiting for you to take it
    }, for { $age }: { $what }
staff-mine-age = { $unit ->
        [minutes] { $n } min
        [hours] { $n } h
       *[days] { $n } d
    }
staff-mine-participants-title = Your participants in the program: { $count }
staff-mine-participant = { $case }: { $status ->
        [before-release] before release
       *[in-program] in the program
    }, release date { $release }
# $when is a date and time in the participant's own time zone.
staff-mine-next = next: { $checkin ->
        [yes] check-in
       *[no] message
    } on { $when }
staff-mine-next-none = next: nothing planned
staff-mine-answer = last check-in: { $answer ->
        [fine] fine
        [talk] would like to talk
        [help-now] needs help now
        [stop] asked to stop the messages
        [silent] no answer
       *[other] { $answer }
    } ({ $when })
staff-mine-answer-none = last check-in: no answer yet
staff-mine-empty = You have no open work, and no participant in the program is assigned to you.
staff-mine-more = … and { $count } more.

# /whoami on Telegram: the id a coordinator needs (a person's, or a group's for staff alerts).
whoami-person = Your Telegram user id is { $id }. If you are joining the staff, give it to your coordinator: they add you with hotline staff add … --telegram { $id }.
whoami-group = This chat's id is { $id }. To send the staff alerts here, set HOTLINE_STAFF_CHAT_ID={ $id } and restart the hotline.
