# სტატისტიკის გვერდი (/staff/statistics). $title — დიაგრამის სათაური (stats.ftl-დან).

dash-nav-statistics = სტატისტიკა
dash-stats-title = სტატისტიკა
dash-stats-period = პერიოდი
dash-stats-from = საწყისი თარიღი
dash-stats-to = საბოლოო თარიღი
dash-stats-show = ჩვენება
dash-stats-bad-period = ამ თარიღებით სტატისტიკის ჩვენება შეუძლებელია. პირველი დღე ბოლო დღეზე გვიან არ უნდა იყოს, პერიოდი კი ორ წელს არ უნდა აღემატებოდეს.
dash-stats-contents = ამ გვერდზე
dash-stats-chart-alt = დიაგრამა: { $title }. იგივე რიცხვები მის ქვემოთ მოცემულ ცხრილშია.
dash-stats-csv = CSV-ად ჩამოტვირთვა: { $title }
