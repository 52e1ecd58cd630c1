# The chat flow (hotline/flows/builtin/family.yaml) on Telegram and SMS, and the chat channels.
# Mostly family members write: a parent, a partner, a grown-up child of someone in prison or
# just released. Short paragraphs, plain words, no blame. Menus are buttons on Telegram and
# numbered lines in SMS: each `.option-N` is the label of choice N (a few words at most).
# Croatian: formal "Vi" (capitalised, as in hotline.ftl); the same words as hotline.ftl:
# "savjetnik" (specialist), "poruka" (message), "izlazak iz zatvora" (release),
# "član obitelji" (your relative), "posjeti" (visits).

## Welcome and the main menu

# The first message: it shows on a lock screen and stays in the SMS inbox, so it names the
# program only by its neutral name and says nothing of prison or addiction.
chat-welcome = Dobar dan. Ovo je besplatna linija { -program(case: "gen") }. Sve što ovdje napišete ostaje povjerljivo.
chat-emergency = Ako je nečiji život u opasnosti, odmah nazovite 112.
# Odgovor odmah kad osoba napiše riječi krize (crisis.txt): najprije broj za hitne slučajeve.
crisis-reply = Čujemo Vas i ovo shvaćamo ozbiljno. Ako je Vaš ili nečiji drugi život u opasnosti, odmah nazovite 112. Upravo obavještavamo stručnjaka i on će Vam pisati ovdje. Niste sami.
chat-language = Odaberite jezik.
chat-menu = Kako Vam možemo pomoći?
    .option-1 = Prije izlaska
    .option-2 = Nakon izlaska
    .option-3 = Posjeti i kontakt
    .option-4 = Djeca i obitelj
    .option-5 = Kako program pomaže
    .option-6 = Razgovor sa savjetnikom
    .option-7 = Postavite pitanje
    .option-8 = Usluge u Vašoj blizini
    .option-9 = Jezik
    .option-0 = Kraj
chat-invalid = Molimo odaberite jednu od ponuđenih mogućnosti ili upišite njezin broj.

## Information for families

family-before-release = I prije izlaska iz zatvora možete puno pomoći: ostanite u kontaktu i zajedno na vrijeme razmislite gdje će Vaš član obitelji živjeti, koji će mu dokumenti trebati i tko će ga dočekati na dan izlaska. Naši savjetnici mogu s njim početi raditi dok je još u zatvoru.
family-after-release = Prvi tjedni nakon izlaska iz zatvora često su najteži. Budite strpljivi: za navikavanje na slobodu treba vremena. Pomažite u malim, praktičnim stvarima i potaknite člana obitelji da se nađe s našim savjetnikom. Brinite se i o sebi.
family-visits = Pravila za posjete, telefonske pozive, pisma i pakete saznat ćete u zatvoru. Savjetnik Vam ih može objasniti i pomoći Vam da pripremite posjet s djecom.
family-children = S djecom je važno razgovarati iskreno, riječima primjerenima njihovoj dobi. Nudimo savjetovanje za djecu i za cijelu obitelj te Vas možemo povezati s podrškom u Vašem kraju.
chat-more = Možemo li Vam pomoći još nečim?
    .option-1 = Natrag na izbornik
    .option-6 = Razgovor sa savjetnikom
    .option-7 = Postavite pitanje
    .option-0 = Kraj

## A specialist and questions

chat-specialist-unavailable = Naši savjetnici trenutačno ne mogu odgovoriti.
# A case is open: staff on duty have been told, nobody has taken it yet.
case-opened = Zamolili smo savjetnika da se uključi u ovaj razgovor. Kad se uključi, ovdje ćete dobiti poruku. Već sada možete napisati što mu želite reći.
# A specialist took the case; the person's messages now go to them, and theirs come back.
case-taken = Savjetnik se uključio u razgovor. Sve što sada napišete ide njemu. Ako želite završiti razgovor, pošaljite /close.
# Put before each message a specialist writes.
case-specialist-says = Savjetnik:
case-closed = Savjetnik je završio razgovor. Hvala što ste nam pisali. Pošaljite bilo koju poruku da ponovno vidite izbornik.
case-closed-by-you = Završili ste razgovor sa savjetnikom. Hvala što ste nam pisali. Pošaljite bilo koju poruku da ponovno vidite izbornik.
question-prompt = Napišite svoje pitanje u jednoj poruci. Savjetnik će ga pročitati i odgovoriti Vam ovdje.
question-received = Hvala. Primili smo Vaše pitanje i savjetnik će Vam odgovoriti ovdje.
# More written after a question was left, before a specialist took it.
question-added = Dodali smo to Vašem pitanju. Savjetnik će Vam odgovoriti ovdje.
chat-goodbye = Hvala što ste nam pisali. Čuvajte se. Kad god nam poželite ponovno pisati, samo nam pošaljite poruku.

## Commands and keywords (the chat channels say these, not a flow)

# START and STOP stay in Latin capitals: they are the keywords the SMS system recognises.
chat-help = Ovo je linija { -program(case: "gen") }. Odaberite nešto iz izbornika ili upišite broj. /start kreće ispočetka, /language mijenja jezik, /stop zaustavlja sve naše poruke. Ako je netko u opasnosti, nazovite 112.
chat-stopped = Više nećete primati naše poruke. Ako nam opet želite pisati, pošaljite /start.
# The answer to HELP: at most two UCS-2 segments (134 characters), one when transliterated.
sms-help = Linija { -program(case: "gen") }. Odgovorite brojem iz izbornika. START kreće ispočetka, STOP zaustavlja poruke. U opasnosti nazovite 112.
sms-stopped = Više nećete primati naše poruke. Ako nam opet želite pisati, odgovorite START.

## Telegram groups (the Telegram channel says this, not a flow)

chat-private-only = Odgovaramo samo u privatnom razgovoru, kako bi sve što napišete ostalo povjerljivo. Molimo, pišite nam izravno.
    .with-link = Odgovaramo samo u privatnom razgovoru, kako bi sve što napišete ostalo povjerljivo. Molimo, pišite nam ovdje: { $link }

## Services near you (the directory)

chat-services-region = U kojoj se regiji nalazite? Na Telegramu nam možete poslati i svoju lokaciju (📎 → Lokacija) pa ćete vidjeti usluge koje su Vam najbliže.
    .option-9 = Još regija
    .option-0 = Natrag na izbornik
chat-services-option = { $key } – { $name }
chat-services-category = Kakva Vam pomoć treba?
    .option-9 = Još
    .option-0 = Natrag na izbornik
chat-services-list-menu = Možemo li Vam pomoći još nečim?
    .option-2 = Još usluga
    .option-3 = Druga vrsta pomoći
    .option-4 = Druga regija
    .option-0 = Natrag na izbornik
chat-services-none = Ovdje još nemamo navedenih usluga. Savjetnik Vam može reći što postoji u Vašoj blizini.
