"""The flow language: flows as data, a loader that validates them, and a pure engine."""
