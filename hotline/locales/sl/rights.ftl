# Podatki osebe: izvoz, ki ga bere (v svojem jeziku), ter izvoz in izbris na strani
# udeleženca na nadzorni plošči.

rights-export-title = Vaši podatki, ki jih hrani program
rights-export-intro = To je vse, kar o vas hranimo (šifra primera { $case }), na dan { $date }. Časi so v časovnem pasu { $zone }.
rights-export-caller-intro = To je vse, kar hranimo o klicih in sporočilih z vaše telefonske številke, na dan { $date }. Časi so v časovnem pasu { $zone }.
rights-export-footer = Lahko nas prosite, da te podatke popravimo ali izbrišemo. Obrnite se na svojega strokovnjaka ali pokličite na linijo.
rights-section-profile = O vas
rights-section-family = Kontakti družine
rights-section-plan = Načrtovana in poslana sporočila
rights-section-calls = Klici in klepeti
rights-section-staff = Stiki z našimi sodelavci
rights-section-questions = Vaša vprašanja
rights-section-remembered = Kaj si linija zapomni o vas
rights-none = Nič.
rights-field-program = Program
rights-field-start = Datum odpusta
rights-field-language = Jezik
rights-field-channel = Kako vas kontaktiramo
rights-field-phone = Telefonska številka
rights-field-telegram = Klepet v Telegramu
rights-field-consent = Privolitev v stike
rights-field-specialist = Vaš strokovnjak
rights-field-name = Ime
rights-field-when = Kdaj
rights-field-status = Stanje
rights-field-attempts = Poskusi dostave
rights-field-answer = Vaš odgovor
rights-field-duration = Trajanje (v sekundah)
rights-from-you = Vi
rights-from-staff = Naš sodelavec
rights-voicemail = Glasovno sporočilo, { $seconds } s

dash-rights-title = Osebni podatki
dash-rights-reason = Razlog (shrani se v dnevnik nadzora)
dash-rights-reason-missing = Navedite razlog: shrani se v dnevnik nadzora.
dash-rights-export-html = Izvozi podatke (stran za branje)
dash-rights-export-json = Izvozi podatke (JSON)
dash-rights-erase = Izbriši vse podatke
dash-rights-erase-warning = S tem se izbrišejo { $case }, kontakti družine, načrt, sporočila, odgovori in naloge, takoj in za vedno. Klici in eskalacije ostanejo le kot anonimna števila. Tega ni mogoče razveljaviti.
dash-rights-erase-confirm = Za potrditev vpišite šifro primera
dash-rights-erase-yes = Izbriši vse
dash-rights-erase-mismatch = Vpisana šifra primera se ne ujema.
dash-rights-erased = Vsi podatki za { $case } so izbrisani.
dash-audit-export = Izvoz vseh podatkov udeleženca
dash-audit-erase = Izbris vseh podatkov udeleženca
dash-audit-caller-export = Izvoz podatkov klicatelja (po telefonski številki)
dash-audit-caller-erase = Izbris podatkov klicatelja (po telefonski številki)
