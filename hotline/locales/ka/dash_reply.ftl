# The reply box of a taken chat case or question on the dashboard's Now page.
# $max is the most characters a reply may have (a number).

dash-reply-conversation = მიმოწერა
dash-reply-they-wrote = მომმართველმა დაწერა
dash-reply-you-wrote = თქვენ დაწერეთ
dash-reply-nothing-yet = მას შემდეგ, რაც აიღეთ, არაფერი დაწერილა.
dash-reply-label = პასუხი
dash-reply-hint = ადამიანი ვერ დაინახავს ვერც თქვენს სახელს, ვერც ნომერს. მაქსიმუმ { $max } სიმბოლო.
dash-reply-send = გაგზავნა
dash-reply-sent = გაიგზავნა.
dash-reply-empty = პასუხი ცარიელია: არაფერი გაგზავნილა.
dash-reply-too-long = პასუხი ძალიან გრძელია: მაქსიმუმ { $max } სიმბოლო ეტევა. არაფერი გაგზავნილა.
dash-reply-not-yours = ეს საუბარი თქვენი არ არის ან უკვე დასრულდა: არაფერი გაგზავნილა.
dash-reply-question-yours = უპასუხეთ ქვემოთ ან Telegram-ში, თანამშრომელთა ჩატში: ადამიანი ვერ დაინახავს ვერც თქვენს სახელს, ვერც ნომერს. როცა უპასუხებთ, დააჭირეთ ღილაკს „შესრულდა“; კითხვა და მიმოწერა ამის შემდეგ წაიშლება.
dash-reply-chat-yours = საუბარი გააგრძელეთ ქვემოთ ან Telegram-ში, თანამშრომელთა ჩატში: რასაც ადამიანი წერს, აქ გამოჩნდება. საუბრის დასასრულებლად დააჭირეთ ღილაკს „შესრულდა“; მიმოწერა ამის შემდეგ წაიშლება.
dash-reply-unreachable = პასუხი ამ ადამიანამდე ვერ მიაღწევს: ცხელ ხაზს ამ არხით მისთვის მიწერა არ შეუძლია. არაფერი გაგზავნილა.
