# ადამიანის მონაცემები: ექსპორტი, რომელსაც ის კითხულობს (მის ენაზე), და ექსპორტი და
# წაშლა მონაწილის გვერდზე, პანელში.

rights-export-title = თქვენი მონაცემები, რომლებსაც პროგრამა ინახავს
rights-export-intro = ეს არის ყველაფერი, რასაც თქვენ შესახებ ვინახავთ (საქმის კოდი { $case }), { $date }-ის მდგომარეობით. დრო მითითებულია { $zone } სასაათო სარტყელში.
rights-export-caller-intro = ეს არის ყველაფერი, რასაც თქვენი ტელეფონის ნომრიდან შემოსულ ზარებსა და შეტყობინებებზე ვინახავთ, { $date }-ის მდგომარეობით. დრო მითითებულია { $zone } სასაათო სარტყელში.
rights-export-footer = შეგიძლიათ გვთხოვოთ ამ მონაცემების შესწორება ან წაშლა. მიმართეთ თქვენს სპეციალისტს ან დარეკეთ ცხელ ხაზზე.
rights-section-profile = თქვენ შესახებ
rights-section-family = ოჯახის წევრების კონტაქტები
rights-section-plan = დაგეგმილი და გაგზავნილი შეტყობინებები
rights-section-calls = ზარები და ჩატები
rights-section-staff = კონტაქტები ჩვენს თანამშრომლებთან
rights-section-questions = თქვენ მიერ დატოვებული კითხვები
rights-section-remembered = რა ახსოვს ხაზს თქვენ შესახებ
rights-none = არაფერი.
rights-field-program = პროგრამა
rights-field-start = გათავისუფლების თარიღი
rights-field-language = ენა
rights-field-channel = როგორ გიკავშირდებით
rights-field-phone = ტელეფონის ნომერი
rights-field-telegram = ჩატი Telegram-ში
rights-field-consent = თანხმობა დაკავშირებაზე
rights-field-specialist = თქვენი სპეციალისტი
rights-field-name = სახელი
rights-field-when = როდის
rights-field-status = მდგომარეობა
rights-field-attempts = მიწოდების მცდელობები
rights-field-answer = თქვენი პასუხი
rights-field-duration = ხანგრძლივობა (წამებში)
rights-from-you = თქვენ
rights-from-staff = ჩვენი თანამშრომელი
rights-voicemail = ხმოვანი შეტყობინება, { $seconds } წმ

dash-rights-title = პერსონალური მონაცემები
dash-rights-reason = მიზეზი (ინახება აუდიტის ჟურნალში)
dash-rights-reason-missing = მიუთითეთ მიზეზი: ის აუდიტის ჟურნალში ინახება.
dash-rights-export-html = მონაცემების ექსპორტი (წასაკითხი გვერდი)
dash-rights-export-json = მონაცემების ექსპორტი (JSON)
dash-rights-erase = ყველა მონაცემის წაშლა
dash-rights-erase-warning = წაიშლება { $case }, ოჯახის წევრების კონტაქტები, გეგმა, შეტყობინებები, პასუხები და დავალებები — დაუყოვნებლივ და სამუდამოდ. ზარები და ესკალაციები დარჩება მხოლოდ ანონიმურ რაოდენობებად. ამის გაუქმება შეუძლებელია.
dash-rights-erase-confirm = დასადასტურებლად აკრიფეთ საქმის კოდი
dash-rights-erase-yes = ყველაფრის წაშლა
dash-rights-erase-mismatch = აკრეფილი საქმის კოდი არ ემთხვევა.
dash-rights-erased = { $case }-ის ყველა მონაცემი წაშლილია.
dash-audit-export = მოახდინა მონაწილის ყველა მონაცემის ექსპორტი
dash-audit-erase = წაშალა მონაწილის ყველა მონაცემი
dash-audit-caller-export = მოახდინა ზარის განმხორციელებლის მონაცემების ექსპორტი (ტელეფონის ნომრით)
dash-audit-caller-erase = წაშალა ზარის განმხორციელებლის მონაცემები (ტელეფონის ნომრით)
