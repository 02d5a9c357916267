"""The trigger lexicon and the tests that tell a happening from a mere mention of one.

`triggers.csv` lists trigger lemmas/phrases and the cue words read around them (frames such as
"fear"/"simulate", campaign words such as "uptick", light verbs such as "conduct", tally words,
speech verbs, civilian and aircraft nouns, decision-rule cues). Everything here reads the spaCy
parse the pipeline already made; nothing parses again.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from sitrep.errors import KnowledgeDataError
from sitrep.knowledge.happenings import weapon_of
from sitrep.knowledge.loader import read_csv
from sitrep.knowledge.taxonomy import categories, event_type_of
from sitrep.nlp.numbers import CROWD_QUANTITIES
from sitrep.nlp.opening import hung_subject
from sitrep.nlp.segment import doc_text, span_tokens

log = logging.getLogger(__name__)

ROLES = (
    "trigger",
    "stoppage",
    "mishap",
    "handling",
    "frame",
    "frame_object",
    "campaign",
    "support",
    "support_object",
    "agent",
    "state",
    "territory",
    "territory_verb",
    "tally",
    "speech",
    "civilian",
    "displaced",
    "freed",
    "armed",
    "aircraft",
    "crewed",
    "light_arms",
    "equipment",
    "rule",
    "stopped",
    "taken",
    "vanished",
    "harm",
    "claim",
    "symbol",
    "victim",
    "fought_off",
    "armed_trade",
    "membership",
    "civilian_group",
    "crowd",
    "contraband",
    "claimant",
    "object_named",
    "figure",
    "animal",
    "barricade",
    "barrier",
    "blocking",
    "fray",
    "policing",
    "explosive",
    "arms",
    "protest_sign",
    "banner",
    "handout",
    "retold",
    "sport",
)
FUTURE_AUX = frozenset({"will", "shall", "'ll"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "'d"})
LOCATIVE_PREPS = frozenset(
    {"in", "at", "near", "on", "around", "outside", "inside", "across", "over"}
)
DEFINITE = frozenset({"the", "these", "those", "such", "this", "that"})
_POS = {"VERB": {"VERB"}, "NOUN": {"NOUN", "PROPN"}, "ADJ": {"ADJ"}}
# Munitions are counted inside one event ("3 rockets hit"); happenings make tallies ("11 attacks").
MUNITIONS = frozenset(
    {"rocket", "missile", "mortar", "artillery", "grenade", "ied", "landmine", "shell", "shot",
     "projectile", "burst"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of triggers.csv."""

    pattern: tuple[str, ...]  # lemma (one word) or lower-case words of a phrase
    phrase: bool
    pos: str
    role: str
    candidates: frozenset[str]
    plover: str | None
    plover_mode: str | None
    weight: float
    requires: str
    family: str  # the taxonomy family of its candidates ("violence" when mixed or open)


@dataclass(frozen=True, slots=True)
class Match:
    """A trigger in the parse: tokens [start, end), the entry, and `head`, its syntactic head."""

    start: int
    end: int
    head: int
    entry: Entry


