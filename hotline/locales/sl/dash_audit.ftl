# Dnevnik nadzora na nadzorni plošči osebja (nadzorniki in skrbniki): kdo si je kaj ogledal
# ali spremenil, kdaj in zakaj. $name je ime sodelavca; $change je add, change ali remove.

dash-nav-audit = Dnevnik nadzora
dash-audit-title = Dnevnik nadzora
dash-audit-intro = Kdo si je kaj ogledal ali spremenil in zakaj, najnovejši zapisi najprej.
dash-audit-staff = Sodelavec
dash-audit-anyone = Kdor koli
dash-audit-case = Šifra primera
dash-audit-from = Od
dash-audit-to = Do
dash-audit-filter = Prikaži
dash-audit-when = Kdaj
dash-audit-who = Kdo
dash-audit-what = Kaj
dash-audit-participant = Udeleženec
dash-audit-reason = Razlog
dash-audit-code = Šifra dejanja
dash-audit-empty = Noben zapis ne ustreza.
dash-audit-older = Starejši zapisi
dash-audit-newest = Najnovejši zapisi
dash-audit-csv = Prenesi te zapise kot CSV

## Kaj je bilo storjeno
dash-audit-contacts = Ogled kontaktnih podatkov
dash-audit-enrol = Vpis udeleženca
dash-audit-release = Sprememba datuma odpusta
dash-audit-withdraw = Izključitev udeleženca iz programa
dash-audit-roster-weekly = { $change ->
    [add] Dodajanje tedenske izmene
    [remove] Odstranitev tedenske izmene
   *[other] Sprememba tedenske izmene
}
dash-audit-roster-once = { $change ->
    [add] Dodajanje enkratne izmene
    [remove] Odstranitev enkratne izmene
   *[other] Sprememba enkratne izmene
}
dash-audit-roster-holiday = { $change ->
    [add] Dodajanje praznika
    [remove] Odstranitev praznika
   *[other] Sprememba praznika
}
dash-audit-calendar-new = Ustvarjanje nove povezave do koledarja
dash-audit-calendar-revoke = Izklop lastne povezave do koledarja
dash-audit-invite = Povezava za prijavo za: { $name }
dash-audit-sign-out = Odjava osebe { $name } na vseh napravah
dash-audit-other = Drugo dejanje
# The daily purge (or `hotline data purge`): its counts are the line's reason.
dash-audit-purge = Izbris podatkov, ki jim je potekel rok hrambe
