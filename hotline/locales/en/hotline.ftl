# The voice hotline (hotline/flows/builtin/hotline.yaml) and the voice channel.
# Short sentences: callers may be stressed, tired, or on a bad line.

# The program's name. A deployment gives its own in HOTLINE_LOCALE_OVERRIDES (README: "The
# program's name"). Keep it neutral: it opens the first chat message, which shows on a lock
# screen and stays in the SMS inbox, where others may read it. Messages ask for a case
# (`{ -program(case: "gen") }`): nom (the default) or gen; English has one form for both.
-program = the support program

## Greeting

# The program's name may differ in a deployment: record the text as the script gives it.
greeting-welcome = Hello. This is the free 24-hour hotline of { -program(case: "gen") }. Calls are confidential.
greeting-emergency = If your life or someone else's life is in danger, hang up and call 112 now.

## Language menu: each option is spoken in its own language.

language-option = For English, press { $key }.

## Main menu

main-menu =
    To hear how the program can help you, press 1.
    For services in your region, press 2.
    To talk to a specialist, press 3.
    To leave a message, press 4.
    For another language, press 9.
    To end the call, press 0.
    To hear this again, press star.
menu-invalid = Sorry, that key is not one of the choices.
menu-no-input = Sorry, we did not hear a choice.

## About the program

about-intro = We help people who are about to leave prison or have left it. We also help people in recovery from addiction, and their families. Our help is free and voluntary.
about-menu =
    For counselling and support, press 1.
    For help with work, training and school, press 2.
    For social rights and benefits, press 3.
    For health care and addiction treatment, press 4.
    For support for families and children, press 5.
    To go back, press 0.
about-counselling = A specialist meets you and listens to you. Together you plan your life after release. The plan covers housing, documents, money, and the people close to you. We can start before you are released, and stay with you afterwards.
about-work = We help you look for work, write a CV and prepare for interviews. We can also help you finish school, learn a trade or retrain. We work with the employment office.
about-rights = We explain which social rights and benefits you may have. These can include social assistance, health insurance, or help with housing. We help you with the forms and documents.
about-health = Are you in recovery, or do you want to stop drinking or using drugs? We connect you with treatment, counselling and support groups. We help you stay on track, and can also help you find a doctor.
about-family = Families can get support too. We advise you on how to support your relative before and after release. We help with visits and staying in contact. We also offer counselling for the whole family, children included.
about-more =
    To hear about other help, press 1.
    To talk to a specialist, press 3.
    For the main menu, press 0.

## Services in your region

services-region = Which region are you in?
# One item of a list the caller chooses from: a region, or a kind of help.
services-option = For { $name }, press { $key }.
services-more-items = For more, press { $key }.
services-back = To go back to the main menu, press 0.
services-category = What do you need help with?
services-list-menu =
    To get these details by text message, press 1.
    For more services, press 2.
    For another kind of help, press 3.
    For another region, press 4.
    To go back to the main menu, press 0.
    To hear them again, press star.
services-none = We have no services listed here yet. A specialist can tell you what is near you.
services-more =
    To talk to a specialist, press 3.
    For the main menu, press 0.

## A specialist

specialist-connecting = Please stay on the line. We are connecting you with a specialist.
specialist-unavailable = Our specialists cannot answer right now.
# Said between two rounds of ringing, while the caller waits on the line.
specialist-still-trying = Please stay on the line. We are trying another specialist.
# When nobody is on duty (at night, on a holiday). 112 is the European emergency number.
after-hours = Nobody from our team is on duty right now. If your life or someone else's life is in danger, hang up and call 112 now.
# Where nobody can call back (callbacks are not set up): a message only.
message-menu =
    To leave a message, press 1.
    For the main menu, press 0.
callback-menu =
    To leave a message, press 1.
    To be called back on this number, press 2.
    For the main menu, press 0.
callback-requested = Thank you. A specialist will call you back on this number as soon as they can. The call will come from the number of this hotline.
# The caller's number is withheld: we cannot call back.
callback-no-number = Your number is hidden, so we cannot call you back. Please leave a message instead.

## Messages

message-prompt = Please leave your message after the tone. You have up to { $minutes ->
        [one] one minute
       *[other] { $minutes } minutes
    }. Tell us how we can help you. When you have finished, press the hash key or hang up.
message-empty = We did not hear a message.
message-received = Thank you. We have your message, and a specialist will listen to it.
goodbye = Thank you for calling. Take care. Goodbye.

## When something goes wrong on our side (the voice channel says these, not a flow)

fallback-connecting = Sorry, we have a technical problem. Please stay on the line, we are connecting you with a specialist.
fallback-message = Sorry, we have a technical problem. Please leave your message after the tone, and a specialist will listen to it.
fallback-unanswered = Nobody could answer. Please leave your message after the tone.
fallback-goodbye = Thank you. Goodbye.

## Silent calls: nobody has pressed a key for a long time (an open line, a pocket call)

# Said before the call is ended: someone may be there who cannot speak. 112 is the European emergency number.
silent-goodbye = We cannot hear you, so we are ending the call. You can call this number again at any time, day or night. If your life or someone else's life is in danger, call 112. Goodbye.