class Lexicon:
    """Trigger and cue tables indexed for token-by-token lookup (built once per process)."""

    def __init__(self, rows: list[dict[str, str]]):
        cats = categories()
        self.lemmas: dict[str, list[Entry]] = defaultdict(list)
        self.phrases: dict[str, list[Entry]] = defaultdict(list)
        self.cues: dict[str, set[str]] = defaultdict(set)
        self.rules: list[Entry] = []
        for line, row in enumerate(rows, start=2):
            role = row["role"]
            if role not in ROLES:
                raise KnowledgeDataError(f"triggers.csv:{line}: unknown role {role!r}")
            cands = frozenset(c for c in row["candidates"].split("|") if c)
            unknown = [c for c in cands if c not in cats]
            if unknown:
                raise KnowledgeDataError(f"triggers.csv:{line}: unknown candidates {unknown}")
            words = tuple(row["pattern"].lower().split())
            phrase = row["match"] == "phrase"
            if "-" in row["pattern"]:
                # The tokenizer splits hyphenated words ("sit-in" is sit, -, in): match the pieces.
                words = tuple(w for w in re.split(r"\s+|(-)", row["pattern"].lower()) if w)
                phrase = len(words) > 1
            entry = Entry(
                pattern=words,
                phrase=phrase,
                pos=row["pos"] or "ANY",
                role=role,
                candidates=cands,
                plover=row["plover"] or None,
                plover_mode=row["plover_mode"] or None,
                weight=float(row["weight"] or 0.5),
                requires=row["requires"],
                family=family_of(cands),
            )
            if role == "rule":
                self.rules.append(entry)
            elif role == "trigger":
                (self.phrases[words[0]] if entry.phrase else self.lemmas[words[0]]).append(entry)
            else:
                self.cues[role].add(" ".join(words))

    def is_cue(self, token: Token, role: str) -> bool:
        return token.lemma_.lower() in self.cues[role] or token.lower_ in self.cues[role]

    def _lemma(self, token: Token) -> str:
        """The token's lemma; a capitalised noun opening a sentence that the tagger took for a
        name ("Raids were carried out in …", lemma "Raids") is read as the common noun."""
        lemma = token.lemma_.lower()
        if (
            token.tag_ in ("NN", "NNP")
            and lemma == token.lower_
            and lemma.endswith("ed")
            and lemma not in self.lemmas
            and token.i > 0
            and token.doc[token.i - 1].pos_ in ("NOUN", "PROPN")
        ):
            # A past tense after its subject that the tagger took for a noun ("members of the
            # union protested to demand …", lemma "protested"): read as the verb it is inflected
            # from ("the wounded", "the accused" have no subject before them).
            for stem in (lemma[:-2], lemma[:-1], lemma[:-3]):
                if stem in self.lemmas and (stem != lemma[:-3] or lemma[-3] == lemma[-4]):
                    return stem
            return lemma
        if token.pos_ != "PROPN" or not token.is_sent_start or lemma in self.lemmas:
            return lemma
        for suffix, repl in (("ies", "y"), ("s", "")):
            if lemma.endswith(suffix) and (singular := lemma[: -len(suffix)] + repl) in self.lemmas:
                return singular
        return lemma

    def find(self, doc: Doc | SpacySpan) -> list[Match]:
        """Trigger matches in reading order; a phrase wins over the single words it covers."""
        matches: list[Match] = []
        covered: set[int] = set()
        tokens = list(doc)
        lemmas = [self._lemma(t) for t in tokens]  # each read once: attribute access is dear
        for k, tok in enumerate(tokens):
            by_word, by_lemma = self.phrases.get(tok.lower_), self.phrases.get(lemmas[k])
            if not by_word and not by_lemma:  # most tokens start no phrase
                continue
            # The longest phrase first, then file order: a set's order would change from one
            # process to the next (the entries' hashes hold None's, which moves).
            starting = dict.fromkeys([*(by_word or ()), *(by_lemma or ())])
            for entry in sorted(starting, key=lambda e: -len(e.pattern)):
                n = len(entry.pattern)
                span = tokens[k : k + n]
                if len(span) == n and all(
                    _word_matches(t, w) for t, w in zip(span, entry.pattern, strict=True)
                ):
                    if any(t.i in covered for t in span):
                        continue
                    covered.update(t.i for t in span)
                    matches.append(Match(span[0].i, span[-1].i + 1, _phrase_head(span), entry))
                elif (particle := _separated_particle(tok, entry.pattern)) is not None:
                    if tok.i in covered or particle.i in covered:
                        continue
                    covered.update((tok.i, particle.i))
                    matches.append(Match(tok.i, tok.i + 1, tok.i, entry))
        for tok, lemma in zip(tokens, lemmas, strict=True):
            if tok.i in covered or (
                tok.is_title
                and tok.ent_type_ == "DATE"
                and not (tok.dep_ == "dobj" and self.is_cue(tok.head, "support"))
            ):
                continue  # (the month "March" is no march; "staged a 'March for …'" is one)
            for entry in self.lemmas.get(lemma, ()):
                if entry.requires == "stoppage" and not self.work_stoppage(tok):
                    continue  # ("a strike on the base": the next row, a weapon's strike)
                if entry.requires == "unprotested" and protest_told(tok):
                    continue  # ("truckers held a freedom convoy": the next row, a protest's)
                if entry.requires == "stops_weapon" and not stops_a_weapon(tok, self):
                    continue  # ("intercepted a boat carrying migrants": the next row)
                if entry.pos == "ANY" or tok.pos_ in _POS[entry.pos]:
                    matches.append(Match(tok.i, tok.i + 1, tok.i, entry))
                    break
        return sorted(matches, key=lambda m: m.start)

    def work_stoppage(self, tok: Token) -> bool:
        """ "taxi drivers held a strike", "a day of strike and protest", "striking workers
        gathered": the strike is people stopping work, held or called by someone (`stoppage`
        verbs: hold, stage, observe, call, declare …), told beside a protest word or as the
        participle before the people on strike; not "carried out a strike on the base"."""
        if tok.pos_ == "VERB" or tok.tag_ == "VBG":
            # "striking workers", "the striking teachers": a participle before the noun it
            # describes is people on strike (a blow struck has an object or a doer)
            if tok.lower_ != "striking":
                return False
            if tok.dep_ in ("amod", "compound"):
                return tok.head.i > tok.i
            # "On 25 March, striking nurses and cleaners gathered …" misparsed as a clause of
            # its own (the root, a clausal subject, or joined to the date's preposition): a
            # participle that opens the clause after the fronted date, with no subject, is no
            # blow struck
            opens = tok.i == tok.sent.start or tok.doc[tok.i - 1].lower_ == ","
            return opens and (
                tok.dep_ in ("ROOT", "csubj")
                or (tok.dep_ == "conj" and tok.head.pos_ not in ("VERB", "AUX"))
            ) and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)
        noun = tok.head if tok.dep_ == "compound" else tok
        if noun.dep_ in ("dobj", "nsubjpass") and self.is_cue(noun.head, "stoppage"):
            return True
        protest = [
            t for t in (noun.head, *noun.children)
            if t.dep_ == "conj" or noun.dep_ in ("conj", "appos")
        ]  # fmt: skip
        return any(
            t.i != noun.i and any(names_a_demonstration(e) for e in self.lemmas.get(
                t.lemma_.lower(), ()) if e.requires != "stoppage")
            for t in protest
        )

    def rule_hits(self, sent: SpacySpan) -> list[Entry]:
        """Decision-rule cues present in a sentence, in file order (the first that applies wins).

        A one-word cue counts in its part of speech ("torched", not "a torch march"), and no cue
        counts inside what a protest is about ("protested against the clashes")."""
        about = protest_topics(sent, self)
        words = [t for t in span_tokens(sent) if t.i not in about and not burns_a_symbol(t, self)]
        text = " " + " ".join(t.lower_ for t in words) + " "
        # a phrasal verb split by its object ("shot it down") counts as the phrase
        text += " ".join(f"{t.head.lower_} {t.lower_} " for t in words if t.dep_ == "prt")
        # Each word (lemma or form) with the parts of speech it is read as: one look-up per rule
        # rather than a walk over the sentence.
        read_as: dict[str, set[str]] = {}
        for t in words:
            read_as.setdefault(t.lemma_.lower(), set()).add(t.pos_)
            read_as.setdefault(t.lower_, set()).add(t.pos_)
        hits = []
        for rule in self.rules:
            if rule.phrase:
                if f" {' '.join(rule.pattern)} " in text:
                    hits.append(rule)
            elif (pos := read_as.get(rule.pattern[0])) and (
                rule.pos == "ANY" or not pos.isdisjoint(_POS[rule.pos])
            ):
                hits.append(rule)
        return hits


_STOPPED_DEPS = frozenset({"dobj", "nsubjpass"})
# Nouns that stand for what was told before them ("others were intercepted", "the rest fell").
_STAND_INS = frozenset({
    "other", "one", "some", "most", "rest", "all", "many", "several", "majority", "number",
    "part", "half", "first", "second", "third", "remainder",
})


