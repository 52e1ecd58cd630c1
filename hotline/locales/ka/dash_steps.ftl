# როგორ იკითხება მონაწილის გეგმის ნაბიჯი მის გვერდზე (კამპანიის ნაბიჯი, სიტყვებით).
dash-step-kind = { $what ->
        [checkin] საკონტროლო შეტყობინება
        [task] დავალება სპეციალისტისთვის
        [end] ბოლო შეტყობინება
       *[message] ინფორმაცია
    }
dash-step-months-before = გათავისუფლებამდე { $months } თვით ადრე
dash-step-days-before = გათავისუფლებამდე { $days } დღით ადრე
dash-step-months-after = გათავისუფლებიდან { $months } თვის შემდეგ
dash-step-days-after = გათავისუფლებიდან { $days } დღის შემდეგ
dash-step-release-day = გათავისუფლების დღეს
