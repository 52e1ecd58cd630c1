# What staff hear and read: the whisper before a call is put through, and the staff desk on
# Telegram. The caller's name and number never appear here: staff see the hotline's number.
# Georgian: polite "თქვენ" forms; the same words as hotline.ftl: "სპეციალისტი" (specialist),
# "ცხელი ხაზი", "დააჭირეთ N-ს"; the caller on the phone is "აბონენტი", the person in a chat
# "მომმართველი", a supervisor "ხელმძღვანელი", a callback "გადარეკვა". Nouns after a number
# stay singular in Georgian, so $seconds and $minutes need no plural select.

## The whisper: heard by the specialist who picks up, before the caller is put through

# $code is a language code; the name is read in the specialist's language.
staff-language-name = { $code ->
        [ka] ქართული
        [ru] რუსული
        [hr] ხორვატული
        [cs] ჩეხური
        [sl] სლოვენური
       *[en] ინგლისური
    }
whisper-offer = ზარი ცხელ ხაზზე. ენა: { staff-language-name }. ზარის მისაღებად დააჭირეთ 1-ს.
whisper-taken-elsewhere = ეს ზარი უკვე მიიღო კოლეგამ. გმადლობთ.
# A callback the specialist asked for: their phone rings first, then the caller's.
callback-whisper = გადარეკვა ცხელი ხაზიდან. ენა: { staff-language-name }. აბონენტთან ახლავე დასარეკად დააჭირეთ 1-ს.
callback-dialing = ვურეკავთ აბონენტს. ის დაინახავს ცხელი ხაზის ნომერს.
callback-closed = გადარეკვის ეს მოთხოვნა უკვე დახურულია. გმადლობთ.

## The staff desk on Telegram

staff-voicemail = ხმოვანი შეტყობინება. ენა: { staff-language-name }. ხანგრძლივობა: { $seconds } წამი. აბონენტი ითხოვს გადარეკვას.
staff-voicemail-no-number = ხმოვანი შეტყობინება. ენა: { staff-language-name }. ხანგრძლივობა: { $seconds } წამი. გადარეკვა შეუძლებელია: ნომერი დამალულია, ან ეს ცხელი ხაზი გამავალ ზარებს არ ახორციელებს.
staff-voicemail-unavailable = ჩანაწერის მიღება Twilio-დან ვერ მოხერხდა. შესაძლოა, ის ჯერ კიდევ Twilio-ს კონსოლშია: Monitor › Call recordings.
staff-callback = გადარეკვის მოთხოვნა. ენა: { staff-language-name }.
staff-chat-case = ვიღაც გვწერს { $channel ->
        [telegram] Telegram-ში
       *[sms] SMS-ით
    } და სპეციალისტთან საუბარი სურს. ენა: { staff-language-name }.
staff-still-waiting = შემოსვლიდან { $minutes } წუთი გავიდა, მაგრამ ჯერ არავის აუღია.
staff-to-supervisor = { $minutes } წუთის განმავლობაში ეს არავის აუღია. ამ შეტყობინებას იღებთ, როგორც ხელმძღვანელი.
staff-take = აღება
staff-done = შესრულდა
staff-call-back = გადარეკვა
staff-taken-by = აიღო კოლეგამ: { $name }.
staff-taken-by-you = ახლა ეს თქვენ გევალებათ. დააჭირეთ ღილაკს „გადარეკვა“: ჯერ თქვენი ტელეფონი დარეკავს, შემდეგ აბონენტის, და ვერცერთი ვერ დაინახავს მეორის ნომერს. როცა საქმეს მოაგვარებთ, დააჭირეთ ღილაკს „შესრულდა“.
staff-already-taken = ეს უკვე აიღო კოლეგამ: { $name }.
staff-task-done = შესრულდა. აბონენტის ნომერი წაიშალა.
staff-task-closed = ეს უკვე დახურულია.
staff-no-phone = ცხელ ხაზზე თქვენი ტელეფონის ნომერი არ არის მითითებული. სთხოვეთ ადმინისტრატორს, დაამატოს.
staff-callback-ringing = ახლა თქვენი ტელეფონი დარეკავს. დასაკავშირებლად დააჭირეთ 1-ს.
staff-case-yours = ამ საუბარს ახლა თქვენ უძღვებით. რასაც აქ დაწერთ, მომმართველს მიუვა; ის ვერ ხედავს ვერც თქვენს სახელს, ვერც თქვენს ნომერს. თუ რამდენიმე საუბარი გაქვთ, უპასუხეთ (Reply) მომმართველის რომელიმე შეტყობინებას. საუბრის დასასრულებლად გამოგზავნეთ /close.
staff-case-from = მომმართველი:
staff-case-closed = საუბარი დასრულდა.
staff-case-closed-by-person = მომმართველმა საუბარი დაასრულა.
# A question written in a chat: alerted like a callback, answered in the chat.
staff-question = წერილობითი შეკითხვა { $channel ->
        [telegram] Telegram-ში
       *[sms] SMS-ით
    }. ენა: { staff-language-name }. აიღეთ, რომ წაიკითხოთ და უპასუხოთ.
