"""Import PETRARCH2's CAMEO verb dictionary as English triggers: src/dyad/lang/en/triggers/petrarch.tsv.

    PYTHONPATH=src .venv/bin/python scripts/import_petrarch_verbs.py [../shared/petrarch2/CAMEO.2.0.txt]

Settings (word lists, slot size) are in import_petrarch_verbs.toml; the parser of the format (PETRARCH2's
dictionaries.rst, "Verb Dictionary") is petrarch_verbs.py. The TSV's header lists what was left out, with counts.

What maps:
- a pattern `- * OBJECT (PREP NOUN) [code]` becomes `verb ... object ... prep ... noun`: the verb's lemma, then each
  word, `{compound phrase}` (adjacent words) and prepositional phrase in written order, "..." between them; words
  are lemmatised (simplemma, as Dyad matches lemmas), `A_B` are adjacent words, `A/B` alternatives;
- a prepositional phrase without a noun (`(TO)`, `(AGAINST)`) introduces the target: `verb ... to`, preps `to`;
- `&SYNSET` becomes one `a|b|c` slot of its one-word members (at most `max_slot`, the first ones);
- a pattern names the verb it was written for in its comment (`# RUSH`); it is imported for that verb (or the
  block's head word when the comment names none of its verbs). Verbs with the same pattern and code share a slot;
- a bare verb gets its own row when it has a code of its own (`EXTRADITE [063]`);
- a paired code `[042:043]` (the target's reverse event after the colon) keeps the source's code, 042;
- a code whose core rows are mostly reciprocal (040, 046: "X and Y met") or mediations (045: "between X and Y")
  gives its imported rows the same flag and partner preposition (recip + with, between + between).

What is dropped, and why:
- codes `---` (no event, or an exception that blocks one: Dyad has no null triggers), reverse-only codes
  `[:173]`, codes not in the CAMEO codebook, and 010 (Dyad never emits a generic statement);
- root codes (020, 040, 110, 190, ...): the dictionary files its vaguest phrases there ("reduce ... tension" 040,
  "back ... effort" 050); specific codes only; and all of root 04 (consult: `no_roots`), whose phrases are vague
  ("launch ... mission" 045, "convey ... message" 045, "set ... guideline" 045) where the core's flagged rows
  (meet, talks, visit, host, mediate) already cover consultations;
- patterns with words before `*` (the subject's head noun: Dyad takes the subject as the source actor, and its
  triggers do not span the subject) and patterns with `$`, `+`, `%`, `^` (source, target and compound-actor
  positions inside the pattern, which need a constituency parse); a `(BY)` without a noun (the passive's agent);
- synset members of several words (a slot holds one word);
- bare verbs without a code of their own: a block is a synonym set (WordNet-like: `best`, `master`, `ring` under
  190) that shares its patterns, and even its head word's block code is often off (`INTRUDE` 013, `ALLAY` 017);
  bare verbs that are mostly nouns or adjectives or
  have another usual sense (`not_bare_events`), and generic or light verbs (`generic_verbs`: only their patterns
  with a content word, never the verb alone or with a bare preposition);
- every pattern with a word of the core (lang/en/triggers.tsv) as its verb or noun: the core decides what its
  words mean, and its rows carry flags an imported row lacks ("hold ... talk" 040 would take the core's "talks"
  046); a synset slot only loses such members;
- coordinated verbs (`+KILLED_AND`), one pattern with different codes equally often, transformations (`~` lines:
  verb-verb combinations on parse trees).
"""

from __future__ import annotations

import sys
import tomllib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import simplemma
from petrarch_verbs import Block, Dictionary, Pattern, Verb, parse, tokens

from dyad.resources import data_path, read_toml, read_tsv

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "petrarch2" / "CAMEO.2.0.txt"
TARGET = ROOT / "src" / "dyad" / "lang" / "en" / "triggers" / "petrarch.tsv"
SETTINGS = Path(__file__).with_suffix(".toml")
ACTOR_MARKS = frozenset("$+%^")
PAIRING_FLAGS = frozenset({"recip", "between"})
PARTNER_PREPOSITIONS = frozenset({"with", "between"})
Row = tuple[str, str, str, str]  # pattern, cameo, preps, flags
HEADER = """# Generated from PETRARCH2's verb dictionary ({source}) by scripts/import_petrarch_verbs.py; do not edit:
#   PYTHONPATH=src .venv/bin/python scripts/import_petrarch_verbs.py ../shared/petrarch2/CAMEO.2.0.txt
# Copyright (c) 2014 Open Event Data Alliance. MIT licence: LICENSE-petrarch2.txt beside this file.
# Columns as in lang/en/triggers.tsv (the core, which overrides an identical pattern here).
"""


