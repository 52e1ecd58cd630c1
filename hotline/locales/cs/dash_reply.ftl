# The reply box of a taken chat case or question on the dashboard's Now page.
# $max is the most characters a reply may have (a number).

dash-reply-conversation = Rozhovor
dash-reply-they-wrote = Klient napsal
dash-reply-you-wrote = Napsali jste
dash-reply-nothing-yet = Od chvíle, kdy jste to převzali, nikdo nic nenapsal.
dash-reply-label = Odpověď
dash-reply-hint = Člověk neuvidí vaše jméno ani číslo. Nejvýše { $max } { $max ->
        [one] znak
        [few] znaky
       *[other] znaků
    }.
dash-reply-send = Odeslat
dash-reply-sent = Odesláno.
dash-reply-empty = Odpověď je prázdná: nic se neodeslalo.
dash-reply-too-long = Odpověď je příliš dlouhá: vejde se nejvýše { $max } { $max ->
        [one] znak
        [few] znaky
       *[other] znaků
    }. Nic se neodeslalo.
dash-reply-not-yours = Tento rozhovor není váš nebo už skončil: nic se neodeslalo.
dash-reply-question-yours = Odpovězte níže nebo v Telegramu, v chatu pracovníků linky: člověk neuvidí vaše jméno ani číslo. Až odpovíte, stiskněte „Hotovo“; dotaz i rozhovor se pak smažou.
dash-reply-chat-yours = Pokračujte v rozhovoru níže nebo v Telegramu, v chatu pracovníků linky: co člověk píše, se ukáže tady. Rozhovor ukončíte tlačítkem „Hotovo“; co se napsalo, se pak smaže.
dash-reply-unreachable = Odpověď se k tomuto člověku nedostane: linka mu tímto kanálem nemůže psát. Nic se neodeslalo.