def stops_a_weapon(verb: Token, lex: Lexicon) -> bool:
    """What the verb stops (its object or passive subject, a word joined to it, what an "of"
    phrase under it names, or the noun its participle describes) is a weapon or a flying machine
    (weapon_words.csv, `arms` or `aircraft` role) or a remote strike named by its word (a
    barrage, a launch), or is named by no common noun ("intercepted them", "the second was
    intercepted"): "air defences intercepted two drones". Not "armed men intercepted a car and
    shot the driver", "soldiers intercepted militants": ACLED codes what was done to the people
    stopped (an attack, a clash, an abduction, an arrest), not a weapon taken out of use."""
    stopped = [c for c in verb.children if c.dep_ in _STOPPED_DEPS]
    if not stopped:
        # "intercepted and killed twenty militants": the object the joined verbs share
        stopped = [c for v in verb.conjuncts for c in v.children if c.dep_ in _STOPPED_DEPS]
    if verb.dep_ in ("amod", "acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        stopped.append(verb.head)  # "from two intercepted trucks"
    words = [w for s in stopped for w in (s, *s.conjuncts)]
    words += [
        o
        for w in list(words)
        for prep in w.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for o in prep.children
        if o.dep_ == "pobj"
    ]
    named = [
        w for w in words
        if (w.pos_ == "NOUN" and w.lemma_.lower() not in _STAND_INS) or w.ent_type_ == "PERSON"
    ]
    if not named:
        return True
    return any(
        lex.is_cue(w, "arms")
        or lex.is_cue(w, "aircraft")
        or weapon_of(w.lemma_.lower(), w.pos_) is not None
        or any(
            weapon_of(c.lemma_.lower(), c.pos_) is not None
            for c in w.children
            if c.dep_ == "compound"
        )
        or any(
            e.role == "trigger" and e.candidates and all(
                event_type_of(k) == "Explosions/Remote violence" for k in e.candidates
            )
            for e in lex.lemmas.get(w.lemma_.lower(), ())
        )
        for w in named
    )


def family_of(candidates: frozenset[str]) -> str:
    families = {categories()[c].family for c in candidates}
    return families.pop() if len(families) == 1 else "violence"


def _word_matches(token: Token, word: str) -> bool:
    return token.lower_ == word or token.lemma_.lower() == word


def _separated_particle(verb: Token, pattern: tuple[str, ...]) -> Token | None:
    """The particle of a two-word phrasal verb split by its object ("shot it down", "brought
    the drone down"): the parse's `prt` child of the verb, not next to it."""
    if len(pattern) != 2 or verb.pos_ != "VERB" or not _word_matches(verb, pattern[0]):
        return None
    for child in verb.rights:
        if child.dep_ == "prt" and child.i > verb.i + 1 and _word_matches(child, pattern[1]):
            return child
    return None


def _phrase_head(span: list[Token]) -> int:
    inside = {t.i for t in span}
    for t in span:
        if t.head.i not in inside or t.head.i == t.i:
            return t.i
    return span[0].i


@cache
def lexicon() -> Lexicon:
    return Lexicon(read_csv("triggers.csv", required=("pattern", "match", "role")))


# --- happening tests -------------------------------------------------------------------------


# Prepositions that set one happening before or after another: "jets struck the valley after a
# shoot-out at the border", "shelling followed by a raid".
SEQUENCE_PREPS = frozenset({"after", "before", "following"})


def governing_verb(token: Token) -> Token | None:
    """The verb whose clause holds `token` (itself if a verb)."""
    t = token
    while True:
        if t.pos_ in ("VERB", "AUX"):
            return t
        if t.head.i == t.i:
            return None
        t = t.head


def set_beside(verb: Token) -> bool:
    """A "while" clause with a subject of its own, set beside the main clause ("…, while a ship
    was hit off the coast"): the same time, another thing."""
    return (
        verb.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in verb.children)
        and any(c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON" for c in verb.children)
    )


# Subjects that take the doer of the clause before ("they struck … and they shelled …").
_BACK_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "who", "which", "that"})
# Verbs whose subject is who died, not who did it ("… and another died in hospital").
_DYING = frozenset({"die", "succumb", "perish"})


def joined_with_own_subject(verb: Token) -> bool:
    """A verb joined by "and" to an earlier verb of the sentence, with a doer of its own that is
    no pronoun for the first one's ("…, and another struck …", "… and gunmen shot …"); not the
    victims of the same happening ("four were killed and two others were wounded", and its
    elliptic passive "four were killed and 90 injured", whose number the parse makes a doer)."""
    return (
        verb.dep_ == "conj"
        and verb.head.pos_ in ("VERB", "AUX")
        and verb.lemma_.lower() not in _DYING
        and any(
            c.dep_ == "nsubj"
            and c.lower_ not in _BACK_PRONOUNS
            and not (c.like_num and verb.tag_ == "VBN")
            for c in verb.children
        )
    )


def is_future(token: Token) -> bool:
    """The clause governing `token` is in the future ("will continue", "will be met")."""
    verb = governing_verb(token)
    if verb is None:
        return False
    chain = [verb] + ([verb.head] if verb.dep_ in ("xcomp", "conj") else [])
    return any(
        c.lower_ in FUTURE_AUX or c.lemma_ == "will"
        for v in chain
        for c in v.children
        if c.dep_ == "aux"
    )


# Who a generic condition is about: "anyone who attacks us", "whoever targets the country".
_ANYONE = frozenset({"anyone", "anybody", "whoever", "whosoever", "whomever"})


def is_told_of_anyone(token: Token) -> bool:
    """The happening is a condition on whoever might do it, not a deed: "anyone who raids our
    towns will regret it", "whoever fires on the border will pay", "any state that bombs us …"
    (a verb in the present, done by a generic doer)."""
    verb = governing_verb(token)
    if verb is None or verb.tag_ not in ("VBZ", "VBP"):
        return False
    if any(c.dep_ == "nsubj" and c.lower_ in _ANYONE for c in verb.children):
        return True
    head = verb.head
    return verb.dep_ == "relcl" and (
        head.lower_ in _ANYONE
        or any(c.dep_ == "det" and c.lower_ == "any" for c in head.children)
    )


def is_hypothetical(token: Token) -> bool:
    """The clause governing `token` is conditional or hypothetical ("a siege would target …")."""
    verb = governing_verb(token)
    # A modal by its tag: the month in "missing since 7 May blocked the road" can be parsed as
    # the verb's auxiliary.
    return verb is not None and any(
        c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in HYPOTHETICAL_AUX for c in verb.children
    )


# Participles that hang what a person is said to have done on the person ("a man accused of").
_SAID_OF_SOMEONE = frozenset({"suspect", "accuse"})


