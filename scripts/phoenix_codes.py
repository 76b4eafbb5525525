"""Phoenix actor codes -> Dyad codes, Phoenix upper-case phrases -> names, and the offices of Phoenix periods.

A Phoenix code is a chain of three-letter blocks: a country (ISO alpha-3, as Dyad) or an organisation/region block
(IGO, NGO, MNC, IMG, ...) followed by role blocks (GOV, MIL, REB, ... and sub-roles: DEUGOVLEG is a government
member who presides the Bundesrat). Dyad keeps the country and the first role block, mapped to the roles Dyad
codes (the CAMEO roles of the data contract, ELI for elites, LAB); IGO codes as in data/actors.tsv where one of
the organisation's Phoenix names is a Dyad form, UN bodies otherwise as IGOUNO. What does not map is dropped and
counted by reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

ROLES = {
    **{role: role for role in ("GOV", "MIL", "REB", "INS", "OPP", "COP", "JUD", "SPY", "LEG", "MED", "BUS")},
    **{role: role for role in ("CVL", "REL", "LAB", "ELI")},
    "SEP": "REB",  # separatists: Dyad's "separatist" is REB
    # farmers, students, refugees, health workers: civilians in Dyad's role words
    **{role: "CVL" for role in ("AGR", "EDU", "REF", "HLH")},
    # religions and denominations: religious actors
    **{role: "REL" for role in ("CHR", "MUS", "JEW", "HIN", "BUD", "CTH", "PRO", "ORT", "SHI", "SNI", "SIK")},
}
# country blocks of Phoenix that are not ISO alpha-3 but name a state Dyad knows
PHOENIX_COUNTRIES = {"KSV": "XKX"}
# the last block of a Phoenix IGO code that names one organisation -> the organisation's code in data/actors.tsv
IGO_BLOCKS = {
    "NAT": "NATO",
    "ASN": "ASEAN",
    "OPC": "OPEC",
    "IMF": "IMF",
    "WBK": "WBK",
    "WTO": "WTO",
    "ARL": "ARL",
    "ICC": "ICC",
    "AFU": "AFR",
    "OAU": "AFR",
    "OIC": "IGOOIC",
    "IAE": "IAEA",
    "WHO": "WHO",
    "WAS": "IGOECOWAS",
    "SAD": "IGOSADC",
    "OAS": "IGOOAS",
}
GENERIC_OFFICE = {"GOV": "official", "ELI": "former", "LEG": "legislator", "MIL": "military_chief", "JUD": "judge"}
OFFICE_PATTERNS = (  # the comments of Phoenix periods ("# Chancellor of Germany")
    (r"vice|deputy|lieutenant", "official"),
    (r"prime minister|premier|chancellor|head of government", "head_of_government"),
    (r"president|king|queen|emir|sultan|monarch|head of state|governor.general", "head_of_state"),
    (r"foreign|secretar(y|ies) of state|external affairs", "foreign_minister"),
    (r"defen[cs]e|war\b", "defence_minister"),
    (r"interior|home (affairs|secretary)|homeland", "interior_minister"),
    (r"minist|secretar", "minister"),
)


class CodeMapper:
    def __init__(self, countries: set[str], legacy: dict[str, str], learnt: dict[str, str], known_codes: set[str]):
        self.countries = countries
        self.legacy = legacy
        self.learnt = learnt  # Phoenix IGO/NGO code -> Dyad code (from names both dictionaries share)
        self.known_codes = known_codes  # codes of data/actors.tsv organisations

    def country(self, block: str) -> str | None:
        block = PHOENIX_COUNTRIES.get(block, self.legacy.get(block, block))
        return block if block in self.countries else None

    def map(self, code: str) -> tuple[str, str, str | None] | str:
        """(Dyad code, country, role) or the reason it does not map."""
        code = code.strip().upper()
        if code == "ELI":
            return "ELI", "", "ELI"
        head = code[:3]
        country = self.country(head)
        if country is not None:
            return self._with_role(country, code[3:6])
        if code in self.learnt:
            return self.organisation(self.learnt[code])
        if head == "IGO":
            if len(code) > 6 and code[-3:] in IGO_BLOCKS:
                return self.organisation(IGO_BLOCKS[code[-3:]])
            if code.startswith("IGOUNO"):
                return self.organisation("IGOUNO")
            if code.startswith("IGOEUR"):  # the bodies of the European Union
                return self.organisation("EUR")
            return "IGO code without a Dyad equivalent"
        if head == "NGO":
            return "NGO", "NGO", None
        if head == "IMG":  # transnational militant groups: Dyad's IMGINS (al-Qaeda, Islamic State)
            return "IMGINS", "IMG", "INS"
        if head == "MNC":
            return "company (MNC)"
        return f"region or non-state block {head}"

    def _with_role(self, country: str, block: str) -> tuple[str, str, str | None] | str:
        if not block:
            return country, country, None
        role = ROLES.get(block)
        if role is None:
            return f"role {block} not coded by Dyad"
        return country + role, country, role

    def organisation(self, code: str) -> tuple[str, str, str | None]:
        for role in ("GOV", "JUD", "MIL"):
            if code.endswith(role) and code[: -len(role)] in self.known_codes:
                return code, code[: -len(role)], role
        return code, code, None


def office(code: str, role: str | None, texts: Iterable[str]) -> str:
    if role in {"GOV", None}:
        for text in texts:
            for pattern, name in OFFICE_PATTERNS:
                if text and re.search(pattern, text, re.IGNORECASE):
                    return name
    if role in {"REB", "INS"}:
        return "leader"
    if role == "OPP":
        return "opposition_leader"
    if code.startswith("IGO") or role is None:
        return "official"
    return GENERIC_OFFICE.get(role or "", "official")


def title_case(phrase: str, acronyms: set[str] | None = None, lower_words: frozenset[str] = frozenset()) -> str:
    """ "GERHARD_SCHRODER_" -> "Gerhard Schroder", "UN_MISSION_IN_SUDAN" -> "UN Mission in Sudan"."""
    words = [w for w in re.split(r"[_\s]+", phrase.strip("_ +")) if w]
    result = []
    for n, word in enumerate(words):
        if acronyms is not None and word in acronyms:
            result.append(word)
        elif n > 0 and word.lower() in lower_words:
            result.append(word.lower())
        else:
            result.append(_capitalise(word))
    return " ".join(result)


def _capitalise(word: str) -> str:
    """Each hyphen part capitalised; after an apostrophe only in "O'Brien", "D'Alema" (one letter before it)."""
    parts = []
    for part in word.split("-"):
        lowered = part.lower()
        if len(lowered) > 2 and lowered[1] == "'":
            parts.append(lowered[0].upper() + "'" + lowered[2:].capitalize())
        else:
            parts.append(lowered[:1].upper() + lowered[1:])
    return "-".join(parts)
