"""Recognise stage: tokens -> raw actor mentions and role words, by longest gazetteer match.

Compounds are split by the language rules: "US-Bomber" gives the mention "US" with the role of "Bomber" (MIL),
"Kremlsprecher" gives "Kreml" with the role of "sprecher". An unhyphenated compound is only split when its head
is a role word, so "Russlandpolitik" stays a plain noun.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher

from dyad.actors.gazetteer import Entry, Gazetteer, RoleWord
from dyad.lang import Language
from dyad.model import Actor, Mention, Token

# how alike two spellings of one given name are at least (difflib ratio: "Wladimir"/"Vladimir" 0.88)
GIVEN_NAME_LIKENESS = 0.6


@dataclass(frozen=True, slots=True)
class RoleSpan:
    first: int
    last: int
    role: RoleWord


@dataclass(slots=True)
class Recognised:
    mentions: list[Mention]
    roles: list[RoleSpan]


def recognise(tokens: list[Token], gazetteer: Gazetteer, language: Language, day: date | None = None) -> Recognised:
    """`day`: the article's date, which decides the office of a dated person (None: undated)."""
    mentions: list[Mention] = []
    roles: list[RoleSpan] = []
    i = 0
    while i < len(tokens):
        length, entry = _longest_match(tokens, i, gazetteer, day)
        if entry is not None and _overrun(tokens, i, length, gazetteer, day):
            entry = None  # "the West Bank": "West Bank" reaches further than "the West", and is the name
        if (
            entry is not None
            and length == 1
            and entry.kind == "person"
            and _other_given_name(tokens, i, entry, gazetteer)
        ):
            entry = None  # "Elena Kostjuk" is not Alexander Kostyuk: another person of the same surname
        if entry is not None:
            title = roles[-1].role.role if roles and roles[-1].last == i - 1 else None
            mentions.append(_mention(tokens, i, i + length - 1, entry, day, title))
            i += length
            continue
        role_length, role = _role_at(tokens, i, gazetteer)
        if role is not None:
            roles.append(RoleSpan(i, i + role_length - 1, role))
            i += role_length
            continue
        compound = _compound_mention(tokens[i], gazetteer, language, day)
        if compound is not None:
            mentions.append(compound)
        i += 1
    return Recognised(mentions, _join_adjacent_roles(roles))


def _join_adjacent_roles(roles: list[RoleSpan]) -> list[RoleSpan]:
    """ "intelligence officials", "army officers": one role, the more specific of the two (GOV is the generic)."""
    joined: list[RoleSpan] = []
    for role in roles:
        previous = joined[-1] if joined else None
        if previous is not None and role.first == previous.last + 1:
            kept = previous.role if role.role.role == "GOV" else role.role
            joined[-1] = RoleSpan(previous.first, role.last, kept)
            continue
        joined.append(role)
    return joined


def _longest_match(tokens: list[Token], i: int, gazetteer: Gazetteer, day: date | None) -> tuple[int, Entry | None]:
    following = tokens[i + 1].text if i + 1 < len(tokens) else None
    for length in gazetteer.lengths(tokens[i].text, following):
        if i + length > len(tokens):
            continue
        entry = gazetteer.lookup(tuple(token.text for token in tokens[i : i + length]), day)
        if entry is not None and _plausible(tokens[i], entry):
            return length, entry
    return 0, None


def _overrun(tokens: list[Token], i: int, length: int, gazetteer: Gazetteer, day: date | None) -> bool:
    """Whether a name starting inside the match at `i` ends beyond it: the longer-reaching name wins."""
    for inner in range(i + 1, i + length):
        inner_length, inner_entry = _longest_match(tokens, inner, gazetteer, day)
        if inner_entry is not None and inner + inner_length > i + length:
            return True
    return False