def frame_ancestor(token: Token, lex: Lexicon) -> Token | None:
    """A frame or campaign word governing or modifying `token` ("fears attacks", "hypothetical")."""
    for child in token.children:
        if child.dep_ in ("amod", "compound") and (
            lex.is_cue(child, "frame") or lex.is_cue(child, "campaign")
        ):
            return child
        if child.dep_ == "nsubj" and lex.is_cue(child, "campaign"):
            return child  # "the conflict has killed 250,000": a war's toll, not one happening
        if child.dep_ == "compound" and child.tag_ == "NNS" and lex.is_cue(child, "frame_object"):
            return child  # a headline's "leader orders attack on …", parsed as a noun compound
    if token.dep_ == "dobj" and lex.is_cue(token.head, "frame_object") and _is_violence(token, lex):
        return token.head  # "demanded they stop their attacks", "ordered an attack": no happening
    hung = token.pos_ == "VERB" and token.dep_ in ("acl", "relcl")
    if hung and is_demonstration_word(token, lex):
        # "nurses called by their unions protested in …", "at the call of the unions, workers
        # demonstrated …", "campaigners of the No-To-X campaign gathered …": a protest verb
        # hung on a noun is told as done (the parse often hangs a sentence's own verb on the
        # last noun of a long subject); what that noun is part of does not frame it.
        return None
    for anc in governors(token):
        if anc.dep_ == "acl" and anc.lemma_.lower() in _SAID_OF_SOMEONE:
            # "a youth suspected of a kidnapping was then beaten by a crowd": what someone is
            # suspected of describes him, it is not the happening told
            return anc
    judged = _retold_by(token, lex)
    if judged is not None:
        return judged
    own_clause = False  # "fighting intensified as rebels took two towns": a told happening
    for anc in (token, *governors(token)):
        if anc is not token and (
            lex.is_cue(anc, "frame")
            or (lex.is_cue(anc, "campaign") and not own_clause and not _carried_out(anc, lex)
                and not _taken_part_in(anc))
        ):
            return anc
        own_clause = own_clause or (
            anc.pos_ == "VERB"
            and anc.dep_ in _SUBORDINATE
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in anc.children)
        )
    return None


# How a deed hangs on the word that judges or remembers it: its object ("commemorate the
# victims of …"), its "for"/"of"/"over" phrase ("sentenced … for their role in …"), or the
# person judged as the subject of a passive ("were convicted of …").
_RETOLD_VIA = frozenset({"dobj", "prep", "nsubjpass"})


def _retold_by(token: Token, lex: Lexicon) -> Token | None:
    """A word by which a past deed is judged or remembered (`retold` cues: sentenced, convicted,
    trial, commemorate, anniversary) governing `token` through its object or a preposition: the
    deed is what the court or the mourners speak of, not a happening the report tells ("a court
    sentenced four men for their role in the siege of a hotel in which 21 were killed").
    A conjunct of it is a deed of its own ("sentenced to death and executed a man")."""
    child = token
    while child.head.i != child.i:
        head = child.head
        if child.dep_ == "conj" and head.i != token.i:
            return None
        if lex.is_cue(head, "retold"):
            return head if child.dep_ in _RETOLD_VIA else None
        child = head
    return None


def _carried_out(noun: Token, lex: Lexicon) -> bool:
    """ "carried out a series of strikes on …", "launched a wave of raids": a run of happenings
    done (a light verb in the past), told with their targets, not a campaign as a topic."""
    head = noun.head
    return (
        noun.pos_ == "NOUN"
        and noun.dep_ == "dobj"
        and lex.is_cue(head, "support")
        and head.tag_ in ("VBD", "VBN")
    )


# Clauses hanging off a campaign word that tell something of their own when they have a subject:
# "escalated when militants attacked", "intensified with forces launching a raid".
_SUBORDINATE = frozenset({"advcl", "pcomp"})


def _is_violence(token: Token, lex: Lexicon) -> bool:
    """A trigger of violence ("ordered an attack"), not of an agreement ("ordered a ceasefire")."""
    return any(e.family == "violence" for e in lex.lemmas.get(token.lemma_.lower(), ()))


# Modifiers of "body" in its sense of an organisation ("a local body", "a governing body").
_BODY_OF_PEOPLE = frozenset(
    {"local", "governing", "government", "advisory", "legislative", "regulatory", "judicial",
     "elected", "official", "international", "regional", "national", "professional", "umbrella",
     "student", "representative", "independent", "statutory", "administrative", "global"}
)  # fmt: skip


def is_corpse(tok: Token) -> bool:
    """ "body" as a dead person ("the body of a man", "an unidentified body"), not an
    organisation ("USIP, a Congress-funded body", "the student body") nor a modifier ("body
    armour")."""
    if tok.dep_ == "compound":
        return False
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return True  # "the body of a woman"
    return not any(
        c.dep_ in ("amod", "compound")
        and (c.lower_ in _BODY_OF_PEOPLE or c.lemma_.lower() in _BODY_OF_PEOPLE
             or (c.tag_ == "VBN" and any(g.dep_ == "npadvmod" for g in c.children)))
        for c in tok.children
    )  # fmt: skip


def governors(token: Token) -> Iterator[Token]:
    """The tokens `token` depends on, up to the root, skipping the first conjunct of a
    coordination: in "planned and carried out an attack", "planned" does not govern "attack"."""
    t = token
    while t.head.i != t.i:
        via_conj = t.dep_ == "conj"
        t = t.head
        if not via_conj:
            yield t


# Verbs whose to-infinitive still happened ("began to shell", "claimed to have shot down").
ASPECT_HEADS = frozenset({"begin", "start", "continue", "manage", "try", "attempt", "claim"})


def is_intention(token: Token, lex: Lexicon) -> bool:
    """A non-finite trigger under a verb that is not itself a happening ("racing to execute")."""
    verb = governing_verb(token)
    if verb is None or verb.dep_ not in ("xcomp", "advcl", "relcl", "acl"):
        return False
    has_to = _to(verb)
    head = verb.head
    if has_to and verb.dep_ == "advcl" and is_demonstration_word(token, lex) and _done(head, lex):
        # "took to the streets to protest", "drove through the town to demonstrate": a purpose
        # clause of something people did names the protest it was (train notes: 20 of the
        # protests no trigger found are written so).
        return False
    # "an order to strike", "a plan to attack": a noun's to-infinitive is what it is about.
    about = verb.dep_ == "acl" and head.pos_ == "NOUN"
    return (
        has_to
        and (head.pos_ in ("VERB", "AUX", "ADJ") or about)
        and (head.lemma_ not in ASPECT_HEADS)
    )


DEMONSTRATIONS = ("Protests", "Riots")
# What a protest is about: "protested against the attack", "rallied over the clashes", "marched
# for the release of …", "a sit-in regarding …".
TOPIC_PREPS = frozenset({"against", "over", "for", "about", "regarding", "concerning"})
# "rioted after a bus crash killed two", "protested following the death of …": what set it off.
CAUSE_PREPS = frozenset({"after", "following"})
# "a rally in response to the shooting", "in memory of the victims", "on the anniversary of the
# attack": what a gathering answers or marks (the noun of the preposition's object).
ANSWERED = frozenset(
    {"response", "reaction", "memory", "honour", "honor", "tribute", "anniversary", "occasion",
     "commemoration", "remembrance"}
)  # fmt: skip
# "the march was triggered by a bombing", "the rally followed the killing": a verb whose subject
# is the gathering and whose agent or object set it off or is what it marks.
SET_OFF = frozenset({"spark", "trigger", "prompt", "provoke", "follow", "mark", "commemorate"})
# A gathering named by a plain word that, as the subject of a later sentence, is the protest told
# before it ("The event was held in response to …").
GATHERING = frozenset({"event", "gathering", "action", "mobilization", "mobilisation"})


