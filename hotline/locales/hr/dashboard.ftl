# Web sučelje za djelatnike (/staff/): što djelatnici čitaju u pregledniku.
# $name: ime djelatnika; $time: vrijeme ili datum i vrijeme, već oblikovani.

dash-skip = Preskoči na sadržaj
dash-title-suffix = Djelatnici dežurne linije
dash-nav-label = Glavni izbornik
dash-nav-now = Sada
dash-nav-accounts = Korisnički računi
dash-signed-in-as = Prijavljeni ste kao { $name }
dash-language = Jezik
dash-language-save = Promijeni
dash-sign-out = Odjava
dash-sign-out-everywhere = Odjava sa svih uređaja

## Prijava
dash-sign-in-title = Prijava
dash-sign-in-name = ID djelatnika
dash-sign-in-password = Lozinka
dash-sign-in-button = Prijavi se
dash-sign-in-failed = ID djelatnika ili lozinka nisu točni.
dash-sign-in-locked = Previše neuspjelih pokušaja. Pokušajte ponovno nakon { $time }.
dash-signed-out = Odjavljeni ste.
dash-forbidden-title = Nije dostupno
dash-forbidden = Vaša uloga ne daje pristup ovoj stranici.
dash-csrf-failed = Obrazac je istekao ili je poslan s druge stranice. Osvježite stranicu i pokušajte ponovno.

## Uloge
dash-role-specialist = Stručnjak
dash-role-supervisor = Voditelj
dash-role-admin = Administrator

## Sada
dash-now-title = Sada
dash-now-on-duty = Sada dežuraju
dash-now-until = do { $time }
dash-now-nobody = Trenutačno nitko ne dežura.
dash-now-no-roster = Raspored dežurstava još nije učitan.
dash-now-uncovered = Jezici koje nitko od dežurnih ne govori: { $languages }

## Korisnički računi (administratori)
dash-accounts-title = Korisnički računi djelatnika
dash-accounts-name = Ime
dash-accounts-role = Uloga
dash-accounts-password = Lozinka
dash-accounts-last-sign-in = Zadnja prijava
dash-accounts-actions = Radnje
dash-accounts-password-set = postavljena
dash-accounts-password-unset = nije postavljena
dash-accounts-never = nikad
dash-accounts-invite = Izradi poveznicu za pozivnicu
dash-accounts-sign-out = Odjavi sa svih uređaja
dash-accounts-invite-made = Pošaljite ovu poveznicu: { $name }. Vrijedi jednom, u roku od 24 sata:
dash-accounts-signed-out = Sve sesije su završene: { $name }.

## Pozivnica: postavljanje vlastite lozinke
dash-invite-title = Postavite lozinku
dash-invite-welcome = Dobro došli, { $name }. Odaberite lozinku od najmanje { $min } znakova.
dash-invite-password = Nova lozinka
dash-invite-again = Ponovite lozinku
dash-invite-save = Spremi lozinku
dash-invite-invalid = Ova poveznica više ne vrijedi. Zatražite novu od administratora.
dash-password-short = Lozinka mora imati najmanje { $min } znakova.
dash-password-differ = Lozinke se ne podudaraju.
