# The chat flow (hotline/flows/builtin/family.yaml) on Telegram and SMS, and the chat channels.
# Mostly family members write: a parent, a partner, a grown-up child of someone in prison or
# just released. Short paragraphs, plain words, no blame. Menus are buttons on Telegram and
# numbered lines in SMS: each `.option-N` is the label of choice N (a few words at most).
# Czech: formal "vy"; the same words as hotline.ftl: "poradce" (specialist), "linka" (helpline);
# "dotaz" (question), "zpráva" (a chat message), "váš blízký" (your relative).

## Welcome and the main menu

# The first message: it shows on a lock screen and stays in the SMS inbox, so it names the
# program only by its neutral name and says nothing of prison or addiction.
chat-welcome = Dobrý den. Toto je bezplatná linka { -program(case: "gen") }. Vše, co nám sem napíšete, zůstane důvěrné.
chat-emergency = Pokud je ohrožen něčí život, hned volejte 112.
# Odpověď hned, když člověk napíše slova krize (crisis.txt): nejdřív číslo tísňového volání.
crisis-reply = Slyšíme vás a bereme to vážně. Pokud je ohrožen váš život nebo život někoho jiného, hned volejte 112. Právě teď dáváme vědět odborníkovi a ten vám napíše sem. Nejste na to sami.
chat-language = Vyberte si jazyk.
chat-menu = S čím vám můžeme pomoci?
    .option-1 = Před propuštěním
    .option-2 = Po propuštění
    .option-3 = Návštěvy a kontakt
    .option-4 = Děti a rodina
    .option-5 = Jak pomáhá program
    .option-6 = Mluvit s poradcem
    .option-7 = Napsat dotaz
    .option-8 = Služby ve vašem okolí
    .option-9 = Jazyk
    .option-0 = Konec
chat-invalid = Vyberte prosím jednu z možností nebo napište její číslo.

## Information for families

family-before-release = Už před propuštěním můžete hodně pomoci: zůstaňte v kontaktu a včas spolu promyslete, kde bude váš blízký bydlet, jaké doklady bude potřebovat a kdo si pro něj v den propuštění přijde. Naši poradci s ním mohou začít pracovat ještě ve vězení.
family-after-release = První týdny po propuštění bývají nejtěžší. Buďte trpěliví: zvyknout si na svobodu chce čas. Pomáhejte s drobnými praktickými věcmi a povzbuďte svého blízkého, aby se sešel s naším poradcem. A myslete i na sebe.
family-visits = Pravidla pro návštěvy, telefonáty, dopisy a balíčky vám sdělí věznice. Poradce vám je může vysvětlit a pomoci s přípravou návštěvy s dětmi.
family-children = S dětmi je dobré mluvit upřímně a tak, aby to odpovídalo jejich věku. Nabízíme poradenství pro děti i pro celou rodinu a můžeme vám zprostředkovat podporu ve vašem okolí.
chat-more = Můžeme vám pomoci ještě s něčím?
    .option-1 = Zpět do nabídky
    .option-6 = Mluvit s poradcem
    .option-7 = Napsat dotaz
    .option-0 = Konec

## A specialist and questions

chat-specialist-unavailable = Naši poradci teď bohužel nemohou odpovědět.
# A case is open: staff on duty have been told, nobody has taken it yet.
case-opened = Požádali jsme poradce, aby se připojil do tohoto chatu. Jakmile se připojí, přijde vám sem zpráva. Už teď můžete napsat, co mu chcete říct.
# A specialist took the case; the person's messages now go to them, and theirs come back.
case-taken = Poradce se připojil do chatu. Co teď napíšete, dostane přímo on. Chcete-li rozhovor ukončit, pošlete /close.
# Put before each message a specialist writes.
case-specialist-says = Poradce:
case-closed = Poradce rozhovor ukončil. Děkujeme, že jste napsali. Pošlete jakoukoli zprávu a znovu uvidíte nabídku.
case-closed-by-you = Ukončili jste rozhovor s poradcem. Děkujeme, že jste napsali. Pošlete jakoukoli zprávu a znovu uvidíte nabídku.
question-prompt = Napište svůj dotaz do jedné zprávy. Poradce si ho přečte a odpoví vám tady.
question-received = Děkujeme. Váš dotaz máme a poradce vám tady odpoví.
# More written after a question was left, before a specialist took it.
question-added = Přidali jsme to k vašemu dotazu. Poradce vám odpoví tady.
chat-goodbye = Děkujeme, že jste napsali. Opatrujte se. Až nám budete chtít znovu napsat, stačí poslat zprávu.

## Commands and keywords (the chat channels say these, not a flow)

# START and STOP stay in Latin capitals: they are the keywords the SMS system recognises.
chat-help = Toto je linka { -program(case: "gen") }. Vyberte si z nabídky nebo napište číslo. /start začne znovu, /language změní jazyk, /stop zastaví všechny zprávy od nás. Při ohrožení života volejte 112.
chat-stopped = Už od nás nedostanete žádné zprávy. Pokud nám budete chtít znovu napsat, pošlete /start.
# The answer to HELP: at most two UCS-2 segments (134 characters), one when transliterated.
sms-help = Linka { -program(case: "gen") }. Odpovězte číslem z nabídky. START začne znovu, STOP zastaví naše zprávy. Při ohrožení života volejte 112.
sms-stopped = Už od nás nedostanete žádné zprávy. Chcete-li nám znovu napsat, odpovězte START.

## Telegram groups (the Telegram channel says this, not a flow)

chat-private-only = Odpovídáme jen v soukromém chatu, aby vše, co nám napíšete, zůstalo důvěrné. Napište nám prosím přímo.
    .with-link = Odpovídáme jen v soukromém chatu, aby vše, co nám napíšete, zůstalo důvěrné. Napište nám prosím sem: { $link }

## Services near you (the directory)

chat-services-region = Ve kterém jste kraji? V Telegramu nám můžete poslat i svou polohu (📎 → Poloha) a uvidíte služby, které máte nejblíž.
    .option-9 = Další kraje
    .option-0 = Zpět do nabídky
chat-services-option = { $key } – { $name }
chat-services-category = S čím potřebujete pomoci?
    .option-9 = Další
    .option-0 = Zpět do nabídky
chat-services-list-menu = Můžeme vám pomoci ještě s něčím?
    .option-2 = Další služby
    .option-3 = Jiný druh pomoci
    .option-4 = Jiný kraj
    .option-0 = Zpět do nabídky
chat-services-none = Zatím tu nemáme uvedené žádné služby. Poradce vám může říct, co najdete ve vašem okolí.
