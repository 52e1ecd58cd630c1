# The chat flow (hotline/flows/builtin/family.yaml) on Telegram and SMS, and the chat channels.
# Mostly family members write: a parent, a partner, a grown-up child of someone in prison or
# just released. Short paragraphs, plain words, no blame. Menus are buttons on Telegram and
# numbered lines in SMS: each `.option-N` is the label of choice N (a few words at most).
# Georgian: polite "თქვენ" forms; the same words as hotline.ftl: "სპეციალისტი" (specialist),
# "შეტყობინება" (message), "ცხელი ხაზი" (helpline), "ახლობელი" (your relative),
# "პაემანი" (a prison visit, the penitentiary's own word, in a sentence that says so; alone on
# a button it reads as "a date": there "ახლობლის ნახვა"); numbers as digits ("112-ზე").

## Welcome and the main menu

# The first message: it shows on a lock screen and stays in the SMS inbox, so it names the
# program only by its neutral name and says nothing of prison or addiction.
chat-welcome = მოგესალმებით. ეს არის { -program(case: "gen") } უფასო ცხელი ხაზი. ყველაფერი, რასაც აქ დაწერთ, კონფიდენციალური დარჩება.
chat-emergency = თუ ვინმეს სიცოცხლეს საფრთხე ემუქრება, ახლავე დარეკეთ 112-ზე.
# პასუხი მაშინვე, როცა ადამიანი კრიზისის სიტყვებს წერს (crisis.txt): ჯერ გადაუდებელი ნომერი.
crisis-reply = გვესმის თქვენი და ამას სერიოზულად ვეკიდებით. თუ თქვენს ან სხვის სიცოცხლეს საფრთხე ემუქრება, ახლავე დარეკეთ 112-ზე. ახლავე ვატყობინებთ სპეციალისტს და ის აქ მოგწერთ. მარტო არ ხართ.
chat-language = აირჩიეთ ენა.
chat-menu = როგორ შეგვიძლია დაგეხმაროთ?
    .option-1 = გათავისუფლებამდე
    .option-2 = გათავისუფლების შემდეგ
    .option-3 = ახლობლის ნახვა და კავშირი
    .option-4 = ბავშვები და ოჯახი
    .option-5 = როგორ გეხმარებათ პროგრამა
    .option-6 = სპეციალისტთან საუბარი
    .option-7 = შეკითხვის დატოვება
    .option-8 = სერვისები თქვენთან ახლოს
    .option-9 = ენა
    .option-0 = დასრულება
chat-invalid = გთხოვთ, აირჩიოთ ერთ-ერთი ვარიანტი ან დაწეროთ მისი ნომერი.

## Information for families

family-before-release = გათავისუფლებამდეც ბევრი რამით შეგიძლიათ დაეხმაროთ ახლობელს: შეინარჩუნეთ კავშირი და ერთად, წინასწარ დაგეგმეთ, სად იცხოვრებს, რა დოკუმენტები დასჭირდება და ვინ დახვდება გათავისუფლების დღეს. ჩვენს სპეციალისტებს შეუძლიათ თქვენს ახლობელთან მუშაობა დაიწყონ ჯერ კიდევ მაშინ, როცა ის ციხეშია.
family-after-release = გათავისუფლების შემდეგ პირველი კვირები ხშირად ყველაზე რთულია. იყავით მომთმენი: თავისუფლებასთან შეგუებას დრო სჭირდება. დაეხმარეთ ახლობელს მცირე პრაქტიკულ საქმეებში და ურჩიეთ, შეხვდეს ჩვენს სპეციალისტს. არც საკუთარ თავზე ზრუნვა დაგავიწყდეთ.
family-visits = პაემნების, სატელეფონო ზარების, წერილებისა და ამანათების წესებს ციხის ადმინისტრაცია გაგაცნობთ. სპეციალისტს შეუძლია აგიხსნათ ეს წესები და დაგეხმაროთ ბავშვებთან ერთად პაემნისთვის მომზადებაში.
family-children = ბავშვებთან მნიშვნელოვანია გულწრფელად და მათი ასაკისთვის გასაგები სიტყვებით საუბარი. ვთავაზობთ კონსულტაციას როგორც ბავშვებს, ისე მთელ ოჯახს, და შეგვიძლია დაგაკავშიროთ მხარდაჭერის სერვისებთან თქვენს რეგიონში.
chat-more = კიდევ რით შეგვიძლია დაგეხმაროთ?
    .option-1 = მენიუში დაბრუნება
    .option-6 = სპეციალისტთან საუბარი
    .option-7 = შეკითხვის დატოვება
    .option-0 = დასრულება

## A specialist and questions