def protest_topics(
    sent: SpacySpan, lex: Lexicon, matches: list[Match] | None = None
) -> set[int]:
    """Tokens telling what the sentence's protests are about: a phrase after against/over/for/
    about, or "in support of"/"in solidarity with", what set them off ("after …", "following
    …"), under a protest word (or the light verb holding it: "held a protest against …", "a
    rally was held against …", or the verb of taking part in it: "took part in protests,
    demanding …"; and an 'against' phrase the parser hung on its place), its purpose clause
    ("marched to denounce …"), a demand, call or protest told as a participle ("protested,
    demanding the arrest of the men who set fire to …", "staged a sit-in, protesting the arrest
    of …"), and what a passive clause says was done
    to someone else ("relatives of three men who were arrested protested …"). Violence named
    there is the grievance, not what the protesters did (ACLED codes the protest by its own
    conduct). `matches`: the sentence's triggers when found already (with deeds done for a
    claim)."""
    doc = sent.doc
    if matches is None:
        # the whole sentence's: read once per sentence (the detector, the type rules and the
        # tolls all ask)
        key = f"sitrep.protest_topics.{id(lex)}.{sent.start}.{sent.end}"
        if key not in doc.user_data:
            found, claimed = sentence_triggers(sent, lex)
            doc.user_data[key] = protest_topics(sent, lex, found + claimed)
        return doc.user_data[key]
    words = [doc[m.head] for m in matches if names_a_demonstration(m.entry)]
    gatherings = [
        t for t in span_tokens(sent)
        if t.lemma_.lower() in GATHERING and t.dep_ in ("nsubj", "nsubjpass") and is_definite(t)
    ]  # fmt: skip
    heads = []
    about: set[int] = set()
    for t in words + gatherings + [doc[i] for i in _cue_tokens(sent, lex, "agent")]:
        heads.append(t)
        subject = t.dep_ in ("nsubjpass", "nsubj") and t.i in {w.i for w in words + gatherings}
        if (
            t.dep_ in ("dobj", "pobj")
            # "a rally was held … against the arrest of …", "a protest broke out over …"
            or subject
        ) and lex.is_cue(t.head, "support"):
            heads.append(t.head)
        elif _taken_part_in(whole := _of_a_series(t)):
            # "took part in protests, demanding …", "participated in a rally against …": what
            # the taking part is for or about is the protest's
            heads.append(whole.head.head)
        elif subject and t.head.lemma_.lower() in SET_OFF:
            # "the march was triggered by a bombing", "the rally followed the killing"
            heads.append(t.head)
            for c in t.head.children:
                if c.dep_ in ("agent", "dobj"):
                    about.update(x.i for x in c.subtree)
    for h in heads:
        for c in h.children:
            if c.dep_ == "prep" and any(
                o.dep_ == "pobj" and o.lemma_.lower() in ANSWERED for o in c.children
            ):
                about.update(t.i for t in c.subtree)  # "in response to the shooting of …"
                continue
            purpose = c.dep_ in ("advcl", "xcomp") and (
                _to(c) or (c.tag_ == "VBG" and _claims(c, lex))
            )
            cause = (c.dep_ == "prep" and c.lower_ in CAUSE_PREPS) or (
                c.dep_ == "advcl" and any(a.dep_ == "mark" and a.lower_ in CAUSE_PREPS
                                          for a in c.children))  # fmt: skip
            if (c.dep_ == "prep" and c.lower_ in TOPIC_PREPS) or purpose or cause or (
                    _in_support(c)):  # fmt: skip
                about.update(t.i for t in c.subtree)
        for c in _against_on_its_place(h):
            about.update(t.i for t in c.subtree)
        for c in h.children:
            # "in solidarity with the tenants whom police evicted …" with "with …" hung on
            # the verb: the phrase goes on what it stands for
            if (
                c.dep_ == "prep"
                and c.lower_ in ("with", "of")
                and c.i - 1 in about
                and sent.doc[c.i - 1].lemma_.lower() in _STANDS_FOR
            ):
                about.update(t.i for t in c.subtree)
    if words:
        # "followers of a cleric who was arrested …", "relatives of a woman killed in 2021": what
        # was done to someone the sentence describes, not to the protest or its doers
        told = {t.i for t in heads}
        for t in span_tokens(sent):
            done_to = (t.dep_ == "relcl" and any(c.dep_ == "nsubjpass" for c in t.children)) or (
                t.dep_ in ("acl", "amod") and t.tag_ == "VBN"
            )  # (and "supporters of the arrested mayor": a participle before the noun)
            if done_to and t.i not in told and t.head.i not in told:
                about.add(t.i)
    return about


def _of_a_series(t: Token) -> Token:
    """The noun a protest word is told a part of ("a series of protests", "a wave of
    rallies"), else the word."""
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.dep_ == "pobj":
        return t.head.head
    return t


# The links of a place or a name told of a protest ("at X (Y district)", "led by the
# commissioner of police at X"): what the parser hangs the next phrase on.
_PLACE_LINKS = frozenset({"prep", "pobj", "appos", "compound", "agent", "acl", "npadvmod"})
_PLACE_PREPS = frozenset({"at", "in", "near", "outside", "of", "by", "on", "along", "from"})


def _against_on_its_place(head: Token) -> list[Token]:
    """ "held a sit-in at X (Y district) against how the police handled last week's clash",
    "a rally led by the city's police chief at X against the attack on police": an 'against'
    phrase the parser hung on the place or the name told of a protest still tells what the
    protest is against (a place or a person is not against anything)."""
    found = []
    for t in head.subtree:
        if t.dep_ != "prep" or t.lower_ != "against" or t.head.i == head.i:
            continue
        link = t.head
        ok = link.pos_ in ("NOUN", "PROPN")
        while ok and link.i != head.i:
            ok = link.dep_ in _PLACE_LINKS and (
                link.dep_ != "prep" or link.lower_ in _PLACE_PREPS
            ) and (link.dep_ != "acl" or link.tag_ == "VBN")
            link = link.head
        if ok:
            found.append(t)
    return found


# A protest's ending: "after the protest was finished", "once the rally ended".
_ENDED = frozenset({"finish", "end", "conclude", "close", "disperse", "be"})


