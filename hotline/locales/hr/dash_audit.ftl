# Zapisnik nadzora na nadzornoj ploči osoblja (nadzornici i administratori): tko je što
# pregledao ili promijenio, kada i zašto. $name je ime djelatnika; $change je add, change ili remove.

dash-nav-audit = Zapisnik nadzora
dash-audit-title = Zapisnik nadzora
dash-audit-intro = Tko je što pregledao ili promijenio i zašto, najnoviji zapisi prvi.
dash-audit-staff = Djelatnik
dash-audit-anyone = Bilo tko
dash-audit-case = Šifra slučaja
dash-audit-from = Od
dash-audit-to = Do
dash-audit-filter = Prikaži
dash-audit-when = Kada
dash-audit-who = Tko
dash-audit-what = Što
dash-audit-participant = Sudionik
dash-audit-reason = Razlog
dash-audit-code = Šifra radnje
dash-audit-empty = Nijedan zapis ne odgovara.
dash-audit-older = Stariji zapisi
dash-audit-newest = Najnoviji zapisi
dash-audit-csv = Preuzmi ove zapise kao CSV

## Što je učinjeno
dash-audit-contacts = Pregled kontakt podataka
dash-audit-enrol = Upis sudionika
dash-audit-release = Promjena datuma izlaska
dash-audit-withdraw = Povlačenje sudionika iz programa
dash-audit-roster-weekly = { $change ->
    [add] Dodavanje tjedne smjene
    [remove] Uklanjanje tjedne smjene
   *[other] Promjena tjedne smjene
}
dash-audit-roster-once = { $change ->
    [add] Dodavanje jednokratne smjene
    [remove] Uklanjanje jednokratne smjene
   *[other] Promjena jednokratne smjene
}
dash-audit-roster-holiday = { $change ->
    [add] Dodavanje blagdana
    [remove] Uklanjanje blagdana
   *[other] Promjena blagdana
}
dash-audit-calendar-new = Izrada nove poveznice na kalendar
dash-audit-calendar-revoke = Isključivanje vlastite poveznice na kalendar
dash-audit-invite = Poveznica za prijavu za: { $name }
dash-audit-sign-out = Odjava osobe { $name } na svim uređajima
dash-audit-other = Druga radnja
# The daily purge (or `hotline data purge`): its counts are the line's reason.
dash-audit-purge = Brisanje podataka kojima je istekao rok čuvanja
