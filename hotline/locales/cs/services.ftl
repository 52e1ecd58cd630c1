## The services directory, as the code words its entries (the flows ask the questions)

# The program's kinds of help, as menus and cards name them.
services-category-name = { $category ->
    [employment] Práce a zaměstnání
    [education-training] Vzdělávání a rekvalifikace
    [social-benefits-rights] Sociální dávky a práva
    [housing] Bydlení
    [health] Zdravotní péče
    [addiction-aftercare] Léčba závislosti a následná péče
    [mental-health] Duševní zdraví
    [legal-aid] Právní pomoc
    [family-and-children] Rodina a děti
    [debt] Dluhy
    [documents-id] Doklady a průkazy
    [support-groups] Svépomocné skupiny
   *[other] Jiná pomoc
}
# On a call, one entry: its name and what it does, then its hours, then its phone.
services-entry = { $name }. { $what }
services-hours-open = Dnes má otevřeno od { $opens } do { $closes }.
services-hours-always = Otevřeno nonstop.
services-hours-closed = Dnes má zavřeno.
services-hours-unknown = Než tam půjdete, raději nejdřív zavolejte: dnešní otevírací dobu neznáme.
services-phone = Telefon: { $phone }. Ještě jednou: { $phone }.
services-no-phone = Tato služba nemá telefonní číslo. Její adresa je: { $address }.
services-none-here = Pro váš kraj zatím nemáme uvedenou žádnou službu tohoto druhu. Poradce vám může říct, co najdete ve vašem okolí.
services-no-more = To je vše, co k tomu máme.
services-sms-sent = Tyto údaje jsme vám poslali v SMS.
services-sms-failed = SMS se teď nepodařilo odeslat. Zapište si prosím číslo, nebo stiskněte hvězdičku a uslyšíte ho znovu.
services-sms-hidden = Vaše číslo je skryté, a proto vám nemůžeme poslat SMS. Chcete-li údaje slyšet znovu, stiskněte hvězdičku.
# The text message with the entries a caller asked for.
services-sms = Linka, služby ve vašem okolí:
services-sms-entry = { $name }: { $phone }{ $address }{ $hours }
# In a chat, one entry as a card.
services-card =
    { $name }
    { $what }
    📍 { $address }
    🕘 { $hours }
    ☎ { $phone }
    { $more }
services-card-hours-open = dnes { $opens }–{ $closes }
services-card-hours-always = nonstop
services-card-hours-closed = dnes zavřeno
services-card-hours-unknown = otevírací doba neznámá, nejdřív zavolejte
services-card-unknown = neuvedeno
services-card-map = Mapa: { $link }
services-card-distance = { $km } km od vás
# A person shared their location on Telegram.
services-nearest = Služby nejblíž vám:
services-nearest-none = Ve vašem okolí zatím nemáme služby se známou adresou.
