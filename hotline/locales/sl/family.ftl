# The chat flow (hotline/flows/builtin/family.yaml) on Telegram and SMS, and the chat channels.
# Mostly family members write: a parent, a partner, a grown-up child of someone in prison or
# just released. Short paragraphs, plain words, no blame. Menus are buttons on Telegram and
# numbered lines in SMS: each `.option-N` is the label of choice N (a few words at most).
# Slovenian: formal "vi" (lower case, as usual in Slovenian); the same words as hotline.ftl:
# "svetovalec" (specialist), "sporočilo" (message), "odpust" (release), "svojec" (your relative).

## Welcome and the main menu

# The first message: it shows on a lock screen and stays in the SMS inbox, so it names the
# program only by its neutral name and says nothing of prison or addiction.
chat-welcome = Pozdravljeni. To je brezplačna linija { -program(case: "gen") }. Kar nam napišete tukaj, ostane zaupno.
chat-emergency = Če je ogroženo življenje, takoj pokličite 112.
# Odgovor takoj, ko oseba napiše besede krize (crisis.txt): najprej številka za nujne primere.
crisis-reply = Slišimo vas in to jemljemo resno. Če je ogroženo vaše življenje ali življenje koga drugega, takoj pokličite 112. Prav zdaj obveščamo strokovnjaka in pisal vam bo tukaj. Niste sami.
chat-language = Izberite jezik.
chat-menu = Kako vam lahko pomagamo?
    .option-1 = Pred odpustom
    .option-2 = Po odpustu
    .option-3 = Obiski in stiki
    .option-4 = Otroci in družina
    .option-5 = Kako pomaga program
    .option-6 = Pogovor s svetovalcem
    .option-7 = Zastavite vprašanje
    .option-8 = Storitve v vaši bližini
    .option-9 = Jezik
    .option-0 = Konec
chat-invalid = Prosimo, izberite eno od možnosti ali vpišite njeno številko.

## Information for families

family-before-release = Že pred odpustom lahko veliko pomagate: ostanite v stiku in skupaj pravočasno razmislite, kje bo vaš svojec živel, katere dokumente bo potreboval in kdo ga bo pričakal na dan odpusta. Naši svetovalci lahko z njim začnejo delati, ko je še v zaporu.
family-after-release = Prvi tedni po odpustu so pogosto najtežji. Bodite potrpežljivi: navajanje na svobodo zahteva čas. Pomagajte pri majhnih, praktičnih stvareh in svojca spodbudite, naj se sreča z našim svetovalcem. Poskrbite tudi zase.
family-visits = Pravila za obiske, telefonske klice, pisma in pakete vam povedo v zaporu. Svetovalec vam jih lahko pojasni in vam pomaga pripraviti obisk z otroki.
family-children = Z otroki je pomembno govoriti iskreno, z besedami, primernimi njihovi starosti. Ponujamo svetovanje za otroke in za vso družino ter vas lahko povežemo s podporo v vašem kraju.
chat-more = Vam lahko še s čim pomagamo?
    .option-1 = Nazaj na meni
    .option-6 = Pogovor s svetovalcem
    .option-7 = Zastavite vprašanje
    .option-0 = Konec

## A specialist and questions

chat-specialist-unavailable = Naši svetovalci trenutno ne morejo odgovoriti.
# A case is open: staff on duty have been told, nobody has taken it yet.
case-opened = Svetovalca smo prosili, naj se pridruži temu klepetu. Ko se pridruži, boste tukaj prejeli sporočilo. Že zdaj lahko napišete, kaj mu želite sporočiti.
# A specialist took the case; the person's messages now go to them, and theirs come back.
case-taken = Svetovalec se je pridružil klepetu. Kar zdaj napišete, prejme on. Če želite pogovor končati, pošljite /close.
# Put before each message a specialist writes.
case-specialist-says = Svetovalec:
case-closed = Svetovalec je končal pogovor. Hvala, ker ste nam pisali. Pošljite katero koli sporočilo in spet boste videli meni.
case-closed-by-you = Končali ste pogovor s svetovalcem. Hvala, ker ste nam pisali. Pošljite katero koli sporočilo in spet boste videli meni.
question-prompt = Vprašanje napišite v enem sporočilu. Svetovalec ga bo prebral in vam odgovoril tukaj.
question-received = Hvala. Vaše vprašanje smo prejeli in svetovalec vam bo odgovoril tukaj.
# More written after a question was left, before a specialist took it.
question-added = To smo dodali k vašemu vprašanju. Svetovalec vam bo odgovoril tukaj.
chat-goodbye = Hvala, ker ste nam pisali. Pazite nase. Ko nam boste želeli spet pisati, nam preprosto pošljite sporočilo.

## Commands and keywords (the chat channels say these, not a flow)

# START and STOP stay in Latin capitals: they are the keywords the SMS system recognises.
chat-help = To je linija { -program(case: "gen") }. Izberite možnost v meniju ali vpišite številko. /start začne znova, /language zamenja jezik, /stop ustavi vsa naša sporočila. Če je kdo v nevarnosti, pokličite 112.
chat-stopped = Od nas ne boste več prejemali sporočil. Če nam želite spet pisati, pošljite /start.
# The answer to HELP: at most two UCS-2 segments (134 characters), one when transliterated.
sms-help = Linija { -program(case: "gen") }. Odgovorite s številko iz menija. START začne znova, STOP ustavi naša sporočila. V nevarnosti pokličite 112.
sms-stopped = Od nas ne boste več prejemali sporočil. Če nam želite spet pisati, odgovorite START.

## Telegram groups (the Telegram channel says this, not a flow)

chat-private-only = Odgovarjamo samo v zasebnem klepetu, da ostane vse, kar nam napišete, zaupno. Prosimo, pišite nam neposredno.
    .with-link = Odgovarjamo samo v zasebnem klepetu, da ostane vse, kar nam napišete, zaupno. Prosimo, pišite nam tukaj: { $link }

## Services near you (the directory)

chat-services-region = V kateri regiji ste? V Telegramu nam lahko pošljete tudi svojo lokacijo (📎 → Lokacija) in videli boste storitve, ki so vam najbližje.
    .option-9 = Več regij
    .option-0 = Nazaj na meni
chat-services-option = { $key } – { $name }
chat-services-category = Pri čem potrebujete pomoč?
    .option-9 = Več
    .option-0 = Nazaj na meni
chat-services-list-menu = Vam lahko še s čim pomagamo?
    .option-2 = Več storitev
    .option-3 = Druga vrsta pomoči
    .option-4 = Druga regija
    .option-0 = Nazaj na meni
chat-services-none = Tukaj še nimamo navedenih storitev. Svetovalec vam lahko pove, kaj je v vaši bližini.
