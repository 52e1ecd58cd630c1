# Said by the voice channel itself (hotline/channels/voice_twiml.py) when a text with
# details in it (a date, a phone number) could not be turned into speech in time.
# It stands in for that text alone: the call goes on after it.
speech-unavailable = Sorry, this information cannot be read out right now. Please call again a little later.

# A date as a caller hears it ('your appointment on { $date }'): the day as an ordinal, then
# the month, so that a synthesizer never reads '12.' as a plain number.
spoken-date = the { $day ->
        [1] first
        [2] second
        [3] third
        [4] fourth
        [5] fifth
        [6] sixth
        [7] seventh
        [8] eighth
        [9] ninth
        [10] tenth
        [11] eleventh
        [12] twelfth
        [13] thirteenth
        [14] fourteenth
        [15] fifteenth
        [16] sixteenth
        [17] seventeenth
        [18] eighteenth
        [19] nineteenth
        [20] twentieth
        [21] twenty-first
        [22] twenty-second
        [23] twenty-third
        [24] twenty-fourth
        [25] twenty-fifth
        [26] twenty-sixth
        [27] twenty-seventh
        [28] twenty-eighth
        [29] twenty-ninth
        [30] thirtieth
       *[31] thirty-first
    } of { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    }
