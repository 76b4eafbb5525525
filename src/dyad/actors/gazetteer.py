"""The actor gazetteer of one language: countries, capitals, adjectives, organisations, people and role words.

Built once from data/countries.tsv + data/actors.tsv + data/actors/*.tsv (language-neutral; the folder holds national
institutions by region) and lang/xx/countries.tsv, actors.tsv (+ actors/*.tsv), roles.tsv (+ roles/*.tsv), plus any
user actor files (same columns as data/actors.tsv), and, added as texts name
them, the people of data/people/*.tsv and the Phoenix actors of data/phoenix/*.tsv (actors/deferred.py). Forms are
tokenised with the language's own tokenizer so that gazetteer keys and text tokens always agree.

Keys fold case and diacritics ("Schröder", "Schroder" and "SCHRÖDER" are one key; ALL-CAPS forms such as "US" or
"WHO" match case-sensitively instead). When entries share a key, the hand-written files win (data/actors.tsv, the
language files, user files), then data/people, then data/phoenix; within a tier, the entry holding an office on
the article's date, then the kind (person > organisation > name > capital > adjective).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from dyad.actors.actor_files import (
    ACTOR_COLUMNS,
    ActorFileError,
    is_genitive,
    neutral_actor_files,
    read_user_actor_file,
    relative,
)
from dyad.actors.country_forms import add_demonyms, add_region_adjectives, add_region_names
from dyad.actors.deferred import CorePeople, Deferred, Row, read_deferred
from dyad.actors.periods import (
    Period,
    PeriodError,
    elite,
    fold,
    in_office,
    on_day,
    on_day_titled,
    parse_day,
    parse_periods,
)
from dyad.actors.transliterate import Transliterator
from dyad.lang import Language
from dyad.model import Actor
from dyad.resources import data_path, read_tsv, split_forms

Tokenize = Callable[[str], list[str]]
Key = tuple[str, ...]
FOLD_MEMO_LIMIT = 200_000


@dataclass(frozen=True, slots=True)
class Entry:
    actor: Actor  # the actor as written; with periods, the date decides (actor_on)
    kind: str
    genitive: bool = False
    lower_case: bool = False
    source: str = ""  # the data file of the entry ("data/actors.tsv", "data/phoenix/people.tsv", a user file)
    tier: int = 0  # 0 hand-written, 1 data/people, 2 data/phoenix
    periods: tuple[Period, ...] = ()
    lazy: bool = False  # added from the large files as texts name it (deferred.py)

    def actor_on(self, day: date | None, title_role: str | None = None) -> Actor:
        """`title_role`: the role of a title written before the name, which narrows the periods (periods.py)."""
        if not self.periods:
            return self.actor
        fallback = elite(self.actor.country, self.actor.name, self.actor.kind)
        return on_day_titled(self.periods, day, fallback, title_role)

    def in_office(self, day: date | None) -> bool:
        return bool(self.periods) and in_office(self.periods, day)


@dataclass(frozen=True, slots=True)
class RoleWord:
    role: str
    mode: str | None
    domestic: bool = False  # with no country of its own, the role belongs to the one country its sentence names


@dataclass
class Gazetteer:
    language: str
    folded: dict[Key, list[Entry]] = field(default_factory=dict)
    exact: dict[Key, list[Entry]] = field(default_factory=dict)
    roles: dict[Key, RoleWord] = field(default_factory=dict)
    countries: dict[str, Actor] = field(default_factory=dict)
    longest: int = 1
    # first word (folded) -> lengths of the forms starting with it, longest first: most tokens start no form
    lengths_by_first: dict[str, tuple[int, ...]] = field(default_factory=dict)
    role_lengths_by_first: dict[str, tuple[int, ...]] = field(default_factory=dict)
    deferred: Deferred | None = None
    adder: Callable[[Gazetteer, Row], None] | None = None
    folds: dict[str, str] = field(default_factory=dict)  # memo of fold() for words with diacritics
    asked: set[tuple[str, str | None]] = field(default_factory=set)  # token pairs the large files were asked for
    # function words and titles: a capitalised one before a surname is no other given name ("Laut Putin", "Mr Putin")
    not_given_names: frozenset[str] = frozenset()

    def fold(self, text: str) -> str:
        if text.isascii():
            return text.lower()
        found = self.folds.get(text)
        if found is None:
            found = fold(text)
            if len(self.folds) < FOLD_MEMO_LIMIT:
                self.folds[text] = found
        return found

    def lengths(self, first_word: str, next_word: str | None = None) -> tuple[int, ...]:
        """The lengths of the forms starting with `first_word`, longest first; `next_word` (the token after it)
        lets the large files add only the forms that could start here."""
        if self.deferred is not None and self.deferred.pending and (first_word, next_word) not in self.asked:
            if len(self.asked) < FOLD_MEMO_LIMIT:  # a pair asked once has taken all its forms: asking again is idle
                self.asked.add((first_word, next_word))
            self._add_deferred(first_word, next_word)
        return self.lengths_by_first.get(self.fold(first_word), ())

    def _add_deferred(self, word: str, next_word: str | None) -> None:
        assert self.deferred is not None and self.adder is not None
        for row in self.deferred.take(word, next_word):
            self.adder(self, row)

    def role_lengths(self, first_lemma: str) -> tuple[int, ...]:
        return self.role_lengths_by_first.get(first_lemma, ())

    def add_role(self, lemmas: Key, role: RoleWord, replace: bool = True) -> None:
        if not replace and lemmas in self.roles:
            return
        self.roles[lemmas] = role
        known = set(self.role_lengths_by_first.get(lemmas[0], ()))
        self.role_lengths_by_first[lemmas[0]] = tuple(sorted(known | {len(lemmas)}, reverse=True))

    def candidates(self, texts: Key) -> list[Entry]:
        """Every entry of a phrase's tokens, the case-sensitive (ALL-CAPS) ones first."""
        if texts and self.deferred is not None and self.deferred.pending:
            self._add_deferred(texts[0], texts[1] if len(texts) > 1 else None)
        return self.exact.get(texts, []) + self.folded.get(tuple(fold(text) for text in texts), [])

    def resolve(self, texts: Key, day: date | None = None) -> tuple[Entry, Actor] | None:
        """What a phrase's tokens stand for in an article of `day` (None: undated): the entry that wins (its
        `source` is its data file) and its actor on that day. `candidates` lists all entries of the phrase."""
        self.candidates(texts)  # adds the phrase's forms from the large files
        entry = self.lookup(texts, day)
        return (entry, entry.actor_on(day)) if entry is not None else None

    def lookup(self, texts: Key, day: date | None = None) -> Entry | None:
        """The entry a phrase's tokens resolve to in an article of `day`; `entry.actor_on(day)` is its actor."""
        found = self.exact.get(texts) or self.folded.get(tuple(self.fold(text) for text in texts))
        if not found:
            return None
        if len(found) == 1:
            return found[0]
        return choose(found, day)

    def lookup_modifier(self, text: str, day: date | None = None) -> Entry | None:
        """A single-token form used as the first part of a compound ("US" in "US-Bomber", "Kreml" in "Kremlchef").
        Only the eagerly built part: the large files would be read for every split of every compound."""
        found = self.exact.get((text,)) or self.folded.get((self.fold(text),))
        eager = [e for e in found or () if not e.lazy]
        entry = choose(eager, day) if eager else None
        if entry is None or entry.kind == "adjective":
            return None
        return entry

    def role(self, lemmas: Key) -> RoleWord | None:
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
            entry = _with(entry, lower_case=True)
        exact = _is_acronym(" ".join(tokens))
        key = tuple(tokens) if exact else tuple(fold(token) for token in tokens)
        table = self.exact if exact else self.folded
        existing = table.get(key)
        if existing is None:
            table[key] = [entry]
        elif entry.tier == 0 and existing[0].tier == 0:
            if _precedence(entry) > _precedence(existing[0]):
                existing[0] = entry
        elif all(e.actor.name != entry.actor.name for e in existing):
            existing.append(entry)
            existing.sort(key=lambda e: e.tier)
        self.longest = max(self.longest, len(key))
        first = fold(key[0])
        known = set(self.lengths_by_first.get(first, ()))
        self.lengths_by_first[first] = tuple(sorted(known | {len(key)}, reverse=True))