def after_the_protest(sent: SpacySpan, lex: Lexicon) -> bool:
    """The sentence tells its deed as done after the protest was over: "one person was arrested
    right after the rally", "they were detained later, after the protest was finished",
    "once the march ended, police held two organisers" (ACLED: arrests made once a protest has
    ended do not make it a Protest with intervention)."""
    for t in span_tokens(sent):
        if t.lower_ not in ("after", "once"):
            continue
        if t.dep_ == "prep" and t.lower_ == "after":
            # (the protest told before: "right after the rally"; not "detained them following
            # an unsanctioned demonstration", the news of the arrest)
            if any(
                c.dep_ == "pobj"
                and (is_demonstration_word(c, lex) or c.lemma_.lower() in GATHERING)
                and any(d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in c.children)
                for c in t.children
            ):
                return True
        elif t.dep_ == "mark" and t.head.lemma_.lower() in _ENDED:
            verb = t.head
            if verb.lemma_.lower() == "be" and not any(
                c.lower_ == "over" for c in verb.children
            ):
                continue
            if any(
                c.dep_ in ("nsubj", "nsubjpass")
                and (is_demonstration_word(c, lex) or c.lemma_.lower() in GATHERING)
                for c in verb.children
            ):
                return True
    return False


def _cue_tokens(sent: SpacySpan, lex: Lexicon, role: str) -> list[int]:
    """The sentence's tokens that are cues of `role`, read once per sentence and kept with its
    doc (what a protest is about is asked several times a sentence)."""
    key = f"sitrep.cue_tokens.{id(lex)}.{role}.{sent.start}.{sent.end}"
    found: list[int] | None = sent.doc.user_data.get(key)
    if found is None:
        found = sent.doc.user_data[key] = [t.i for t in span_tokens(sent) if lex.is_cue(t, role)]
    return found


# "in support of …", "in solidarity with …", "in memory of …": what a protest stands for.
_STANDS_FOR = frozenset({"support", "solidarity", "memory", "defence", "defense", "favour", "favor",
                         "protest", "commemoration", "honour", "honor", "tribute"})  # fmt: skip


def _in_support(prep: Token) -> bool:
    return (
        prep.dep_ == "prep"
        and prep.lower_ == "in"
        and any(c.dep_ == "pobj" and c.lemma_.lower() in _STANDS_FOR for c in prep.children)
    )


def sentence_triggers(sent: SpacySpan, lex: Lexicon) -> tuple[list[Match], list[Match]]:
    """The sentence's trigger matches and its deeds done for a claim (`claimed_actions`), found
    once per sentence and kept with its doc (callers copy before changing them)."""
    key = f"sitrep.sentence_triggers.{id(lex)}.{sent.start}.{sent.end}"
    if key not in sent.doc.user_data:
        found = lex.find(sent)
        sent.doc.user_data[key] = (found, claimed_actions(sent, lex, found))
    found, claimed = sent.doc.user_data[key]
    return list(found), list(claimed)


