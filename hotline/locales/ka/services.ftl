## The services directory, as the code words its entries (the flows ask the questions)

# The program's kinds of help, as menus and cards name them.
services-category-name = { $category ->
    [employment] სამსახური და დასაქმება
    [education-training] განათლება და პროფესიული მომზადება
    [social-benefits-rights] სოციალური დახმარება და უფლებები
    [housing] საცხოვრებელი
    [health] ჯანდაცვა
    [addiction-aftercare] დამოკიდებულების მკურნალობა და შემდგომი მხარდაჭერა
    [mental-health] ფსიქიკური ჯანმრთელობა
    [legal-aid] იურიდიული დახმარება
    [family-and-children] ოჯახი და ბავშვები
    [debt] ვალები
    [documents-id] დოკუმენტები და პირადობის მოწმობა
    [support-groups] მხარდამჭერი ჯგუფები
   *[other] სხვა დახმარება
}
# On a call, one entry: its name and what it does, then its hours, then its phone.
services-entry = { $name }. { $what }
services-hours-open = დღეს მუშაობს { $opens }-დან { $closes }-მდე.
services-hours-always = ღიაა დღე და ღამე.
services-hours-closed = დღეს არ მუშაობს.
services-hours-unknown = გთხოვთ, მისვლამდე ჯერ დარეკოთ: დღევანდელი სამუშაო საათები არ ვიცით.
services-phone = ტელეფონი: { $phone }. კიდევ ერთხელ: { $phone }.
services-no-phone = ამ სერვისს ტელეფონის ნომერი არ აქვს. მისი მისამართია: { $address }.
services-none-here = ასეთი სერვისი თქვენს რეგიონში ჯერ არ გვაქვს ჩამოთვლილი. სპეციალისტს შეუძლია გითხრათ, რა დახმარების მიღება შეგიძლიათ თქვენთან ახლოს.
services-no-more = ამ საკითხზე ეს ყველაფერია, რაც ჩამოთვლილი გვაქვს.
services-sms-sent = ეს ინფორმაცია ტექსტური შეტყობინებით გამოგიგზავნეთ.
services-sms-failed = ტექსტური შეტყობინების გაგზავნა ახლა ვერ მოხერხდა. გთხოვთ, ჩაიწეროთ ნომერი, ან ხელახლა მოსასმენად დააჭირეთ ვარსკვლავს.
services-sms-hidden = თქვენი ნომერი დამალულია, ამიტომ ტექსტურ შეტყობინებას ვერ გამოგიგზავნით. ინფორმაციის ხელახლა მოსასმენად დააჭირეთ ვარსკვლავს.
# The text message with the entries a caller asked for.
services-sms = ცხელი ხაზი, სერვისები თქვენთან ახლოს:
services-sms-entry = { $name }: { $phone }{ $address }{ $hours }
# In a chat, one entry as a card.
services-card =
    { $name }
    { $what }
    📍 { $address }
    🕘 { $hours }
    ☎ { $phone }
    { $more }
services-card-hours-open = დღეს { $opens }–{ $closes }
services-card-hours-always = ღიაა დღე და ღამე
services-card-hours-closed = დღეს არ მუშაობს
services-card-hours-unknown = საათები უცნობია, ჯერ დარეკეთ
services-card-unknown = არ არის მითითებული
services-card-map = რუკა: { $link }
services-card-distance = { $km } კმ თქვენგან
# A person shared their location on Telegram.
services-nearest = თქვენთან ყველაზე ახლოს მდებარე სერვისები:
services-nearest-none = თქვენთან ახლოს ცნობილი მისამართის მქონე სერვისები ჯერ არ გვაქვს.
