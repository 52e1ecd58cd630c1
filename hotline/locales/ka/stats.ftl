# თანამშრომლების პანელის სტატისტიკა: დიაგრამების სათაურები, ცხრილების სვეტები და სტრიქონები.

stats-per-day = ზარები და ჩატები დღეების მიხედვით
stats-per-hour = ზარები და ჩატები კვირის საათების მიხედვით
stats-languages = ზარები და ჩატები ენების მიხედვით
stats-channels = ზარები და ჩატები არხების მიხედვით
stats-paths = ყველაზე ხშირი გზები სატელეფონო მენიუში
stats-escalations = სპეციალისტთან დაკავშირების მოთხოვნები
stats-callbacks = უკუზარები
stats-messages = გაგზავნილი შეხსენებები და შემოწმებები
stats-checkins = პასუხები შემოწმებებზე
stats-participants = მონაწილეები ეტაპების მიხედვით

stats-day = დღე
stats-weekday = კვირის დღე
stats-calls = ზარები
stats-chats = ჩატები
stats-language = ენა
stats-channel = არხი
stats-channel-name = { $channel ->
        [voice] ტელეფონი
        [sms] SMS
       *[telegram] Telegram
    }
stats-path = გზა მენიუში
stats-other-paths = ყველა სხვა გზა
stats-number = რაოდენობა
stats-measure = რას ვითვლით
stats-kind = მოთხოვნა
stats-kind-name = { $kind ->
        [call] სპეციალისტთან გადართული ზარი
        [callback] ხმოვანი შეტყობინება ან უკუზარის თხოვნა
        [chat] ჩატი სპეციალისტთან
        [question] წერილობითი შეკითხვა
       *[all] ყველა მოთხოვნა
    }
stats-total = მოთხოვნები
stats-answered = სპეციალისტმა აიღო
stats-answer-time = { $which ->
        [median] პასუხამდე დრო, მედიანა
       *[p90] პასუხამდე დრო, 10-დან 9 ამ დროში
    }
stats-after-hours = მორიგეობის საათების გარეთ
stats-callback-state = { $state ->
        [requested] მოთხოვნილი
        [done] დაურეკეს და დაიხურა
        [expired] ვადა გავიდა ზარის გარეშე
       *[open] ჯერ ღიაა
    }
stats-callback-time = { $which ->
        [median] უკუზარამდე დრო, მედიანა
       *[p90] უკუზარამდე დრო, 10-დან 9 ამ დროში
    }
stats-message-state = { $state ->
        [sent] გაგზავნილი
        [delivered] მიწოდებული
       *[answered] პასუხით
    }
stats-answer = პასუხი
stats-answer-name = { $answer ->
        [fine] ყველაფერი კარგადაა
        [talk] სურს საუბარი
        [help-now] ახლავე სჭირდება დახმარება
        [stop] ითხოვს შეწყვეტას
        [silent] დროულად არ უპასუხია
       *[waiting] პასუხის ვადა ჯერ არ გასულა
    }
stats-phase = ეტაპი
stats-phase-name = { $status ->
        [before-release] გათავისუფლებამდე
        [in-program] პროგრამაში
        [ended] პროგრამა დასრულდა
       *[withdrawn] გავიდნენ პროგრამიდან
    }
stats-period = { $start } – { $end }
stats-note = რიცხვები 1-დან 4-მდე ნაჩვენებია როგორც „<5“, ხოლო 5-ზე ნაკლები ჯგუფის წილი და დრო არ ჩანს, რათა ვერავინ ამოიცნონ.
stats-no-data = ამ პერიოდში არაფერია.

# What people asked the services directory (counted by channel, never by who asked).
stats-services-kinds = სერვისების ცნობარი: მოთხოვნილი დახმარების სახეები
stats-services-regions = სერვისების ცნობარი: მოთხოვნილი რეგიონები
stats-services-languages = სერვისების ცნობარი ენების მიხედვით
stats-services-kind = დახმარების სახე
stats-services-region = რეგიონი
stats-services-column = { $column ->
        [phone] ტელეფონით მოსმენილი სიები
        [chat] ჩატში წაკითხული სიები
        [sms] მოთხოვნით SMS-ით გაგზავნილი
       *[nearest] გაზიარებულ ადგილთან უახლოესი
    }
