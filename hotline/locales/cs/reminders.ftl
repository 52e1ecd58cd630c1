# Zprávy kampaní a pravidelného ověření (check-in). Může je číst kdokoli, kdo první uvidí
# telefon: ani slovo o vězení, propuštění, probaci nebo závislosti.

## Před tím, co přijde: účastník (3, 2 a 1 měsíc předem)

reminder-ahead-intro = Dobrý den, tady { -program }. V příštích měsících vám pomůžeme naplánovat, co vás čeká: bydlení, doklady, práci. Pište nám sem, kdykoli budete chtít.
reminder-ahead-needs = Dobrý den, tady { -program }. Promyslete, co budete potřebovat nejdřív: doklady, bydlení, telefon, peníze na první dny. Váš poradce pomůže.
reminder-ahead-meeting = Dobrý den, tady { -program }. Váš poradce se s vámi brzy sejde a společně naplánujete první dny. Zapište si otázky, ať nic nezapomenete.

## Blízcí

reminder-family-intro = Dobrý den, tady { -program }. Někdo z vašich blízkých se účastní našeho programu a podporujeme i rodiny. Pište nám sem s jakoukoli otázkou.
reminder-family-ahead = Dobrý den, tady { -program }. Příští týdny mohou vaší rodině přinést změny. Promluvte si spolu o prvních dnech: kde bydlet, kdo bude nablízku.
reminder-family-after = Dobrý den, tady { -program }. První společné měsíce bývají těžké pro všechny. Buďte k sobě trpěliví a myslete i na sebe. Jsme tu pro vás.

## Konec programu

reminder-program-end = Dobrý den, tady { -program }. Dnes končí náš společný čas v programu. Děkujeme za cestu, kterou jsme ušli spolu. Naše linka je pro vás dál otevřená ve dne i v noci.

## Úkol pro poradce

task-plan-meeting = Naplánujte s účastníkem schůzku před propuštěním: má proběhnout jeden až tři měsíce před datem propuštění.

## Pravidelné ověření (check-in)

checkin-question = Dobrý den, tady { -program }. Jak se máte?
    .option-1 = Dobře
    .option-2 = Chci si promluvit
    .option-3 = Potřebuji pomoc hned
    .option-4 = Už neposílat
checkin-fine = To rádi slyšíme. Opatrujte se a pište nám, kdykoli budete chtít.
checkin-talk = Děkujeme. Poradce se vám brzy ozve.
checkin-help-now = Je-li ohrožen váš nebo cizí život, volejte hned 112. Ihned o tom dáváme vědět poradci.
checkin-help-later = Teď se nemůže připojit žádný odborník. Požádali jsme, aby se vám někdo ozval co nejdřív. Je-li ohrožen váš nebo cizí život, volejte 112.
checkin-stopped = Tyto zprávy už nebudete dostávat. Napsat nám sem můžete dál, kdykoli budete chtít.
checkin-later = Odpovědět můžete i později, jak se vám to hodí. Opatrujte se.

## Pravidelné ověření hovorem (`voice:` v checkin.yaml): poslouchá se, nečte; klávesy místo tlačítek

checkin-call-question = Dobrý den, tady { -program }. Voláme, abychom se zeptali, jak se máte. Pokud jste v pořádku, stiskněte 1. Chcete-li si s někým promluvit, stiskněte 2. Potřebujete-li pomoc hned, stiskněte 3. Pokud už tyto hovory nechcete, stiskněte 4.
checkin-call-fine = To rádi slyšíme. Opatrujte se a zavolejte nám, kdykoli budete chtít. Na shledanou.
checkin-call-stopped = Takto už vám volat nebudeme. Na toto číslo nám můžete dál zavolat, kdykoli budete chtít. Na shledanou.
checkin-call-later = Zkusíme to jindy. Opatrujte se. Na shledanou.
# Hovor přijala hlasová schránka: krátce a neutrálně, ať ji pak poslouchá kdokoli.
checkin-voicemail = Dobrý den, tady { -program }. Volali jsme, abychom se zeptali, jak se máte. Zkusíme to jindy. Na shledanou.

## Poslední řádek první zprávy: jak zprávy zastavit (STOP a /stop se nepřekládají)

first-message-stop-sms = Pokud tyto zprávy nechcete dostávat, odpovězte STOP.
first-message-stop-telegram = Pokud tyto zprávy nechcete dostávat, pošlete /stop.
