"""Escalation: who is on duty (the roster), whom to ring or alert and when (the policy), the
records of what was escalated (the model), and the service staff act through (Take / Done /
Call back / close), reaching people through the Protocols of `reach`."""
