## The services directory, as the code words its entries (the flows ask the questions)

# The program's kinds of help, as menus and cards name them.
services-category-name = { $category ->
    [employment] Delo in zaposlitev
    [education-training] Izobraževanje in usposabljanje
    [social-benefits-rights] Socialni prejemki in pravice
    [housing] Nastanitev
    [health] Zdravstvena oskrba
    [addiction-aftercare] Zdravljenje odvisnosti in podpora po njem
    [mental-health] Duševno zdravje
    [legal-aid] Pravna pomoč
    [family-and-children] Družina in otroci
    [debt] Dolgovi
    [documents-id] Dokumenti in osebne izkaznice
    [support-groups] Podporne skupine
   *[other] Druga pomoč
}
# On a call, one entry: its name and what it does, then its hours, then its phone.
services-entry = { $name }. { $what }
services-hours-open = Danes je odprto od { $opens } do { $closes }.
services-hours-always = Odprto noč in dan.
services-hours-closed = Danes je zaprto.
services-hours-unknown = Prosimo, pokličite, preden greste tja: ne vemo, kdaj je danes odprto.
services-phone = Telefon: { $phone }. Še enkrat: { $phone }.
services-no-phone = Ta storitev nima telefonske številke. Njen naslov je: { $address }.
services-none-here = Za vašo regijo še nimamo navedene storitve te vrste. Svetovalec vam lahko pove, kaj je v vaši bližini.
services-no-more = To je vse, kar imamo za to.
services-sms-sent = Te podatke smo vam poslali v sporočilu SMS.
services-sms-failed = Sporočila SMS trenutno nismo mogli poslati. Prosimo, zapišite si številko ali pritisnite zvezdico, da jo slišite še enkrat.
services-sms-hidden = Vaša številka je skrita, zato vam ne moremo poslati sporočila SMS. Če želite podatke slišati še enkrat, pritisnite zvezdico.
# The text message with the entries a caller asked for.
services-sms = Linija, storitve v vaši bližini:
services-sms-entry = { $name }: { $phone }{ $address }{ $hours }
# In a chat, one entry as a card.
services-card =
    { $name }
    { $what }
    📍 { $address }
    🕘 { $hours }
    ☎ { $phone }
    { $more }
services-card-hours-open = danes { $opens }–{ $closes }
services-card-hours-always = odprto noč in dan
services-card-hours-closed = danes zaprto
services-card-hours-unknown = delovni čas ni znan, prej pokličite
services-card-unknown = ni navedeno
services-card-map = Zemljevid: { $link }
services-card-distance = { $km } km od vas
# A person shared their location on Telegram.
services-nearest = Storitve, ki so vam najbližje:
services-nearest-none = V vaši bližini še nimamo storitev z znano lokacijo.
