# Poruke kampanja i redovite provjere (check-in). Može ih pročitati tko god prvi vidi
# telefon: ni riječi o zatvoru, izlasku, probaciji ni ovisnosti.

## Pred ono što dolazi: sudionik (3, 2 i 1 mjesec prije)

reminder-ahead-intro = Dobar dan, ovdje { -program }. U sljedećim mjesecima pomoći ćemo Vam isplanirati što slijedi: smještaj, dokumente, posao. Pišite nam ovdje kad god želite.
reminder-ahead-needs = Dobar dan, ovdje { -program }. Razmislite što će Vam prvo trebati: dokumenti, smještaj, telefon, novac za prve dane. Vaš savjetnik može pomoći.
reminder-ahead-meeting = Dobar dan, ovdje { -program }. Vaš savjetnik uskoro će se naći s Vama da zajedno isplanirate prve dane. Zapišite pitanja da ništa ne zaboravite.

## Članovi obitelji

reminder-family-intro = Dobar dan, ovdje { -program }. Vaša bliska osoba sudjeluje u našem programu, a podržavamo i obitelji. Pišite nam ovdje s bilo kojim pitanjem.
reminder-family-ahead = Dobar dan, ovdje { -program }. Sljedeći tjedni mogu donijeti promjene Vašoj obitelji. Razgovarajte o prvim danima: gdje stanovati, tko će biti uz vas.
reminder-family-after = Dobar dan, ovdje { -program }. Prvi zajednički mjeseci mogu biti teški svima. Budite strpljivi jedni s drugima i brinite se i o sebi. Tu smo za Vas.

## Kraj programa

reminder-program-end = Dobar dan, ovdje { -program }. Danas završava naše zajedničko vrijeme u programu. Hvala na putu koji smo prošli zajedno. Naša linija ostaje otvorena za Vas, danju i noću.

## Zadatak za savjetnika

task-plan-meeting = Dogovorite sastanak sa sudionikom prije izlaska: treba se održati jedan do tri mjeseca prije datuma izlaska.

## Redovita provjera (check-in)

checkin-question = Dobar dan, ovdje { -program }. Kako ste?
    .option-1 = Dobro sam
    .option-2 = Želim razgovarati
    .option-3 = Trebam pomoć odmah
    .option-4 = Ne šaljite više
checkin-fine = Drago nam je. Čuvajte se i pišite nam kad god želite.
checkin-talk = Hvala. Savjetnik će Vam se uskoro javiti.
checkin-help-now = Ako je Vaš ili nečiji život u opasnosti, odmah nazovite 112. Odmah obavještavamo savjetnika.
checkin-help-later = Trenutno se nijedan stručnjak ne može uključiti. Zamolili smo da vam se netko javi što prije. Ako je vaš ili tuđi život u opasnosti, nazovite 112.
checkin-stopped = Više nećete primati ove poruke. I dalje nam možete pisati ovdje kad god želite.
checkin-later = Možete odgovoriti i kasnije, kad Vam odgovara. Čuvajte se.

## Redovita provjera pozivom (`voice:` u checkin.yaml): sluša se, ne čita; tipke umjesto gumba

checkin-call-question = Dobar dan, ovdje { -program }. Zovemo da čujemo kako ste. Ako ste dobro, pritisnite 1. Ako želite s nekim razgovarati, pritisnite 2. Ako Vam pomoć treba odmah, pritisnite 3. Ako više ne želite ovakve pozive, pritisnite 4.
checkin-call-fine = Drago nam je. Čuvajte se i nazovite nas kad god želite. Doviđenja.
checkin-call-stopped = Više Vas nećemo ovako zvati. I dalje nas možete nazvati na ovaj broj kad god želite. Doviđenja.
checkin-call-later = Javit ćemo se neki drugi put. Čuvajte se. Doviđenja.
# Poziv je preuzela govorna pošta: kratko i neutralno, tko god je poslije posluša.
checkin-voicemail = Dobar dan, ovdje { -program }. Zvali smo da čujemo kako ste. Javit ćemo se neki drugi put. Doviđenja.

## Zadnji redak prve poruke: kako zaustaviti poruke (STOP i /stop se ne prevode)

first-message-stop-sms = Ako ne želite primati ove poruke, odgovorite STOP.
first-message-stop-telegram = Ako ne želite primati ove poruke, pošaljite /stop.
