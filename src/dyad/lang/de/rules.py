"""German rules: adjective endings, genitive -s, compound splitting, separable verb particles."""

from __future__ import annotations

from dataclasses import dataclass

_ADJECTIVE_ENDINGS = ("", "e", "en", "er", "es", "em")


# prefixes of verbs whose past participle has no "ge": "beschossen", "verhängt", "zerstört", "entführt"
INSEPARABLE_PREFIXES = ("be", "ver", "zer", "ent", "emp", "er", "miss")


# endings of feminine nouns, whose genitive takes no -s ("der Europäischen Union", "der Weltgesundheitsorganisation")
_FEMININE_ENDINGS = ("ung", "ion", "heit", "keit", "schaft", "ei", "tät", "ie", "ik", "e", "a", "in", "ur", "front")
# endings of agent nouns whose feminine adds -in ("Schülerin", "Aktivistin", "Präsidentin", "Redakteurin")
_AGENT_ENDINGS = ("er", "ist", "ent", "ant", "eur", "or", "är", "at", "it", "ar")
# heads of one-word organisation names that take it ("des Sicherheitsrats", "des Bundestags", "des Pentagons")
_GENITIVE_S_HEADS = ("rat", "hof", "amt", "tag", "gericht", "ministerium", "komitee", "parlament", "kreuz", "bund")


# endings of adjective stems: a capitalised word of a name ending in one of these + "es"/"er" is a strong adjective
_ADJECTIVE_STEM_ENDINGS = ("isch", "sch", "ig", "lich", "al", "ell", "iv", "ös", "st", "är")


def _strong_adjective_stem(word: str) -> str | None:
    """ "Auswärtiges" -> "Auswärtig", "Oberster" -> "Oberst", "Deutscher" -> "Deutsch"; None for other words."""
    if not word[:1].isupper() or len(word) < 6 or not word.endswith(("es", "er")):
        return None
    stem = word[:-2]
    return stem if stem.endswith(_ADJECTIVE_STEM_ENDINGS) else None


