# The staff web dashboard (/staff/): what staff read in their browser.
# $name is a staff member's name; $time a clock time or a date and time, already formatted.

dash-skip = Skip to the content
dash-title-suffix = Hotline staff
dash-nav-label = Main menu
dash-nav-now = Now
dash-nav-accounts = Staff accounts
dash-signed-in-as = Signed in as { $name }
dash-language = Language
dash-language-save = Change
dash-sign-out = Sign out
dash-sign-out-everywhere = Sign out on all devices

## Signing in
dash-sign-in-title = Sign in
dash-sign-in-name = Staff ID
dash-sign-in-password = Password
dash-sign-in-button = Sign in
dash-sign-in-failed = The staff ID or the password is wrong.
dash-sign-in-locked = Too many failed attempts. Try again after { $time }.
dash-signed-out = You are signed out.
dash-forbidden-title = Not available
dash-forbidden = Your role does not give access to this page.
dash-csrf-failed = This form has expired or came from another site. Reload the page and try again.

## Roles
dash-role-specialist = Specialist
dash-role-supervisor = Supervisor
dash-role-admin = Administrator

## Now
dash-now-title = Now
dash-now-on-duty = On duty now
dash-now-until = until { $time }
dash-now-nobody = Nobody is on duty right now.
dash-now-no-roster = No roster has been imported yet.
dash-now-uncovered = Languages nobody on duty speaks: { $languages }

## Staff accounts (administrators)
dash-accounts-title = Staff accounts
dash-accounts-name = Name
dash-accounts-role = Role
dash-accounts-password = Password
dash-accounts-last-sign-in = Last sign-in
dash-accounts-actions = Actions
dash-accounts-password-set = set
dash-accounts-password-unset = not set
dash-accounts-never = never
dash-accounts-invite = Create invitation link
dash-accounts-sign-out = Sign out everywhere
dash-accounts-invite-made = Send this link to { $name }. It works once, within 24 hours:
dash-accounts-signed-out = { $name } has been signed out on all devices.

## An invitation: setting one's password
dash-invite-title = Set your password
dash-invite-welcome = Welcome, { $name }. Choose a password of at least { $min } characters.
dash-invite-password = New password
dash-invite-again = Repeat the password
dash-invite-save = Save password
dash-invite-invalid = This link no longer works. Ask an administrator for a new one.
dash-password-short = A password needs at least { $min } characters.
dash-password-differ = The two passwords are not the same.
