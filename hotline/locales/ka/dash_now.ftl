# The dashboard's Now page: the live queue of open work.
# $name is a staff member's name; $code a language code (worded by staff-language-name).

dash-now-queue = ღია საქმეები
dash-now-views = ჩვენება
dash-now-view = { $view ->
        [mine] ჩემი
        [unassigned] გაუნაწილებელი
       *[all] ყველა
    }
dash-now-empty = არაფერი ელოდება.
dash-now-live = სია თავისით ახლდება ყოველ 10 წამში; ჩანართის სათაურში ჩანს, რამდენი რამ ელოდება.
dash-now-kind = სახე
dash-now-kind-name = { $kind ->
        [call] ზარი ხაზზე
        [callback] { $task ->
            [voicemail] ხმოვანი შეტყობინება
           *[other] გადარეკვის მოთხოვნა
        }
        [chat] ჩატი
        [question] წერილობითი კითხვა
       *[task] { $task ->
            [wants-to-talk] ამოცანა გამოკითხვიდან
            [needs-help-now] ამოცანა გამოკითხვიდან
            [no-answers] ამოცანა გამოკითხვიდან
            [stopped-messages] ამოცანა გამოკითხვიდან
           *[other] პროგრამის ამოცანა
        }
    }
dash-now-channel = არხი
dash-now-channel-name = { $channel ->
        [voice] ტელეფონი
        [telegram] Telegram
        [sms] SMS
       *[other] პროგრამა
    }
dash-now-language = ენა
dash-now-since = შემოვიდა
dash-now-holder = ვის აქვს
dash-now-yours = თქვენ
dash-now-taken-by = აიღო: { $name }
dash-now-for = { $name }-ისთვის, ჯერ არ აუღიათ
dash-now-nobody-yet = ჯერ არავის
dash-now-live-call = აბონენტი ხაზზე ელოდება. ენა: { staff-language-name }.
dash-now-timeline = რა მოხდა
dash-now-outcome = შედეგი
dash-now-taken = ახლა ეს თქვენ გევალებათ.
dash-now-done = შესრულდა: საქმე დახურულია.
dash-now-back = სიაში დაბრუნება
dash-now-recording = აბონენტის შეტყობინება
dash-audit-voicemail = მოუსმინა ხმოვან შეტყობინებას
