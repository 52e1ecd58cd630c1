"""The conversation service: what every channel calls with what a person did, and what it
answers. Today the chat side (Telegram, SMS) lives here; the voice step joins it next."""
