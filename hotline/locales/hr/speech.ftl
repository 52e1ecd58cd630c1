# Said by the voice channel itself when a text with details in it (a date, a phone number)
# could not be turned into speech in time. It stands in for that text alone.
speech-unavailable = Žao nam je, ovu informaciju trenutno nije moguće pročitati. Molimo nazovite malo kasnije.

# Datum kako ga pozivatelj čuje („sastanak { $date }”): redni broj i mjesec u genitivu
# („dvanaestog ožujka”).
spoken-date = { $day ->
        [1] prvog
        [2] drugog
        [3] trećeg
        [4] četvrtog
        [5] petog
        [6] šestog
        [7] sedmog
        [8] osmog
        [9] devetog
        [10] desetog
        [11] jedanaestog
        [12] dvanaestog
        [13] trinaestog
        [14] četrnaestog
        [15] petnaestog
        [16] šesnaestog
        [17] sedamnaestog
        [18] osamnaestog
        [19] devetnaestog
        [20] dvadesetog
        [21] dvadeset prvog
        [22] dvadeset drugog
        [23] dvadeset trećeg
        [24] dvadeset četvrtog
        [25] dvadeset petog
        [26] dvadeset šestog
        [27] dvadeset sedmog
        [28] dvadeset osmog
        [29] dvadeset devetog
        [30] tridesetog
       *[31] trideset prvog
    } { $month ->
        [1] siječnja
        [2] veljače
        [3] ožujka
        [4] travnja
        [5] svibnja
        [6] lipnja
        [7] srpnja
        [8] kolovoza
        [9] rujna
        [10] listopada
        [11] studenoga
       *[12] prosinca
    }