def choose(found: list[Entry], day: date | None) -> Entry:
    """The best tier; within it the entry in office on `day`; then the kind."""
    tier = [e for e in found if e.tier == found[0].tier]
    if len(tier) == 1:
        return tier[0]
    in_office = [e for e in tier if e.in_office(day)]
    return max(in_office or tier, key=_precedence)


def _with(entry: Entry, **changes) -> Entry:
    fields = {name: getattr(entry, name) for name in Entry.__slots__}
    return Entry(**{**fields, **changes})


def _is_acronym(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _precedence(entry: Entry) -> int:
    return {"person": 5, "org": 4, "group": 4, "name": 3, "capital": 2, "region": 2, "adjective": 1}.get(entry.kind, 0)


def build_gazetteer(
    language: Language, tokenize: Tokenize, lemma: Callable[[str], str], user_files: Iterable[Path] = ()
) -> Gazetteer:
    gazetteer = Gazetteer(language.code, not_given_names=_function_words(language))
    neutral = {row["iso3"]: row for row in read_tsv(data_path("data", "countries.tsv"))}
    countries_file = f"lang/{language.code}/countries.tsv"
    country_rows = list(read_tsv(language.data("countries.tsv")))
    for row in country_rows:
        _add_country(gazetteer, language, tokenize, neutral[row["iso3"]], row, countries_file)
    add_demonyms(gazetteer, language, tokenize)
    add_region_adjectives(gazetteer, language, tokenize, country_rows, countries_file)
    neutral = [(relative(path), list(read_tsv(path))) for path in neutral_actor_files()]
    known = {row["name"]: row for _, rows in neutral for row in rows}
    spellings = [(relative(path), list(read_tsv(path))) for path in language.data_files("actors")]
    sources = neutral + spellings + [(str(path), read_user_actor_file(path, set(known))) for path in user_files]
    core = _core_people(sources, known)
    gazetteer.deferred = read_deferred(language.code, core, Transliterator.load(language.code))
    codes = frozenset(gazetteer.countries)
    merged_people: dict[str, tuple[Actor, tuple[Period, ...]]] = {}
    for index, (source, rows) in enumerate(sources):
        _add_actor_rows(gazetteer, language, tokenize, rows, known if index >= len(neutral) else {}, source, core)
    for entries in gazetteer.folded.values():
        for entry in entries:
            if entry.kind == "person" and entry.actor.name in core.codes:
                merged_people.setdefault(entry.actor.name, (entry.actor, entry.periods))
    gazetteer.adder = _DeferredAdder(language, tokenize, codes, merged_people)
    for path in language.data_files("roles"):
        replace = path == language.data("roles.tsv")
        for row in read_tsv(path):
            words = tuple(lemma(word) for word in tokenize(row["lemma"]))
            role = RoleWord(row["role"], row.get("mode") or None, (row.get("scope") or "") == "domestic")
            gazetteer.add_role(words, role, replace)
    add_region_names(gazetteer, language, tokenize, country_rows, countries_file)
    for words, role in list(gazetteer.roles.items()):  # the feminine of each one-word role the files do not list
        if len(words) == 1:
            for feminine in language.rules.feminine_forms(words[0]):
                gazetteer.add_role((feminine,), role, replace=False)
    return gazetteer


def _function_words(language: Language) -> frozenset[str]:
    """The language's closed-class words of grammar.toml and its `person_titles`, lower-case."""
    arguments, clauses = language.grammar["arguments"], language.grammar["clauses"]
    lists = [arguments.get(key, []) for key in ("prepositions", "articles", "possessives", "person_titles")]
    lists += [clauses.get(key, []) for key in ("subordinators", "complementizers", "coordinators", "relatives")]
    return frozenset(word.lower() for words in lists for word in words)


def _core_people(sources: list[tuple[str, list[dict[str, str]]]], known: dict[str, dict]) -> CorePeople:
    core = CorePeople()
    for _, rows in sources:
        for row in rows:
            base = known.get(row["name"], {})
            if (row.get("kind") or base.get("kind")) == "person":
                core.add(row["name"], row.get("code") or base.get("code", ""), split_forms(row.get("forms", "")))
    return core


@dataclass(frozen=True)
class _DeferredAdder:
    """Adds a row of the deferred files: its forms and, in German, their inflections. The tokenizer splits text at
    spaces first and each space-separated chunk on its own, so forms are tokenised chunk by chunk, each distinct
    chunk ("Mohammed", "Minister") once."""

    language: Language
    tokenize: Tokenize
    countries: frozenset[str]
    merged: dict[str, tuple[Actor, tuple[Period, ...]]]
    chunks: dict[str, list[str]] = field(default_factory=dict)
    actors: dict[int, tuple[int, Actor, tuple[Period, ...]]] = field(default_factory=dict)  # line -> its actor

    def tokens(self, form: str) -> list[str]:
        tokens: list[str] = []
        for chunk in form.split():
            found = self.chunks.get(chunk)
            if found is None:
                found = self.chunks[chunk] = self.tokenize(chunk)
            tokens += found
        return tokens

    def __call__(self, gazetteer: Gazetteer, row: Row) -> None:
        found = self.actors.get(row.number)
        if found is None:
            found = self.actors[row.number] = (row.tier, *self._actor(row))
            if row.merged is not None and row.merged in self.merged:
                found = self.actors[row.number] = (0, *self.merged[row.merged])
        tier, actor, periods = found
        kind = actor.kind
        for form in row.forms:
            variants = self.language.rules.name_forms(form, kind)
            for variant in variants:
                entry = Entry(actor, kind, is_genitive(variant, variants), False, row.source, tier, periods, True)
                gazetteer.add(self.tokens(variant), entry)

    def _actor(self, row: Row) -> tuple[Actor, tuple[Period, ...]]:
        try:
            periods = parse_periods(row.periods, row.name, row.kind, self.countries)
        except PeriodError as error:
            raise ActorFileError(f"{row.source}: {row.name}: {error}") from None
        if row.code:
            return Actor(row.code, row.country, row.role, row.name, row.kind), periods
        actor = on_day(periods, None, elite(row.country, row.name, row.kind)) if periods else None
        if actor is None:
            actor = elite(row.country, row.name, row.kind)
        return Actor(actor.code, actor.country, actor.role, row.name, row.kind), periods


def _add_country(
    gazetteer: Gazetteer, language: Language, tokenize: Tokenize, facts: dict, row: dict, source: str
) -> None:
    iso3, name = row["iso3"], facts["name"]
    country = Actor(iso3, iso3, None, name, "country")
    government = Actor(iso3 + "GOV", iso3, "GOV", f"{name} (government)", "country")
    gazetteer.countries[iso3] = country
    rules = language.rules
    for form in split_forms(row["names"]):
        for variant in rules.name_forms(form, "name"):
            gazetteer.add(tokenize(variant), Entry(country, "name", genitive=variant == form + "s", source=source))
    for stem in split_forms(row["adjectives"]):
        for variant in rules.adjective_forms(stem):
            plural_noun = variant[:1].isupper() and variant.endswith("s") and not stem.endswith("s")  # "Israelis"
            gazetteer.add(tokenize(variant), Entry(country, "name" if plural_noun else "adjective", source=source))
    for form in split_forms(row["capitals"]):
        for variant in rules.name_forms(form, "capital"):
            entry = Entry(government, "capital", genitive=variant == form + "s", source=source)
            gazetteer.add(tokenize(variant), entry)


def _add_actor_rows(
    gazetteer: Gazetteer,
    language: Language,
    tokenize: Tokenize,
    rows: list[dict],
    known: dict[str, dict],
    source: str,
    core: CorePeople,
) -> None:
    """Add rows; a row naming a known actor may leave code/country/role/kind empty and only add spellings. A person
    whose periods a deferred file gives (deferred.py) is dated by them. A row without forms is known by its name,
    except in the institution files (data/actors/*.tsv), whose English names are no spellings of the texts: there
    the language files give the spellings."""
    countries = frozenset(gazetteer.countries)
    for row in rows:
        base = known.get(row["name"], {})
        merged = {key: row.get(key) or base.get(key, "") for key in ACTOR_COLUMNS}
        if not merged["code"] or not merged["country"]:
            continue
        kind = merged["kind"] or "org"
        actor = Actor(merged["code"], merged["country"], merged["role"] or None, merged["name"], kind)
        periods_cell, periods_source, horizon = row.get("periods") or base.get("periods") or "", source, ""
        if not periods_cell and merged["name"] in core.borrowed:
            periods_cell, periods_source, horizon = core.borrowed[merged["name"]]
        try:
            periods = parse_periods(periods_cell, merged["name"], kind, countries) if periods_cell else ()
            if horizon:  # after the source's horizon, the code as written
                periods += (Period(actor, parse_day(horizon, last=True) + timedelta(days=1), None, "official"),)
        except (PeriodError, ValueError) as error:
            raise ActorFileError(f"{periods_source}: {merged['name']}: {error}") from None
        named_by = [] if source.startswith("data/actors/") else [merged["name"]]  # institutions: forms only
        for form in split_forms(row.get("forms", "")) or named_by:
            variants = language.rules.name_forms(form, kind)
            for variant in variants:
                entry = Entry(actor, kind, is_genitive(variant, variants), False, source, 0, periods)
                gazetteer.add(tokenize(variant), entry)
