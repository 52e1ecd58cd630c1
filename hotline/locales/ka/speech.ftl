# Said by the voice channel itself when a text with details in it (a date, a phone number)
# could not be turned into speech in time. It stands in for that text alone.
speech-unavailable = ბოდიშს გიხდით, ამ ინფორმაციის წაკითხვა ახლა ვერ ხერხდება. გთხოვთ, ცოტა მოგვიანებით დარეკოთ.
