"""Recorded voice prompts: the audio library, placeholder rendering and the recording script."""
