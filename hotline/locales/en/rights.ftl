# A person's data: the export they read (in their language), and the dashboard's export and
# erasure on a participant's page.

rights-export-title = Your data held by the program
rights-export-intro = This is everything we hold about you (case code { $case }) as of { $date }. Times are in the { $zone } time zone.
rights-export-caller-intro = This is everything we hold about calls and messages from your phone number as of { $date }. Times are in the { $zone } time zone.
rights-export-footer = You may ask us to correct this data or to erase it. Ask your specialist or call the hotline.
rights-section-profile = About you
rights-section-family = Family contacts
rights-section-plan = Messages planned and sent
rights-section-calls = Calls and chats
rights-section-staff = Contacts with our staff
rights-section-questions = Questions you left
rights-section-remembered = What the hotline remembers about you
rights-none = Nothing.
rights-field-program = Program
rights-field-start = Release date
rights-field-language = Language
rights-field-channel = How we contact you
rights-field-phone = Phone number
rights-field-telegram = Telegram chat
rights-field-consent = Consent to be contacted
rights-field-specialist = Your specialist
rights-field-name = Name
rights-field-when = When
rights-field-status = Status
rights-field-attempts = Delivery attempts
rights-field-answer = Your answer
rights-field-duration = Duration (seconds)
rights-from-you = You
rights-from-staff = Our staff
rights-voicemail = A voicemail of { $seconds } s

dash-rights-title = Personal data
dash-rights-reason = Reason (kept in the audit log)
dash-rights-reason-missing = Give a reason: it is kept in the audit log.
dash-rights-export-html = Export data (readable page)
dash-rights-export-json = Export data (JSON)
dash-rights-erase = Erase all data
dash-rights-erase-warning = This deletes { $case }, their family contacts, plan, messages, answers and tasks, at once and for good. Calls and escalations stay only as anonymous counts. It cannot be undone.
dash-rights-erase-confirm = Type the case code to confirm
dash-rights-erase-yes = Erase everything
dash-rights-erase-mismatch = The case code you typed does not match.
dash-rights-erased = All data of { $case } has been erased.
dash-audit-export = Exported all data of the participant
dash-audit-erase = Erased all data of the participant
dash-audit-caller-export = Exported the data of a caller (by phone number)
dash-audit-caller-erase = Erased the data of a caller (by phone number)
