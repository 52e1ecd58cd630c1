# Said by the voice channel itself when a text with details in it (a date, a phone number)
# could not be turned into speech in time. It stands in for that text alone.
speech-unavailable = Oprostite, te informacije trenutno ni mogoče prebrati. Prosimo, pokličite malo pozneje.

# Datum, kot ga sliši klicatelj (»srečanje { $date }«): vrstilni števnik in mesec v rodilniku
# (»dvanajstega marca«).
spoken-date = { $day ->
        [1] prvega
        [2] drugega
        [3] tretjega
        [4] četrtega
        [5] petega
        [6] šestega
        [7] sedmega
        [8] osmega
        [9] devetega
        [10] desetega
        [11] enajstega
        [12] dvanajstega
        [13] trinajstega
        [14] štirinajstega
        [15] petnajstega
        [16] šestnajstega
        [17] sedemnajstega
        [18] osemnajstega
        [19] devetnajstega
        [20] dvajsetega
        [21] enaindvajsetega
        [22] dvaindvajsetega
        [23] triindvajsetega
        [24] štiriindvajsetega
        [25] petindvajsetega
        [26] šestindvajsetega
        [27] sedemindvajsetega
        [28] osemindvajsetega
        [29] devetindvajsetega
        [30] tridesetega
       *[31] enaintridesetega
    } { $month ->
        [1] januarja
        [2] februarja
        [3] marca
        [4] aprila
        [5] maja
        [6] junija
        [7] julija
        [8] avgusta
        [9] septembra
        [10] oktobra
        [11] novembra
       *[12] decembra
    }
