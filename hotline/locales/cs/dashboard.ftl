# Webové rozhraní pro pracovníky (/staff/): co pracovníci čtou v prohlížeči.
# $name: jméno pracovníka; $time: čas nebo datum a čas, už naformátované.

dash-skip = Přejít na obsah
dash-title-suffix = Pracovníci linky
dash-nav-label = Hlavní nabídka
dash-nav-now = Teď
dash-nav-accounts = Uživatelské účty
dash-signed-in-as = Přihlášení: { $name }
dash-language = Jazyk
dash-language-save = Změnit
dash-sign-out = Odhlásit se
dash-sign-out-everywhere = Odhlásit se na všech zařízeních

## Přihlášení
dash-sign-in-title = Přihlášení
dash-sign-in-name = ID pracovníka
dash-sign-in-password = Heslo
dash-sign-in-button = Přihlásit se
dash-sign-in-failed = ID pracovníka nebo heslo nesouhlasí.
dash-sign-in-locked = Příliš mnoho neúspěšných pokusů. Zkuste to znovu po { $time }.
dash-signed-out = Jste odhlášeni.
dash-forbidden-title = Nedostupné
dash-forbidden = Vaše role k této stránce nemá přístup.
dash-csrf-failed = Formulář vypršel nebo přišel z jiného webu. Obnovte stránku a zkuste to znovu.

## Role
dash-role-specialist = Odborník
dash-role-supervisor = Vedoucí
dash-role-admin = Správce

## Teď
dash-now-title = Teď
dash-now-on-duty = Teď slouží
dash-now-until = do { $time }
dash-now-nobody = Teď nikdo neslouží.
dash-now-no-roster = Rozpis služeb zatím nebyl nahrán.
dash-now-uncovered = Jazyky, kterými nikdo ze služby nemluví: { $languages }

## Uživatelské účty (správci)
dash-accounts-title = Účty pracovníků
dash-accounts-name = Jméno
dash-accounts-role = Role
dash-accounts-password = Heslo
dash-accounts-last-sign-in = Poslední přihlášení
dash-accounts-actions = Akce
dash-accounts-password-set = nastaveno
dash-accounts-password-unset = nenastaveno
dash-accounts-never = nikdy
dash-accounts-invite = Vytvořit odkaz s pozvánkou
dash-accounts-sign-out = Odhlásit všude
dash-accounts-invite-made = Pošlete tento odkaz: { $name }. Funguje jednou, po dobu 24 hodin:
dash-accounts-signed-out = Všechny relace byly ukončeny: { $name }.

## Pozvánka: nastavení vlastního hesla
dash-invite-title = Nastavte si heslo
dash-invite-welcome = Vítejte, { $name }. Zvolte si heslo o délce alespoň { $min } znaků.
dash-invite-password = Nové heslo
dash-invite-again = Zopakujte heslo
dash-invite-save = Uložit heslo
dash-invite-invalid = Tento odkaz už neplatí. Požádejte správce o nový.
dash-password-short = Heslo musí mít alespoň { $min } znaků.
dash-password-differ = Hesla se neshodují.
