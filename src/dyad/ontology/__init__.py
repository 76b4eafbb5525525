"""Event ontologies: the CAMEO codebook and the CAMEO -> PLOVER mapping, read from data files here."""

from typing import Any

from dyad.ontology.cameo import Codebook, CodeInfo
from dyad.ontology.plover import PloverMap

__all__ = ["CodeInfo", "Codebook", "PloverMap", "event_code_fields"]


def event_code_fields(codebook: Codebook, plover: PloverMap, code: str) -> dict[str, Any]:
    """The fields of an event that follow from its CAMEO code: name, Goldstein score, quad class, PLOVER type."""
    info = codebook[code]
    plover_type, plover_mode = plover.lookup(code)
    return {
        "cameo": code,
        "cameo_name": info.name,
        "goldstein": info.goldstein,
        "quad_class": info.quad_class,
        "plover_type": plover_type,
        "plover_mode": plover_mode,
    }
