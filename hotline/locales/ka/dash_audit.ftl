# თანამშრომლების პანელის აუდიტის ჟურნალი (სუპერვაიზერები და ადმინისტრატორები): ვინ რა ნახა
# ან შეცვალა, როდის და რატომ. $name თანამშრომლის სახელია; $change არის add, change ან remove.

dash-nav-audit = აუდიტის ჟურნალი
dash-audit-title = აუდიტის ჟურნალი
dash-audit-intro = ვინ რა ნახა ან შეცვალა და რატომ, უახლესი ჩანაწერები პირველად.
dash-audit-staff = თანამშრომელი
dash-audit-anyone = ნებისმიერი
dash-audit-case = საქმის კოდი
dash-audit-from = საწყისი თარიღი
dash-audit-to = საბოლოო თარიღი
dash-audit-filter = ჩვენება
dash-audit-when = როდის
dash-audit-who = ვინ
dash-audit-what = რა
dash-audit-participant = მონაწილე
dash-audit-reason = მიზეზი
dash-audit-code = მოქმედების კოდი
dash-audit-empty = შესაბამისი ჩანაწერი არ მოიძებნა.
dash-audit-older = ძველი ჩანაწერები
dash-audit-newest = უახლესი ჩანაწერები
dash-audit-csv = ამ ჩანაწერების CSV-ად ჩამოტვირთვა

## რა გაკეთდა
dash-audit-contacts = ნახა საკონტაქტო მონაცემები
dash-audit-enrol = ჩარიცხა მონაწილე
dash-audit-release = შეცვალა გათავისუფლების თარიღი
dash-audit-withdraw = გაიყვანა მონაწილე პროგრამიდან
dash-audit-roster-weekly = { $change ->
    [add] დაამატა ყოველკვირეული ცვლა
    [remove] წაშალა ყოველკვირეული ცვლა
   *[other] შეცვალა ყოველკვირეული ცვლა
}
dash-audit-roster-once = { $change ->
    [add] დაამატა ერთჯერადი ცვლა
    [remove] წაშალა ერთჯერადი ცვლა
   *[other] შეცვალა ერთჯერადი ცვლა
}
dash-audit-roster-holiday = { $change ->
    [add] დაამატა დასვენების დღე
    [remove] წაშალა დასვენების დღე
   *[other] შეცვალა დასვენების დღე
}
dash-audit-calendar-new = შექმნა კალენდრის ახალი ბმული
dash-audit-calendar-revoke = გათიშა თავისი კალენდრის ბმული
dash-audit-invite = შექმნა შესვლის ბმული: { $name }
dash-audit-sign-out = გამოიყვანა { $name } ყველა მოწყობილობიდან
dash-audit-other = სხვა მოქმედება
# The daily purge (or `hotline data purge`): its counts are the line's reason.
dash-audit-purge = წაშალა მონაცემები, რომელთა შენახვის ვადა გავიდა
