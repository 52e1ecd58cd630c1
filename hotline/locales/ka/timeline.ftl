# მიმართვის ქრონოლოგია თანამშრომლების პანელზე (hotline/escalation/timeline.py). მას თანამშრომლები კითხულობენ.

timeline-opened = { $kind ->
        [call] ზარის ავტორმა სპეციალისტი ითხოვა.
        [callback] ზარის ავტორმა შეტყობინება დატოვა ან გადმორეკვა ითხოვა.
        [chat] ადამიანმა ჩატში სპეციალისტი ითხოვა.
        [question] ადამიანმა კითხვა დატოვა.
       *[task] გაიხსნა დავალება.
    }
timeline-opened-urgent = კრიზისის სიტყვები: სასწრაფოა.
timeline-rang = ზარი: { $staff } (მაქსიმუმ { $seconds } წმ).
timeline-alerted = შეტყობინება გაეგზავნა: { $staff } (Telegram).
timeline-alerted-group = შეტყობინება გაეგზავნა თანამშრომლების ჯგუფს (Telegram).
timeline-called-back = გადმორეკვა ცხელი ხაზით: { $staff }.
timeline-taken = აიღო: { $staff }, ლოდინი { $minutes ->
        [0] { $seconds } წმ
       *[other] { $minutes } წთ
    }.
timeline-ended = { $outcome ->
        [answered] ნაპასუხებია.
        [unanswered] არავინ უპასუხა.
        [after-hours] მორიგე არავინ იყო.
        [abandoned] ზარის ავტორმა ყურმილი დადო, სანამ ვრეკავდით.
        [expired] დაიხურა: დროულად არავინ მიხედა.
       *[done] შესრულდა.
    }
timeline-nobody-on-duty = { $time }-მდე მორიგე არავინაა: შეტყობინება მაშინ გაიგზავნება.
timeline-next-alert = ჯერ არავის აუღია; შემდეგი შეტყობინება: { $time }.
timeline-nobody-took-it = ყველას ეცნობა; ჯერ არავის აუღია.
timeline-nobody-to-alert = ვერავის ვაცნობებთ: თანამშრომლებიდან ხელმისაწვდომი არავინაა.
timeline-no-alerts = ეს სერვერი შეტყობინებებს არ აგზავნის (თანამშრომლების Telegram-მაგიდა არ აქვს): საქმე აქ ელოდება, ვინც ნახავს.
