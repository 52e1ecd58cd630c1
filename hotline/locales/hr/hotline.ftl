# The voice hotline (hotline/flows/builtin/hotline.yaml) and the voice channel.
# Short sentences: callers may be stressed, tired, or on a bad line.
# Croatian: formal "Vi" (capitalised, as in service messages to one person); the same words
# throughout: "savjetnik" (specialist), "poruka" (message), "pritisnite" (press).

# The program's name (see English): a deployment gives its own in HOTLINE_LOCALE_OVERRIDES.
# Neutral, as it opens the first chat message. Cases: nom (the default) and gen.
-program = { $case ->
        [gen] programa podrške
       *[nom] program podrške
    }

## Greeting

# The program's name may differ in a deployment: record the text as the script gives it.
greeting-welcome = Dobar dan. Dobili ste besplatnu liniju { -program(case: "gen") }, dostupnu 24 sata dnevno. Razgovori su povjerljivi.
greeting-emergency = Ako je Vaš život ili život druge osobe u opasnosti, prekinite poziv i odmah nazovite 112.

## Language menu: each option is spoken in its own language.

language-option = Za hrvatski pritisnite { $key }.

## Main menu

main-menu =
    Ako želite čuti kako Vam program može pomoći, pritisnite 1.
    Za usluge u Vašem kraju pritisnite 2.
    Za razgovor sa savjetnikom pritisnite 3.
    Ako želite ostaviti poruku, pritisnite 4.
    Za drugi jezik pritisnite 9.
    Za završetak poziva pritisnite 0.
    Ako želite ponovno čuti izbornik, pritisnite zvjezdicu.
menu-invalid = Žao nam je, ta tipka nije među ponuđenima.
menu-no-input = Žao nam je, nismo čuli Vaš odabir.

## About the program

about-intro = Pomažemo ljudima koji uskoro izlaze iz zatvora ili su već izašli. Pomažemo i ljudima koji se oporavljaju od ovisnosti te njihovim obiteljima. Naša je pomoć besplatna i dobrovoljna.
about-menu =
    Za savjetovanje i podršku pritisnite 1.
    Za pomoć oko posla, osposobljavanja i školovanja pritisnite 2.
    Za socijalna prava i naknade pritisnite 3.
    Za zdravstvenu skrb i liječenje ovisnosti pritisnite 4.
    Za podršku obiteljima i djeci pritisnite 5.
    Za povratak pritisnite 0.
about-counselling = Savjetnik će se naći s Vama i saslušati Vas. Zajedno ćete napraviti plan za život nakon izlaska iz zatvora. Plan obuhvaća stanovanje, dokumente, novac i odnose s bliskim ljudima. Možemo početi još prije Vašeg izlaska i biti uz Vas i nakon njega.
about-work = Pomažemo Vam pronaći posao, napisati životopis i pripremiti se za razgovor za posao. Možemo Vam pomoći i da završite školu, izučite zanat ili se prekvalificirate. Surađujemo sa Zavodom za zapošljavanje.
about-rights = Objasnit ćemo Vam koja socijalna prava i naknade možete ostvariti. To su, na primjer, socijalna pomoć, zdravstveno osiguranje ili pomoć za stanovanje. Pomoći ćemo Vam oko obrazaca i dokumenata.
about-health = Oporavljate li se od ovisnosti ili želite prestati piti ili uzimati drogu? Pomoći ćemo Vam da dođete do liječenja, savjetovanja i grupa podrške. Bit ćemo uz Vas na tom putu i pomoći Vam da pronađete liječnika.
about-family = I obitelji mogu dobiti podršku. Savjetujemo Vas kako podržati člana obitelji prije i nakon izlaska iz zatvora. Pomažemo oko posjeta i održavanja kontakta. Nudimo i savjetovanje za cijelu obitelj, uključujući i djecu.
about-more =
    Za druge oblike pomoći pritisnite 1.
    Za razgovor sa savjetnikom pritisnite 3.
    Za glavni izbornik pritisnite 0.

## Services in your region

services-region = U kojoj se regiji nalazite?
# One item of a list the caller chooses from: a region, or a kind of help.
services-option = { $name }: pritisnite { $key }.
services-more-items = Za još mogućnosti pritisnite { $key }.
services-back = Za povratak u glavni izbornik pritisnite 0.
services-category = Kakva Vam pomoć treba?
services-list-menu =
    Ako želite ove podatke primiti SMS porukom, pritisnite 1.
    Za još usluga pritisnite 2.
    Za drugu vrstu pomoći pritisnite 3.
    Za drugu regiju pritisnite 4.
    Za povratak u glavni izbornik pritisnite 0.
    Ako ih želite ponovno čuti, pritisnite zvjezdicu.
services-none = Ovdje još nemamo navedenih usluga. Savjetnik Vam može reći što postoji u Vašoj blizini.
services-more =
    Za razgovor sa savjetnikom pritisnite 3.
    Za glavni izbornik pritisnite 0.

## A specialist

specialist-connecting = Molimo ostanite na vezi. Spajamo Vas sa savjetnikom.
specialist-unavailable = Naši se savjetnici trenutačno ne mogu javiti.
# Said between two rounds of ringing, while the caller waits on the line.
specialist-still-trying = Molimo ostanite na vezi. Pokušavamo Vas spojiti s drugim savjetnikom.
# When nobody is on duty (at night, on a holiday). 112 is the European emergency number.
after-hours = Trenutačno nitko iz našeg tima nije dežuran. Ako je Vaš život ili život druge osobe u opasnosti, prekinite poziv i odmah nazovite 112.
message-menu =
    Ako želite ostaviti poruku, pritisnite 1.
    Za glavni izbornik pritisnite 0.
callback-menu =
    Ako želite ostaviti poruku, pritisnite 1.
    Ako želite da Vas nazovemo na ovaj broj, pritisnite 2.
    Za glavni izbornik pritisnite 0.
callback-requested = Hvala. Savjetnik će Vas nazvati na ovaj broj čim bude mogao. Poziv će doći s broja ove linije.
# The caller's number is withheld: we cannot call back.
callback-no-number = Vaš je broj skriven pa Vas ne možemo nazvati. Molimo ostavite nam poruku.

## Messages

message-prompt = Molimo ostavite poruku nakon zvučnog signala. Za poruku imate { $minutes ->
        [one] { $minutes } minutu
        [few] { $minutes } minute
       *[other] { $minutes } minuta
    }. Recite nam kako Vam možemo pomoći. Kada završite, pritisnite ljestve ili prekinite poziv.
message-empty = Nismo čuli poruku.
message-received = Hvala. Primili smo Vašu poruku i savjetnik će je poslušati.
goodbye = Hvala na pozivu. Čuvajte se. Doviđenja.

## When something goes wrong on our side (the voice channel says these, not a flow)

fallback-connecting = Žao nam je, imamo tehničkih poteškoća. Molimo ostanite na vezi, spajamo Vas sa savjetnikom.
fallback-message = Žao nam je, imamo tehničkih poteškoća. Molimo ostavite poruku nakon zvučnog signala i savjetnik će je poslušati.
fallback-unanswered = Nitko se nije mogao javiti. Molimo ostavite poruku nakon zvučnog signala.
fallback-goodbye = Hvala. Doviđenja.

## Silent calls

silent-goodbye = Ne čujemo Vas pa završavamo poziv. Ovaj broj možete ponovno nazvati u bilo koje doba dana i noći. Ako je Vaš život ili život druge osobe u opasnosti, nazovite 112. Doviđenja.
