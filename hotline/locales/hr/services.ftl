## The services directory, as the code words its entries (the flows ask the questions)

# The program's kinds of help, as menus and cards name them.
services-category-name = { $category ->
    [employment] Posao i zapošljavanje
    [education-training] Obrazovanje i osposobljavanje
    [social-benefits-rights] Socijalne naknade i prava
    [housing] Stanovanje
    [health] Zdravstvena skrb
    [addiction-aftercare] Liječenje ovisnosti i podrška nakon liječenja
    [mental-health] Mentalno zdravlje
    [legal-aid] Pravna pomoć
    [family-and-children] Obitelj i djeca
    [debt] Dugovi
    [documents-id] Dokumenti i osobne isprave
    [support-groups] Grupe podrške
   *[other] Druga pomoć
}
# On a call, one entry: its name and what it does, then its hours, then its phone.
services-entry = { $name }. { $what }
services-hours-open = Danas radi od { $opens } do { $closes }.
services-hours-always = Radi 0 – 24 sata.
services-hours-closed = Danas ne radi.
services-hours-unknown = Molimo nazovite prije nego što krenete: ne znamo današnje radno vrijeme.
services-phone = Telefon: { $phone }. Još jednom: { $phone }.
services-no-phone = Ova usluga nema broj telefona. Adresa je: { $address }.
services-none-here = Za Vašu regiju još nemamo navedenu uslugu ove vrste. Savjetnik Vam može reći što postoji u Vašoj blizini.
services-no-more = To je sve što za ovo imamo.
services-sms-sent = Poslali smo Vam ove podatke SMS porukom.
services-sms-failed = Trenutačno nismo mogli poslati SMS poruku. Molimo zapišite broj ili pritisnite zvjezdicu da ga ponovno čujete.
services-sms-hidden = Vaš je broj skriven pa Vam ne možemo poslati SMS poruku. Ako želite ponovno čuti podatke, pritisnite zvjezdicu.
# The text message with the entries a caller asked for.
services-sms = Linija, usluge u Vašoj blizini:
services-sms-entry = { $name }: { $phone }{ $address }{ $hours }
# In a chat, one entry as a card.
services-card =
    { $name }
    { $what }
    📍 { $address }
    🕘 { $hours }
    ☎ { $phone }
    { $more }
services-card-hours-open = danas { $opens }–{ $closes }
services-card-hours-always = radi 0–24 h
services-card-hours-closed = danas ne radi
services-card-hours-unknown = radno vrijeme nije poznato, prvo nazovite
services-card-unknown = nije navedeno
services-card-map = Karta: { $link }
services-card-distance = { $km } km od Vas
# A person shared their location on Telegram.
services-nearest = Usluge najbliže Vama:
services-nearest-none = U Vašoj blizini još nemamo usluga s poznatom lokacijom.
