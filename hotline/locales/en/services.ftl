## The services directory, as the code words its entries (the flows ask the questions)

# The program's kinds of help, as menus and cards name them.
services-category-name = { $category ->
    [employment] Work and employment
    [education-training] Education and training
    [social-benefits-rights] Social benefits and rights
    [housing] Housing
    [health] Health care
    [addiction-aftercare] Addiction treatment and aftercare
    [mental-health] Mental health
    [legal-aid] Legal aid
    [family-and-children] Family and children
    [debt] Debt
    [documents-id] Documents and ID
    [support-groups] Support groups
   *[other] Other help
}
# On a call, one entry: its name and what it does, then its hours, then its phone.
services-entry = { $name }. { $what }
services-hours-open = Open today from { $opens } to { $closes }.
services-hours-always = Open day and night.
services-hours-closed = Closed today.
services-hours-unknown = Please call before you go: we do not know today's opening hours.
services-phone = Phone: { $phone }. Once more: { $phone }.
services-no-phone = This service has no phone number. Its address is: { $address }.
services-none-here = We have no service of this kind listed for your region yet. A specialist can tell you what is near you.
services-no-more = That is all we have listed for this.
services-sms-sent = We have sent these details to your phone by text message.
services-sms-failed = We could not send the text message just now. Please write the number down, or press star to hear it again.
services-sms-hidden = Your number is hidden, so we cannot send you a text message. Press star to hear the details again.
# The text message with the entries a caller asked for.
services-sms = Hotline, services near you:
services-sms-entry = { $name }: { $phone }{ $address }{ $hours }
# In a chat, one entry as a card.
services-card =
    { $name }
    { $what }
    📍 { $address }
    🕘 { $hours }
    ☎ { $phone }
    { $more }
services-card-hours-open = today { $opens }–{ $closes }
services-card-hours-always = open day and night
services-card-hours-closed = closed today
services-card-hours-unknown = hours not known, please call first
services-card-unknown = not listed
services-card-map = Map: { $link }
services-card-distance = { $km } km from you
# A person shared their location on Telegram.
services-nearest = The services nearest to you:
services-nearest-none = We have no services with a known place near you yet.