def _other_given_name(tokens: list[Token], i: int, entry: Entry, gazetteer: Gazetteer) -> bool:
    """Whether the word before a surname is a given name other than the person's own: capitalised, no function
    word or title, no role and no name of the gazetteer, and unlike the person's given name in any spelling
    ("Sergei"/"Sergej" Lawrow, "Wladimir"/"Vladimir" Putin are alike; "Elena" and "Alexander" are not)."""
    own = entry.actor.name.split()
    if i < 2 or len(own) < 2:
        return False  # a sentence's first word is capitalised whatever it is ("Auch Lawrow ...")
    before = tokens[i - 1]
    if not (before.text[:1].isupper() and before.text.isalpha() and len(before.text) > 2):
        return False
    if (
        before.lower in gazetteer.not_given_names
        or gazetteer.role((before.lemma,))
        or gazetteer.role_head(before.lemma)
    ):
        return False
    if gazetteer.lookup((before.text,), None) is not None:
        return False
    return SequenceMatcher(None, gazetteer.fold(before.text), gazetteer.fold(own[0])).ratio() < GIVEN_NAME_LIKENESS


def _plausible(first: Token, entry: Entry) -> bool:
    """Names and capitals are written with a capital letter; lower-case "china" or "jordan" is not the country."""
    return entry.lower_case or first.text[:1].isupper() or not first.text[:1].isalpha()


def _role_at(tokens: list[Token], i: int, gazetteer: Gazetteer) -> tuple[int, RoleWord | None]:
    for length in gazetteer.role_lengths(tokens[i].lemma):
        if i + length > len(tokens):
            continue
        role = gazetteer.role(tuple(token.lemma for token in tokens[i : i + length]))
        if role is not None:
            return length, role
    token = tokens[i]
    if token.is_title and len(token.lemma) > 6 and token.text.isalpha():
        role = gazetteer.role_head(token.lemma)
        return (1, role) if role else (0, None)
    return 0, None


def _mention(
    tokens: list[Token], first: int, last: int, entry: Entry, day: date | None, title: str | None = None
) -> Mention:
    start, end = tokens[first].start, tokens[last].end
    text = " ".join(token.text for token in tokens[first : last + 1])
    return Mention(
        first=first,
        last=last,
        start=start,
        end=end,
        text=text,
        actor=entry.actor_on(day, title),
        kind=entry.kind,
        genitive=entry.genitive,
        modifier=entry.kind == "adjective",
    )


def _compound_mention(token: Token, gazetteer: Gazetteer, language: Language, day: date | None) -> Mention | None:
    if not token.text[:1].isupper() or len(token.text) < 4:
        return None
    for modifier, head in language.rules.split_compound(token.text):
        entry = gazetteer.lookup_modifier(modifier, day) or gazetteer.lookup_modifier(modifier.capitalize(), day)
        if entry is None:
            continue
        hyphenated = "-" in token.text
        head_lemma = token.lemma.rsplit("-", 1)[-1] if hyphenated else head.lower()
        role = gazetteer.role((head_lemma,)) or gazetteer.role_head(head_lemma)
        if role is None and not hyphenated:
            continue
        actor = with_role(entry.actor_on(day), role.role) if role else entry.actor_on(day)
        return Mention(
            first=token.i,
            last=token.i,
            start=token.start,
            end=token.start + len(modifier),
            text=modifier,
            actor=actor,
            kind=entry.kind,
            modifier=role is None,
            mode=role.mode if role else None,
        )
    return None


def with_role(actor: Actor, role: str) -> Actor:
    """The actor in a role: RUS + GOV -> RUSGOV; a role the actor already has is kept."""
    if actor.role is not None and actor.kind in {"person", "group"}:
        return actor
    if actor.role == role:
        return actor
    base_name = actor.name.split(" (")[0]
    return Actor(actor.country + role, actor.country, role, f"{base_name} ({_ROLE_NAMES.get(role, role)})", actor.kind)


_ROLE_NAMES = {
    "GOV": "government",
    "MIL": "military",
    "SPY": "intelligence",
    "COP": "police",
    "JUD": "judiciary",
    "LEG": "legislature",
    "OPP": "opposition",
    "REB": "rebels",
    "INS": "insurgents",
    "MED": "media",
    "BUS": "business",
    "CVL": "civilians",
    "REL": "religious",
    "ELI": "elite",
}
