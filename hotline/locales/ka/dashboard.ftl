# თანამშრომლების ვებპანელი (/staff/): რასაც თანამშრომლები ბრაუზერში კითხულობენ.
# $name: თანამშრომლის სახელი; $time: უკვე დაფორმატებული დრო ან თარიღი და დრო.
# თავაზიანი „თქვენ“ ფორმები; რიცხვის შემდეგ არსებითი სახელი მხოლობითშია.

dash-skip = შინაარსზე გადასვლა
dash-title-suffix = ცხელი ხაზის თანამშრომლები
dash-nav-label = მთავარი მენიუ
dash-nav-now = ახლა
dash-nav-accounts = ანგარიშები
dash-signed-in-as = შესული ხართ როგორც { $name }
dash-language = ენა
dash-language-save = შეცვლა
dash-sign-out = გასვლა
dash-sign-out-everywhere = გასვლა ყველა მოწყობილობიდან

## შესვლა
dash-sign-in-title = შესვლა
dash-sign-in-name = თანამშრომლის ID
dash-sign-in-password = პაროლი
dash-sign-in-button = შესვლა
dash-sign-in-failed = თანამშრომლის ID ან პაროლი არასწორია.
dash-sign-in-locked = ძალიან ბევრი წარუმატებელი მცდელობა. სცადეთ ისევ { $time }-ის შემდეგ.
dash-signed-out = თქვენ გამოხვედით სისტემიდან.
dash-forbidden-title = წვდომა შეზღუდულია
dash-forbidden = თქვენი როლი ამ გვერდზე წვდომას არ იძლევა.
dash-csrf-failed = ფორმა მოძველდა ან სხვა საიტიდან გაიგზავნა. განაახლეთ გვერდი და სცადეთ ისევ.

## როლები
dash-role-specialist = სპეციალისტი
dash-role-supervisor = ხელმძღვანელი
dash-role-admin = ადმინისტრატორი

## ახლა
dash-now-title = ახლა
dash-now-on-duty = ახლა მორიგეობენ
dash-now-until = { $time }-მდე
dash-now-nobody = ახლა არავინ მორიგეობს.
dash-now-no-roster = მორიგეობის განრიგი ჯერ არ არის ატვირთული.
dash-now-uncovered = ენები, რომლებზეც მორიგეთაგან არავინ საუბრობს: { $languages }

## ანგარიშები (ადმინისტრატორები)
dash-accounts-title = თანამშრომლების ანგარიშები
dash-accounts-name = სახელი
dash-accounts-role = როლი
dash-accounts-password = პაროლი
dash-accounts-last-sign-in = ბოლო შესვლა
dash-accounts-actions = მოქმედებები
dash-accounts-password-set = დაყენებულია
dash-accounts-password-unset = არ არის დაყენებული
dash-accounts-never = არასდროს
dash-accounts-invite = მოსაწვევი ბმულის შექმნა
dash-accounts-sign-out = ყველა სესიის დასრულება
dash-accounts-invite-made = გაუგზავნეთ ეს ბმული: { $name }. ის ერთხელ მუშაობს, 24 საათის განმავლობაში:
dash-accounts-signed-out = ყველა სესია დასრულდა: { $name }.

## მოსაწვევი: საკუთარი პაროლის დაყენება
dash-invite-title = დააყენეთ პაროლი
dash-invite-welcome = მოგესალმებით, { $name }. აირჩიეთ პაროლი, მინიმუმ { $min } სიმბოლო.
dash-invite-password = ახალი პაროლი
dash-invite-again = გაიმეორეთ პაროლი
dash-invite-save = პაროლის შენახვა
dash-invite-invalid = ეს ბმული აღარ მუშაობს. სთხოვეთ ადმინისტრატორს ახალი.
dash-password-short = პაროლი უნდა შეიცავდეს მინიმუმ { $min } სიმბოლოს.
dash-password-differ = პაროლები არ ემთხვევა.
