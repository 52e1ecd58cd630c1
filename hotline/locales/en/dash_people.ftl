# The staff dashboard's participants pages: the caseload, enrolment, a participant's timeline.
# $case is a case code; $date a date and $time a date and time, already formatted; $name a
# staff member's name; $count and $number numbers.

dash-nav-people = Participants

## The caseload
dash-people-title = Participants
dash-people-search = Case code
dash-people-status = Status
dash-people-any = Any
dash-people-specialist = Specialist
dash-people-next-from = Next contact from
dash-people-next-until = Next contact until
dash-people-quiet = No answer lately
dash-people-filter = Show
dash-people-program = Program
dash-people-release = Release date
dash-people-next = Next contact
dash-people-none-planned = nothing planned
dash-people-found = { $count ->
    [one] { $count } participant
   *[other] { $count } participants
}
dash-people-empty = No participant matches.
dash-people-page = Page { $number } of { $count }
dash-people-previous = Previous page
dash-people-next-page = Next page
dash-people-enrol = Enrol a participant
dash-people-not-yours = This participant is assigned to another specialist.

## Statuses and channels
dash-people-status-before-release = Before release
dash-people-status-in-program = In the program
dash-people-status-ended = Program ended
dash-people-status-withdrawn = Withdrawn
dash-people-channel-telegram = Telegram
dash-people-channel-sms = SMS
dash-people-channel-voice = Phone call

## Enrolment
dash-people-case = Case code
dash-people-timezone = Time zone
dash-people-language = Language
dash-people-channel = Preferred channel
dash-people-phone = Phone number
dash-people-consent = Agreed to be contacted by
dash-people-consent-by = Consent recorded by (staff ID, if not the specialist)
dash-people-family = Family contact { $number }
dash-people-family-name = Name
dash-people-enrol-button = Enrol
dash-people-enrol-failed = Some fields need correcting. Each one says why.
dash-people-optional = optional

## A participant
dash-people-person-title = Participant { $case }
dash-people-change-release = Change the release date
dash-people-save = Save
dash-people-release-changed = The release date is now { $date }. The plan of messages has been updated.
dash-people-withdraw = Withdraw from the program
dash-people-withdraw-confirm = Withdraw { $case } from the program? No more messages will go to them or to their family.
dash-people-withdraw-yes = Yes, withdraw
dash-people-cancel = Cancel
dash-people-withdrawn = { $case } has been withdrawn from the program.
dash-people-back = All participants

## The timeline
dash-people-timeline = Timeline
dash-people-times-in = Times are shown in the participant's time zone ({ $zone }).
dash-people-due = Due
dash-people-step = Step
dash-people-to = To
dash-people-outcome = Outcome
dash-people-attempts = Attempts
dash-people-answer = Answer
dash-people-to-participant = Participant
dash-people-to-family = Family contact { $number }
dash-people-to-specialist = Task for the specialist
dash-people-nothing-planned = No messages are planned.
dash-people-row-planned = Planned
dash-people-row-sending = Being sent
dash-people-row-sent = Sent
dash-people-row-delivered = Delivered
dash-people-row-failed = Not delivered
dash-people-row-skipped = Skipped
dash-people-row-cancelled = Cancelled
dash-people-row-no-answer = Nobody answered
dash-people-row-answered = Answered
dash-people-answer-fine = Doing fine
dash-people-answer-talk = Wants to talk
dash-people-answer-help-now = Needs help now
dash-people-answer-stop = Asked to stop
dash-people-answer-silent = No answer
dash-people-answered-at = answered { $time }

## Tasks
dash-people-tasks = Tasks and escalations
dash-people-no-tasks = No tasks so far.
dash-people-task-waiting = Waiting for a person
dash-people-task-taken = Taken by { $name }
dash-people-task-done = Done { $time }
dash-people-task-expired = Expired unanswered

## Contact details
dash-people-contacts = Contact details
dash-people-contacts-hidden = Contact details are hidden. Each view is recorded with your name and the reason you give.
dash-people-reason = Reason for viewing
dash-people-show = Show contact details
dash-people-reason-missing = Give a reason to see the contact details.
dash-people-no-phone = no phone number
dash-people-telegram-linked = Telegram linked
dash-people-telegram-not-linked = Telegram not linked
dash-people-family-contacts = Family contacts
dash-people-no-family = No family contacts.
