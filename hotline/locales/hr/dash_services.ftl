# Imenik službi na nadzornoj ploči osoblja: popis, stranica službe, obrazac za dodavanje i
# uređivanje. $count je broj; $date datum, već oblikovan; $name ime člana osoblja; $zone
# vremenska zona, npr. Europe/Prague.

dash-nav-services = Službe

## Popis
dash-services-title = Imenik službi
dash-services-search = Pretraživanje
dash-services-region = Regija
dash-services-category = Kategorija
dash-services-any = Bilo koja
dash-services-whole-country = Cijela država
dash-services-stale = Neprovjereno 6 mjeseci
dash-services-stale-count = { $count ->
    [one] { $count } služba nije provjerena 6 mjeseci.
    [few] { $count } službe nisu provjerene 6 mjeseci.
   *[other] { $count } službi nije provjereno 6 mjeseci.
}
dash-services-filter = Prikaži
dash-services-found = { $count ->
    [one] { $count } služba
    [few] { $count } službe
   *[other] { $count } službi
}
dash-services-empty = Nijedna služba ne odgovara.
dash-services-name = Naziv
dash-services-organization = Organizacija
dash-services-categories = Kategorije
dash-services-phone = Telefon
dash-services-status = Status
dash-services-last-checked = Zadnja provjera
dash-services-never-checked = nikad
dash-services-example = primjer
dash-services-add = Dodaj službu

## Statusi i kategorije
dash-services-status-active = Radi
dash-services-status-inactive = Ne radi
dash-services-status-defunct = Trajno zatvorena
dash-services-status-closed = Privremeno zatvorena
dash-services-cat-employment = Zapošljavanje
dash-services-cat-education = Obrazovanje i osposobljavanje
dash-services-cat-benefits = Socijalne naknade i prava
dash-services-cat-housing = Stanovanje
dash-services-cat-health = Zdravlje
dash-services-cat-addiction = Liječenje ovisnosti i praćenje nakon liječenja
dash-services-cat-mental-health = Mentalno zdravlje
dash-services-cat-legal-aid = Pravna pomoć
dash-services-cat-family = Obitelj i djeca
dash-services-cat-debt = Dugovi
dash-services-cat-documents = Dokumenti i osobne isprave
dash-services-cat-support-groups = Grupe podrške

## Stranica službe
dash-services-back = Natrag na imenik
dash-services-edit = Uredi
dash-services-mark-checked = Označi kao danas provjereno
dash-services-checked-now = Označeno kao provjereno { $date }.
dash-services-checked-by = { $date }, provjerio/la { $name }
dash-services-words = Nazivi i opisi
dash-services-language = Jezik
dash-services-original = Kako je upisano
dash-services-description = Opis
dash-services-eligibility = Tko se može obratiti
dash-services-places = Mjesta
dash-services-place-name = Mjesto
dash-services-address = Adresa
dash-services-today = Danas
dash-services-this-week = Ovaj tjedan
dash-services-closed-today = zatvoreno
dash-services-no-hours = Radno vrijeme nije navedeno.
dash-services-times-in = Vrijeme prema zoni { $zone }
dash-services-email = E-pošta
dash-services-website = Mrežna stranica
dash-services-spoken = Jezici na kojima se može razgovarati
dash-services-no-places = Mjesto nije navedeno.
dash-services-sample = Dio oglednog imenika koji dolazi s dežurnom linijom.

## Dodavanje i uređivanje
dash-services-new-title = Dodaj službu
dash-services-edit-title = Uredi službu
dash-services-save = Spremi
dash-services-problems = Ništa nije spremljeno: ispravite označena polja.
dash-services-sample-note = Dok imenik sadrži samo ogledne unose, prva služba koju dodate zamjenjuje ogledni imenik.
dash-services-service-section = Služba
dash-services-place-section = Njezino mjesto
dash-services-other-places = Ova služba ima i druga mjesta; ona ostaju nepromijenjena.
dash-services-translations = Prijevodi
dash-services-city = Grad
dash-services-postal-code = Poštanski broj
dash-services-country = Oznaka države
dash-services-latitude = Zemljopisna širina
dash-services-longitude = Zemljopisna dužina
dash-services-hours = Radno vrijeme
dash-services-hours-hint = Na primjer: Mo-Fr 09:00-17:00; Sa 10:00-13:00 ili 24/7.
dash-services-hours-note = Napomena uz radno vrijeme
dash-services-zone = Vremenska zona
dash-services-spoken-hint = Oznake jezika odvojene razmakom, npr.: ka ru en.

## Zapisnik radnji
dash-audit-service-add = Dodavanje službe u imenik
dash-audit-service-edit = Uređivanje službe u imeniku
dash-audit-service-checked = Oznaka da je služba u imeniku provjerena
