# Said by the voice channel itself (hotline/channels/voice_twiml.py) when a text with
# details in it (a date, a phone number) could not be turned into speech in time.
# It stands in for that text alone: the call goes on after it.
speech-unavailable = Sorry, this information cannot be read out right now. Please call again a little later.