chat-specialist-unavailable = სამწუხაროდ, ჩვენი სპეციალისტები ახლა ვერ გპასუხობენ.
# A case is open: staff on duty have been told, nobody has taken it yet.
case-opened = სპეციალისტს ვთხოვეთ, ამ ჩატს შემოუერთდეს. როგორც კი შემოუერთდება, აქ შეტყობინებას მიიღებთ. უკვე ახლავე შეგიძლიათ დაწეროთ, რისი თქმაც გსურთ მისთვის.
# A specialist took the case; the person's messages now go to them, and theirs come back.
case-taken = სპეციალისტი ჩატს შემოუერთდა. რასაც ახლა დაწერთ, მას მიუვა. საუბრის დასასრულებლად გამოგზავნეთ /close.
# Put before each message a specialist writes.
case-specialist-says = სპეციალისტი:
case-closed = სპეციალისტმა საუბარი დაასრულა. გმადლობთ, რომ მოგვწერეთ. მენიუს ხელახლა სანახავად გამოგზავნეთ ნებისმიერი შეტყობინება.
case-closed-by-you = თქვენ დაასრულეთ საუბარი სპეციალისტთან. გმადლობთ, რომ მოგვწერეთ. მენიუს ხელახლა სანახავად გამოგზავნეთ ნებისმიერი შეტყობინება.
question-prompt = დაწერეთ თქვენი შეკითხვა ერთ შეტყობინებაში. სპეციალისტი წაიკითხავს მას და აქვე გიპასუხებთ.
question-received = გმადლობთ. თქვენი შეკითხვა მივიღეთ და სპეციალისტი აქვე გიპასუხებთ.
# More written after a question was left, before a specialist took it.
question-added = ეს თქვენს შეკითხვას დავამატეთ. სპეციალისტი აქვე გიპასუხებთ.
chat-goodbye = გმადლობთ, რომ მოგვწერეთ. თავს გაუფრთხილდით. როცა კი ისევ მოგინდებათ მოგვწეროთ, უბრალოდ გამოგვიგზავნეთ შეტყობინება.

## Commands and keywords (the chat channels say these, not a flow)

# START and STOP stay in Latin capitals: they are the keywords the SMS system recognises.
chat-help = ეს არის { -program(case: "gen") } ცხელი ხაზი. აირჩიეთ მენიუდან ან დაწერეთ ნომერი. /start — თავიდან დაწყება, /language — ენის შეცვლა, /stop — ჩვენი შეტყობინებების მიღების შეწყვეტა. საფრთხის შემთხვევაში დარეკეთ 112-ზე.
chat-stopped = ჩვენგან შეტყობინებებს აღარ მიიღებთ. თუ ისევ გსურთ მოგვწეროთ, გამოგზავნეთ /start.
# The answer to HELP: at most two UCS-2 segments (134 characters), one when transliterated.
sms-help = { -program(case: "gen") } ცხელი ხაზი. მოგვწერეთ ნომერი მენიუდან. START — თავიდან, STOP — გამოწერის გაუქმება. საფრთხისას დარეკეთ 112-ზე.
sms-stopped = ჩვენგან შეტყობინებებს აღარ მიიღებთ. თუ ისევ გსურთ მოგვწეროთ, გამოგზავნეთ START.

## Telegram groups (the Telegram channel says this, not a flow)

chat-private-only = ჩვენ მხოლოდ პირად მიმოწერაში ვპასუხობთ, რათა ყველაფერი, რასაც დაწერთ, კონფიდენციალური დარჩეს. გთხოვთ, პირდაპირ მოგვწეროთ.
    .with-link = ჩვენ მხოლოდ პირად მიმოწერაში ვპასუხობთ, რათა ყველაფერი, რასაც დაწერთ, კონფიდენციალური დარჩეს. გთხოვთ, მოგვწეროთ აქ: { $link }

## Services near you (the directory)

chat-services-region = რომელ რეგიონში ხართ? Telegram-ში ასევე შეგიძლიათ გამოგვიგზავნოთ თქვენი მდებარეობა (📎 → Location) და ნახავთ თქვენთან ყველაზე ახლოს მდებარე სერვისებს.
    .option-9 = სხვა რეგიონები
    .option-0 = მენიუში დაბრუნება
chat-services-option = { $key } – { $name }
chat-services-category = რა საკითხში გჭირდებათ დახმარება?
    .option-9 = მეტი
    .option-0 = მენიუში დაბრუნება
chat-services-list-menu = კიდევ რით შეგვიძლია დაგეხმაროთ?
    .option-2 = სხვა სერვისები
    .option-3 = სხვა სახის დახმარება
    .option-4 = სხვა რეგიონი
    .option-0 = მენიუში დაბრუნება
chat-services-none = აქ ჯერჯერობით სერვისები არ გვაქვს ჩამოთვლილი. სპეციალისტს შეუძლია გითხრათ, რა დახმარების მიღება შეგიძლიათ თქვენთან ახლოს.
