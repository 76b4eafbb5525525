"""Tree repair: parse errors that a rule can see, corrected before the argument rules read the tree.

One repair so far, for subordinators that are also prepositions ("after", "before", "since"): a parser trained
on little news text often reads "after Hamas fired rockets" as a phrase "after Hamas" with "fired" an adjective
of "rockets", or "after Turkish jets violated its airspace" with "violated" a complement of the main verb. Where
such a word is a `case` of a nominal that a verb follows directly, the verb heads a clause: the nominal becomes
its subject, the word its `mark`, and the clause an adverbial (`advcl`) of the nearest verb above the nominal; a
noun that the verb modified ("fired rockets") becomes its object. A repair that would leave a cycle is not made.

The language names the words (`prepositional_subordinators` in grammar.toml's [clauses]); a language without
such words (German has "nachdem" beside "nach") repairs nothing.

A second repair, for a prenominal genitive without its ending: in "hat in Istanbul Journalisten festgenommen" the
parser reads "in Istanbul Journalisten" as one phrase, "Istanbul" a possessor of "Journalisten" ("Istanbuls
Journalisten"). A German name before its noun is a genitive only with the genitive's ending (-s, or an apostrophe
after s, x, z: "Putins Truppen", "Paris' Bürgermeister"); without one, the case word belongs to the name, the name
is an oblique of the verb, and the noun is the verb's object, or its subject when the verb has none and the noun is
nominative. Likewise a common noun the parser joins to a name as `flat:name` ("in Istanbul Journalisten" as one
name). The language lists the endings (`genitive_endings` in [clauses]); without them nothing is repaired.

A third, in every language, for a list of subjects read as two: "Ireland, Spain and Norway recognised" parsed with
"Ireland" and "Spain" both subjects of the verb. A verb has one subject; where a second follows the first across a
comma alone and is itself coordinated ("Spain and Norway"), it is the list's second conjunct, and its own conjuncts
join the first; so is a name right after a name and a comma (a headline's "India, Pakistan agree").

A fourth, in every language, for a finite verb read as an adjective of the noun after it: "Hanoi rejected reports
that ..." parsed as "rejected reports" (a participle modifying "reports"), with "Hanoi" the verb's subject. UD's
`amod` is never finite; a finite verb with a subject of its own heads the clause, and the noun is its object.

A sixth, in every language, for a headline's comma that stands for "and": "Ethiopia, Eritrea sign peace deal" parsed
with "Ethiopia" a `vocative` and "Eritrea" the subject. News addresses no one; a name read as a vocative right
before a comma and the verb's subject is the subject's first conjunct.

A fifth, where a language's articles leave case unshown (German "die", "das"): of two arguments whose case no word
shows, the earlier is the subject unless the verb agrees with the later one only ("beschoss die russische Armee in
der Nacht die Stadt Cherson": the army shelled the city; the parser read it the other way round). The language
names those determiners (`case_ambiguous_determiners` in [clauses]); without them nothing is repaired.
"""

from __future__ import annotations

from dyad.events.tree import Tree
from dyad.lang import Language

NOMINALS = frozenset({"NOUN", "PROPN", "PRON"})
VERBS = frozenset({"VERB", "AUX"})
CLAUSE_VERB_FORMS = frozenset({"Fin", "Part"})


