# The reply box of a taken chat case or question on the dashboard's Now page.
# $max is the most characters a reply may have (a number).

dash-reply-conversation = Pogovor
dash-reply-they-wrote = Oseba je napisala
dash-reply-you-wrote = Napisali ste
dash-reply-nothing-yet = Odkar ste zadevo prevzeli, ni nihče nič napisal.
dash-reply-label = Odgovor
dash-reply-hint = Oseba ne vidi ne vašega imena ne vaše številke. Največ { $max } { $max ->
        [one] znak
        [two] znaka
        [few] znaki
       *[other] znakov
    }.
dash-reply-send = Pošlji
dash-reply-sent = Poslano.
dash-reply-empty = Odgovor je prazen: nič ni bilo poslano.
dash-reply-too-long = Odgovor je predolg: gre največ { $max } { $max ->
        [one] znak
        [two] znaka
        [few] znaki
       *[other] znakov
    }. Nič ni bilo poslano.
dash-reply-not-yours = Ta pogovor ni vaš ali pa se je že končal: nič ni bilo poslano.
dash-reply-question-yours = Odgovorite spodaj ali v Telegramu, v klepetu sodelavcev linije: oseba ne vidi ne vašega imena ne vaše številke. Ko odgovorite, pritisnite „Opravljeno“; vprašanje in pogovor se nato izbrišeta.
dash-reply-chat-yours = Pogovor nadaljujte spodaj ali v Telegramu, v klepetu sodelavcev linije: kar piše oseba, se prikaže tukaj. Pogovor končate s tipko „Opravljeno“; kar je bilo napisano, se nato izbriše.
dash-reply-unreachable = Odgovor te osebe ne more doseči: linija ji po tem kanalu ne more pisati. Nič ni bilo poslano.