def claimed_actions(sent: SpacySpan, lex: Lexicon, matches: list[Match]) -> list[Match]:
    """Deeds done to press a claim: "teachers blocked the road to demand their pay", "students
    occupied the school to denounce the reform", "truckers drove through the city, demanding
    lower fuel prices". A past deed by someone, whose purpose clause or participle is a verb of
    claiming (`role=claim`: demand, denounce, call for …), is a public demonstration (ACLED's
    protest: an act in public for a claim) unless words already name it: the protest row of the
    lexicon triggers it, at a lower weight. A deed that is itself violence is left to its word."""
    protest = next((e for e in lex.lemmas.get("protest", ()) if names_a_demonstration(e)), None)
    if protest is None:
        return []
    named = {m.head: m for m in matches}
    found = []
    for verb in span_tokens(sent):
        if verb.i not in named or not names_a_demonstration(named[verb.i].entry):
            if _claim_told_as_done(verb, lex, named):
                claim = replace(protest, weight=CLAIMED_WEIGHT)
                found.append(Match(verb.i, verb.i + 1, verb.i, claim))
                continue
        if verb.pos_ != "VERB" or not _done(verb, lex) or lex.is_cue(verb, "claim"):
            continue
        light = lex.is_cue(verb, "support") and not any(c.dep_ == "prt" for c in verb.children)
        if light or lex.is_cue(verb, "speech"):
            # "held a meeting to demand", "said so to denounce": no deed in public ("took over
            # the school to demand …" is one: a phrasal verb is no light verb)
            continue
        doers = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        doers = doers or subjects_of(verb)  # ("in X, nurses at the hospital padlocked …")
        if not doers and verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj"):
            # "cyclists rode through the centre, holding up cars to denounce …": the participle
            # tells more of what its verb's subject did
            doers = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not doers or any(lex.is_cue(d, "state") for d in doers):
            continue  # ("police closed the road to …": a security measure, not a protest)
        own = named.get(verb.i)
        if own is not None and (
            not own.entry.candidates
            or any(categories()[c].event_type in _DONE_BY_FORCE for c in own.entry.candidates)
        ):
            continue  # violence or a riot: its own word decides ("set fire to tyres to demand")
        # (the parse may make the purpose of a deed done somewhere a complement: "drove at a
        # slow pace on the motorway to denounce …"; "decided to demand" is no deed)
        placed = any(
            c.dep_ == "dobj"
            or (c.dep_ == "prep" and any(
                g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME") for g in c.children))
            for c in verb.children
        )  # fmt: skip
        purposes = [c for c in verb.children if c.dep_ in ("advcl", "xcomp")]
        # "padlocked the office to report abuses and to demand …": a purpose joined to another
        # (an infinitive: "walked out, citing the violence and calling for talks" is no protest)
        purposes += [g for c in purposes for g in c.children if g.dep_ == "conj" and _to(g)]
        if any(
            (c.dep_ in ("advcl", "conj") or (c.dep_ == "xcomp" and placed))
            and lex.is_cue(c, "claim")
            and (c.tag_ == "VBG" or _to(c))
            for c in purposes
        ) or (
            placed and verb.tag_ == "VBD" and _for_a_cause(verb)
            and not any(lex.is_cue(d, "armed") for d in doers)  # ("troops moved in support of")
        ):
            found.append(Match(verb.i, verb.i + 1, verb.i, replace(protest, weight=CLAIMED_WEIGHT)))
    return found


def _to(verb: Token) -> bool:
    """A to-infinitive ("to demand")."""
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children)


_CAUSES = frozenset({"support", "defense", "defence", "solidarity", "memory", "honour", "honor"})


def _for_a_cause(verb: Token) -> bool:
    """ "30 cars drove through the city in support of the war", "in solidarity with …": a deed
    done for a cause told as a phrase ("in support of"), as a purpose clause tells a claim."""
    return any(
        c.dep_ == "prep" and c.lower_ == "in"
        and any(g.dep_ == "pobj" and g.lower_ in _CAUSES
                and any(p.dep_ == "prep" and p.lower_ in ("of", "with") for p in g.children)
                for g in c.children)
        for c in verb.children
    )  # fmt: skip


def _claim_told_as_done(verb: Token, lex: Lexicon, named: dict[int, Match]) -> bool:
    """ "Workers of a company demanded their pay", "supporters of the jailed leader demanded his
    release in X": a claim (`role=claim`: demand, denounce, call for …) told in the past as what
    a group of people did (`role=claimant`, plural) is pressed in public: ACLED's protest."""
    if verb.pos_ != "VERB" or verb.tag_ != "VBD":
        return False
    if verb.dep_ == "conj" and verb.head.dep_ == "ROOT" and verb.head.tag_ == "VBD":
        first = verb.head  # "workers gathered and demanded …": the subject is the first verb's
        if not lex.is_cue(first, "claim"):
            # "vendors closed their stalls and demanded …": a deed, then the claim it was for;
            # a deed of violence, a riot or a protest tells its own happening, as a protest
            # named in the sentence does ("held a rally and demanded …")
            if not lex.is_cue(verb, "claim") or any(
                e.pos in ("VERB", "ANY")
                and (not e.candidates
                     or any(categories()[c].event_type in _DONE_BY_FORCE for c in e.candidates))
                for e in lex.lemmas.get(first.lemma_.lower(), ())
            ):  # fmt: skip
                return False
            if any(names_a_demonstration(m.entry) for m in named.values()):
                return False
        verb = first
    elif verb.dep_ != "ROOT" or not lex.is_cue(verb, "claim"):
        return False
    return any(_claimants(c, lex) or _did_before(c, lex) for c in subjects_of(verb))


def subjects_of(verb: Token) -> list[Token]:
    """The verb's subjects; when the parse gave it none because the subject was hung on the place
    opening the sentence ("On 3 May, in Springfield, Illinois, teachers marched …", the teachers
    read as one more name of the list), the common noun so hung right before the verb."""
    found = [c for c in verb.children if c.dep_ == "nsubj"]
    if found or verb.dep_ != "ROOT":
        return found
    hung = hung_subject(verb)
    if hung is not None and hung.pos_ == "NOUN" and hung.head.pos_ in ("NOUN", "PROPN"):
        return [hung]
    return []


def _claimants(noun: Token, lex: Lexicon) -> bool:
    """People who press a claim (`role=claimant`, plural): "teachers", "a group of workers",
    "dozens of graduates"."""
    if noun.tag_ == "NNS" and lex.is_cue(noun, "claimant"):
        return True
    return noun.lower_ in CROWD_QUANTITIES and any(
        g.dep_ == "pobj" and g.tag_ == "NNS" and lex.is_cue(g, "claimant")
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
    )


def _did_before(pronoun: Token, lex: Lexicon) -> bool:
    """ "Over 100 drivers slowed the traffic. They denounced the fuel price.": "they" are the
    people whose deed the sentence before told (its root in the past, its subject plural people,
    no state force), so their claim makes that deed a protest."""
    if pronoun.lower_ != "they" or pronoun.sent.start == 0:
        return False
    root = pronoun.doc[pronoun.sent.start - 1].sent.root
    if root.pos_ != "VERB" or not _done(root, lex) or lex.is_cue(root, "support"):
        return False
    if is_demonstration_word(root, lex):
        return False  # "drivers demonstrated … They also called for …": the same protest
    return any(
        c.dep_ == "nsubj" and c.tag_ == "NNS" and not lex.is_cue(c, "state")
        and not lex.is_cue(c, "armed")
        for c in root.children
    )  # fmt: skip


CLAIMED_WEIGHT = 0.6  # a deed named a protest by its purpose, not by its own word
_DONE_BY_FORCE = frozenset(
    {"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots", "Protests"}
)


def burns_a_symbol(verb: Token, lex: Lexicon) -> bool:
    """ "burned effigies of the minister", "set an effigy on fire": what is burnt stands for
    someone (`role=symbol`): a protest's gesture, no destruction of property or violence."""
    if verb.pos_ != "VERB":
        return False
    if verb.dep_ == "amod" and lex.is_cue(verb.head, "symbol"):
        return True  # "by burning effigies of …" read as burning effigies, the kind
    things = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    things += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"
               for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    return bool(things) and all(lex.is_cue(t, "symbol") for t in things)


def _claims(token: Token, lex: Lexicon) -> bool:
    """A word of demanding or denouncing: a claim cue ("protesting", "denouncing"), a statement
    trigger ("demanding", "accusing") or a frame of calls ("calling for", "urging")."""
    return lex.is_cue(token, "claim") or lex.is_cue(token, "frame") or any(
        e.family == "statement" for e in lex.lemmas.get(token.lemma_.lower(), ())
    )


def is_demonstration_word(token: Token, lex: Lexicon) -> bool:
    """A trigger that can only name a protest or riot (gathering, rally, demonstrate)."""
    entries = lex.lemmas.get(token.lemma_.lower(), ())
    return bool(entries) and all(names_a_demonstration(e) for e in entries)


# Words that tell a protest or a crowd's demand ("demanding", "agitating", "demonstrated").
_PROTEST_LEMMAS = frozenset({
    "demand", "protest", "protester", "protestor", "demonstrate", "demonstration",
    "demonstrator", "agitate", "agitation",
})  # fmt: skip


def protest_told(tok: Token) -> bool:
    """ "truckers held a freedom convoy to demand an end to the mandates", "vehicles of the
    convoy, part of a mass demonstration": the word's paragraph (line) tells of a protest or a
    demand, so a convoy in it is the protesters' own, not forces moving (none of the 8 train
    notes coding a convoy as Change to group/activity names either; 45 of the 55 protests and
    riots telling a convoy do)."""
    text = doc_text(tok.doc)
    start = text.rfind("\n", 0, tok.idx) + 1
    end = text.find("\n", tok.idx)
    end = len(text) if end < 0 else end
    return any(start <= t.idx < end and t.lemma_.lower() in _PROTEST_LEMMAS for t in tok.doc)


def names_a_demonstration(entry: Entry) -> bool:
    """A trigger row that can only name a protest or riot ("sit-in", "took to the streets")."""
    return bool(entry.candidates) and all(
        categories()[c].event_type in DEMONSTRATIONS for c in entry.candidates
    )


def _done(verb: Token, lex: Lexicon) -> bool:
    """A verb in the past tense that says what someone did, not a plan, call or report of one."""
    perfect = verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children
    )  # "activists have taken to the sea to protest"
    passive = verb.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.tag_ == "VBD" for c in verb.children
    )  # "the school was occupied by students to protest"
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "conj") and verb.head.i != verb.i:
        # "staged a procession, slowing down traffic to protest": a participle tells more of
        # what its verb did
        return _done(verb.head, lex)
    return (
        (verb.tag_ == "VBD" or perfect or passive)
        and not lex.is_cue(verb, "frame")
        and not lex.is_cue(verb, "speech")
        and not lex.is_cue(verb, "campaign")
    )


