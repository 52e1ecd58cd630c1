# What staff hear and read: the whisper before a call is put through, and the staff desk on
# Telegram. The caller's name and number never appear here: staff see the hotline's number.
# Czech: formal "vy"; the same words as hotline.ftl: "poradce" (specialist), "linka", "stiskněte";
# the caller on the phone is "volající", the person in a chat "klient", a supervisor "vedoucí".

## The whisper: heard by the specialist who picks up, before the caller is put through

# $code is a language code; the name is read in the specialist's language.
staff-language-name = { $code ->
        [ka] gruzínština
        [ru] ruština
        [hr] chorvatština
        [cs] čeština
        [sl] slovinština
       *[en] angličtina
    }
whisper-offer = Hovor na linku. Jazyk: { staff-language-name }. Chcete-li hovor přijmout, stiskněte 1.
whisper-taken-elsewhere = Tento hovor už přijal kolega. Děkujeme.
# A callback the specialist asked for: their phone rings first, then the caller's.
callback-whisper = Zpětné volání z linky. Jazyk: { staff-language-name }. Chcete-li volajícímu hned zavolat, stiskněte 1.
callback-dialing = Vytáčíme číslo volajícího. Zobrazí se mu číslo linky.
callback-closed = Toto zpětné volání je už uzavřené. Děkujeme.

## The staff desk on Telegram

staff-voicemail = Hlasový vzkaz. Jazyk: { staff-language-name }. Délka: { $seconds ->
        [one] { $seconds } sekunda
        [few] { $seconds } sekundy
        [many] { $seconds } sekundy
       *[other] { $seconds } sekund
    }. Volající prosí o zpětné volání.
staff-voicemail-no-number = Hlasový vzkaz. Jazyk: { staff-language-name }. Délka: { $seconds ->
        [one] { $seconds } sekunda
        [few] { $seconds } sekundy
        [many] { $seconds } sekundy
       *[other] { $seconds } sekund
    }. Zpětné volání není možné: číslo je skryté, nebo tato linka neuskutečňuje odchozí hovory.
staff-voicemail-unavailable = Nahrávku se nepodařilo stáhnout z Twilia. Možná je ještě v konzoli Twilia v části Monitor › Call recordings.
staff-callback = Žádost o zpětné volání. Jazyk: { staff-language-name }.
staff-chat-case = Někdo píše { $channel ->
        [telegram] na Telegramu
       *[sms] přes SMS
    } a chce mluvit s poradcem. Jazyk: { staff-language-name }.
staff-still-waiting = Stále to nikdo nepřevzal, čeká to už { $minutes ->
        [one] { $minutes } minutu
        [few] { $minutes } minuty
        [many] { $minutes } minuty
       *[other] { $minutes } minut
    }.
staff-to-supervisor = Nikdo to nepřevzal ani za { $minutes ->
        [one] { $minutes } minutu
        [few] { $minutes } minuty
        [many] { $minutes } minuty
       *[other] { $minutes } minut
    }. Tuto zprávu dostáváte jako vedoucí.
staff-take = Převzít
staff-done = Hotovo
staff-call-back = Zavolat zpět
staff-taken-by = Převzato: { $name }.
staff-taken-by-you = Je to vaše. Stiskněte „Zavolat zpět“: nejdřív zazvoní váš telefon, pak telefon volajícího, a nikdo z vás neuvidí číslo toho druhého. Až bude vyřízeno, stiskněte „Hotovo“.
staff-already-taken = Už to má na starosti { $name }.
staff-task-done = Hotovo. Číslo volajícího bylo smazáno.
staff-task-closed = Už je to uzavřené.
staff-no-phone = Na lince nemáte zadané telefonní číslo. Požádejte administrátora, aby ho doplnil.
staff-callback-ringing = Teď vám zazvoní telefon. Stiskněte 1 a budete spojeni.
staff-case-yours = Rozhovor je váš. Co sem napíšete, dostane klient; neuvidí vaše jméno ani číslo. Pokud máte víc rozhovorů, odpovídejte přímo na některou z klientových zpráv. Rozhovor ukončíte tak, že pošlete /close.
staff-case-from = Klient:
staff-case-closed = Rozhovor je ukončen.
staff-case-closed-by-person = Klient rozhovor ukončil.
# A question written in a chat: alerted like a callback, answered in the chat.
staff-question = Písemný dotaz { $channel ->
        [telegram] z Telegramu
       *[sms] přes SMS
    }. Jazyk: { staff-language-name }. Převezměte ho, abyste si ho přečetli a odpověděli.
