# Údaje člověka: export, který čte (v jeho jazyce), a export a výmaz na stránce účastníka
# v panelu.

rights-export-title = Vaše údaje, které program uchovává
rights-export-intro = Toto je vše, co o vás uchováváme (kód případu { $case }), ke dni { $date }. Časy jsou v časovém pásmu { $zone }.
rights-export-caller-intro = Toto je vše, co uchováváme o hovorech a zprávách z vašeho telefonního čísla, ke dni { $date }. Časy jsou v časovém pásmu { $zone }.
rights-export-footer = Můžete nás požádat o opravu nebo výmaz těchto údajů. Obraťte se na svého specialistu nebo zavolejte na linku.
rights-section-profile = O vás
rights-section-family = Kontakty na rodinu
rights-section-plan = Naplánované a odeslané zprávy
rights-section-calls = Hovory a chaty
rights-section-staff = Kontakty s našimi pracovníky
rights-section-questions = Vaše dotazy
rights-section-remembered = Co si o vás linka pamatuje
rights-none = Nic.
rights-field-program = Program
rights-field-start = Datum propuštění
rights-field-language = Jazyk
rights-field-channel = Jak vás kontaktujeme
rights-field-phone = Telefonní číslo
rights-field-telegram = Chat v Telegramu
rights-field-consent = Souhlas s kontaktováním
rights-field-specialist = Váš specialista
rights-field-name = Jméno
rights-field-when = Kdy
rights-field-status = Stav
rights-field-attempts = Pokusy o doručení
rights-field-answer = Vaše odpověď
rights-field-duration = Délka (v sekundách)
rights-from-you = Vy
rights-from-staff = Náš pracovník
rights-voicemail = Hlasová zpráva, { $seconds } s

dash-rights-title = Osobní údaje
dash-rights-reason = Důvod (uloží se do protokolu auditu)
dash-rights-reason-missing = Uveďte důvod: uloží se do protokolu auditu.
dash-rights-export-html = Exportovat údaje (stránka ke čtení)
dash-rights-export-json = Exportovat údaje (JSON)
dash-rights-erase = Vymazat všechny údaje
dash-rights-erase-warning = Tím se smaže { $case }, kontakty na rodinu, plán, zprávy, odpovědi a úkoly, hned a natrvalo. Hovory a eskalace zůstanou jen jako anonymní počty. Nelze to vrátit.
dash-rights-erase-confirm = Pro potvrzení napište kód případu
dash-rights-erase-yes = Vymazat vše
dash-rights-erase-mismatch = Napsané kód případu nesouhlasí.
dash-rights-erased = Všechny údaje { $case } byly vymazány.
dash-audit-export = Export všech údajů účastníka
dash-audit-erase = Výmaz všech údajů účastníka
dash-audit-caller-export = Export údajů volajícího (podle telefonního čísla)
dash-audit-caller-erase = Výmaz údajů volajícího (podle telefonního čísla)
