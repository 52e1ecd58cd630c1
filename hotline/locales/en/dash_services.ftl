# The staff dashboard's services directory: the list, a service's page, the add and edit form.
# $count is a number; $date a date, already formatted; $name a staff member's name; $zone a
# time zone such as Europe/Prague.

dash-nav-services = Services

## The list
dash-services-title = Services directory
dash-services-search = Search
dash-services-region = Region
dash-services-category = Category
dash-services-any = Any
dash-services-whole-country = Whole country
dash-services-stale = Not checked for 6 months
dash-services-stale-count = { $count ->
    [one] { $count } service has not been checked for 6 months.
   *[other] { $count } services have not been checked for 6 months.
}
dash-services-filter = Show
dash-services-found = { $count ->
    [one] { $count } service
   *[other] { $count } services
}
dash-services-empty = No service matches.
dash-services-name = Name
dash-services-organization = Organization
dash-services-categories = Categories
dash-services-phone = Phone
dash-services-status = Status
dash-services-last-checked = Last checked
dash-services-never-checked = never
dash-services-example = example
dash-services-add = Add a service

## Statuses and categories
dash-services-status-active = Active
dash-services-status-inactive = Inactive
dash-services-status-defunct = Closed down
dash-services-status-closed = Temporarily closed
dash-services-cat-employment = Employment
dash-services-cat-education = Education and training
dash-services-cat-benefits = Social benefits and rights
dash-services-cat-housing = Housing
dash-services-cat-health = Health
dash-services-cat-addiction = Addiction treatment and aftercare
dash-services-cat-mental-health = Mental health
dash-services-cat-legal-aid = Legal aid
dash-services-cat-family = Family and children
dash-services-cat-debt = Debt
dash-services-cat-documents = Documents and ID
dash-services-cat-support-groups = Support groups

## A service's page
dash-services-back = Back to the directory
dash-services-edit = Edit
dash-services-mark-checked = Mark as checked today
dash-services-checked-now = Marked as checked on { $date }.
dash-services-checked-by = { $date }, by { $name }
dash-services-words = Names and descriptions
dash-services-language = Language
dash-services-original = As entered
dash-services-description = Description
dash-services-eligibility = Who can use it
dash-services-places = Places
dash-services-place-name = Place
dash-services-address = Address
dash-services-today = Today
dash-services-this-week = This week
dash-services-closed-today = closed
dash-services-no-hours = No opening hours given.
dash-services-times-in = Times in { $zone }
dash-services-email = E-mail
dash-services-website = Website
dash-services-spoken = Languages spoken
dash-services-no-places = No place given.
dash-services-sample = Part of the sample directory shipped with the hotline.

## Adding and editing
dash-services-new-title = Add a service
dash-services-edit-title = Edit a service
dash-services-save = Save
dash-services-problems = Nothing was saved: please correct the marked fields.
dash-services-sample-note = While the directory holds only the shipped sample, the first service you add replaces the sample.
dash-services-service-section = The service
dash-services-place-section = Its place
dash-services-other-places = This service has other places too; they are kept as they are.
dash-services-translations = Translations
dash-services-city = City
dash-services-postal-code = Postal code
dash-services-country = Country code
dash-services-latitude = Latitude
dash-services-longitude = Longitude
dash-services-hours = Opening hours
dash-services-hours-hint = For example: Mo-Fr 09:00-17:00; Sa 10:00-13:00, or 24/7.
dash-services-hours-note = Note on the opening hours
dash-services-zone = Time zone
dash-services-spoken-hint = Language codes separated by spaces, for example: ka ru en.

## The audit log
dash-audit-service-add = Added a service to the directory
dash-audit-service-edit = Edited a service of the directory
dash-audit-service-checked = Marked a service of the directory as checked