def is_anchored_noun(token: Token, lex: Lexicon) -> bool:
    """A noun trigger that names a happening, not a topic ("conducted drills", "clashes in X").

    Anchors: the sentence root; a light verb or trigger governing it; an indefinite article ("an
    airstrike on …"); a date, a count, or a place in a locative phrase under it; coordination with
    an anchored noun. A place after "against" is a target, not where something happened.
    """
    if token.dep_ == "ROOT" or token.head.i == token.i:
        return True
    if token.lemma_.lower() == token.lower_ and lex._lemma(token) != token.lower_:
        return True  # a past tense the tagger took for a noun: a deed told ("… protested to …")
    head = token.head
    if lex.is_cue(head, "support") or head.lemma_.lower() in lex.lemmas:
        return True
    if token.dep_ == "dobj" and lex.is_cue(head, "support_object"):
        return True
    if token.dep_ == "dobj" and lex.is_cue(head, "object_named"):
        return True  # "threw grenades at a post", "after receiving bomb threats"
    if token.dep_ == "pobj" and head.lower_ == "of" and _carried_out(head.head, lex):
        return True  # "carried out a series of strikes on …"
    if _taken_part_in(token) or (token.dep_ == "pobj" and head.lower_ == "of"
                                 and _taken_part_in(head.head)):
        return True  # "800 people participated in the march", "took part in a series of rallies"
    if token.dep_ in ("conj", "nmod") and head.pos_ in ("NOUN", "PROPN"):
        # "… and clashes", "15 explosions/bursts of fire near X": the noun it is joined to
        return is_anchored_noun(head, lex)
    if token.tag_ not in ("NNS", "NNPS") and not is_definite(token):
        return True  # "an airstrike on …", bare "shelling", "torture": one happening
    if (
        token.dep_ == "attr"
        and head.lemma_.lower() == "be"
        and head.tag_ == "VBD"
        and any(c.dep_ == "expl" for c in head.children)
    ):
        return True  # "there were explosions at the bank": told as having taken place
    if token.dep_ == "nsubj" and head.tag_ == "VBD" and head.lemma_.lower() not in STATIVE:
        # "enemy airstrikes damaged a clinic", "clashes continued near X": told as done, in the past
        return True
    if lex.is_cue(token, "agent") and (
        _in_argument(token)
        or any(c.dep_ == "relcl" and c.lemma_.lower() not in STATIVE for c in token.children)
    ):
        return True  # "hundreds of protesters … demanded", "dispersed the protesters": a gathering
    for t in token.subtree:
        if t.ent_type_ in ("DATE", "TIME") or t.dep_ == "nummod":
            return True
        if (
            t.ent_type_ in ("GPE", "LOC", "FAC")
            and t.head.dep_ == "prep"
            and t.head.lower_ in LOCATIVE_PREPS
        ):
            return True
        if (
            t.dep_ == "pobj"
            and t.ent_type_ in ("GPE", "LOC", "FAC")
            and t.head.lower_ in LOCATIVE_PREPS
        ):
            return True
    return False


STATIVE = frozenset({"be", "include", "have", "comprise", "consist", "remain"})
_PARTICIPATE = frozenset({"participate", "join", "engage"})


def _taken_part_in(noun: Token) -> bool:
    """ "took part in a rally", "participated in a series of …": what people took part in."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "in" and _taking_part(noun.head.head)


def _taking_part(verb: Token) -> bool:
    """A verb of taking part ("participated in", "took part in", "joined in"): what people
    took part in happened."""
    if verb.dep_ in ("relcl", "acl"):
        return False  # "a monk who participated in the protest": who someone is
    lemma = verb.lemma_.lower()
    return lemma in _PARTICIPATE or (
        lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "part" for c in verb.children)
    )


def _in_argument(token: Token) -> bool:
    """Inside the subject or object of an action verb ("protesters stormed", "dispersed
    protesters"; not "protesters included …")."""
    t = token
    while t.head.i != t.i:
        if t.dep_ in ("nsubj", "nsubjpass", "dobj"):
            return t.head.lemma_.lower() not in STATIVE
        if t.dep_ not in ("pobj", "prep", "conj", "compound"):
            return False
        t = t.head
    return False


def is_definite(token: Token) -> bool:
    return any(
        (c.dep_ == "det" and c.lower_ in DEFINITE) or c.dep_ == "poss" for c in token.children
    )


def count_of(token: Token, sent: SpacySpan, lex: Lexicon) -> tuple[int, int] | None:
    """Token range of the count making a trigger an aggregate ("11 operations", "85 times")."""
    if lex.is_cue(token, "agent"):
        return None  # "900 refugees", "500 protesters": how many people, not how many happenings
    if token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() not in MUNITIONS:
        nums = [c for c in token.children if c.dep_ == "nummod" and c.like_num]
        if nums and token.tag_ in ("NNS", "NNPS"):
            value = _number(nums[0])
            period = any(lex.is_cue(t, "tally") for t in span_tokens(sent))
            if value is not None and (value >= 3 or period):
                lo = min(t.i for t in nums[0].subtree)
                return lo, nums[0].i + 1
    verb = governing_verb(token) or token
    for c in verb.children:  # "targeted … about 85 times"
        if c.lemma_.lower() == "time" and any(n.like_num for n in c.children):
            return min(t.i for t in c.subtree), c.i + 1
    for anc in [token, *token.ancestors]:  # "the fourth to be airlifted … in the past 10 days"
        if anc.ent_type_ == "ORDINAL" and any(lex.is_cue(t, "tally") for t in span_tokens(sent)):
            return anc.i, anc.i + 1
    return None


def _number(token: Token) -> int | None:
    words = {
        "two": 2,
        "three": 3,
        "four": 4,
        "five": 5,
        "six": 6,
        "seven": 7,
        "eight": 8,
        "nine": 9,
        "ten": 10,
        "dozens": 12,
        "dozen": 12,
        "several": 3,
        "hundreds": 100,
    }
    text = token.lower_.replace(",", "")
    if text.isdecimal():  # not isdigit(): "²" is a digit int() cannot read
        return int(text)
    return words.get(text)