@dataclass(frozen=True)
class GermanRules:
    code: str = "de"
    nouns_capitalised: bool = True
    subject_anywhere: bool = True

    def name_forms(self, name: str, kind: str) -> list[str]:
        """A name, its genitive ("Russland" -> "Russlands", "Putin" -> "Putins") and, for names opening with weak
        adjectives, the oblique form ("Islamische Republik" -> "Islamischen Republik"); an organisation's name
        opening with strong adjectives also takes the weak forms ("Auswärtiges Amt" -> "das Auswärtige Amt", "im
        Auswärtigen Amt")."""
        forms = [name]
        words = name.split()
        if len(words) > 1 and all(w[:1].isupper() and w.endswith("e") for w in words[:-1]):
            forms.append(" ".join([*(w + "n" for w in words[:-1]), words[-1]]))
        stems = [_strong_adjective_stem(w) for w in words[:-1]]
        genitive_of = name
        if len(words) > 1 and kind in {"org", "group"} and all(stems):  # "Auswärtiges Amt" -> "Auswärtige(n) Amt"
            forms += [" ".join([*(f"{stem}{ending}" for stem in stems), words[-1]]) for ending in ("e", "en")]
            genitive_of = forms[-1]  # "des Auswärtigen Amts"
        last = words[-1]
        takes_genitive_s = not last.endswith(("s", "x", "z", "ß")) and last[:1].isupper() and not name.isupper()
        if kind in {"org", "group"}:  # "des Strafgerichtshofs", "des Sicherheitsrats"; not "der Europäischen Union"
            takes_genitive_s = (takes_genitive_s and len(words) > 1) or last.lower().endswith(_GENITIVE_S_HEADS)
            takes_genitive_s = takes_genitive_s and not last.lower().endswith(_FEMININE_ENDINGS)
        if kind in {"name", "capital", "person", "org", "group"} and takes_genitive_s:
            forms.append(genitive_of + "s")
        return forms

    def adjective_forms(self, stem: str) -> list[str]:
        return [stem + ending for ending in _ADJECTIVE_ENDINGS]

    def demonym_forms(self, noun: str) -> list[str]:
        """An inhabitant noun's case, number and feminine forms: "Ukrainer" (-s, -n, -in, -innen), a weak noun
        "Russe" (Russen, Russin, Russinnen); others as listed (lang/de/demonyms.tsv spells out the irregular ones:
        "Französin", "Israelis")."""
        if noun.endswith("er"):
            return [noun, noun + "s", noun + "n", noun + "in", noun + "innen"]
        if noun.endswith("e"):
            return [noun, noun + "n", noun[:-1] + "in", noun[:-1] + "innen"]
        return [noun]

    def place_adjectives(self, name: str) -> list[str]:
        """The invariable adjective of a one-word town name, by the regular -er ("in der Belgrader Innenstadt" is in
        Belgrade): "Belgrad" -> "Belgrader", "Moskau" -> "Moskauer", "Bremen"/"Dresden" -> "Bremer"/"Dresdner".
        Names ending in another vowel ("Ankara", "Tokio") and irregular ones ("Zürcher") are not derived."""
        if " " in name or "-" in name or not name.isalpha() or len(name) < 4:
            return []
        if name.endswith("en"):
            return [name[:-2] + "er", name[:-2] + "ner"]
        if name.endswith(("a", "e", "i", "o", "y")) or (name.endswith("u") and not name.endswith("au")):
            return []
        return [name + "er"]

    def feminine_forms(self, lemma: str) -> list[str]:
        """The feminine of an agent noun (its lemma, lower-case): "schüler" -> "schülerin", "soldat" -> "soldatin",
        "kollege" -> "kollegin". Nouns with an umlaut in the feminine ("ärztin") are listed in the role files."""
        if lemma.endswith(_AGENT_ENDINGS) and " " not in lemma:
            return [lemma + "in"]
        if lemma.endswith("e") and len(lemma) > 4 and " " not in lemma:
            return [lemma[:-1] + "in"]
        return []

    def split_compound(self, text: str) -> list[tuple[str, str]]:
        """Candidate (modifier, head) splits: at hyphens, then at every position (with a linking -s-)."""
        if "-" in text.strip("-"):
            head_start = text.rfind("-")
            return [(text[:head_start], text[head_start + 1 :])]
        splits = []
        for cut in range(len(text) - 3, 3, -1):
            splits.append((text[:cut], text[cut:]))
            if text[cut - 1] == "s":
                splits.append((text[: cut - 1], text[cut:]))
        return splits

    @staticmethod
    def _bare_participle(word: str) -> str | None:
        """ "angegriffenen" -> "angegriffen": a past participle (with "ge", after a particle or not) and an
        adjective ending."""
        for ending in ("e", "en", "er", "es", "em"):
            stem = word[: -len(ending)]
            participle = "ge" in stem[:-3] or stem.startswith(INSEPARABLE_PREFIXES)
            if word.endswith(ending) and stem.endswith(("en", "t")) and participle and len(stem) > 5:
                return stem
        return None

    @staticmethod
    def _weak_infinitives(stem: str) -> list[str]:
        """A weak verb's participle without its "ge-" and "-t": "gedankt" -> "danken", "getötet" -> "töten",
        "gefordert" -> "fordern" (the lemma dictionary misses some)."""
        found = [stem + "en"]
        if stem.endswith("e"):
            found.append(stem[:-1] + "en")  # "getötet": töt-e-t
        if stem.endswith(("er", "el")):
            found.append(stem + "n")
        return found

    def infinitive_with_marker(self, word: str, lemmas: tuple[str, ...]) -> bool:
        """A particle verb's zu-infinitive, the "zu" inside it: "anzugreifen" (angreifen), "fortzusetzen"."""
        cut = word.find("zu", 1)
        return cut > 0 and word[:cut] + word[cut + 2 :] in lemmas

    def inflected_participle(self, word: str) -> bool:
        """A past participle with an adjective ending, so attributive: "verwüsteten", "inhaftierte"."""
        return self._bare_participle(word) is not None

    def particle_verb_forms(self, word: str, particles: frozenset[str]) -> list[str]:
        """A separable verb's zu-infinitive or past participle, as one word: "beizulegen" -> "beilegen",
        "beigelegt" -> "beilegen" (weak), "freigelassen" -> "frei" + "gelassen" read as "freilassen" (strong: "-en")."""
        for particle in particles:
            rest = word[len(particle) :]
            if not word.startswith(particle) or len(rest) < 5:
                continue
            if rest.startswith("zu") and rest.endswith("n"):
                return [particle + rest[2:]]
            if rest.startswith("ge") and rest.endswith("t"):
                return [particle + infinitive for infinitive in self._weak_infinitives(rest[2:-1])]
            if rest.startswith("ge") and rest.endswith("en"):
                return [particle + rest[2:]]
        return []

    def lemma_variants(self, word: str) -> list[str]:
        """Verb forms the lemma dictionary misses: "bombardiert", "kritisierten" -> "...ieren"; a weak participle
        ("gedankt" -> "danken", "verschleppt" -> "verschleppen"); an inflected past
        participle is also its bare participle, which the lemma dictionary knows ("angegriffenen" -> "angegriffen",
        "getöteten" -> "getötet")."""
        participle = self._bare_participle(word)
        if participle is not None:
            return [participle]
        if word.startswith("ge") and word.endswith("t") and len(word) > 6:
            return self._weak_infinitives(word[2:-1])
        if word.startswith(INSEPARABLE_PREFIXES) and word.endswith("t") and len(word) > 7:
            return self._weak_infinitives(word[:-1])  # no "ge-" after an inseparable prefix: "verschleppt"
        for ending in ("ierten", "ierte", "iertes", "iert"):
            if word.endswith(ending) and len(word) > len(ending) + 2:
                return [word[: -len(ending)] + "ieren"]
        return []


RULES = GermanRules()
