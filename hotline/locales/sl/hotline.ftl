# The voice hotline (hotline/flows/builtin/hotline.yaml) and the voice channel.
# Short sentences: callers may be stressed, tired, or on a bad line.
# Slovenian: formal "vi" (lower case, as usual in Slovenian); the same words throughout:
# "svetovalec" (specialist), "sporočilo" (message), "pritisnite" (press).

# The program's name (see English): a deployment gives its own in HOTLINE_LOCALE_OVERRIDES.
# Neutral, as it opens the first chat message. Cases: nom (the default) and gen.
-program = { $case ->
        [gen] programa podpore
       *[nom] program podpore
    }

## Greeting

# The program's name may differ in a deployment: record the text as the script gives it.
greeting-welcome = Pozdravljeni. Poklicali ste brezplačno telefonsko linijo { -program(case: "gen") }, ki deluje 24 ur na dan. Klici so zaupni.
greeting-emergency = Če je vaše življenje ali življenje koga drugega v nevarnosti, prekinite klic in takoj pokličite 112.

## Language menu: each option is spoken in its own language.

language-option = Za slovenščino pritisnite { $key }.

## Main menu

main-menu =
    Če želite slišati, kako vam lahko program pomaga, pritisnite 1.
    Za storitve v vaši regiji pritisnite 2.
    Za pogovor s svetovalcem pritisnite 3.
    Če želite pustiti sporočilo, pritisnite 4.
    Za drug jezik pritisnite 9.
    Za konec klica pritisnite 0.
    Če želite meni slišati še enkrat, pritisnite zvezdico.
menu-invalid = Oprostite, ta tipka ni med možnostmi.
menu-no-input = Oprostite, nismo slišali vaše izbire.

## About the program

about-intro = Pomagamo ljudem, ki bodo kmalu zapustili zapor ali so ga že zapustili. Pomagamo tudi ljudem, ki okrevajo od odvisnosti, in njihovim družinam. Naša pomoč je brezplačna in prostovoljna.
about-menu =
    Za svetovanje in podporo pritisnite 1.
    Za pomoč pri zaposlitvi, usposabljanju in šolanju pritisnite 2.
    Za socialne pravice in denarne pomoči pritisnite 3.
    Za zdravstveno oskrbo in zdravljenje odvisnosti pritisnite 4.
    Za podporo družinam in otrokom pritisnite 5.
    Za vrnitev pritisnite 0.
about-counselling = Svetovalec se sreča z vami in vas posluša. Skupaj z vami pripravi načrt za življenje po odpustu iz zapora. Načrt zajema stanovanje, dokumente, denar in odnose z bližnjimi. Začnemo lahko že pred vašim odpustom in vam stojimo ob strani tudi pozneje.
about-work = Pomagamo vam poiskati delo, napisati življenjepis in se pripraviti na razgovor za službo. Pomagamo vam lahko tudi dokončati šolo, pridobiti poklic ali se prekvalificirati. Sodelujemo z Zavodom za zaposlovanje.
about-rights = Razložimo vam, do katerih socialnih pravic in pomoči ste morda upravičeni. To so na primer denarna socialna pomoč, zdravstveno zavarovanje ali pomoč pri stanovanju. Pomagamo vam pri obrazcih in dokumentih.
about-health = Okrevate od odvisnosti ali želite nehati piti ali jemati droge? Pomagamo vam priti do zdravljenja, svetovanja in podpornih skupin. Pomagamo vam vztrajati na tej poti in poiskati zdravnika.
about-family = Podporo lahko dobijo tudi družine. Svetujemo vam, kako podpreti svojca pred odpustom iz zapora in po njem. Pomagamo pri obiskih in ohranjanju stikov. Ponujamo tudi svetovanje za vso družino, tudi za otroke.
about-more =
    Za druge oblike pomoči pritisnite 1.
    Za pogovor s svetovalcem pritisnite 3.
    Za glavni meni pritisnite 0.

## Services in your region

services-region = V kateri regiji ste?
# One item of a list the caller chooses from: a region, or a kind of help.
services-option = { $name }: pritisnite { $key }.
services-more-items = Za več možnosti pritisnite { $key }.
services-back = Za vrnitev v glavni meni pritisnite 0.
services-category = Pri čem potrebujete pomoč?
services-list-menu =
    Če želite te podatke prejeti v sporočilu SMS, pritisnite 1.
    Za več storitev pritisnite 2.
    Za drugo vrsto pomoči pritisnite 3.
    Za drugo regijo pritisnite 4.
    Za vrnitev v glavni meni pritisnite 0.
    Če jih želite slišati še enkrat, pritisnite zvezdico.
services-none = Tukaj še nimamo navedenih storitev. Svetovalec vam lahko pove, kaj je v vaši bližini.
services-more =
    Za pogovor s svetovalcem pritisnite 3.
    Za glavni meni pritisnite 0.

## A specialist

specialist-connecting = Prosimo, ostanite na liniji. Povezujemo vas s svetovalcem.
specialist-unavailable = Naši svetovalci se trenutno ne morejo oglasiti.
# Said between two rounds of ringing, while the caller waits on the line.
specialist-still-trying = Prosimo, ostanite na liniji. Poskušamo vas povezati z drugim svetovalcem.
# When nobody is on duty (at night, on a holiday). 112 is the European emergency number.
after-hours = Trenutno nihče iz naše ekipe ni dežuren. Če je vaše življenje ali življenje koga drugega v nevarnosti, prekinite klic in takoj pokličite 112.
message-menu =
    Če želite pustiti sporočilo, pritisnite 1.
    Za glavni meni pritisnite 0.
callback-menu =
    Če želite pustiti sporočilo, pritisnite 1.
    Če želite, da vas pokličemo nazaj na to številko, pritisnite 2.
    Za glavni meni pritisnite 0.
callback-requested = Hvala. Svetovalec vas bo poklical nazaj na to številko, takoj ko bo mogel. Klicali vas bomo s številke te linije.
# The caller's number is withheld: we cannot call back.
callback-no-number = Vaša številka je skrita, zato vas ne moremo poklicati nazaj. Prosimo, pustite nam sporočilo.

## Messages

message-prompt = Prosimo, po zvočnem signalu pustite sporočilo. Za sporočilo imate na voljo { $minutes ->
        [one] { $minutes } minuto
        [two] { $minutes } minuti
        [few] { $minutes } minute
       *[other] { $minutes } minut
    }. Povejte nam, kako vam lahko pomagamo. Ko končate, pritisnite lojtro ali prekinite klic.
message-empty = Nismo slišali sporočila.
message-received = Hvala. Vaše sporočilo smo prejeli in svetovalec ga bo poslušal.
goodbye = Hvala za klic. Pazite nase. Nasvidenje.

## When something goes wrong on our side (the voice channel says these, not a flow)

fallback-connecting = Oprostite, imamo tehnične težave. Prosimo, ostanite na liniji, povezujemo vas s svetovalcem.
fallback-message = Oprostite, imamo tehnične težave. Prosimo, po zvočnem signalu pustite sporočilo in svetovalec ga bo poslušal.
fallback-unanswered = Nihče se ni mogel oglasiti. Prosimo, po zvočnem signalu pustite sporočilo.
fallback-goodbye = Hvala. Nasvidenje.

## Silent calls

silent-goodbye = Ne slišimo vas, zato klic končujemo. To številko lahko znova pokličete kadar koli, podnevi ali ponoči. Če je vaše življenje ali življenje koga drugega v nevarnosti, pokličite 112. Nasvidenje.
