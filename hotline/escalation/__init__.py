"""Escalation: who is on duty (the roster) and whom to ring, in what order."""
