# The reply box of a taken chat case or question on the dashboard's Now page.
# $max is the most characters a reply may have (a number).

dash-reply-conversation = Razgovor
dash-reply-they-wrote = Osoba je napisala
dash-reply-you-wrote = Vi ste napisali
dash-reply-nothing-yet = Otkad ste ovo preuzeli, ništa nije napisano.
dash-reply-label = Odgovor
dash-reply-hint = Osoba ne vidi ni Vaše ime ni Vaš broj. Najviše { $max } { $max ->
        [one] znak
        [few] znaka
       *[other] znakova
    }.
dash-reply-send = Pošalji
dash-reply-sent = Poslano.
dash-reply-empty = Odgovor je prazan: ništa nije poslano.
dash-reply-too-long = Odgovor je predug: stane najviše { $max } { $max ->
        [one] znak
        [few] znaka
       *[other] znakova
    }. Ništa nije poslano.
dash-reply-not-yours = Ovaj razgovor nije Vaš ili je završio: ništa nije poslano.
dash-reply-question-yours = Odgovorite ispod ili u Telegramu, u chatu djelatnika linije: osoba ne vidi ni Vaše ime ni Vaš broj. Kad odgovorite, pritisnite „Gotovo”; pitanje i razgovor se tada brišu.
dash-reply-chat-yours = Nastavite razgovor ispod ili u Telegramu, u chatu djelatnika linije: ovdje se prikazuje ono što osoba piše. Za završetak pritisnite „Gotovo”; razgovor se tada briše.
dash-reply-unreachable = Odgovor ne može stići do te osobe: linija joj na ovom kanalu ne može pisati. Ništa nije poslano.
