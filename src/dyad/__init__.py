"""Dyad: political event coding (CAMEO/PLOVER) for German and English news, with evidence for every event."""

__version__ = "0.1.0"
