# Said by the voice channel itself when a text with details in it (a date, a phone number)
# could not be turned into speech in time. It stands in for that text alone.
speech-unavailable = Omlouváme se, tuto informaci teď nelze přečíst. Zavolejte prosím o něco později.

# Datum, jak ho volající slyší („schůzka { $date }“): řadová číslovka a měsíc ve 2. pádě
# („dvanáctého března“).
spoken-date = { $day ->
        [1] prvního
        [2] druhého
        [3] třetího
        [4] čtvrtého
        [5] pátého
        [6] šestého
        [7] sedmého
        [8] osmého
        [9] devátého
        [10] desátého
        [11] jedenáctého
        [12] dvanáctého
        [13] třináctého
        [14] čtrnáctého
        [15] patnáctého
        [16] šestnáctého
        [17] sedmnáctého
        [18] osmnáctého
        [19] devatenáctého
        [20] dvacátého
        [21] dvacátého prvního
        [22] dvacátého druhého
        [23] dvacátého třetího
        [24] dvacátého čtvrtého
        [25] dvacátého pátého
        [26] dvacátého šestého
        [27] dvacátého sedmého
        [28] dvacátého osmého
        [29] dvacátého devátého
        [30] třicátého
       *[31] třicátého prvního
    } { $month ->
        [1] ledna
        [2] února
        [3] března
        [4] dubna
        [5] května
        [6] června
        [7] července
        [8] srpna
        [9] září
        [10] října
        [11] listopadu
       *[12] prosince
    }
