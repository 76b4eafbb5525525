"""German rules: adjective endings, genitive -s, compound splitting, separable verb particles."""

from __future__ import annotations

from dataclasses import dataclass

_ADJECTIVE_ENDINGS = ("", "e", "en", "er", "es", "em")


@dataclass(frozen=True)
class GermanRules:
    code: str = "de"
    nouns_capitalised: bool = True
    subject_anywhere: bool = True

    def name_forms(self, name: str, kind: str) -> list[str]:
        """A name, its genitive ("Russland" -> "Russlands", "Putin" -> "Putins") and, for names opening with weak
        adjectives, the oblique form ("Islamische Republik" -> "Islamischen Republik")."""
        forms = [name]
        words = name.split()
        if len(words) > 1 and all(w[:1].isupper() and w.endswith("e") for w in words[:-1]):
            forms.append(" ".join([*(w + "n" for w in words[:-1]), words[-1]]))
        last = words[-1]
        takes_genitive_s = not last.endswith(("s", "x", "z", "ß")) and last[:1].isupper() and not name.isupper()
        if kind in {"name", "capital", "person"} and takes_genitive_s:
            forms.append(name + "s")
        return forms

    def adjective_forms(self, stem: str) -> list[str]:
        return [stem + ending for ending in _ADJECTIVE_ENDINGS]

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

    def infinitive_with_marker(self, word: str, lemmas: tuple[str, ...]) -> bool:
        """A particle verb's zu-infinitive, the "zu" inside it: "anzugreifen" (angreifen), "fortzusetzen"."""
        cut = word.find("zu", 1)
        return cut > 0 and word[:cut] + word[cut + 2 :] in lemmas

    def lemma_variants(self, word: str) -> list[str]:
        """Verb forms the lemma dictionary misses: "bombardiert", "kritisierten" -> "...ieren"."""
        for ending in ("ierten", "ierte", "iertes", "iert"):
            if word.endswith(ending) and len(word) > len(ending) + 2:
                return [word[: -len(ending)] + "ieren"]
        return []


RULES = GermanRules()
