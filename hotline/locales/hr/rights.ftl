# Podaci osobe: izvoz koji ona čita (na svom jeziku) te izvoz i brisanje na stranici
# sudionika u nadzornoj ploči.

rights-export-title = Vaši podaci koje program čuva
rights-export-intro = Ovo je sve što o vama čuvamo (šifra slučaja { $case }) na dan { $date }. Vremena su u vremenskoj zoni { $zone }.
rights-export-caller-intro = Ovo je sve što čuvamo o pozivima i porukama s vašeg broja telefona na dan { $date }. Vremena su u vremenskoj zoni { $zone }.
rights-export-footer = Možete zatražiti ispravak ili brisanje ovih podataka. Obratite se svom stručnjaku ili nazovite liniju.
rights-section-profile = O vama
rights-section-family = Kontakti obitelji
rights-section-plan = Planirane i poslane poruke
rights-section-calls = Pozivi i razgovori
rights-section-staff = Kontakti s našim djelatnicima
rights-section-questions = Vaša pitanja
rights-section-remembered = Što linija pamti o vama
rights-none = Ništa.
rights-field-program = Program
rights-field-start = Datum izlaska
rights-field-language = Jezik
rights-field-channel = Kako vas kontaktiramo
rights-field-phone = Broj telefona
rights-field-telegram = Razgovor na Telegramu
rights-field-consent = Privola za kontakt
rights-field-specialist = Vaš stručnjak
rights-field-name = Ime
rights-field-when = Kada
rights-field-status = Stanje
rights-field-attempts = Pokušaji dostave
rights-field-answer = Vaš odgovor
rights-field-duration = Trajanje (u sekundama)
rights-from-you = Vi
rights-from-staff = Naš djelatnik
rights-voicemail = Glasovna poruka, { $seconds } s

dash-rights-title = Osobni podaci
dash-rights-reason = Razlog (čuva se u zapisniku nadzora)
dash-rights-reason-missing = Navedite razlog: čuva se u zapisniku nadzora.
dash-rights-export-html = Izvezi podatke (stranica za čitanje)
dash-rights-export-json = Izvezi podatke (JSON)
dash-rights-erase = Izbriši sve podatke
dash-rights-erase-warning = Ovime se brišu { $case }, kontakti obitelji, plan, poruke, odgovori i zadaci, odmah i zauvijek. Pozivi i eskalacije ostaju samo kao anonimni brojevi. To se ne može poništiti.
dash-rights-erase-confirm = Za potvrdu upišite šifru slučaja
dash-rights-erase-yes = Izbriši sve
dash-rights-erase-mismatch = Upisana šifra slučaja se ne podudara.
dash-rights-erased = Svi podaci za { $case } su izbrisani.
dash-audit-export = Izvoz svih podataka sudionika
dash-audit-erase = Brisanje svih podataka sudionika
dash-audit-caller-export = Izvoz podataka pozivatelja (po broju telefona)
dash-audit-caller-erase = Brisanje podataka pozivatelja (po broju telefona)
