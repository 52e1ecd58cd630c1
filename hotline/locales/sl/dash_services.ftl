# Imenik storitev na nadzorni plošči osebja: seznam, stran storitve, obrazec za dodajanje in
# urejanje. $count je število; $date datum, že oblikovan; $name ime člana osebja; $zone časovni
# pas, npr. Europe/Prague.

dash-nav-services = Storitve

## Seznam
dash-services-title = Imenik storitev
dash-services-search = Iskanje
dash-services-region = Regija
dash-services-category = Kategorija
dash-services-any = Katera koli
dash-services-whole-country = Vsa država
dash-services-stale = Nepreverjeno 6 mesecev
dash-services-stale-count = { $count ->
    [one] { $count } storitev ni bila preverjena 6 mesecev.
    [two] { $count } storitvi nista bili preverjeni 6 mesecev.
    [few] { $count } storitve niso bile preverjene 6 mesecev.
   *[other] { $count } storitev ni bilo preverjenih 6 mesecev.
}
dash-services-filter = Prikaži
dash-services-found = { $count ->
    [one] { $count } storitev
    [two] { $count } storitvi
    [few] { $count } storitve
   *[other] { $count } storitev
}
dash-services-empty = Nobena storitev ne ustreza.
dash-services-name = Ime
dash-services-organization = Organizacija
dash-services-categories = Kategorije
dash-services-phone = Telefon
dash-services-status = Stanje
dash-services-last-checked = Zadnje preverjanje
dash-services-never-checked = nikoli
dash-services-example = primer
dash-services-add = Dodaj storitev

## Stanja in kategorije
dash-services-status-active = Deluje
dash-services-status-inactive = Ne deluje
dash-services-status-defunct = Ukinjena
dash-services-status-closed = Začasno zaprta
dash-services-cat-employment = Zaposlitev
dash-services-cat-education = Izobraževanje in usposabljanje
dash-services-cat-benefits = Socialni prejemki in pravice
dash-services-cat-housing = Nastanitev
dash-services-cat-health = Zdravje
dash-services-cat-addiction = Zdravljenje odvisnosti in podpora po njem
dash-services-cat-mental-health = Duševno zdravje
dash-services-cat-legal-aid = Pravna pomoč
dash-services-cat-family = Družina in otroci
dash-services-cat-debt = Dolgovi
dash-services-cat-documents = Dokumenti in osebne izkaznice
dash-services-cat-support-groups = Podporne skupine

## Stran storitve
dash-services-back = Nazaj na imenik
dash-services-edit = Uredi
dash-services-mark-checked = Označi kot danes preverjeno
dash-services-checked-now = Označeno kot preverjeno { $date }.
dash-services-checked-by = { $date }, preveril(a) { $name }
dash-services-words = Imena in opisi
dash-services-language = Jezik
dash-services-original = Kot je vneseno
dash-services-description = Opis
dash-services-eligibility = Kdo se lahko obrne nanjo
dash-services-places = Lokacije
dash-services-place-name = Lokacija
dash-services-address = Naslov
dash-services-today = Danes
dash-services-this-week = Ta teden
dash-services-closed-today = zaprto
dash-services-no-hours = Delovni čas ni naveden.
dash-services-times-in = Časi v pasu { $zone }
dash-services-email = E-pošta
dash-services-website = Spletna stran
dash-services-spoken = Jeziki, v katerih se lahko sporazumete
dash-services-no-places = Lokacija ni navedena.
dash-services-sample = Del vzorčnega imenika, ki je priložen dežurni liniji.

## Dodajanje in urejanje
dash-services-new-title = Dodaj storitev
dash-services-edit-title = Uredi storitev
dash-services-save = Shrani
dash-services-problems = Nič ni bilo shranjeno: popravite označena polja.
dash-services-sample-note = Dokler imenik vsebuje le vzorec, prva storitev, ki jo dodate, vzorec nadomesti.
dash-services-service-section = Storitev
dash-services-place-section = Njena lokacija
dash-services-other-places = Ta storitev ima še druge lokacije; te ostanejo nespremenjene.
dash-services-translations = Prevodi
dash-services-city = Kraj
dash-services-postal-code = Poštna številka
dash-services-country = Oznaka države
dash-services-latitude = Zemljepisna širina
dash-services-longitude = Zemljepisna dolžina
dash-services-hours = Delovni čas
dash-services-hours-hint = Na primer: Mo-Fr 09:00-17:00; Sa 10:00-13:00 ali 24/7.
dash-services-hours-note = Opomba k delovnemu času
dash-services-zone = Časovni pas
dash-services-spoken-hint = Oznake jezikov, ločene s presledkom, npr.: ka ru en.

## Dnevnik dejanj
dash-audit-service-add = Dodajanje storitve v imenik
dash-audit-service-edit = Urejanje storitve v imeniku
dash-audit-service-checked = Oznaka, da je storitev v imeniku preverjena
