"""Reminders: campaigns as data and the pure maths of their plan (offsets, zones, delivery)."""
