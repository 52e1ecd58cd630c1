"""The conversation service: what every channel calls with what a person did, and what it
answers. A voice step (`voice.py`) and a chat message (`chat.py`) each move their session
once, in one unit of work; the channels only parse and render."""
