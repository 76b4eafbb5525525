"""Sources and targets read from the dependency tree (UD relations), for every language with a parser.

The rules are language-neutral; a language supplies only words (agent, "between" and possessor case words,
first-person and relative pronouns, infinitive markers, object-control verbs) in its grammar.toml. Each answer
says whether the tree decided it: a verb whose subject names no actor ("Ein Mann griff die Ukraine an") has no
known source, and the word-order rules must not then take the object instead. Where the tree has no slot (a parse
without a subject, a fragment), the caller falls back to the clause rules in `arguments.py`.

Source: `nsubj`; in a passive the agent (`obl:agent`, or a nominal with an agent preposition anywhere below the
verb, since parsers often attach it lower) while the subject becomes the target; control (`xcomp`, or an
infinitive `advcl`: "urged Kyiv to negotiate" → Kyiv, "X was asked to mediate" → X, "agreed to talk" → the
subject), a verb coordinated with an earlier one shares its subject (`conj`), a relative pronoun stands for its
antecedent (`acl:relcl`), a participle for the noun it modifies (`acl`: "militants attacking the convoy"; with an
agent it is a passive: "property seized by government forces"), "we"/"wir" for the speaker, and a pronoun no
sentence resolved ("Hungary said it will support") for the subject of the clause that governs its own.
Targets, and an event noun's own agent: tree_targets.py.
"""

from __future__ import annotations

from dyad.events.noun_frames import NounFrames
from dyad.events.reading import PhraseFinder, Reading, verb_lemmas
from dyad.events.tree import CLAUSAL, Tree
from dyad.events.tree_targets import OBJECTS, TreeAnswer, TreeTargets
from dyad.lang import Language
from dyad.model import Mention

GOVERNED = frozenset({"ccomp", "advcl", "conj", "parataxis"})
MAX_CLIMB = 4
OBLIQUE_CASES = frozenset({"Acc", "Dat", "Gen"})


