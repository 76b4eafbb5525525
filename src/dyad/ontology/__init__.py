"""Event ontologies: the CAMEO codebook and the CAMEO -> PLOVER mapping, read from data files here."""

from dyad.ontology.cameo import Codebook, CodeInfo
from dyad.ontology.plover import PloverMap

__all__ = ["CodeInfo", "Codebook", "PloverMap"]