class TreeRepair:
    def __init__(self, language: Language):
        clauses = language.grammar["clauses"]
        self._subordinators = frozenset(clauses.get("prepositional_subordinators", []))
        self._genitive_endings = tuple(clauses.get("genitive_endings", []))
        self._ambiguous = frozenset(clauses.get("case_ambiguous_determiners", []))

    def repair(self, tree: Tree) -> Tree:
        heads = [(t.head, t.dep) for t in tree.tokens]
        for token in tree.tokens:
            if token.dep == "nsubj" and token.upos in NOMINALS:
                _subject_list(tree, token.index, heads)
            if token.dep == "vocative" and token.upos == "PROPN":
                _headline_comma(tree, token.index, heads)
            if token.dep == "amod" and token.upos == "VERB" and tree.morph(token.index, "VerbForm") == "Fin":
                _finite_modifier(tree, token.index, heads)
            if token.dep == "case" and token.text.lower() in self._subordinators:
                self._subordinate_clause(tree, token.index, heads)
            elif self._genitive_endings and token.dep == "nmod:poss" and token.upos == "PROPN":
                self._name_without_genitive(tree, token.index, heads)
            elif self._genitive_endings and token.dep == "flat:name" and token.upos == "NOUN":
                self._noun_in_a_name(tree, token.index, heads)
            if self._ambiguous and token.dep == "obj" and token.upos in NOMINALS:
                self._case_by_order(tree, token.index, heads)
        if heads == [(t.head, t.dep) for t in tree.tokens] or _has_cycle(heads):
            return tree
        return Tree(tuple(t._replace(head=h, dep=d) for t, (h, d) in zip(tree.tokens, heads, strict=True)))

    @staticmethod
    def _subordinate_clause(tree: Tree, word: int, heads: list[tuple[int, str]]) -> None:
        nominal = tree.tokens[word].head
        if nominal <= word or tree.tokens[nominal].upos not in NOMINALS:
            return
        subject_of = tree.head(nominal)
        if tree.dep(nominal) == "nsubj" and subject_of is not None and subject_of > nominal:
            if tree.tokens[subject_of].upos == "VERB":  # "after the United States cast": the clause is there already
                heads[word] = (subject_of, "mark")
            return
        phrase = [i for i in tree.subtree(nominal) if i < nominal or i == nominal]
        verb = max(phrase) + 1
        if verb >= len(tree) or tree.tokens[verb].upos != "VERB" or tree.children(verb, "nsubj"):
            return
        form = tree.morph(verb, "VerbForm")
        if form not in CLAUSE_VERB_FORMS or (form == "Part" and tree.morph(verb, "Tense") == "Pres"):
            return  # "after talks ending in": a present participle modifies the noun
        governor = _verb_above(tree, nominal)
        if governor is None or governor == verb:
            return
        modified = tree.tokens[verb].head
        if tree.relation(verb) in {"amod", "acl"} and modified > verb and modified != nominal:
            heads[modified] = (verb, "obj")  # "fired rockets": the noun the verb seemed to modify is its object
        heads[nominal] = (verb, "nsubj")
        heads[word] = (verb, "mark")
        heads[verb] = (governor, "advcl")

    def _name_without_genitive(self, tree: Tree, name: int, heads: list[tuple[int, str]]) -> None:
        noun = tree.tokens[name].head
        verb = tree.head(noun)
        text = tree.tokens[name].text
        if noun <= name or verb is None or tree.tokens[verb].upos not in VERBS or text.endswith(self._genitive_endings):
            return
        cases = [i for i in tree.children(noun, "case") if i < name]
        if len(cases) != 1 or any(name < i < noun and tree.dep(i) != "flat:name" for i in range(name + 1, noun)):
            return
        heads[cases[0]] = (name, "case")
        heads[name] = (verb, "obl")
        heads[noun] = (verb, _object_or_subject(tree, verb, noun))

    def _case_by_order(self, tree: Tree, obj: int, heads: list[tuple[int, str]]) -> None:
        """An object before a subject of the same verb, on the same side of it, neither with a word showing case and
        the verb agreeing with both: the earlier is the subject."""
        verb = tree.tokens[obj].head
        if tree.tokens[verb].upos != "VERB" or not self._case_unshown(tree, obj):
            return
        later = [
            s
            for s in tree.children(verb, "nsubj")
            if s > obj and (s < verb) == (obj < verb) and tree.tokens[s].upos in {"NOUN", "PROPN"}
        ]
        subject = next((s for s in later if self._case_unshown(tree, s)), None)
        if subject is None or heads[subject] != (verb, "nsubj") or heads[obj] != (verb, "obj"):
            return
        number = tree.morph(verb, "Number")
        if number and tree.morph(obj, "Number") not in {number, None}:
            return  # the verb agrees with the later one only: the parser's reading stands
        heads[obj] = (verb, "nsubj")
        heads[subject] = (verb, "obj")

    def _case_unshown(self, tree: Tree, nominal: int) -> bool:
        determiners = [d for d in tree.children(nominal, "det") if d < nominal]
        return all(tree.tokens[d].text.lower() in self._ambiguous for d in determiners)

    @staticmethod
    def _noun_in_a_name(tree: Tree, noun: int, heads: list[tuple[int, str]]) -> None:
        """ "in Istanbul Journalisten festgenommen" read with "Journalisten" as part of the name "Istanbul": a common
        noun is no part of a name (`flat:name` joins proper nouns), so it is the verb's object or subject."""
        name = tree.tokens[noun].head
        verb = tree.head(name)
        if name >= noun or verb is None or tree.tokens[verb].upos not in VERBS or tree.relation(name) != "obl":
            return
        heads[noun] = (verb, _object_or_subject(tree, verb, noun))