staff-question-yours = შეკითხვა ახლა თქვენ გევალებათ. საპასუხოდ უპასუხეთ (Reply) ამ შეტყობინებას: მომმართველი თქვენს პასუხს ცხელი ხაზისგან მიიღებს და ვერ დაინახავს ვერც თქვენს სახელს, ვერც თქვენს ნომერს. როცა უპასუხებთ, დააჭირეთ ღილაკს „შესრულდა“ ან გამოგზავნეთ /close; შეკითხვა მაშინ წაიშლება.
staff-question-no-reply = შეკითხვა ახლა თქვენ გევალებათ, მაგრამ ამ ცხელ ხაზს SMS-ით პასუხის გაგზავნა ჯერ არ შეუძლია (ადმინისტრატორი ამას რთავს HOTLINE_TWILIO_ACCOUNT_SID-ითა და HOTLINE_PHONE_NUMBER-ით). როცა საქმეს მოაგვარებთ, დააჭირეთ ღილაკს „შესრულდა“; შეკითხვა მაშინ წაიშლება.
staff-question-done = შესრულდა. შეკითხვა წაიშალა.
staff-no-case = ღია საუბარი არ გაქვთ. აქ დაწერილი შეტყობინებები არავის მიუვა.

## Silent calls

whisper-offer-silent = ზარი ცხელ ხაზზე. ენა: { staff-language-name }. აბონენტი ღილაკებს არ აჭერს, შესაძლოა, ხაზზე სიჩუმეა. ზარის მისაღებად დააჭირეთ 1-ს.

staff-crisis = სასწრაფო: ადამიანმა { $channel ->
        [telegram] Telegram-ში
       *[sms] SMS-ით
    } კრიზისის სიტყვები დაწერა. ენა: { staff-language-name }. აიღეთ ახლავე, რომ წაიკითხოთ და უპასუხოთ.
staff-crisis-in-case = სასწრაფო: თქვენს საუბარში ადამიანმა კრიზისის სიტყვები დაწერა. უპასუხეთ ახლავე.
# A task of a participant's campaign for their specialist, and its Done.
staff-program-task = { $task ->
    [plan-meeting] პროგრამის დავალება, საქმე { $case }: დაგეგმეთ გათავისუფლებამდე შეხვედრა.
    [sms-opted-out] საქმე { $case }: ამ ნომერზე SMS აღარ მიდის (ადამიანმა ისინი თავის ოპერატორთან გააუქმა). დაუკავშირდით სხვა გზით.
    [wants-to-talk] საქმე { $case }: კითხვაზე „როგორ ხართ?“ ადამიანმა უპასუხა, რომ სურს ვინმეს დაელაპარაკოს. დაუკავშირდით მას.
    [needs-help-now] საქმე { $case }: კითხვაზე „როგორ ხართ?“ ადამიანმა უპასუხა, რომ დახმარება ახლავე სჭირდება. დაუკავშირდით მას დაუყოვნებლივ.
    [stopped-messages] საქმე { $case }: ადამიანმა ითხოვა, რომ შეტყობინებები აღარ გავუგზავნოთ; ისინი შეწყვეტილია. საჭიროების შემთხვევაში დაუკავშირდით სხვა გზით.
    [no-answers] საქმე { $case }: ადამიანი ზედიზედ რამდენიმე კითხვას „როგორ ხართ?“ არ გამოხმაურებია. დაუკავშირდით მას.
   *[other] პროგრამის დავალება, საქმე { $case } ({ $task }).
}
staff-program-task-done = შესრულდა.

## თანამშრომლების მაგიდის ბრძანებები: /help (და /start) ჩამოთვლის მათ; /mine — სპეციალისტის საკუთარი სია

staff-desk-help = ეს თანამშრომლების მაგიდაა. /mine — თქვენი ღია საქმეები და თქვენი მონაწილეები. /close ასრულებს საუბარს ადამიანთან; თუ რამდენიმე საუბარი გაქვთ, უპასუხეთ (Reply) სასურველი მომმართველის რომელიმე შეტყობინებას. ახალი საქმეები აქ მოდის ღილაკით „აღება“.
staff-mine-work-title = თქვენი ღია საქმეები: { $count }
staff-mine-work = { $taken ->
        [yes] თქვენთანაა
       *[no] ელოდება, რომ აიღოთ
    } უკვე { $age }: { $what }
staff-mine-age = { $unit ->
        [minutes] { $n } წთ
        [hours] { $n } სთ
       *[days] { $n } დღე
    }
staff-mine-participants-title = თქვენი მონაწილეები პროგრამაში: { $count }
staff-mine-participant = { $case }: { $status ->
        [before-release] გათავისუფლებამდე
       *[in-program] პროგრამაშია
    }, გათავისუფლების თარიღი { $release }
staff-mine-next = შემდეგი: { $checkin ->
        [yes] კითხვა „როგორ ხართ?“
       *[no] შეტყობინება
    } { $when }
staff-mine-next-none = შემდეგი: არაფერია დაგეგმილი
staff-mine-answer = ბოლო პასუხი კითხვაზე „როგორ ხართ?“: { $answer ->
        [fine] კარგად
        [talk] სურს საუბარი
        [help-now] დახმარება ახლავე სჭირდება
        [stop] ითხოვს, აღარ მივწეროთ
        [silent] არ უპასუხია
       *[other] { $answer }
    } ({ $when })
staff-mine-answer-none = კითხვაზე „როგორ ხართ?“ პასუხი ჯერ არ არის
staff-mine-empty = ღია საქმეები არ გაქვთ და პროგრამის არცერთი მონაწილე არ არის თქვენზე მიმაგრებული.
staff-mine-more = … და კიდევ { $count }.

# /whoami on Telegram: the id a coordinator needs (a person's, or a group's for staff alerts).
whoami-person = თქვენი Telegram-ის მომხმარებლის ნომერია { $id }. თუ გუნდს უერთდებით, მიეცით ის კოორდინატორს: ის დაგამატებთ ბრძანებით hotline staff add … --telegram { $id }.
whoami-group = ამ ჩატის ნომერია { $id }. თანამშრომლების შეტყობინებები რომ აქ მოვიდეს, დააყენეთ HOTLINE_STAFF_CHAT_ID={ $id } და გადატვირთეთ ცხელი ხაზი.
