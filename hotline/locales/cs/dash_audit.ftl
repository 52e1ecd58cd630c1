# Protokol auditu v panelu pracovníků (supervizoři a správci): kdo si co prohlížel nebo
# změnil, kdy a proč. $name je jméno pracovníka; $change je add, change nebo remove.

dash-nav-audit = Protokol auditu
dash-audit-title = Protokol auditu
dash-audit-intro = Kdo si co prohlížel nebo změnil a proč, nejnovější záznamy nahoře.
dash-audit-staff = Pracovník
dash-audit-anyone = Kdokoli
dash-audit-case = Kód případu
dash-audit-from = Od
dash-audit-to = Do
dash-audit-filter = Zobrazit
dash-audit-when = Kdy
dash-audit-who = Kdo
dash-audit-what = Co
dash-audit-participant = Účastník
dash-audit-reason = Důvod
dash-audit-code = Kód akce
dash-audit-empty = Žádný záznam neodpovídá.
dash-audit-older = Starší záznamy
dash-audit-newest = Nejnovější záznamy
dash-audit-csv = Stáhnout tyto záznamy jako CSV

## Co se stalo
dash-audit-contacts = Zobrazení kontaktních údajů
dash-audit-enrol = Zařazení účastníka
dash-audit-release = Změna data propuštění
dash-audit-withdraw = Vyřazení účastníka z programu
dash-audit-roster-weekly = { $change ->
    [add] Přidání týdenní služby
    [remove] Odebrání týdenní služby
   *[other] Změna týdenní služby
}
dash-audit-roster-once = { $change ->
    [add] Přidání jednorázové služby
    [remove] Odebrání jednorázové služby
   *[other] Změna jednorázové služby
}
dash-audit-roster-holiday = { $change ->
    [add] Přidání svátku
    [remove] Odebrání svátku
   *[other] Změna svátku
}
dash-audit-calendar-new = Vytvoření nového odkazu na kalendář
dash-audit-calendar-revoke = Vypnutí vlastního odkazu na kalendář
dash-audit-invite = Odkaz pro přihlášení pro: { $name }
dash-audit-sign-out = Odhlášení osoby { $name } na všech zařízeních
dash-audit-other = Jiná akce
# The daily purge (or `hotline data purge`): its counts are the line's reason.
dash-audit-purge = Smazání údajů po uplynutí doby uchování
