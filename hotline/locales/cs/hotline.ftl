# The voice hotline (hotline/flows/builtin/hotline.yaml) and the voice channel.
# Short sentences: callers may be stressed, tired, or on a bad line.
# Czech: formal "vy"; the same words throughout: "poradce" (specialist), "vzkaz" (message), "stiskněte" (press).

# The program's name (see English): a deployment gives its own in HOTLINE_LOCALE_OVERRIDES.
# Neutral, as it opens the first chat message. Cases: nom (the default) and gen.
-program = { $case ->
        [gen] programu podpory
       *[nom] program podpory
    }

## Greeting

# The program's name may differ in a deployment: record the text as the script gives it.
greeting-welcome = Dobrý den. Dovolali jste se na bezplatnou nonstop linku { -program(case: "gen") }. Hovor je důvěrný.
greeting-emergency = Pokud je ohrožen váš život nebo život někoho jiného, zavěste a hned volejte 112.

## Language menu: each option is spoken in its own language.

language-option = Pro češtinu stiskněte { $key }.

## Main menu

main-menu =
    Chcete-li vědět, jak vám program může pomoci, stiskněte 1.
    Pro informace o službách ve vašem kraji stiskněte 2.
    Chcete-li mluvit s poradcem, stiskněte 3.
    Chcete-li zanechat vzkaz, stiskněte 4.
    Pro jiný jazyk stiskněte 9.
    Chcete-li hovor ukončit, stiskněte 0.
    Chcete-li nabídku slyšet znovu, stiskněte hvězdičku.
menu-invalid = Omlouváme se, taková volba v nabídce není.
menu-no-input = Omlouváme se, nezachytili jsme vaši volbu.

## About the program

about-intro = Pomáháme lidem, kteří brzy odcházejí z vězení nebo z něj už odešli. Pomáháme také lidem, kteří se léčí ze závislosti nebo abstinují, a jejich rodinám. Naše pomoc je zdarma a dobrovolná.
about-menu =
    Pro poradenství a podporu stiskněte 1.
    Pro pomoc s prací, kurzy a školou stiskněte 2.
    Pro sociální práva a dávky stiskněte 3.
    Pro zdravotní péči a léčbu závislosti stiskněte 4.
    Pro podporu rodin a dětí stiskněte 5.
    Chcete-li se vrátit, stiskněte 0.
about-counselling = Poradce se s vámi setká a vyslechne vás. Společně připravíte plán na život po propuštění. Patří do něj bydlení, doklady, peníze a vztahy s blízkými. Můžeme začít ještě před vaším propuštěním a podporovat vás i potom.
about-work = Pomůžeme vám hledat práci, napsat životopis a připravit se na pohovor. Můžeme vám také pomoci dokončit školu, vyučit se nebo rekvalifikovat. Spolupracujeme s úřadem práce.
about-rights = Vysvětlíme vám, jaká máte sociální práva a jaké dávky můžete dostat. Jsou to například dávky v hmotné nouzi, zdravotní pojištění nebo pomoc s bydlením. Pomůžeme vám s žádostmi a doklady.
about-health = Léčíte se ze závislosti, abstinujete nebo chcete přestat pít či brát drogy? Zprostředkujeme vám léčbu, poradenství a podpůrné skupiny. Pomůžeme vám vydržet a můžeme vám pomoci i najít lékaře.
about-family = Podporu mohou dostat i rodiny. Poradíme vám, jak blízkého člověka podpořit před propuštěním i po něm. Pomůžeme s návštěvami ve věznici a s udržením kontaktu. Nabízíme také poradenství pro celou rodinu, včetně dětí.
about-more =
    Chcete-li slyšet o další pomoci, stiskněte 1.
    Chcete-li mluvit s poradcem, stiskněte 3.
    Pro návrat do hlavní nabídky stiskněte 0.

## Services in your region

services-region = Ve kterém jste kraji?
# One item of a list the caller chooses from: a region, or a kind of help.
services-option = { $name }: stiskněte { $key }.
services-more-items = Pro další možnosti stiskněte { $key }.
services-back = Pro návrat do hlavní nabídky stiskněte 0.
services-category = S čím potřebujete pomoci?
services-list-menu =
    Chcete-li tyto údaje dostat v SMS, stiskněte 1.
    Pro další služby stiskněte 2.
    Pro jiný druh pomoci stiskněte 3.
    Pro jiný kraj stiskněte 4.
    Pro návrat do hlavní nabídky stiskněte 0.
    Chcete-li je slyšet znovu, stiskněte hvězdičku.
services-none = Zatím tu nemáme uvedené žádné služby. Poradce vám může říct, co najdete ve vašem okolí.
services-more =
    Chcete-li mluvit s poradcem, stiskněte 3.
    Pro návrat do hlavní nabídky stiskněte 0.

## A specialist

specialist-connecting = Zůstaňte prosím na lince. Spojujeme vás s poradcem.
specialist-unavailable = Naši poradci teď bohužel nemohou hovor přijmout.
# Said between two rounds of ringing, while the caller waits on the line.
specialist-still-trying = Zůstaňte prosím na lince. Zkoušíme zastihnout dalšího poradce.
# When nobody is on duty (at night, on a holiday). 112 is the European emergency number.
after-hours = Nikdo z našeho týmu teď nemá službu. Pokud je ohrožen váš život nebo život někoho jiného, zavěste a hned volejte 112.
message-menu =
    Chcete-li zanechat vzkaz, stiskněte 1.
    Pro návrat do hlavní nabídky stiskněte 0.
callback-menu =
    Chcete-li zanechat vzkaz, stiskněte 1.
    Chcete-li, abychom vám zavolali zpět na toto číslo, stiskněte 2.
    Pro návrat do hlavní nabídky stiskněte 0.
callback-requested = Děkujeme. Poradce vám zavolá zpět na toto číslo, jakmile to bude možné. Hovor přijde z čísla této linky.
# The caller's number is withheld: we cannot call back.
callback-no-number = Vaše číslo je skryté, a proto vám nemůžeme zavolat zpět. Zanechte nám prosím vzkaz.

## Messages

message-prompt = Po zaznění tónu nám prosím zanechte vzkaz. Na vzkaz máte { $minutes ->
        [one] { $minutes } minutu
        [few] { $minutes } minuty
        [many] { $minutes } minuty
       *[other] { $minutes } minut
    }. Řekněte nám, s čím vám můžeme pomoci. Až skončíte, stiskněte křížek nebo zavěste.
message-empty = Neslyšeli jsme žádný vzkaz.
message-received = Děkujeme. Váš vzkaz máme a poradce si ho poslechne.
goodbye = Děkujeme za zavolání. Opatrujte se. Na shledanou.

## When something goes wrong on our side (the voice channel says these, not a flow)

fallback-connecting = Omlouváme se, máme technický problém. Zůstaňte prosím na lince, spojujeme vás s poradcem.
fallback-message = Omlouváme se, máme technický problém. Po zaznění tónu prosím zanechte vzkaz a poradce si ho poslechne.
fallback-unanswered = Hovor bohužel nikdo nepřijal. Po zaznění tónu prosím zanechte vzkaz.
fallback-goodbye = Děkujeme. Na shledanou.

## Silent calls

silent-goodbye = Neslyšíme vás, a proto hovor ukončujeme. Na toto číslo můžete zavolat znovu kdykoli, ve dne i v noci. Pokud je ohrožen váš život nebo život někoho jiného, volejte 112. Na shledanou.