class Dropped(Exception):
    """A pattern Dyad cannot express; the message is its category."""


@dataclass(frozen=True, slots=True)
class Settings:
    generic_verbs: frozenset[str]
    no_codes: frozenset[str]
    no_roots: frozenset[str]
    not_bare_events: frozenset[str]
    specific_codes_only: bool
    max_slot: int
    particles: frozenset[str]
    prepositions: frozenset[str]
    agent_prepositions: frozenset[str]


@dataclass(slots=True)
class Rest:
    """What follows the verb: Dyad parts (space-separated slots) and the prepositions that introduce the target."""

    parts: list[str] = field(default_factory=list)
    preps: set[str] = field(default_factory=set)
    content: bool = False  # a noun or adjective, not only particles and prepositions


@dataclass(slots=True)
class Converter:
    settings: Settings
    synsets: dict[str, list[str]]
    codes: frozenset[str]
    core: frozenset[str]
    core_words: frozenset[str]
    pairing: dict[str, tuple[str, frozenset[str]]]  # code -> the core's recip/between flag and partner preposition
    dropped: Counter[str] = field(default_factory=Counter)
    # (verb part, rest parts) -> codes, prepositions, content
    found: dict[tuple[str, tuple[str, ...]], list[tuple[str, frozenset[str], bool]]] = field(
        default_factory=lambda: defaultdict(list)
    )

    def block(self, block: Block) -> None:
        for verb in block.verbs:
            if verb.code is None:  # the block's code is for its patterns; its verbs are a synonym set
                self.dropped["bare verb without a code of its own"] += 1
                continue
            self.add(verb, (), primary(verb.code), frozenset(), content=False)
        for pattern in block.patterns:
            try:
                rest = self.rest(pattern)
            except Dropped as reason:
                self.dropped[str(reason)] += 1
                continue
            for verb in self.pattern_verbs(block, pattern):
                self.add(verb, tuple(rest.parts), primary(pattern.code), frozenset(rest.preps), rest.content)

    def add(self, verb: Verb, rest: tuple[str, ...], code: str | None, preps: frozenset[str], content: bool) -> None:
        part = verb_part(verb)
        if code is None:
            self.dropped["code --- or reverse-only [:xxx]"] += 1
        elif code not in self.codes:
            self.dropped["code not in the CAMEO codebook"] += 1
        elif not content and verb.words[verb.head] in self.settings.generic_verbs:
            self.dropped["generic verb without a content word"] += 1
        elif code in self.settings.no_codes:
            self.dropped["statement code (010)"] += 1
        elif code[:2] in self.settings.no_roots:
            self.dropped["consultation (root 04)"] += 1
        elif code.endswith("0") and (not rest or self.settings.specific_codes_only):
            self.dropped["root code (x0), " + ("bare verb" if not rest else "pattern")] += 1
        elif not rest and part in self.settings.not_bare_events:
            self.dropped["bare verb mostly a noun, adjective or another sense"] += 1
        elif {"and", "or"}.intersection(verb.words):
            self.dropped["coordinated verbs (KILLED_AND)"] += 1
        else:
            kept = self.without_core_words(part, rest)
            if kept is None:
                self.dropped["verb or noun a word of the core"] += 1
            else:
                self.found[(part, kept)].append((code, preps, content))

    def without_core_words(self, verb: str, rest: tuple[str, ...]) -> tuple[str, ...] | None:
        """The core decides what its words mean, and its rows carry flags (recip, noun, preps) that an imported row
        lacks: a pattern with a core word as its verb or a noun is not imported ("hold ... talk" 040 would take the
        core's "talks" 046); a synset slot only loses such members."""
        if self.core_words.intersection(verb.split()):
            return None
        parts = []
        for part in rest:
            slots = []
            for slot in part.split():
                words = slot.split("|")
                kept = [word for word in words if word not in self.core_words]
                if not kept or (len(words) == 1 and len(kept) == 0):
                    return None
                slots.append("|".join(kept))
            parts.append(" ".join(slots))
        return tuple(parts)

    def pattern_verbs(self, block: Block, pattern: Pattern) -> list[Verb]:
        named = {tuple(lemma(word) for word in name.lower().split("_")) for name in comment_words(pattern.comment)}
        chosen = [verb for verb in block.verbs if verb_key(verb) in named]
        if not chosen:  # the block's head word stands for the block
            head = lemma(block.label.split("_")[0].lower())
            chosen = [verb for verb in block.verbs if verb_part(verb) == head]
            if not chosen:
                self.dropped["pattern naming no verb of its block, which has no head verb"] += 1
        return chosen

    def rest(self, pattern: Pattern) -> Rest:
        if pattern.before:
            raise Dropped("words before the verb (subject nouns)")
        items = tokens(pattern.after)
        if ACTOR_MARKS.intersection(items):
            raise Dropped("source/target markers $ + % ^")
        rest = Rest()
        position = 0
        while position < len(items):
            position = self.element(items, position, rest)
        return rest

    def element(self, items: list[str], position: int, rest: Rest) -> int:
        item = items[position]
        if item == "(":
            close = items.index(")", position)
            inner = items[position + 1 : close]
            if not inner:
                raise Dropped("malformed pattern")
            prep = "|".join(word.lower() for word in inner[0].split("/"))
            rest.parts.append(prep)
            if len(inner) == 1:
                if set(prep.split("|")) & self.settings.agent_prepositions:
                    raise Dropped("(BY) without a noun: the passive's agent, not a target")
                rest.preps.update(prep.split("|"))
            else:
                inner_rest = Rest()
                at = 1
                while at < len(inner):
                    at = self.element(inner, at, inner_rest)
                rest.parts.extend(inner_rest.parts)
                rest.content = rest.content or inner_rest.content
            return close + 1
        if item == "{":
            close = items.index("}", position)
            slots = [slot for word in items[position + 1 : close] for slot in self.slots(word)]
            rest.parts.append(" ".join(slots))
            rest.content = True
            return close + 1
        if item in {")", "}"}:
            raise Dropped("malformed pattern")
        slots = self.slots(item)
        rest.parts.append(" ".join(slots))
        words = {word for slot in slots for word in slot.split("|")}
        rest.content = rest.content or not words <= self.settings.particles | self.settings.prepositions
        return position + 1

    def slots(self, word: str) -> list[str]:
        if word.startswith("&"):
            members = self.synsets.get(word.rstrip("_"))
            if members is None:
                raise Dropped("unknown synset")
            single = unique(lemma(m.rstrip("_").lower()) for m in members if "_" not in m.rstrip("_"))
            single = [m for m in single if m.replace("-", "").replace("'", "").isalpha()]
            if not single:
                raise Dropped("synset of multi-word phrases only")
            return ["|".join(single[: self.settings.max_slot])]
        return ["|".join(unique(lemma(alt.lower()) for alt in part.split("/"))) for part in word.split("_") if part]

    def rows(self) -> list[Row]:
        """(pattern, code, preps, flags): one code per pattern, verbs with equal rest, code and preps in one slot."""
        merged: dict[tuple[tuple[str, ...], str, frozenset[str]], list[str]] = defaultdict(list)
        for (verb, rest), readings in self.found.items():
            code = self.decide([reading[0] for reading in readings])
            if code is None:
                self.dropped["one pattern, several codes equally often"] += 1
                continue
            preps = frozenset().union(*(reading[1] for reading in readings))
            if pattern_text(verb, rest) in self.core:
                self.dropped["pattern in the core"] += 1
                continue
            merged[(rest, code, preps)].append(verb)
        result = []
        for (rest, code, preps), verbs in merged.items():
            single = sorted({verb for verb in verbs if " " not in verb})
            groups = [single[i : i + self.settings.max_slot] for i in range(0, len(single), self.settings.max_slot)]
            parts = ["|".join(group) for group in groups] + sorted({verb for verb in verbs if " " in verb})
            flags, partner = self.pairing.get(code, ("-", frozenset()))
            for verb in parts:
                result.append((pattern_text(verb, rest), code, ",".join(sorted(preps | partner)) or "-", flags))
        return sorted(set(result), key=lambda row: (row[1], row[0]))

    @staticmethod
    def decide(codes: list[str]) -> str | None:
        """The code most often given to a pattern; None on a tie ("ask ... meeting": 026, 028, 036)."""
        counts = Counter(codes).most_common(2)
        return counts[0][0] if len(counts) == 1 or counts[0][1] > counts[1][1] else None


