# Stránky účastníků v panelu pracovníků: seznam, zařazení, časová osa účastníka.
# $case je kód případu; $date datum a $time datum a čas, už naformátované; $name jméno
# pracovníka; $count a $number čísla.

dash-nav-people = Účastníci

## Seznam
dash-people-title = Účastníci
dash-people-search = Kód případu
dash-people-status = Stav
dash-people-any = Jakýkoli
dash-people-specialist = Specialista
dash-people-next-from = Další kontakt od
dash-people-next-until = Další kontakt do
dash-people-quiet = V poslední době neodpovídá
dash-people-filter = Zobrazit
dash-people-program = Program
dash-people-release = Datum propuštění
dash-people-next = Další kontakt
dash-people-none-planned = nic naplánováno
dash-people-found = { $count ->
    [one] { $count } účastník
    [few] { $count } účastníci
    [many] { $count } účastníka
   *[other] { $count } účastníků
}
dash-people-empty = Žádný účastník neodpovídá.
dash-people-page = Strana { $number } z { $count }
dash-people-previous = Předchozí strana
dash-people-next-page = Další strana
dash-people-enrol = Zařadit účastníka
dash-people-not-yours = Tento účastník je přidělen jinému specialistovi.

## Stavy a kanály
dash-people-status-before-release = Před propuštěním
dash-people-status-in-program = V programu
dash-people-status-ended = Program skončil
dash-people-status-withdrawn = Vystoupil z programu
dash-people-channel-telegram = Telegram
dash-people-channel-sms = SMS
dash-people-channel-voice = Telefonní hovor

## Zařazení
dash-people-case = Kód případu
dash-people-timezone = Časové pásmo
dash-people-language = Jazyk
dash-people-channel = Preferovaný kanál
dash-people-phone = Telefonní číslo
dash-people-consent = Souhlasí s kontaktem přes
dash-people-consent-by = Souhlas zaznamenal (ID pracovníka, pokud ne specialista)
dash-people-family = Člen rodiny { $number }
dash-people-family-name = Jméno
dash-people-enrol-button = Zařadit
dash-people-enrol-failed = Některá pole je třeba opravit. U každého je uvedeno proč.
dash-people-optional = nepovinné

## Účastník
dash-people-person-title = Účastník { $case }
dash-people-change-release = Změnit datum propuštění
dash-people-save = Uložit
dash-people-release-changed = Datum propuštění je nyní { $date }. Plán zpráv byl upraven.
dash-people-withdraw = Vyřadit z programu
dash-people-withdraw-confirm = Vyřadit { $case } z programu? Účastníkovi ani jeho rodině už nepřijde žádná zpráva.
dash-people-withdraw-yes = Ano, vyřadit
dash-people-cancel = Zrušit
dash-people-withdrawn = { $case } byl vyřazen z programu.
dash-people-back = Všichni účastníci

## Časová osa
dash-people-timeline = Časová osa
dash-people-times-in = Časy jsou v časovém pásmu účastníka ({ $zone }).
dash-people-due = Kdy
dash-people-step = Krok
dash-people-to = Komu
dash-people-outcome = Výsledek
dash-people-attempts = Pokusy
dash-people-answer = Odpověď
dash-people-to-participant = Účastníkovi
dash-people-to-family = Členovi rodiny { $number }
dash-people-to-specialist = Úkol pro specialistu
dash-people-nothing-planned = Žádné zprávy nejsou naplánované.
dash-people-row-planned = Naplánováno
dash-people-row-sending = Odesílá se
dash-people-row-sent = Odesláno
dash-people-row-delivered = Doručeno
dash-people-row-failed = Nedoručeno
dash-people-row-skipped = Vynecháno
dash-people-row-cancelled = Zrušeno
dash-people-row-no-answer = Nikdo to nevzal
dash-people-row-answered = Přijato
dash-people-answer-fine = Je v pořádku
dash-people-answer-talk = Chce si promluvit
dash-people-answer-help-now = Potřebuje pomoc hned
dash-people-answer-stop = Nechce další zprávy
dash-people-answer-silent = Bez odpovědi
dash-people-answered-at = odpověď { $time }

## Úkoly
dash-people-tasks = Úkoly a eskalace
dash-people-no-tasks = Zatím žádné úkoly.
dash-people-task-waiting = Čeká na pracovníka
dash-people-task-taken = Převzal(a) { $name }
dash-people-task-done = Hotovo { $time }
dash-people-task-expired = Vypršelo bez odpovědi

## Kontaktní údaje
dash-people-contacts = Kontaktní údaje
dash-people-contacts-hidden = Kontaktní údaje jsou skryté. Každé zobrazení se zaznamená s vaším jménem a uvedeným důvodem.
dash-people-reason = Důvod zobrazení
dash-people-show = Zobrazit kontaktní údaje
dash-people-reason-missing = Uveďte důvod, chcete-li vidět kontaktní údaje.
dash-people-no-phone = bez telefonního čísla
dash-people-telegram-linked = Telegram propojen
dash-people-telegram-not-linked = Telegram nepropojen
dash-people-family-contacts = Členové rodiny
dash-people-no-family = Žádní členové rodiny.
