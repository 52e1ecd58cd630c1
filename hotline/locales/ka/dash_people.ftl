# თანამშრომლების პანელის მონაწილეთა გვერდები: სია, ჩარიცხვა, მონაწილის ქრონოლოგია.
# $case საქმის კოდია; $date თარიღი და $time თარიღი და დრო, უკვე დაფორმატებული; $name
# თანამშრომლის სახელი; $count და $number რიცხვები.

dash-nav-people = მონაწილეები

## სია
dash-people-title = მონაწილეები
dash-people-search = საქმის კოდი
dash-people-status = სტატუსი
dash-people-any = ნებისმიერი
dash-people-specialist = სპეციალისტი
dash-people-next-from = შემდეგი კონტაქტი — დან
dash-people-next-until = შემდეგი კონტაქტი — მდე
dash-people-quiet = ბოლო დროს არ პასუხობს
dash-people-filter = ჩვენება
dash-people-program = პროგრამა
dash-people-release = გათავისუფლების თარიღი
dash-people-next = შემდეგი კონტაქტი
dash-people-none-planned = არაფერია დაგეგმილი
dash-people-found = { $count } მონაწილე
dash-people-empty = შესაბამისი მონაწილე არ მოიძებნა.
dash-people-page = გვერდი { $number } / { $count }
dash-people-previous = წინა გვერდი
dash-people-next-page = შემდეგი გვერდი
dash-people-enrol = მონაწილის ჩარიცხვა
dash-people-not-yours = ეს მონაწილე სხვა სპეციალისტს ჰყავს მიმაგრებული.

## სტატუსები და არხები
dash-people-status-before-release = გათავისუფლებამდე
dash-people-status-in-program = პროგრამაშია
dash-people-status-ended = პროგრამა დასრულდა
dash-people-status-withdrawn = პროგრამიდან გავიდა
dash-people-channel-telegram = Telegram
dash-people-channel-sms = SMS
dash-people-channel-voice = სატელეფონო ზარი

## ჩარიცხვა
dash-people-case = საქმის კოდი
dash-people-timezone = სასაათო სარტყელი
dash-people-language = ენა
dash-people-channel = სასურველი არხი
dash-people-phone = ტელეფონის ნომერი
dash-people-consent = თანახმაა, დაუკავშირდნენ
dash-people-consent-by = თანხმობა ჩაიწერა (თანამშრომლის ID, თუ სპეციალისტი არ არის)
dash-people-family = ოჯახის წევრი { $number }
dash-people-family-name = სახელი
dash-people-enrol-button = ჩარიცხვა
dash-people-enrol-failed = ზოგიერთი ველი გასასწორებელია. თითოეულთან წერია, რატომ.
dash-people-optional = არასავალდებულო

## მონაწილე
dash-people-person-title = მონაწილე { $case }
dash-people-change-release = გათავისუფლების თარიღის შეცვლა
dash-people-save = შენახვა
dash-people-release-changed = გათავისუფლების თარიღი ახლა არის { $date }. შეტყობინებების გეგმა განახლდა.
dash-people-withdraw = პროგრამიდან გაყვანა
dash-people-withdraw-confirm = გავიყვანოთ { $case } პროგრამიდან? მას და მის ოჯახს აღარცერთი შეტყობინება აღარ გაეგზავნება.
dash-people-withdraw-yes = დიახ, გაყვანა
dash-people-cancel = გაუქმება
dash-people-withdrawn = { $case } პროგრამიდან გაყვანილია.
dash-people-back = ყველა მონაწილე

## ქრონოლოგია
dash-people-timeline = ქრონოლოგია
dash-people-times-in = დრო ნაჩვენებია მონაწილის სასაათო სარტყელში ({ $zone }).
dash-people-due = როდის
dash-people-step = ნაბიჯი
dash-people-to = ვის
dash-people-outcome = შედეგი
dash-people-attempts = მცდელობები
dash-people-answer = პასუხი
dash-people-to-participant = მონაწილეს
dash-people-to-family = ოჯახის წევრს { $number }
dash-people-to-specialist = დავალება სპეციალისტისთვის
dash-people-nothing-planned = შეტყობინებები დაგეგმილი არ არის.
dash-people-row-planned = დაგეგმილია
dash-people-row-sending = იგზავნება
dash-people-row-sent = გაიგზავნა
dash-people-row-delivered = მიწოდებულია
dash-people-row-failed = ვერ მიეწოდა
dash-people-row-skipped = გამოტოვებულია
dash-people-row-cancelled = გაუქმებულია
dash-people-row-no-answer = არავინ უპასუხა
dash-people-row-answered = უპასუხეს
dash-people-answer-fine = კარგად არის
dash-people-answer-talk = სურს საუბარი
dash-people-answer-help-now = დახმარება ახლავე სჭირდება
dash-people-answer-stop = ითხოვს, აღარ მივწეროთ
dash-people-answer-silent = პასუხი არ არის
dash-people-answered-at = უპასუხა { $time }

## დავალებები
dash-people-tasks = დავალებები და ესკალაციები
dash-people-no-tasks = დავალებები ჯერ არ არის.
dash-people-task-waiting = თანამშრომელს ელოდება
dash-people-task-taken = აიღო: { $name }
dash-people-task-done = შესრულდა { $time }
dash-people-task-expired = ვადა გავიდა პასუხის გარეშე

## საკონტაქტო მონაცემები
dash-people-contacts = საკონტაქტო მონაცემები
dash-people-contacts-hidden = საკონტაქტო მონაცემები დამალულია. ყოველი ნახვა ჩაიწერება თქვენი სახელით და თქვენ მიერ მითითებული მიზეზით.
dash-people-reason = ნახვის მიზეზი
dash-people-show = საკონტაქტო მონაცემების ჩვენება
dash-people-reason-missing = საკონტაქტო მონაცემების სანახავად მიუთითეთ მიზეზი.
dash-people-no-phone = ტელეფონის ნომერი არ არის
dash-people-telegram-linked = Telegram დაკავშირებულია
dash-people-telegram-not-linked = Telegram დაკავშირებული არ არის
dash-people-family-contacts = ოჯახის წევრები
dash-people-no-family = ოჯახის წევრები არ არის მითითებული.
