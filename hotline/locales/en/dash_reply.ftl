# The reply box of a taken chat case or question on the dashboard's Now page.
# $max is the most characters a reply may have (a number).

dash-reply-conversation = Conversation
dash-reply-they-wrote = They wrote
dash-reply-you-wrote = You wrote
dash-reply-nothing-yet = Nothing written since you took it.
dash-reply-label = Reply
dash-reply-hint = The person sees neither your name nor your number. At most { $max } { $max ->
        [one] character
       *[other] characters
    }.
dash-reply-send = Send
dash-reply-sent = Sent.
dash-reply-empty = The reply is empty: nothing was sent.
dash-reply-too-long = The reply is too long: at most { $max } { $max ->
        [one] character
       *[other] characters
    } fit. Nothing was sent.
dash-reply-not-yours = This conversation is not yours, or it has ended: nothing was sent.
dash-reply-question-yours = Answer it below, or on the Telegram staff desk: the person sees neither your name nor your number. Press “Done” when it is answered; the question and what was written are then deleted.
dash-reply-chat-yours = Carry on the conversation below, or on the Telegram staff desk: what the person writes shows here. Press “Done” to end it; what was written is then deleted.
dash-reply-unreachable = A reply cannot reach this person: the hotline has no way to write to them on this channel. Nothing was sent.
