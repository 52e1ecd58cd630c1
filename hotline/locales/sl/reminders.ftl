# Sporočila kampanj in rednega preverjanja (check-in). Prebere jih lahko kdor koli, ki prvi
# vidi telefon: nobene besede o zaporu, odpustu, pogojnem odpustu ali odvisnosti.

## Pred tem, kar prihaja: udeleženec (3, 2 in 1 mesec prej)

reminder-ahead-intro = Pozdravljeni, tukaj { -program }. V prihodnjih mesecih vam bomo pomagali načrtovati, kar prihaja: bivanje, dokumente, delo. Pišite nam sem, kadar koli želite.
reminder-ahead-needs = Pozdravljeni, tukaj { -program }. Razmislite, kaj boste najprej potrebovali: dokumente, bivanje, telefon, denar za prve dni. Vaš svetovalec vam pomaga.
reminder-ahead-meeting = Pozdravljeni, tukaj { -program }. Vaš svetovalec se bo kmalu sestal z vami, da skupaj načrtujeta prve dni. Zapišite si vprašanja, da ničesar ne pozabite.

## Svojci

reminder-family-intro = Pozdravljeni, tukaj { -program }. Nekdo od vaših bližnjih sodeluje v našem programu, podpiramo pa tudi družine. Pišite nam sem s katerim koli vprašanjem.
reminder-family-ahead = Pozdravljeni, tukaj { -program }. Prihodnji tedni lahko vaši družini prinesejo spremembe. Skupaj se pogovorite o prvih dneh: kje bivati, kdo bo ob vas.
reminder-family-after = Pozdravljeni, tukaj { -program }. Prvi skupni meseci so lahko težki za vse. Bodite potrpežljivi drug z drugim in poskrbite tudi zase. Tu smo za vas.

## Konec programa

reminder-program-end = Pozdravljeni, tukaj { -program }. Danes se izteče naš skupni čas v programu. Hvala za pot, ki smo jo prehodili skupaj. Naša linija ostaja odprta za vas, podnevi in ponoči.

## Naloga za svetovalca

task-plan-meeting = Načrtujte srečanje z udeležencem pred odpustom: biti mora en do tri mesece pred datumom odpusta.

## Redno preverjanje (check-in)

checkin-question = Pozdravljeni, tukaj { -program }. Kako ste?
    .option-1 = Dobro
    .option-2 = Želim se pogovoriti
    .option-3 = Potrebujem pomoč zdaj
    .option-4 = Ne pošiljajte več
checkin-fine = Veseli nas. Pazite nase in nam pišite, kadar koli želite.
checkin-talk = Hvala. Svetovalec se vam bo kmalu oglasil.
checkin-help-now = Če je ogroženo vaše ali tuje življenje, takoj pokličite 112. Svetovalca takoj obveščamo.
checkin-help-later = Trenutno se ne more pridružiti noben strokovnjak. Prosili smo, naj se vam kdo oglasi čim prej. Če je ogroženo vaše ali tuje življenje, pokličite 112.
checkin-stopped = Teh sporočil ne boste več prejemali. Še vedno nam lahko pišete sem, kadar koli želite.
checkin-later = Odgovorite lahko tudi pozneje, ko vam ustreza. Pazite nase.

## Redno preverjanje po telefonu (`voice:` v checkin.yaml): posluša se, ne bere; tipke namesto gumbov

checkin-call-question = Pozdravljeni, tukaj { -program }. Kličemo, da bi slišali, kako ste. Če ste dobro, pritisnite 1. Če bi se radi s kom pogovorili, pritisnite 2. Če potrebujete pomoč zdaj, pritisnite 3. Če ne želite več takih klicev, pritisnite 4.
checkin-call-fine = Veseli nas. Pazite nase in nas pokličite, kadar koli želite. Nasvidenje.
checkin-call-stopped = Tako vas ne bomo več klicali. Še vedno nas lahko pokličete na to številko, kadar koli želite. Nasvidenje.
checkin-call-later = Poklicali bomo kdaj drugič. Pazite nase. Nasvidenje.
# Klic je prevzel telefonski odzivnik: na kratko in nevtralno, kdor koli ga pozneje posluša.
checkin-voicemail = Pozdravljeni, tukaj { -program }. Klicali smo, da bi slišali, kako ste. Poklicali bomo kdaj drugič. Nasvidenje.

## Zadnja vrstica prvega sporočila: kako ustaviti sporočila (STOP in /stop se ne prevajata)

first-message-stop-sms = Če teh sporočil ne želite prejemati, odgovorite STOP.
first-message-stop-telegram = Če teh sporočil ne želite prejemati, pošljite /stop.
