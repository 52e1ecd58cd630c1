# The staff dashboard's audit log page (supervisors and admins): who looked at or changed
# what, when and why. $name is a staff member's name; $change is add, change or remove.

dash-nav-audit = Audit log
dash-audit-title = Audit log
dash-audit-intro = Who looked at or changed what, and why, newest first.
dash-audit-staff = Staff member
dash-audit-anyone = Anyone
dash-audit-case = Case code
dash-audit-from = From
dash-audit-to = To
dash-audit-filter = Show
dash-audit-when = When
dash-audit-who = Who
dash-audit-what = What
dash-audit-participant = Participant
dash-audit-reason = Reason
dash-audit-code = Action code
dash-audit-empty = No entry matches.
dash-audit-older = Older entries
dash-audit-newest = Newest entries
dash-audit-csv = Download these entries as CSV

## What was done
dash-audit-contacts = Viewed the contact details
dash-audit-enrol = Enrolled the participant
dash-audit-release = Changed the release date
dash-audit-withdraw = Withdrew the participant from the program
dash-audit-roster-weekly = { $change ->
    [add] Added a weekly shift
    [remove] Removed a weekly shift
   *[other] Changed a weekly shift
}
dash-audit-roster-once = { $change ->
    [add] Added a one-off shift
    [remove] Removed a one-off shift
   *[other] Changed a one-off shift
}
dash-audit-roster-holiday = { $change ->
    [add] Added a holiday
    [remove] Removed a holiday
   *[other] Changed a holiday
}
dash-audit-calendar-new = Made a new calendar link
dash-audit-calendar-revoke = Turned their calendar link off
dash-audit-invite = Made a sign-in link for { $name }
dash-audit-sign-out = Signed { $name } out everywhere
dash-audit-other = Another action
# The daily purge (or `hotline data purge`): its counts are the line's reason.
dash-audit-purge = Deleted what was past its retention period
