"""hotline: the 24-hour hotline and messaging bot of a resocialization program."""

__version__ = "0.1.0"
