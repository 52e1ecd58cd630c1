"""Channels at the edge: they parse what comes in and render the engine's actions."""