class TreeArguments:
    def __init__(self, language: Language):
        arguments = language.grammar["arguments"]
        clauses = language.grammar["clauses"]
        self._agent = frozenset(arguments["agent_prepositions"])
        self._means = frozenset(arguments.get("means_nouns", []))
        self._first_person = frozenset(arguments["first_person"])
        self._object_control = frozenset(arguments.get("object_control_verbs", []))
        self._object_control_marks = frozenset(arguments.get("object_control_marks", []))
        self._relatives = frozenset(clauses["relatives"])
        self.phrases = PhraseFinder(frozenset(arguments.get("genitive_case_words", [])))
        self._infinitive_markers = frozenset(clauses["infinitive_markers"]) | {"zu"}
        self._prepositions = frozenset(arguments["prepositions"]) - self._infinitive_markers
        self._possessives = frozenset(arguments["possessives"])
        self._attribution = frozenset(arguments.get("attribution_words", []))
        self._passive_forms = frozenset(arguments["passive_auxiliary_forms"])
        self.noun_frames = NounFrames(language)
        self.target_finder = TreeTargets(language, self.phrases, self._without_preposition)
        self._rules = language.rules

    def verb(
        self, reading: Reading, tokens: tuple[int, ...], preps: frozenset[str], between: bool, objects: bool = True
    ) -> TreeAnswer:
        """Source and target of a verb trigger whose words are `tokens` (of "vermittelten Gespräche", the
        participle is the verb); `objects` False for a verb whose object is no target ("discussed Syria")."""
        verb = self._verb_of(reading, tokens)
        answer = TreeAnswer(passive=self._passive(reading, verb))
        self._source(reading, verb, answer, depth=0)
        self._targets(reading, tokens, preps, between, answer, nominal=not objects)
        return answer

    def attributive(self, reading: Reading, tokens: tuple[int, ...]) -> bool:
        """A participle before the noun it describes, with no agent ("die inhaftierte Anwältin", "the jailed
        activist"): it describes a state, the sentence reports no event by it. With an agent it does ("die von
        Russland besetzten Gebiete")."""
        tree = reading.tree
        word = tree.top(tokens)
        noun = tree.head(word)
        if len(tokens) > 1 or tree.relation(word) != "amod" or noun is None or noun < word:
            return False
        if tree.tokens[noun].upos not in {"NOUN", "PROPN"} or self._passive(reading, word):
            return False
        if self._agent_before(reading, word):
            return False  # "die von Russland besetzten Gebiete", its agent misattached
        # the noun's determiner before the participle shows the phrase ("the jailed activist"), or in German the
        # participle's adjective ending ("dem vom Zyklon verwüsteten Myanmar"); a parser's `amod` alone is often a
        # misread verb ("Hanoi rejected reports that ...")
        inflected = self._rules.inflected_participle(reading.word(word))
        if not inflected and not any(d < word for d in tree.children(noun, "det")):
            return False
        return inflected or tree.morph(word, "VerbForm") == "Part" or tree.tokens[word].upos == "ADJ"

    def _agent_before(self, reading: Reading, word: int) -> bool:
        """An agent phrase naming an actor right before an attributive participle ("die von Russland besetzten")."""
        for start in range(max(0, word - 4), word):
            if reading.word(start) in self._agent:
                return any(start < i < word for i in reading.view.on_token)
        return False

    def _verb_of(self, reading: Reading, tokens: tuple[int, ...]) -> int:
        """The trigger's head word; of "die von Russland besetzten Gebiete" the participle with its agent."""
        participles = [t for t in tokens if reading.tree.relation(t) == "amod" and self._passive(reading, t)]
        return participles[0] if participles else reading.tree.top(tokens)

    def noun_targets(
        self, reading: Reading, tokens: tuple[int, ...], preps: frozenset[str], between: bool
    ) -> TreeAnswer:
        """The targets a noun trigger's own phrase names: "Kritik an X", "Gespräche zwischen X und Y"; and the
        source, where the noun is what a verb of participation's subject takes part in ("Die Bundeswehr beteiligt
        sich nicht an den Luftangriffen", "Turkey took part in the talks")."""
        answer = TreeAnswer()
        self._targets(reading, tokens, preps, between, answer, nominal=True)
        if len(tokens) == 1:  # of "investigation into war crimes by the army" the agent is the crimes'
            self.target_finder.noun_agent(reading, tokens[0], answer)
        verb = self.noun_frames.participation_verb(reading, reading.tree.top(tokens))
        if verb is not None:
            self._source(reading, verb, answer, depth=0)
            answer.notes.append(f"source: who takes part ({reading.tree.path(reading.tree.top(tokens), verb)})")
        return answer

    def _source(self, reading: Reading, verb: int, answer: TreeAnswer, depth: int) -> None:
        tree = reading.tree
        if depth > MAX_CLIMB:
            return
        if self._passive(reading, verb):
            agents = [c for c in tree.children(verb, "obl") if self._is_agent(tree, c)]
            # a "von/by" phrase the parser attached lower ("am Wochenende von Israel") is still the agent, but not
            # one inside an attribution ("nach Angaben des Komitees vom Roten Kreuz")
            agents = (
                agents
                or [  # and one below a secondary predicate ("shot dead by security forces")
                    c
                    for c in tree.subtree(verb, CLAUSAL - {"xcomp"})[1:]
                    if self._is_agent(tree, c) and not self._attributed(reading, verb, c)
                ]
            )
            answer.decided_source = True
            if agents:
                answer.sources = self.phrases.phrase(reading, agents[0])
                answer.notes.append(f"source: passive agent ({tree.path(agents[0], verb)})")
            else:
                answer.notes.append("source: passive without agent (unknown)")
            return
        subjects = [
            c for c in tree.children(verb, "nsubj") if tree.dep(c) != "nsubj:pass" and self._can_be_subject(reading, c)
        ]
        if self._subjectless(reading, verb):
            subjects = []  # "kündigte an, die Gespräche fortzusetzen": "die Gespräche" labelled nsubj is the object
        elif not subjects:
            subjects = self._misattached_subject(reading, verb)
        if subjects:
            self._subject(reading, verb, subjects[0], answer)
        else:
            self._inherited_source(reading, verb, answer, depth)

    @staticmethod
    def _misattached_subject(reading: Reading, verb: int) -> list[int]:
        """An actor's name the parser hung from a verb as `compound` (UD allows no nominal compound of a verb): a
        parse error before an unknown verb form ("North Korea test - fired missiles"), and the verb's subject."""
        tree = reading.tree
        return [
            c
            for c in tree.children(verb)
            if tree.dep(c) == "compound"
            and c < verb
            and tree.tokens[c].upos in {"PROPN", "NOUN"}
            and c in reading.view.on_token
        ][:1]

    def _subject(self, reading: Reading, verb: int, subject: int, answer: TreeAnswer) -> None:
        tree, word = reading.tree, reading.word(subject)
        answer.decided_source = True
        resolved = subject in reading.view.on_token
        if word in self._first_person and not resolved and reading.speaker is not None:
            answer.sources = [reading.speaker]
            answer.notes.append(f"source: the speaker ({tree.path(subject, verb)}, first person)")
            return
        governor = tree.head(verb)
        # a relative pronoun ("der", "which": a pronoun, not the article) opens a relative clause whatever the label
        relative_clause = tree.dep(verb).endswith(":relcl") or tree.tokens[subject].upos == "PRON"
        if word in self._relatives and relative_clause and governor is not None:
            if tree.tokens[governor].upos in {"VERB", "AUX"}:  # attached to a verb, a parse error: the actor before
                answer.sources = self._actor_before(reading, subject)
                answer.decided_source = bool(answer.sources)
                answer.notes.append("source: the actor before the relative pronoun")
                return
            answer.sources = self.phrases.phrase(reading, governor)
            answer.notes.append(f"source: antecedent of the relative clause ({tree.path(governor, verb)})")
            return
        if tree.tokens[subject].upos == "PRON" and not resolved:
            self._pronoun_subject(reading, verb, subject, answer)
            return
        answer.sources = self.phrases.phrase(reading, subject)
        possessor = [c for c in tree.children(subject, "nmod", "det") if reading.word(c) in self._possessives]
        if not answer.sources and possessor and possessor[0] not in reading.view.on_token:
            self._pronoun_subject(reading, verb, possessor[0], answer)  # "Russia denied that its drones entered"
            return
        answer.plain_subject = tree.dep(subject) == "nsubj"
        found = "" if answer.sources else ", names no actor"
        answer.notes.append(f"source: subject ({tree.path(subject, verb)}{found})")

    @staticmethod
    def _noun_antecedent(reading: Reading, verb: int) -> bool:
        """A relative clause on a common noun: its antecedent is its subject or object, a nominal of its own."""
        tree, head = reading.tree, reading.tree.head(verb)
        return tree.dep(verb).endswith(":relcl") and head is not None and tree.tokens[head].upos == "NOUN"

    def _has_nominal_subject(self, reading: Reading, verb: int) -> bool:
        tree = reading.tree
        return any(
            tree.tokens[c].upos in {"NOUN", "PROPN"} and self._can_be_subject(reading, c)
            for c in tree.children(verb, "nsubj")
            if tree.dep(c) != "nsubj:pass"
        )

    def _can_be_subject(self, reading: Reading, nominal: int) -> bool:
        """A parse error check: a nominal with a preposition ("Am Dienstag") or in an oblique case is no subject.
        The case counts only where a word shows it (an article, a pronoun: "dem Iran", "ihm"); for a bare name
        ("Russland müsse ...") the tagger's case is a guess."""
        tree = reading.tree
        shown = tree.tokens[nominal].upos == "PRON" or bool(tree.children(nominal, "det"))
        oblique = shown and tree.morph(nominal, "Case") in OBLIQUE_CASES
        return self._without_preposition(reading, nominal) and not oblique

    def _without_preposition(self, reading: Reading, nominal: int) -> bool:
        """A core argument (subject, object) has no preposition: "bei den Vereinten Nationen" is no object."""
        first = min(reading.tree.subtree(nominal))
        if reading.word(first) in self._prepositions or (first > 0 and reading.word(first - 1) in self._prepositions):
            return False
        # "bei den Vereinten Nationen": the preposition before the actor's name, past its article
        return all(reading.view.governing_preposition(m) is None for m in reading.view.on_token.get(nominal, []))

    @staticmethod
    def _actor_before(reading: Reading, pronoun: int) -> list[Mention]:
        """ "..., der Iran, der Israel kritisierte": the actor right before a relative pronoun (and its comma)."""
        view = reading.view
        for index in (pronoun - 1, pronoun - 2):
            if index >= 0 and (index == pronoun - 1 or view.tokens[pronoun - 1].text == ","):
                before = [m for m in view.on_token.get(index, []) if m.last == index]
                if before:
                    return [m for m in view.group_of(before[0]) if m.first < pronoun]
        return []

    def _pronoun_subject(self, reading: Reading, verb: int, subject: int, answer: TreeAnswer) -> None:
        """A pronoun no earlier sentence resolved, subject of a clause another governs ("Hungary said it will
        support"), is that clause's subject; otherwise the tree leaves the source to the clause rules."""
        governor = reading.tree.head(verb)
        inner = TreeAnswer()
        if governor is not None and reading.tree.relation(verb) in GOVERNED:
            self._source(reading, governor, inner, depth=MAX_CLIMB - 1)
        answer.decided_source = bool(inner.sources)
        if inner.sources:
            answer.sources = inner.sources
            answer.notes.append(f"source: {reading.view.tokens[subject].text!r} is the governing clause's subject")

    def _inherited_source(self, reading: Reading, verb: int, answer: TreeAnswer, depth: int) -> None:
        tree = reading.tree
        governor = tree.head(verb)
        if governor is None:
            return
        relation = tree.dep(verb)
        # a complement clause without a subject of its own is non-finite in a language that drops no subjects
        bare_complement = relation == "ccomp" and not tree.children(verb, "mark")
        infinitive = relation == "xcomp" or (relation in {"advcl", "acl"} and self._infinitive(reading, verb))
        if (
            infinitive
            and tree.tokens[governor].upos == "NOUN"
            and (author := self.noun_frames.author(reading, governor))
        ):
            # "die Entscheidung Deutschlands, Panzer zu liefern", "Turkey's offer to mediate": the noun's author
            answer.sources = self.phrases.phrase(reading, author)
            answer.decided_source = bool(answer.sources)
            answer.notes.append(
                f"source: the author of {reading.view.tokens[governor].text} ({tree.path(author, verb)})"
            )
        elif relation == "xcomp" or bare_complement or (relation == "advcl" and self._infinitive(reading, verb)):
            self._controlled(reading, verb, governor, answer, depth)
        elif (
            relation == "advcl"
            and self._present_participle(reading, verb)
            and (obj := self._reason_object(reading, verb, governor)) is not None
        ):
            # "criticised the United States for deporting migrants": the one blamed or thanked did it
            self._subject(reading, governor, obj, answer)
            answer.notes.append(f"source: {reading.view.tokens[obj].text}, the object the reason is given for")
            answer.plain_subject = False
        elif relation == "advcl" and self._present_participle(reading, verb):
            # "Protesters stormed parliament, demanding ...", "after meeting Putin, Erdoğan said": the adjunct's
            # subject is the clause's it adjoins
            self._source(reading, governor, answer, depth + 1)
            answer.notes.append(
                f"source: the subject of {reading.view.tokens[governor].text}, which the participle adjoins"
            )
            # a subject that names no actor ("the earthquake that struck Nepal, killing ...") decides it as unknown
            answer.decided_source = bool(answer.sources) or self._has_nominal_subject(reading, governor)
            answer.decided_source = answer.decided_source or self._noun_antecedent(reading, governor)
            answer.plain_subject = False
        elif relation == "conj" and not tree.children(verb, "nsubj"):
            self._source(reading, governor, answer, depth + 1)
            answer.notes.append(f"source: shared with the coordinated {reading.view.tokens[governor].text}")
            # a shared subject that names no actor ("Demonstranten haben ... gestürmt und in Brand gesetzt") decides
            # the source as unknown: the word-order rules must not take the object instead
            answer.decided_source = bool(answer.sources) or self._has_nominal_subject(reading, governor)
            answer.plain_subject = False  # the governing verb's subject, not this clause's: the tree decides
        elif relation == "acl" and self._participle(reading, verb) and governor in reading.view.on_token:
            # "militants attacking the convoy"; "a declaration demanding", "the French film bombed": no actor noun
            answer.sources = self.phrases.phrase(reading, governor)
            answer.decided_source = bool(answer.sources)
            if answer.sources:
                answer.notes.append(f"source: the noun the participle modifies ({tree.path(governor, verb)})")

    def _reason_object(self, reading: Reading, gerund: int, governor: int) -> int | None:
        """The object of the verb a gerund of reason adjoins ("thanked Kenya for hosting", "accused X of firing"):
        `object_control_marks` introduce it, and the governing verb has a direct object."""
        tree = reading.tree
        marks = {reading.word(c) for c in tree.children(gerund, "mark", "case")}
        if not marks & self._object_control_marks:
            return None
        objects = [c for c in tree.children(governor, "obj") if not tree.children(c, "case")]
        return objects[0] if objects else None

    def _controlled(self, reading: Reading, verb: int, governor: int, answer: TreeAnswer, depth: int) -> None:
        """ "urged Kyiv to negotiate" (object control), "was asked to mediate", "agreed to talk" (subject)."""
        tree = reading.tree
        passive = self._passive(reading, governor)
        if passive:
            controllers = tree.children(governor, "nsubj:pass")
        else:  # a dative object controls too ("warf Russland vor, ... anzugreifen"); without an object, the
            # addressee in a phrase ("appellierte an Russland, ...", "called on Russia to ...")
            objects = tree.objects(governor, (*OBJECTS, "obl:arg"))
            controllers = [c for c in objects if not tree.children(c, "case")]
            controllers = controllers or [c for c in tree.children(governor, "obl") if tree.children(c, "case")]
        object_control = passive or bool(self._object_control.intersection(verb_lemmas(reading, governor)))
        if controllers and object_control:
            self._subject(reading, governor, controllers[0], answer)
            answer.notes.append(f"source: controlled by {reading.view.tokens[controllers[0]].text}")
            return
        self._source(reading, governor, answer, depth + 1)
        answer.notes.append(f"source: subject control by {reading.view.tokens[governor].text}")
        answer.decided_source = bool(answer.sources)  # an inherited subject that names no actor decides nothing
        answer.plain_subject = False

    def _participle(self, reading: Reading, verb: int) -> bool:
        """A participle modifying a noun: no marker ("to"), no relative pronoun, no finite form ("whom X blames")."""
        tree = reading.tree
        if tree.children(verb, "mark") or tree.morph(verb, "VerbForm") not in (None, "Part", "Ger"):
            return False
        return not any(reading.word(c) in self._relatives for c in tree.children(verb))

    @staticmethod
    def _present_participle(reading: Reading, verb: int) -> bool:
        """ "demanding", "citing", "fordernd": a present participle or gerund heading an adjunct clause."""
        tree = reading.tree
        form = tree.morph(verb, "VerbForm")
        return form == "Ger" or (form == "Part" and tree.morph(verb, "Tense") == "Pres")

    def _infinitive(self, reading: Reading, verb: int) -> bool:
        """ "to support", "um ... zu verhandeln", "anzugreifen": a clause whose subject its governor supplies."""
        tree, token = reading.tree, reading.view.tokens[verb]
        if tree.morph(verb, "VerbForm") == "Inf" or self._rules.infinitive_with_marker(token.lower, token.lemmas):
            return not tree.children(verb, "aux")
        return any(reading.word(m) in self._infinitive_markers for m in tree.children(verb, "mark", "aux"))

    def _subjectless(self, reading: Reading, verb: int) -> bool:
        """An infinitive clause that its governor controls has no subject of its own ("drohte, die Ukraine
        anzugreifen"), unless a subordinator other than an infinitive marker introduces one ("for Russia to
        mediate")."""
        tree = reading.tree
        if tree.relation(verb) not in {"xcomp", "ccomp", "advcl"} or not self._infinitive(reading, verb):
            return False
        return all(reading.word(m) in self._infinitive_markers for m in tree.children(verb, "mark"))

    def _passive(self, reading: Reading, verb: int) -> bool:
        """A passive auxiliary of the language's (not "had" labelled as one); where the tagger gives no verb form,
        an infinitive ("verhandeln werden": a future) is its own lemma."""
        tree = reading.tree
        if tree.dep(verb) == "acl" and any(self._is_agent(tree, c) for c in tree.children(verb, "obl:agent")):
            return True  # "property seized by government forces"
        if tree.relation(verb) == "amod" and any(self._is_agent(tree, c) for c in tree.children(verb, "obl")):
            return True  # an attributive participle with its agent: "die von Oman vermittelten Gespräche"
        auxiliaries = tree.children(verb, "aux:pass")
        if not tree.is_passive(verb) or not any(reading.word(a) in self._passive_forms for a in auxiliaries):
            return False
        token = reading.view.tokens[verb]
        return tree.morph(verb, "VerbForm") == "Part" or token.lower not in token.lemmas

    def _attributed(self, reading: Reading, verb: int, nominal: int) -> bool:
        """A nominal inside an attribution phrase ("nach Angaben des X", "according to X") below the verb."""
        current = reading.tree.head(nominal)
        while current is not None and current != verb:
            if reading.word(current) in self._attribution or self._attribution.intersection(
                reading.tree.case_words(current)
            ):
                return True
            current = reading.tree.head(current)
        return False

    def _is_agent(self, tree: Tree, nominal: int) -> bool:
        """An agent phrase: "obl:agent", or a "von/by" case word; a contracted preposition the parser took for a
        determiner counts too ("vom Auswärtigen Amt"). A means is none: "travelled by train", "spoke by phone"."""
        if tree.tokens[nominal].text.lower() in self._means:
            return False
        if tree.dep(nominal) == "obl:agent" or self._agent.intersection(tree.case_words(nominal)):
            return True
        first = min(tree.subtree(nominal))
        return tree.tokens[first].text.lower() in self._agent and tree.head(first) == nominal

    def _targets(
        self,
        reading: Reading,
        tokens: tuple[int, ...],
        preps: frozenset[str],
        between: bool,
        answer: TreeAnswer,
        nominal: bool,
    ) -> None:
        top = reading.tree.top(tokens) if nominal else self._verb_of(reading, tokens)
        subjectless = not nominal and self._subjectless(reading, top)
        self.target_finder.find(reading, tokens, top, (preps, between), answer, nominal, subjectless)
