# სერვისების ცნობარი თანამშრომლების პანელზე: სია, სერვისის გვერდი, დამატებისა და
# რედაქტირების ფორმა. $count რიცხვია; $date — უკვე დაფორმატებული თარიღი; $name —
# თანამშრომლის სახელი; $zone — დროის სარტყელი, მაგ. Asia/Tbilisi.

dash-nav-services = სერვისები

## სია
dash-services-title = სერვისების ცნობარი
dash-services-search = ძიება
dash-services-region = რეგიონი
dash-services-category = კატეგორია
dash-services-any = ნებისმიერი
dash-services-whole-country = მთელი ქვეყანა
dash-services-stale = 6 თვეა არ შემოწმებულა
dash-services-stale-count = { $count ->
    [one] { $count } სერვისი 6 თვეა არ შემოწმებულა.
   *[other] { $count } სერვისი 6 თვეა არ შემოწმებულა.
}
dash-services-filter = ჩვენება
dash-services-found = { $count ->
    [one] { $count } სერვისი
   *[other] { $count } სერვისი
}
dash-services-empty = შესაბამისი სერვისი არ მოიძებნა.
dash-services-name = დასახელება
dash-services-organization = ორგანიზაცია
dash-services-categories = კატეგორიები
dash-services-phone = ტელეფონი
dash-services-status = სტატუსი
dash-services-last-checked = ბოლო შემოწმება
dash-services-never-checked = არასდროს
dash-services-example = მაგალითი
dash-services-add = სერვისის დამატება

## სტატუსები და კატეგორიები
dash-services-status-active = მოქმედი
dash-services-status-inactive = არამოქმედი
dash-services-status-defunct = დახურულია სამუდამოდ
dash-services-status-closed = დროებით დახურულია
dash-services-cat-employment = დასაქმება
dash-services-cat-education = განათლება და პროფესიული მომზადება
dash-services-cat-benefits = სოციალური დახმარება და უფლებები
dash-services-cat-housing = საცხოვრებელი
dash-services-cat-health = ჯანმრთელობა
dash-services-cat-addiction = დამოკიდებულების მკურნალობა და შემდგომი მხარდაჭერა
dash-services-cat-mental-health = ფსიქიკური ჯანმრთელობა
dash-services-cat-legal-aid = იურიდიული დახმარება
dash-services-cat-family = ოჯახი და ბავშვები
dash-services-cat-debt = ვალები
dash-services-cat-documents = დოკუმენტები და პირადობის მოწმობა
dash-services-cat-support-groups = მხარდამჭერი ჯგუფები

## სერვისის გვერდი
dash-services-back = ცნობარში დაბრუნება
dash-services-edit = რედაქტირება
dash-services-mark-checked = დღეს შემოწმებულად მონიშვნა
dash-services-checked-now = მონიშნულია შემოწმებულად: { $date }.
dash-services-checked-by = { $date }, შეამოწმა: { $name }
dash-services-words = დასახელებები და აღწერები
dash-services-language = ენა
dash-services-original = როგორც შეიყვანეს
dash-services-description = აღწერა
dash-services-eligibility = ვის შეუძლია მიმართვა
dash-services-places = მისამართები
dash-services-place-name = ადგილი
dash-services-address = მისამართი
dash-services-today = დღეს
dash-services-this-week = ამ კვირაში
dash-services-closed-today = დაკეტილია
dash-services-no-hours = სამუშაო საათები მითითებული არ არის.
dash-services-times-in = დრო სარტყლის მიხედვით: { $zone }
dash-services-email = ელფოსტა
dash-services-website = ვებგვერდი
dash-services-spoken = მომსახურების ენები
dash-services-no-places = ადგილი მითითებული არ არის.
dash-services-sample = ცხელ ხაზთან ერთად მოწოდებული ნიმუშის ცნობარის ნაწილი.

## დამატება და რედაქტირება
dash-services-new-title = სერვისის დამატება
dash-services-edit-title = სერვისის რედაქტირება
dash-services-save = შენახვა
dash-services-problems = არაფერი შენახულა: გთხოვთ, შეასწოროთ მონიშნული ველები.
dash-services-sample-note = სანამ ცნობარში მხოლოდ ნიმუშია, თქვენ მიერ დამატებული პირველი სერვისი ნიმუშს ჩაანაცვლებს.
dash-services-service-section = სერვისი
dash-services-place-section = მისი ადგილი
dash-services-other-places = ამ სერვისს სხვა ადგილებიც აქვს; ისინი უცვლელი დარჩება.
dash-services-translations = თარგმანები
dash-services-city = ქალაქი
dash-services-postal-code = საფოსტო ინდექსი
dash-services-country = ქვეყნის კოდი
dash-services-latitude = განედი
dash-services-longitude = გრძედი
dash-services-hours = სამუშაო საათები
dash-services-hours-hint = მაგალითად: Mo-Fr 09:00-17:00; Sa 10:00-13:00 ან 24/7.
dash-services-hours-note = შენიშვნა სამუშაო საათებზე
dash-services-zone = დროის სარტყელი
dash-services-spoken-hint = ენების კოდები, გამოყოფილი ჰარით, მაგ.: ka ru en.

## მოქმედებების ჟურნალი
dash-audit-service-add = დაამატა სერვისი ცნობარში
dash-audit-service-edit = შეცვალა სერვისი ცნობარში
dash-audit-service-checked = მონიშნა ცნობარის სერვისი შემოწმებულად
