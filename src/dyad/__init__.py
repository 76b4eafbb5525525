"""Dyad: political event coding (CAMEO/PLOVER) for German and English news, with evidence for every event."""

__version__ = "0.1.0"


def open(path):
    """Open a Dyad store for analysis: `dyad.open("dyad.duckdb").dyads(actors=["RUS", "ISR"])`."""
    from dyad.dataset import open as open_dataset

    return open_dataset(path)
