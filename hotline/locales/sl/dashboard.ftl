# Spletni vmesnik za sodelavce (/staff/): kar sodelavci berejo v brskalniku.
# $name: ime sodelavca; $time: ura ali datum in ura, že oblikovana.

dash-skip = Skoči na vsebino
dash-title-suffix = Sodelavci linije
dash-nav-label = Glavni meni
dash-nav-now = Zdaj
dash-nav-accounts = Uporabniški računi
dash-signed-in-as = Prijava: { $name }
dash-language = Jezik
dash-language-save = Zamenjaj
dash-sign-out = Odjava
dash-sign-out-everywhere = Odjava z vseh naprav

## Prijava
dash-sign-in-title = Prijava
dash-sign-in-name = ID sodelavca
dash-sign-in-password = Geslo
dash-sign-in-button = Prijava
dash-sign-in-failed = ID sodelavca ali geslo ni pravilno.
dash-sign-in-locked = Preveč neuspešnih poskusov. Poskusite znova po { $time }.
dash-signed-out = Odjavljeni ste.
dash-forbidden-title = Ni na voljo
dash-forbidden = Vaša vloga ne omogoča dostopa do te strani.
dash-csrf-failed = Obrazec je potekel ali je bil poslan z drugega spletnega mesta. Osvežite stran in poskusite znova.

## Vloge
dash-role-specialist = Strokovni delavec
dash-role-supervisor = Vodja
dash-role-admin = Skrbnik

## Zdaj
dash-now-title = Zdaj
dash-now-on-duty = Zdaj dežurajo
dash-now-until = do { $time }
dash-now-nobody = Trenutno nihče ne dežura.
dash-now-no-roster = Razpored dežurstev še ni bil uvožen.
dash-now-uncovered = Jeziki, ki jih nihče od dežurnih ne govori: { $languages }

## Uporabniški računi (skrbniki)
dash-accounts-title = Računi sodelavcev
dash-accounts-name = Ime
dash-accounts-role = Vloga
dash-accounts-password = Geslo
dash-accounts-last-sign-in = Zadnja prijava
dash-accounts-actions = Dejanja
dash-accounts-password-set = nastavljeno
dash-accounts-password-unset = ni nastavljeno
dash-accounts-never = nikoli
dash-accounts-invite = Ustvari povezavo s povabilom
dash-accounts-sign-out = Odjavi povsod
dash-accounts-invite-made = Pošljite to povezavo: { $name }. Deluje enkrat, v 24 urah:
dash-accounts-signed-out = Vse seje so končane: { $name }.

## Povabilo: nastavitev lastnega gesla
dash-invite-title = Nastavite geslo
dash-invite-welcome = Dobrodošli, { $name }. Izberite geslo z vsaj { $min } znaki.
dash-invite-password = Novo geslo
dash-invite-again = Ponovite geslo
dash-invite-save = Shrani geslo
dash-invite-invalid = Ta povezava ne deluje več. Prosite skrbnika za novo.
dash-password-short = Geslo mora imeti vsaj { $min } znakov.
dash-password-differ = Gesli se ne ujemata.