def _subject_list(tree: Tree, second: int, heads: list[tuple[int, str]]) -> None:
    """ "Ireland, Spain and Norway recognised": `second` (Spain), a subject after another across a comma alone, with a
    coordinated conjunct of its own, is the first subject's conjunct."""
    verb = tree.tokens[second].head
    earlier = [s for s in tree.children(verb, "nsubj") if s < second]
    if not earlier:
        return
    conjuncts = tree.children(second, "conj")
    first = earlier[-1]
    if not conjuncts and not (first + 2 == second and tree.tokens[first].upos == "PROPN"):
        return  # without conjuncts of its own, only a name, a comma, a name: a headline's "India, Pakistan agree"
    between = range(max(tree.subtree(first)) + 1, second)
    commas = [i for i in between if tree.tokens[i].text == ","]
    own = set(tree.subtree(second))
    if len(commas) != 1 or any(i not in own for i in between if i > commas[0]) or commas[0] != between[0]:
        return  # only the comma, then the second subject's own words ("Irland, die Niederlande und Spanien")
    heads[second] = (first, "conj")
    heads[commas[0]] = (second, "punct")
    for conjunct in conjuncts:
        heads[conjunct] = (first, "conj")


def _headline_comma(tree: Tree, name: int, heads: list[tuple[int, str]]) -> None:
    """ "Ethiopia, Eritrea sign": a vocative name, a comma, then the verb's subject: the subject's first conjunct."""
    verb = tree.tokens[name].head
    comma, subject = name + 1, name + 2
    if subject >= len(tree) or tree.tokens[comma].text != "," or tree.tokens[subject].head != verb:
        return
    if tree.dep(subject) != "nsubj" or tree.tokens[subject].upos not in NOMINALS:
        return
    heads[name] = (verb, "nsubj")
    heads[subject] = (name, "conj")
    heads[comma] = (subject, "punct")


def _finite_modifier(tree: Tree, verb: int, heads: list[tuple[int, str]]) -> None:
    """ "Hanoi rejected reports that ...": a finite `verb` with a subject, hung as `amod` from the noun right after
    it, heads the clause; the noun is its object."""
    noun = tree.tokens[verb].head
    if noun <= verb or tree.tokens[noun].upos not in NOMINALS or not tree.children(verb, "nsubj"):
        return
    if any(tree.head(i) != noun for i in range(verb + 1, noun)):
        return  # only the noun's own words between ("rejected the reports")
    noun_head, noun_dep = heads[noun]
    heads[verb] = (verb, noun_dep) if noun_head == noun else (noun_head, noun_dep)
    heads[noun] = (verb, "obj")
    for token in tree.tokens:  # the noun's subject-side words and punctuation of the clause go to the verb
        if token.head == noun and token.index != verb and token.dep in {"punct", "nsubj"}:
            heads[token.index] = (verb, token.dep)


def _object_or_subject(tree: Tree, verb: int, noun: int) -> str:
    """A nominal freed from a misread phrase: the verb's subject if it has none and the noun is nominative."""
    subject = not tree.children(verb, "nsubj", "nsubj:pass") and tree.morph(noun, "Case") == "Nom"
    return "nsubj" if subject else "obj"


def _verb_above(tree: Tree, nominal: int) -> int | None:
    """The nearest verb above a nominal: the word its clause hangs from."""
    current = tree.head(nominal)
    while current is not None and tree.tokens[current].upos not in VERBS:
        current = tree.head(current)
    return current


def _has_cycle(heads: list[tuple[int, str]]) -> bool:
    for start in range(len(heads)):
        seen, current = {start}, start
        while heads[current][0] != current:
            current = heads[current][0]
            if current in seen:
                return True
            seen.add(current)
    return False
