"""The actor gazetteer of one language: countries, capitals, adjectives, organisations, people and role words.

Built once from data/countries.tsv + data/actors.tsv (language-neutral) and lang/xx/countries.tsv, actors.tsv,
roles.tsv, plus any user actor files (same columns as data/actors.tsv). Forms are tokenised with the language's own
tokenizer so that gazetteer keys and text tokens always agree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dyad.lang import Language
from dyad.model import Actor
from dyad.resources import data_path, read_tsv, split_forms

Tokenize = Callable[[str], list[str]]
ACTOR_COLUMNS = ("name", "code", "country", "role", "kind", "forms")


class ActorFileError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Entry:
    actor: Actor
    kind: str
    genitive: bool = False
    lower_case: bool = False


@dataclass(frozen=True, slots=True)
class RoleWord:
    role: str
    mode: str | None
    domestic: bool = False  # with no country of its own, the role belongs to the one country its sentence names


@dataclass
class Gazetteer:
    language: str
    folded: dict[tuple[str, ...], Entry] = field(default_factory=dict)
    exact: dict[tuple[str, ...], Entry] = field(default_factory=dict)
    roles: dict[tuple[str, ...], RoleWord] = field(default_factory=dict)
    countries: dict[str, Actor] = field(default_factory=dict)
    longest: int = 1
    # first word (lower-case) -> lengths of the forms starting with it, longest first: most tokens start no form
    lengths_by_first: dict[str, tuple[int, ...]] = field(default_factory=dict)
    role_lengths_by_first: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def lengths(self, first_word: str) -> tuple[int, ...]:
        return self.lengths_by_first.get(first_word.lower(), ())

    def role_lengths(self, first_lemma: str) -> tuple[int, ...]:
        return self.role_lengths_by_first.get(first_lemma, ())

    def add_role(self, lemmas: tuple[str, ...], role: RoleWord) -> None:
        self.roles[lemmas] = role
        known = set(self.role_lengths_by_first.get(lemmas[0], ()))
        self.role_lengths_by_first[lemmas[0]] = tuple(sorted(known | {len(lemmas)}, reverse=True))

    def lookup(self, texts: tuple[str, ...]) -> Entry | None:
        found = self.exact.get(texts)
        if found is not None:
            return found
        return self.folded.get(tuple(text.lower() for text in texts))

    def lookup_modifier(self, text: str) -> Entry | None:
        """A single-token form used as the first part of a compound ("US" in "US-Bomber", "Kreml" in "Kremlchef")."""
        entry = self.lookup((text,))
        if entry is None or entry.kind == "adjective":
            return None
        return entry

    def role(self, lemmas: tuple[str, ...]) -> RoleWord | None:
        return self.roles.get(lemmas)

    def role_head(self, lemma: str, min_head: int = 4) -> RoleWord | None:
        """The role of a compound by its head: "verteidigungsministerium" -> "ministerium" (German)."""
        for cut in range(0, len(lemma) - min_head + 1):
            found = self.roles.get((lemma[cut:],))
            if found is not None:
                return found
        return None

    def add(self, tokens: list[str], entry: Entry) -> None:
        if not tokens:
            return
        if tokens[0][:1].islower():
            entry = Entry(entry.actor, entry.kind, entry.genitive, lower_case=True)
        key = tuple(tokens)
        table = self.exact if _is_acronym(" ".join(tokens)) else self.folded
        if table is self.folded:
            key = tuple(token.lower() for token in tokens)
        existing = table.get(key)
        if existing is None or _precedence(entry) > _precedence(existing):
            table[key] = entry
        self.longest = max(self.longest, len(key))
        first = key[0].lower()
        known = set(self.lengths_by_first.get(first, ()))
        self.lengths_by_first[first] = tuple(sorted(known | {len(key)}, reverse=True))


def _is_acronym(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _precedence(entry: Entry) -> int:
    return {"person": 5, "org": 4, "group": 4, "name": 3, "capital": 2, "region": 2, "adjective": 1}.get(entry.kind, 0)


def build_gazetteer(
    language: Language, tokenize: Tokenize, lemma: Callable[[str], str], user_files: Iterable[Path] = ()
) -> Gazetteer:
    gazetteer = Gazetteer(language.code)
    neutral = {row["iso3"]: row for row in read_tsv(data_path("data", "countries.tsv"))}
    for row in read_tsv(language.data("countries.tsv")):
        _add_country(gazetteer, language, tokenize, neutral[row["iso3"]], row)
    base_rows = list(read_tsv(data_path("data", "actors.tsv")))
    known = {row["name"]: row for row in base_rows}
    _add_actor_rows(gazetteer, language, tokenize, base_rows, {})
    _add_actor_rows(gazetteer, language, tokenize, list(read_tsv(language.data("actors.tsv"))), known)
    for path in user_files:
        _add_actor_rows(gazetteer, language, tokenize, read_user_actor_file(path, set(known)), known)
    for row in (row for path in language.data_files("roles") for row in read_tsv(path)):
        words = tuple(lemma(word) for word in tokenize(row["lemma"]))
        gazetteer.add_role(
            words, RoleWord(row["role"], row.get("mode") or None, (row.get("scope") or "") == "domestic")
        )
    return gazetteer


def _add_country(gazetteer: Gazetteer, language: Language, tokenize: Tokenize, facts: dict, row: dict) -> None:
    iso3, name = row["iso3"], facts["name"]
    country = Actor(iso3, iso3, None, name, "country")
    government = Actor(iso3 + "GOV", iso3, "GOV", f"{name} (government)", "country")
    gazetteer.countries[iso3] = country
    rules = language.rules
    for form in split_forms(row["names"]):
        for variant in rules.name_forms(form, "name"):
            gazetteer.add(tokenize(variant), Entry(country, "name", genitive=variant == form + "s"))
    for stem in split_forms(row["adjectives"]):
        for variant in rules.adjective_forms(stem):
            plural_noun = variant[:1].isupper() and variant.endswith("s") and not stem.endswith("s")  # "Israelis"
            gazetteer.add(tokenize(variant), Entry(country, "name" if plural_noun else "adjective"))
    for form in split_forms(row["capitals"]):
        for variant in rules.name_forms(form, "capital"):
            gazetteer.add(tokenize(variant), Entry(government, "capital", genitive=variant == form + "s"))


def _add_actor_rows(
    gazetteer: Gazetteer, language: Language, tokenize: Tokenize, rows: list[dict], known: dict[str, dict]
) -> None:
    """Add rows; a row naming a known actor may leave code/country/role/kind empty and only add spellings."""
    for row in rows:
        base = known.get(row["name"], {})
        merged = {key: row.get(key) or base.get(key, "") for key in ACTOR_COLUMNS}
        if not merged["code"] or not merged["country"]:
            continue
        kind = merged["kind"] or "org"
        actor = Actor(merged["code"], merged["country"], merged["role"] or None, merged["name"], kind)
        for form in split_forms(row.get("forms", "")) or [merged["name"]]:
            for variant in language.rules.name_forms(form, kind):
                gazetteer.add(tokenize(variant), Entry(actor, kind, genitive=variant == form + "s"))


def known_actor_names() -> set[str]:
    return {row["name"] for row in read_tsv(data_path("data", "actors.tsv"))}


def read_user_actor_file(path: Path, known: set[str]) -> list[dict[str, str]]:
    """A user's actor file: TSV with the columns of data/actors.tsv (name, code, country, role, kind, forms).
    A row naming a known actor needs only `name` and `forms`."""
    if not path.exists():
        raise ActorFileError(f"{path}: actor file not found")
    try:
        rows = list(read_tsv(path))
    except (UnicodeDecodeError, ValueError) as error:
        raise ActorFileError(f"{path}: cannot read actor file ({error})") from None
    for number, row in enumerate(rows, 2):
        needed = ("name", "forms") if row.get("name") in known else ("name", "code", "country", "forms")
        missing = [column for column in needed if not row.get(column)]
        if missing:
            raise ActorFileError(
                f"{path}: row {number} lacks {', '.join(missing)} (columns: {', '.join(ACTOR_COLUMNS)})"
            )
    return rows