def lemma(word: str) -> str:
    return simplemma.lemmatize(word, lang="en").lower()


def primary(code: str) -> str | None:
    """ "042:043" -> "042" (the source's event); "---", ":173" -> None."""
    first = code.split(":", 1)[0].strip()
    return first if first and first != "---" else None


def verb_part(verb: Verb) -> str:
    return " ".join(verb_key(verb))


def verb_key(verb: Verb) -> tuple[str, ...]:
    return tuple(lemma(word) if i == verb.head else word for i, word in enumerate(verb.words))


def comment_words(comment: str) -> list[str]:
    return [word.strip("_") for word in comment.replace(",", " ").replace("/", " ").split() if word.strip("_")]


def unique(words: object) -> list[str]:
    return list(dict.fromkeys(words))  # type: ignore[call-overload]


def pattern_text(verb: str, rest: tuple[str, ...]) -> str:
    return " ... ".join([verb, *rest])


def settings() -> Settings:
    with SETTINGS.open("rb") as handle:
        config = tomllib.load(handle)
    grammar = read_toml(data_path("lang", "en", "grammar.toml"))
    return Settings(
        generic_verbs=frozenset(config["generic_verbs"]),
        no_codes=frozenset(config["no_codes"]),
        no_roots=frozenset(config["no_roots"]),
        not_bare_events=frozenset(config["not_bare_events"]),
        specific_codes_only=bool(config["specific_codes_only"]),
        max_slot=int(config["max_slot"]),
        particles=frozenset(config["particles"]),
        prepositions=frozenset(grammar["arguments"]["prepositions"]),
        agent_prepositions=frozenset(grammar["arguments"]["agent_prepositions"]),
    )