staff-question-yours = Dotaz je váš. Odpovíte tak, že odpovíte přímo na tuto zprávu: klient dostane vaši odpověď od linky a neuvidí vaše jméno ani číslo. Až bude zodpovězeno, stiskněte „Hotovo“ nebo pošlete /close; dotaz se pak smaže.
staff-question-no-reply = Dotaz je váš, ale tato linka zatím nemůže odpovídat přes SMS (administrátor to zapne pomocí HOTLINE_TWILIO_ACCOUNT_SID a HOTLINE_PHONE_NUMBER). Až bude vyřízeno, stiskněte „Hotovo“; dotaz se pak smaže.
staff-question-done = Hotovo. Dotaz byl smazán.
staff-no-case = Nemáte žádný otevřený rozhovor. Zprávy, které sem napíšete, nikam nedojdou.

## Silent calls

whisper-offer-silent = Hovor na linku. Jazyk: { staff-language-name }. Volající nemačká žádné klávesy, na lince může být ticho. Chcete-li hovor přijmout, stiskněte 1.

staff-crisis = NALÉHAVÉ: člověk { $channel ->
        [telegram] na Telegramu
       *[sms] v SMS
    } napsal slova krize. Jazyk: { staff-language-name }. Převezměte to hned, abyste si to přečetli a odpověděli.
staff-crisis-in-case = NALÉHAVÉ: člověk ve vašem rozhovoru napsal slova krize. Odpovězte mu hned.
# A task of a participant's campaign for their specialist, and its Done.
staff-program-task = { $task ->
    [plan-meeting] Úkol programu k případu { $case }: naplánujte schůzku před propuštěním.
    [sms-opted-out] Případ { $case }: na toto číslo už SMS nechodí (člověk je u svého operátora odhlásil). Spojte se s ním jinak.
    [wants-to-talk] Případ { $case }: na otázku „Jak se máte?“ člověk odpověděl, že si chce s někým promluvit. Ozvěte se mu.
    [needs-help-now] Případ { $case }: na otázku „Jak se máte?“ člověk odpověděl, že potřebuje pomoc hned. Ozvěte se mu okamžitě.
    [stopped-messages] Případ { $case }: člověk požádal, abychom mu už neposílali zprávy; jsou zastavené. Je-li třeba, spojte se s ním jinak.
    [no-answers] Případ { $case }: člověk neodpověděl na několik otázek „Jak se máte?“ po sobě. Ozvěte se mu.
   *[other] Úkol programu k případu { $case } ({ $task }).
}
staff-program-task-done = Hotovo.

## Příkazy pracovního stolu: /help (a /start) je vypíše; /mine je vlastní seznam poradce

staff-desk-help = Tohle je pracovní stůl linky. /mine ukáže vaši otevřenou práci a vaše účastníky. /close ukončí rozhovor s člověkem; máte-li jich víc, odpovězte přímo na některou z jeho zpráv. Nová práce sem chodí s tlačítkem „Převzít“.
staff-mine-work-title = Vaše otevřená práce: { $count }
staff-mine-work = { $taken ->
        [yes] U vás
       *[no] Čeká, až to převezmete
    } už { $age }: { $what }
staff-mine-age = { $unit ->
        [minutes] { $n } min
        [hours] { $n } h
       *[days] { $n } d
    }
staff-mine-participants-title = Vaši účastníci programu: { $count }
staff-mine-participant = { $case }: { $status ->
        [before-release] před propuštěním
       *[in-program] v programu
    }, datum propuštění { $release }
staff-mine-next = další: { $checkin ->
        [yes] otázka „Jak se máte?“
       *[no] zpráva
    } { $when }
staff-mine-next-none = další: nic naplánováno
staff-mine-answer = poslední odpověď na „Jak se máte?“: { $answer ->
        [fine] dobře
        [talk] chce si promluvit
        [help-now] potřebuje pomoc hned
        [stop] nechce další zprávy
        [silent] bez odpovědi
       *[other] { $answer }
    } ({ $when })
staff-mine-answer-none = na „Jak se máte?“ zatím žádná odpověď
staff-mine-empty = Nemáte žádnou otevřenou práci a není vám přidělen žádný účastník programu.
staff-mine-more = … a dalších { $count }.

# /whoami on Telegram: the id a coordinator needs (a person's, or a group's for staff alerts).
whoami-person = Vaše ID uživatele Telegramu je { $id }. Pokud se přidáváte k týmu, dejte ho koordinátorovi: přidá vás příkazem hotline staff add … --telegram { $id }.
whoami-group = ID tohoto chatu je { $id }. Aby sem chodila upozornění pro tým, nastavte HOTLINE_STAFF_CHAT_ID={ $id } a linku restartujte.
