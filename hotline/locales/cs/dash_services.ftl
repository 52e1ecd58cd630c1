# Adresář služeb na nástěnce pracovníků: seznam, stránka služby, formulář pro přidání a úpravu.
# $count je číslo; $date datum, už naformátované; $name jméno pracovníka; $zone časové pásmo,
# např. Europe/Prague.

dash-nav-services = Služby

## Seznam
dash-services-title = Adresář služeb
dash-services-search = Hledat
dash-services-region = Kraj
dash-services-category = Kategorie
dash-services-any = Jakákoli
dash-services-whole-country = Celá země
dash-services-stale = Neověřeno 6 měsíců
dash-services-stale-count = { $count ->
    [one] { $count } služba nebyla 6 měsíců ověřena.
    [few] { $count } služby nebyly 6 měsíců ověřeny.
    [many] { $count } služby nebylo 6 měsíců ověřeno.
   *[other] { $count } služeb nebylo 6 měsíců ověřeno.
}
dash-services-filter = Zobrazit
dash-services-found = { $count ->
    [one] { $count } služba
    [few] { $count } služby
    [many] { $count } služby
   *[other] { $count } služeb
}
dash-services-empty = Žádná služba neodpovídá.
dash-services-name = Název
dash-services-organization = Organizace
dash-services-categories = Kategorie
dash-services-phone = Telefon
dash-services-status = Stav
dash-services-last-checked = Naposledy ověřeno
dash-services-never-checked = nikdy
dash-services-example = ukázka
dash-services-add = Přidat službu

## Stavy a kategorie
dash-services-status-active = V provozu
dash-services-status-inactive = Mimo provoz
dash-services-status-defunct = Zrušena
dash-services-status-closed = Dočasně uzavřena
dash-services-cat-employment = Zaměstnání
dash-services-cat-education = Vzdělávání a rekvalifikace
dash-services-cat-benefits = Sociální dávky a práva
dash-services-cat-housing = Bydlení
dash-services-cat-health = Zdraví
dash-services-cat-addiction = Léčba závislosti a následná péče
dash-services-cat-mental-health = Duševní zdraví
dash-services-cat-legal-aid = Právní pomoc
dash-services-cat-family = Rodina a děti
dash-services-cat-debt = Dluhy
dash-services-cat-documents = Doklady a průkazy
dash-services-cat-support-groups = Svépomocné skupiny

## Stránka služby
dash-services-back = Zpět do adresáře
dash-services-edit = Upravit
dash-services-mark-checked = Označit jako dnes ověřené
dash-services-checked-now = Označeno jako ověřené { $date }.
dash-services-checked-by = { $date }, ověřil(a) { $name }
dash-services-words = Názvy a popisy
dash-services-language = Jazyk
dash-services-original = Jak bylo zadáno
dash-services-description = Popis
dash-services-eligibility = Kdo se může obrátit
dash-services-places = Místa
dash-services-place-name = Místo
dash-services-address = Adresa
dash-services-today = Dnes
dash-services-this-week = Tento týden
dash-services-closed-today = zavřeno
dash-services-no-hours = Otevírací doba není uvedena.
dash-services-times-in = Časy v pásmu { $zone }
dash-services-email = E-mail
dash-services-website = Webové stránky
dash-services-spoken = Jazyky, kterými se tu domluvíte
dash-services-no-places = Místo není uvedeno.
dash-services-sample = Součást ukázkového adresáře dodávaného s linkou.

## Přidání a úprava
dash-services-new-title = Přidat službu
dash-services-edit-title = Upravit službu
dash-services-save = Uložit
dash-services-problems = Nic nebylo uloženo: opravte prosím označená pole.
dash-services-sample-note = Dokud adresář obsahuje jen ukázku, první služba, kterou přidáte, ukázku nahradí.
dash-services-service-section = Služba
dash-services-place-section = Její místo
dash-services-other-places = Tato služba má i další místa; ta zůstanou beze změny.
dash-services-translations = Překlady
dash-services-city = Obec
dash-services-postal-code = PSČ
dash-services-country = Kód země
dash-services-latitude = Zeměpisná šířka
dash-services-longitude = Zeměpisná délka
dash-services-hours = Otevírací doba
dash-services-hours-hint = Například: Mo-Fr 09:00-17:00; Sa 10:00-13:00, nebo 24/7.
dash-services-hours-note = Poznámka k otevírací době
dash-services-zone = Časové pásmo
dash-services-spoken-hint = Kódy jazyků oddělené mezerou, např.: ka ru en.

## Záznam činností
dash-audit-service-add = Přidání služby do adresáře
dash-audit-service-edit = Úprava služby v adresáři
dash-audit-service-checked = Označení služby v adresáři jako ověřené