def converter(dictionary: Dictionary, config: Settings) -> Converter:
    codes = frozenset(row["code"] for row in read_tsv(data_path("ontology", "cameo.tsv")))
    core_rows = list(read_tsv(data_path("lang", "en", "triggers.tsv")))
    core = frozenset(" ".join(row["pattern"].lower().split()) for row in core_rows)
    # prepositions and particles are no core words, unless a core pattern starts with them ("back" 051)
    first_words = {word for row in core_rows for word in row["pattern"].lower().split()[0].split("|")}
    function_words = (config.particles | config.prepositions) - first_words
    words = {w for row in core_rows for w in row["pattern"].lower().replace("...", " ").replace("|", " ").split()}
    core_words = frozenset(form for word in words - function_words for form in (word, lemma(word)))
    return Converter(config, dictionary.synsets, codes, core, core_words, pairing(core_rows))


def pairing(core_rows: list[dict[str, str]]) -> dict[str, tuple[str, frozenset[str]]]:
    """How the core pairs the actors of a code: "recip" (talks, agreements: "X and Y met" is one pair, "with" names
    the partner) or "between" (mediation: both are targets), where most core rows of the code say so."""
    by_code: dict[str, list[tuple[str, frozenset[str]]]] = defaultdict(list)
    for row in core_rows:
        flags = {flag.strip() for flag in row.get("flags", "").split(",")} & PAIRING_FLAGS
        preps = frozenset(p.strip() for p in row.get("preps", "-").split(",")) & PARTNER_PREPOSITIONS
        by_code[row["cameo"]].append((",".join(sorted(flags)) or "-", preps))
    result = {}
    for code, readings in by_code.items():
        flags, count = Counter(flags for flags, _ in readings).most_common(1)[0]
        if flags != "-" and 2 * count >= len(readings):
            preps = frozenset().union(*(preps for f, preps in readings if f == flags))
            result[code] = (flags, preps)
    return result


def convert(text: str, config: Settings) -> tuple[list[Row], Counter[str]]:
    dictionary = parse(text)
    work = converter(dictionary, config)
    for block in dictionary.blocks:
        work.block(block)
    rows = work.rows()
    work.dropped["transformations (~ lines)"] += dictionary.transformations
    return rows, work.dropped


def write(rows: list[Row], dropped: Counter[str], source: str, target: Path) -> None:
    stats = [f"# {len(rows)} rows. Not imported (patterns or verbs, counted before merging):"]
    stats += [f"#   {reason}: {count}" for reason, count in sorted(dropped.items())]
    lines = [HEADER.format(source=source).rstrip("\n"), *stats, "pattern\tcameo\tintent\tpreps\tflags"]
    lines += [f"{pattern}\t{code}\t-\t{preps}\t{flags}" for pattern, code, preps, flags in rows]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    source = Path(argv[0]) if argv else DEFAULT_SOURCE
    rows, dropped = convert(source.read_text(encoding="utf-8"), settings())
    write(rows, dropped, source.name, TARGET)
    print(f"{len(rows)} rows -> {TARGET.relative_to(ROOT)}")
    for reason, count in sorted(dropped.items()):
        print(f"  {reason}: {count}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
