"""Fatalities, injuries and material damage of each event and tally, by ACLED's conventions.

A figure is a number phrase ("at least 70", "two", "dozens") tied to a casualty word next to it:
to its right ("four killed", "40 people had been killed") or, failing that, to its left ("killed
three people", "the injury of at least 25 soldiers"). Subsets ("including three children") are
not added again. Figures for different groups in one sentence are added up ("killed 3 soldiers and
2 militants", groups kept in `draft.extra["casualties_by_group"]`); the same toll told again in
another evidence sentence is not: across sentences the lowest figure wins (ACLED: the most
conservative report). "No casualties" and "neither injuries nor fatalities" give 0, exact. One
victim told by an article ("a soldier was killed") or by name ("assassinated Ali Hassan")
counts one. Animals killed are no fatalities, and the dead of a clause telling what the happening
came after ("rioters burned a bus after it killed two pupils") are another happening's.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.extract.events.remarks import clauses_coded_apart
from sitrep.extract.events.triggers import is_corpse, lexicon, protest_topics
from sitrep.extract.registry import extractor
from sitrep.extract.state import DocState, EventDraft, TallyDraft
from sitrep.extract.statements.factuality import trigger_token
from sitrep.extract.time.timex import calendar_names
from sitrep.knowledge.lexicons import casualty_sides
from sitrep.nlp.numbers import Number, is_label, is_number_token, read_number
from sitrep.nlp.opening import hung_subject
from sitrep.nlp.segment import span_tokens
from sitrep.records import Quantity

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

log = logging.getLogger(__name__)

FATAL, INJURED = "fatalities", "injuries"
# Casualty words by lemma and by surface form (the tagger lemmatises "wounded" either way).
_CASUALTY_WORDS = {
    "kill": FATAL,
    "killed": FATAL,
    "die": FATAL,
    "died": FATAL,
    "dead": FATAL,
    "death": FATAL,
    "deaths": FATAL,
    "fatality": FATAL,
    "fatalities": FATAL,
    "life": FATAL,
    "lives": FATAL,
    "toll": FATAL,
    "body": FATAL,
    "bodies": FATAL,
    "corpse": FATAL,  # as "body" ("the corpses of five fighters were found")
    "corpses": FATAL,
    "execute": FATAL,
    "executed": FATAL,
    "behead": FATAL,
    "slain": FATAL,
    "slay": FATAL,
    "drown": FATAL,
    "drowned": FATAL,
    "assassinate": FATAL,
    "assassinated": FATAL,
    "martyr": FATAL,
    "martyred": FATAL,
    # past forms only: "a lynch mob", "the murder of" are no count's casualty word (Stop 33)
    "lynched": FATAL,
    "murdered": FATAL,
    # "succumbed to his injuries": the injured died of them (Stop 33)
    "succumb": FATAL,
    "succumbed": FATAL,
    "injure": INJURED,
    "injured": INJURED,
    "injury": INJURED,
    "injuries": INJURED,
    "wound": INJURED,
    "wounded": INJURED,
    "hurt": INJURED,
}
_CORPSE_WORDS = frozenset({"body", "corpse"})
# Words a number phrase may be separated from its casualty word by: "40 people had been killed".
_BRIDGE_POS = frozenset({"NOUN", "PROPN", "ADJ", "AUX", "ADV", "PART", "DET", "NUM"})
_LEFT_SKIP = frozenset({"of", "the", "at", "to", "a", "an", "put", "rose", "risen", "reached"})
# words of an amount before a number ("killed up to 20", "between 16 to 25", "over 30")
_LEFT_AMOUNT = frozenset(
    {"up", "than", "between", "over", "about", "around", "nearly", "some", "almost"}
)
_RISE = frozenset({"rise", "increase", "grow", "climb"})  # "the toll rose by five"
_SUBSET_MARKERS = frozenset({"including", "among", "whom", "them", "includes", "include"})
_WINDOW = 6

_TOLL = r"(injur\w*|casualt\w*|fatalit\w*|deaths?)"
# ("no other casualties", "no further deaths" say none besides those told: no zero toll)
_NONE = r"\b(?:no|without|zero)\s+(?!other\b|further\b|more\b|additional\b)(?:\w+\s+)?"
_ZERO_PATTERNS = (
    (re.compile(rf"\bneither\s+(?:\w+\s+)?{_TOLL}\s+nor\s+(?:\w+\s+)?{_TOLL}", re.I), None),
    (re.compile(rf"{_NONE}(casualties|victims)\b", re.I), (FATAL, INJURED)),
    (
        re.compile(
            rf"{_NONE}(fatalities|deaths|dead|one\s+(?:was|were)\s+killed|one\s+died)\b", re.I
        ),
        (FATAL,),
    ),
    (
        re.compile(
            rf"{_NONE}(injuries|injured|wounded|one\s+(?:was|were)\s+(?:injured|hurt|wounded))\b",
            re.I,
        ),
        (INJURED,),
    ),
    (re.compile(r"\bno\s?one\s+(?:was|were)\s+(killed|hurt|injured|wounded)\b", re.I), None),
)
_DAMAGE = re.compile(
    r"\b(material\s+damage|damage[sd]?|destroy(?:ed|ing|s)?|destruction|burn(?:ed|t)\s+down"
    r"|set\s+(?:on\s+)?fire|torched)\b",
    re.I,
)


# A sentence giving another source's account ("other sources say three were killed", "a second
# report said", "one source, unconfirmed, gave"): a conflicting report of a toll told before.
_OTHER_REPORT = re.compile(
    r"\b(?:other|another|a\s+second|one|unconfirmed|uncorroborated|unverified)\s+"
    r"(?:\w+\s+)?(?:sources?|reports?|accounts?)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Figure:
    """A casualty figure in a sentence: fatalities or injuries, how many, of whom."""

    kind: str  # fatalities or injuries
    quantity: Quantity
    token: int  # the number's token index (or the casualty word's, for "a soldier was killed")
    group: str | None  # the counted noun's lemma ("soldier"), None when the number stands alone


def casualty_figures(sent: SpacySpan) -> list[Figure]:
    """Every fatality and injury figure in the sentence, in order: read once per sentence and
    kept with its doc (the tallies' running tolls and the event tolls both ask)."""
    key = f"sitrep.casualty_figures.{sent.start}.{sent.end}"
    if key not in sent.doc.user_data:
        sent.doc.user_data[key] = _read_figures(sent)
    return list(sent.doc.user_data[key])


def _read_figures(sent: SpacySpan) -> list[Figure]:
    doc = sent.doc
    figures: list[Figure] = []
    pending: list[tuple[Number, Token | None]] = []
    i = sent.start
    while i < sent.end:
        tok = doc[i]
        number = read_number(doc, i) if is_number_token(tok) else None
        if number is None:
            i += 1
            continue
        i = max(number.end, i + 1)
        ranged = _between(doc, number, sent.end)
        if ranged is not None:  # "between 12 and 15 raiders": one figure, its lower end
            number, i = ranged, max(ranged.end, i)
        if doc[number.head].dep_ in ("det", "predet"):  # "fighters from both sides"
            continue
        if _is_year(doc[number.head]):  # "the 2011 killing of its founder"
            continue
        # (the tagger reads "between 2 to 4 herders" as a date; a range of days is one still)
        dated = doc[number.head].ent_type_ in ("DATE", "TIME")
        if (dated and (ranged is None or _time_unit(doc[number.head].head))) or _is_calendar(
            doc[number.head]
        ):
            continue  # "Around 6 May, a woman was found dead": a day, not six dead
        if doc[number.head].ent_type_ == "MONEY" or is_label(doc, number):
            continue  # "shot dead around 10 a.m", "a captain of battalion 101 was killed"
        # "including three children" is part of a toll already counted; "no one" is no toll.
        if _is_subset(doc, number.start, sent.start) or (
            number.start > sent.start and doc[number.start - 1].lower_ == "no"
        ):
            continue
        noun = _counted_noun(doc[number.head])
        if noun is not None and _is_animal(noun):
            continue  # "killed 15 livestock", "25 heads of cattle": no person died
        if _in_subset(noun or doc[number.head]):
            continue  # "five guards including one officer and four guards"
        # "a number of fighters were killed": the number word itself may be the subject; in
        # "one of the injured men died" its verb, not the counted noun's participle, says the harm.
        if noun is not None and noun.dep_ == "pobj":
            kinds = _verb_kinds(doc[number.head]) or _verb_kinds(noun)
        else:
            kinds = _verb_kinds(noun or doc[number.head]) or _verb_kinds(doc[number.head])
        if kinds == _AMBIGUOUS:
            continue
        if not kinds and noun is not None and _doers(noun):
            continue  # "four raiders killed a ranger": who killed, not who died
        if not kinds:
            kind = (
                _risen_toll(doc[number.head])
                or _right_kind(doc, number.end, sent.end)
                or _left_kind(doc, number.start, sent.start)
            )
            kinds = frozenset({kind}) if kind else frozenset()
        if not kinds:
            pending.append((number, noun))
            continue
        figures.extend(Figure(k, number.quantity, number.head, _group(noun)) for k in sorted(kinds))
    # "killed 3 soldiers and 2 militants": a conjunct noun shares its head noun's casualty word;
    # so does a conjunct of the casualty word's own phrase ("killed 8 civilians in Easton and 7
    # civilians in Westby", "the death of 3 rebels and 3 soldiers", "killing the leader and one
    # of his guards", where the parse hangs the second on the casualty word itself).
    for number, noun in pending:
        if noun is None:
            continue  # ("either no fatalities or one": no one counted)
        joined = noun if noun.dep_ == "conj" else doc[number.head]
        if noun.dep_ == "pobj" and noun.head.lower_ == "between":
            joined = noun.head  # "killed one ranger and between one or two porters"
        if joined.dep_ != "conj" or _in_subset(joined):
            continue
        # ("… and 2 guards injured": its own casualty word, which the punctuation hid)
        kind = _casualty_kind(doc[noun.i + 1]) if noun.i + 1 < sent.end else None
        if kind is None and _counts_victims(joined.head):
            kind = _casualty_kind(joined.head)
        for fig in figures if kind is None else []:
            head_noun = _counted_noun(doc[fig.token])
            if head_noun is not None and head_noun.i == joined.head.i:
                kind = fig.kind
                break
        if kind is not None:
            figures.append(Figure(kind, number.quantity, number.head, _group(noun)))
    figures = _conjuncts_apart(doc, figures)
    figures.extend(_single_victims(sent, figures))
    figures.extend(_named_victims(sent, figures))
    figures.extend(_deaths_caused(sent, figures))
    figures.extend(_counted_before(sent, figures))
    figures.extend(_listed_before(doc, pending, figures, sent.start, sent.end))
    if any(f.kind == FATAL and not _owned_body(doc[f.token]) for f in figures):
        # "killed a civilian and left his body": the body is of one already counted
        figures = [f for f in figures if not _owned_body(doc[f.token])]
    if figures:  # the dead a protest is about are not its toll
        about = protest_topics(sent, lexicon())
        figures = [f for f in figures if f.token not in about]
    return sorted(figures, key=lambda f: f.token)


_AMBIGUOUS = frozenset({"ambiguous"})
_RANGE_LINKS = frozenset({"and", "to", "or", "-"})
_TIME_UNITS = frozenset({"second", "minute", "hour", "day", "night", "week", "month", "year"})


def _between(doc, low: Number, limit: int) -> Number | None:
    """ "between 12 and 15 raiders", "between 2 to 4 armed herders", "between one or two
    porters": a range told with "between", one figure at its lower end (ACLED's most
    conservative figure), carried by whichever end the parse hangs the counted noun on."""
    if low.start == 0 or doc[low.start - 1].lower_ != "between" or low.end + 1 >= limit:
        return None
    if doc[low.end].lower_ not in _RANGE_LINKS or not is_number_token(doc[low.end + 1]):
        return None
    high = read_number(doc, low.end + 1)
    if high is None or low.quantity.value is None or high.quantity.value is None:
        return None
    if low.quantity.value >= high.quantity.value:
        return None
    head = next(
        (h for h in (high.head, low.head) if _counted_noun(doc[h]) is not None), high.head
    )
    return Number(Quantity(low.quantity.value, "at least"), low.start - 1, high.end, head)


def _time_unit(tok: Token) -> bool:
    """ "between 2 and 3 days": the range counts time, not people."""
    return tok.lemma_.lower() in _TIME_UNITS


def _verb_kinds(noun: Token) -> frozenset[str]:
    """The casualty words of the verb the victims are subject or object of.

    "1 TMF fighter was shot and killed", "2 fighters were found dead", "left 3 fighters and 1
    policeman dead", "killed and injured a number of fighters" (both). ACLED codes "killed,
    injured or captured" as no figure: that is `_AMBIGUOUS`.
    """
    # "left 3 TMF fighters (…) dead and 6 others injured": each noun's own participle first.
    own = {k for c in noun.children if c.dep_ in ("amod", "acl") and (k := _casualty_kind(c))}
    if len(own) == 1:
        return frozenset(own)
    # "left 13 soldiers and 30 militants dead": the participle after the last conjunct, which
    # the parse hangs on that conjunct alone (itself hung on the noun or on "left"), tells of all.
    joined = [
        *noun.conjuncts,
        *(c for c in noun.head.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")),
    ]
    if not own and noun.dep_ == "dobj" and noun.head.lemma_.lower() == "leave" and joined:
        last = max(joined, key=lambda t: t.i)
        tail = {
            k for c in last.children
            if c.dep_ in ("amod", "acl") and c.i > last.i and (k := _casualty_kind(c))
        }  # fmt: skip
        if last.i > noun.i and len(tail) == 1:
            return frozenset(tail)
    while noun.dep_ == "conj" and _joins_victims(noun.head):
        noun = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return frozenset()
    verb = noun.head
    if noun.dep_ != "dobj" and _then_died(verb):
        return frozenset({FATAL})  # "was injured and later died", "sustained a wound and died"
    if noun.dep_ == "nsubj" and any(c.dep_ == "dobj" for c in verb.children):
        return frozenset()  # "an airstrike killed nine fighters": the subject did it
    # "found dead", "shot dead", "left … dead"; a conjoined verb shares a subject ("was shot and
    # killed") but not an object ("hit a hospital and killed 27"), nor a subject of its own. An
    # active subject only dies or falls dead itself ("a landmine detonated, killing a civilian").
    links = (
        {"acomp", "oprd"} if noun.dep_ == "nsubj" else {"acomp", "oprd", "xcomp", "ccomp", "advmod"}
    )
    # A complement clause with a subject of its own is another clause the parse hung on this verb
    # ("three guards were killed, nine were wounded": "killed" under "wounded").
    words = [verb] + [
        c
        for c in verb.children
        if c.dep_ in links and not (c.dep_ in ("ccomp", "xcomp") and _has_subject(c))
    ]
    # "killed and injured a number of fighters": the object is shared with the first verb.
    if (
        noun.dep_ == "dobj"
        and verb.dep_ == "conj"
        and not any(c.dep_ == "dobj" for c in verb.head.children)
    ):
        words.append(verb.head)
    if noun.dep_ == "nsubjpass":
        shared = [c for c in verb.children if c.dep_ in ("conj", "advcl") and not _has_subject(c)]
        # "was detained and later found killed": the shared verb's own complement says the harm
        words += shared + [
            g for c in shared for g in c.children if g.dep_ in ("acomp", "oprd", "xcomp")
        ]
    # "killed, injured or captured": alternatives, whatever the parse hangs them on; a conjunct
    # with an object of its own is another act ("killed three and wounded 27").
    words += [
        g
        for w in list(words)
        for g in w.children
        if g.dep_ == "conj" and g not in words and not _has_subject(g) and not _has_object(g)
    ]
    # "was shot to death", "beat to death a thief": the verb's "to death" is the casualty word.
    kinds = frozenset(
        k
        for w in words
        if not _near_miss(w) and (k := _fatal_manner(w) or _casualty_kind(w) or _to_death(w))
    )
    alternatives = any(c.dep_ == "cc" and c.lower_ == "or" for w in words for c in w.children)
    if alternatives and (len(kinds) > 1 or any(w.lemma_ in ("capture", "arrest") for w in words)):
        return _AMBIGUOUS
    return kinds


_DIE = frozenset({"die", "succumb"})


def _then_died(verb: Token) -> bool:
    """The verb's subject went on to die, told by a conjoined "died" of its own clause ("a
    villager was injured and later died", "an officer sustained a gunshot wound and died", "the
    commander suffered injuries and possibly died"): ACLED counts them dead, not hurt."""
    return any(
        c.dep_ == "conj" and c.lemma_.lower() in _DIE and not _has_subject(c) and c.i > verb.i
        for c in verb.children
    )


def _doers(noun: Token) -> bool:
    """The counted noun is the subject of an active verb with an object of its own, or a group
    of such a subject ("four raiders killed a ranger", "a patrol of 40 guards killed two
    poachers"): the number counts who did it."""
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        noun = noun.head.head
    while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    return noun.dep_ == "nsubj" and noun.head.pos_ == "VERB" and _has_object(noun.head)


def _has_object(verb: Token) -> bool:
    return any(c.dep_ == "dobj" for c in verb.children)


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _is_calendar(tok: Token) -> bool:
    """The number of a date: its noun is a month or weekday name ("6 May", "May 6")."""
    names = calendar_names("month") | calendar_names("weekday")
    # ("shelled the road north of the town - 14 March (local sources)": a capitalised month
    # right after it)
    following = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return (
        tok.head.lower_ in names
        or (tok.i > 0 and tok.doc[tok.i - 1].lower_ in names)
        or (following is not None and following.is_title and following.lower_ in names)
    )


def _is_year(tok: Token) -> bool:
    return tok.ent_type_ == "DATE" and tok.is_digit and len(tok.text) == 4


def _counted_noun(number_tok: Token) -> Token | None:
    noun = number_tok.head
    if number_tok.dep_ in ("nummod", "amod", "compound", "quantmod") and noun.pos_ in (
        "NOUN", "PROPN", "ADJ"
    ):
        # "Three HM militants", "two PDF members": the parse may hang the number on the group's
        # name (read as a name or an adjective), itself a compound of the counted noun after it
        while (
            noun.pos_ in ("PROPN", "ADJ")
            and noun.dep_ == "compound"
            and noun.head.i > noun.i
            and noun.head.pos_ == "NOUN"
        ):
            noun = noun.head
        if noun.pos_ in ("NOUN", "PROPN"):
            return noun
    for child in number_tok.children:  # "dozens of people"
        if child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def _is_animal(noun: Token) -> bool:
    """A beast, or a head of them ("heads of cattle"): ACLED counts only people."""
    lex = lexicon()
    return lex.is_cue(noun, "animal") or any(
        o.dep_ == "pobj" and lex.is_cue(o, "animal")
        for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
        for o in c.children
    )  # fmt: skip


def _group(noun: Token | None) -> str | None:
    return (
        noun.lemma_.lower()
        if noun is not None and noun.lemma_.lower() not in ("people", "person", "life")
        else None
    )


def _casualty_kind(tok: Token) -> str | None:
    return _CASUALTY_WORDS.get(tok.lower_) or _CASUALTY_WORDS.get(tok.lemma_.lower())


def _near_miss(verb: Token) -> bool:
    """ "was nearly lynched", "almost killed": the harm did not happen."""
    return any(c.dep_ == "advmod" and c.lower_ in ("nearly", "almost") for c in verb.children)


def _fatal_manner(verb: Token) -> str | None:
    """ "fatally shot", "was fatally stabbed", "mortally wounded": the verb's manner says the
    harm killed (ACLED counts them dead), whatever the verb alone would say."""
    if any(c.dep_ == "advmod" and c.lower_ in ("fatally", "mortally") for c in verb.children):
        return FATAL
    return None


def _to_death(verb: Token) -> str | None:
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "to" and any(o.lower_ == "death" for o in c.children):
            return FATAL
    return None


# Verbs a toll rises or is brought to a figure by: "the death toll rose to 14", "has climbed to
# 25", "bringing the toll to 9", "the toll stood at 30", "the toll reached 40", "officials put the
# toll at 15".
_TOLL_VERBS = frozenset(
    {"rise", "raise", "reach", "climb", "increase", "hit", "jump", "soar", "bring", "push",
     "take", "stand", "grow", "mount", "put", "place"}
)  # fmt: skip
_TOLL_OF = frozenset({"death", "fatality"})
_COUNT_HEADS = frozenset({"number", "count", "tally", "total"})


def _risen_toll(number: Token) -> str | None:
    """The figure a death toll rose, was brought or stands at, however far the verb is from the
    word "toll" ("the death toll from Saturday's bombing at a market rose to 14"): its dead; an
    injury toll's figure counts the wounded."""
    if number.dep_ == "pobj" and number.head.lower_ in ("to", "at"):
        verb = number.head.head
    elif number.dep_ == "dobj":
        verb = number.head  # "the toll reached 40"
    else:
        return None
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in _TOLL_VERBS:
        return None
    for noun in verb.children:
        if noun.dep_ not in ("nsubj", "nsubjpass", "dobj") or noun.i == number.i:
            continue
        if noun.lemma_.lower() in _COUNT_HEADS:
            # "the number of people killed … climbed to 21": its own words say what it counts
            kinds = {k for t in noun.subtree if t.i != noun.i and (k := _casualty_kind(t))}
            if len(kinds) == 1:
                return kinds.pop()
            continue
        if noun.lemma_.lower() != "toll":
            continue
        words = {c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod")}
        if not words or words & _TOLL_OF:
            return FATAL
        return next((k for w in words if (k := _CASUALTY_WORDS.get(w)) == INJURED), None)
    return None


def _right_kind(doc, start: int, limit: int) -> str | None:
    j, steps = start, 0
    while j < limit and steps < _WINDOW:
        tok = doc[j]
        if tok.text == "(" and (close := _closing(doc, j, limit)) is not None:
            j = close + 1  # "four members of the gang (Third Command) died": the aside is no gap
            continue
        j, steps = j + 1, steps + 1
        kind = _casualty_kind(tok)
        if kind:
            return kind
        if _name_part(doc, tok.i):
            continue
        if (tok.pos_ not in _BRIDGE_POS and tok.lower_ != "of") or tok.is_punct:
            return None
    return None


def _closing(doc, start: int, limit: int) -> int | None:
    """The index of the ")" closing the short aside opened at `start` (a name or a gloss of a
    few words, with no casualty word of its own), or None."""
    for j in range(start + 1, min(start + 8, limit)):
        if doc[j].text == ")":
            return j
        if doc[j].text == "(" or _casualty_kind(doc[j]) or is_number_token(doc[j]):
            return None
    return None


def _name_part(doc, j: int) -> bool:
    """A word of a group's name however the tagger read it: an acronym ("56 BH/IS fighters
    were killed", where "IS" is tagged a verb) or the slash joining two ("FPP/AP")."""
    tok = doc[j]
    if tok.text == "/":
        return (
            0 < j < len(doc) - 1
            and doc[j - 1].text.isalpha()
            and doc[j + 1].text.isalpha()
            and not tok.whitespace_
            and not doc[j - 1].whitespace_
        )
    if len(tok.text) > 1 and tok.text.isalpha() and tok.text.isupper():
        return True
    # a capitalised word inside a run of them, whatever its tag ("One Tan Saw Lin member was
    # killed", where the tagger reads "Saw" as a verb)
    return (
        tok.is_title
        and 0 < j < len(doc) - 1
        and not tok.is_sent_start
        and doc[j - 1].is_title
        and doc[j + 1].is_title
    )


def _left_kind(doc, start: int, limit: int) -> str | None:
    j = start - 1
    steps = 0
    while j >= limit and steps < 4:
        tok = doc[j]
        kind = _casualty_kind(tok) or _resulting_killing(tok)
        if kind:
            return kind
        if tok.lower_ == "by" and j > limit and doc[j - 1].lemma_.lower() not in _RISE:
            return None  # "shot dead by two gunmen": the agents, not the dead
        if tok.pos_ == "ADP" and tok.lower_ not in _LEFT_SKIP | _LEFT_AMOUNT:
            return None  # "died during two attacks": what they died in, not the dead
        if (
            tok.is_punct
            or tok.pos_ == "CCONJ"
            or (tok.lower_ not in _LEFT_SKIP and tok.pos_ not in ("DET", "ADP", "NOUN"))
        ):
            return None
        j -= 1
        steps += 1
    return None


def _resulting_killing(tok: Token) -> str | None:
    """The noun "killing" as what a happening caused ("clashes resulted in the killing of 3",
    "leading to the killing of 1 gendarme"); a protest "against the killing of three" or "after
    the killing of two" is about a death told elsewhere."""
    if tok.lower_ not in ("killing", "killings"):
        return None
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in ("in", "to"):
        return FATAL if head.head.lemma_.lower() in ("result", "lead") else None
    return FATAL if tok.dep_ == "dobj" and head.lemma_.lower() == "cause" else None


def _conjuncts_apart(doc, figures: list[Figure]) -> list[Figure]:
    """Figures of one noun joined by "and" ("two Somali and four Kenyan citizens died", "killed 8
    civilians in Easton and 7 civilians in Westby") are two groups to add, not one group told
    twice (whose lowest figure `combine` keeps)."""
    out = []
    for fig in figures:
        noun = _counted_noun(doc[fig.token]) or doc[fig.token]
        others = [
            o for o in figures
            if o is not fig and o.kind == fig.kind and o.group == fig.group
            and _joined(noun, _counted_noun(doc[o.token]) or doc[o.token])
        ]  # fmt: skip
        if fig.group is not None and others:
            fig = Figure(fig.kind, fig.quantity, fig.token, f"{fig.group} {fig.token}")
        out.append(fig)
    return out


# Punctuation inside a group's name in a list of victims: "two reserve fighters (RFK)", "FPP/AP".
_NAME_PUNCT = frozenset({"(", ")", "/", "-"})


def _listed_before(
    doc, pending: list[tuple[Number, Token | None]], figures: list[Figure], start: int, limit: int
) -> list[Figure]:
    """A number with no casualty word of its own, listed right before "and" and a counted toll
    ("14 IS Delta fighters and 3 KDF guards died", "two reserve fighters (RFK) and a clerk
    were killed", "the fighting left 20 KRA rebels and 5 military fatalities"),
    shares that toll's casualty word, however the parse hung the list (a tagger's verb in an
    acronym, a parenthesis): read along the text. Another group of dead, added up."""
    found = []
    for number, noun in pending:
        if any(f.token == number.head for f in figures):
            continue
        j, steps, group = number.end, 0, None
        while j < limit and steps < 7:
            tok = doc[j]
            if tok.lower_ == "and":
                break
            if tok.text == "," and j + 1 < limit and doc[j + 1].lower_ == "and":
                j += 1  # "4 guards, between 20 and 30 raiders, and 2 porters"
                break
            if tok.pos_ in ("NOUN", "ADJ") and not _name_part(doc, j):
                group = tok.lemma_.lower()
            elif not (tok.text in _NAME_PUNCT or _name_part(doc, j) or tok.pos_ == "PROPN"):
                break
            j += 1
            steps += 1
        if j >= limit or doc[j].lower_ != "and" or j == number.end:
            continue
        after = [f for f in figures if j < f.token <= j + 3]
        if not after or any(number.head < f.token < j for f in figures):
            continue
        if any(doc[k].pos_ in ("VERB", "AUX") for k in range(j + 1, after[0].token)):
            continue  # "attacked two trucks and wounded one occupant": another clause's toll
        counted = noun if noun is not None else doc[number.head]
        if counted.dep_ in ("dobj", "npadvmod") or (noun is not None and _is_animal(noun)):
            continue  # "took 13 prisoners and …", "shot seven times and …"
        if any(doc[k].lower_ in ("including", "among") for k in range(start, number.start)):
            continue  # "8 people, including four policemen, one soldier and three …": a subset
        label = f"{group or 'listed'} {number.head}"
        found.append(Figure(after[0].kind, number.quantity, number.head, label))
    return found


def _joined(one: Token, other: Token) -> bool:
    """Two words of one coordination: one is a conjunct of the other, or of a word the other
    hangs on ("killed 8 civilians in Easton and 7 civilians in Westby", "the death of 1 rebel and
    3 soldiers": the parse hangs the second on the verb or noun the first is the object of)."""
    if one.i == other.i:
        return False
    for c, o in ((one, other), (other, one)):
        if c.dep_ == "conj" and c.head.i in (o.i, o.head.i, o.head.head.i):
            return True
    return False


def _counts_victims(word: Token) -> bool:
    """A casualty word whose victims are its object: an active verb with one ("killed 8
    civilians"), or a noun with an "of" phrase ("the death of 3 rebels")."""
    if word.pos_ == "VERB":
        return any(c.dep_ == "dobj" for c in word.children) and not any(
            c.dep_ == "auxpass" for c in word.children
        )
    return word.pos_ == "NOUN" and any(c.dep_ == "prep" and c.lower_ == "of" for c in word.children)


def _in_subset(tok: Token) -> bool:
    """A conjunct of a subset of the same noun ("five guards including one officer and four
    guards"): the subset too ("21 rebels including 2 commanders and 4 soldiers" adds soldiers)."""
    noun = tok
    while tok.dep_ == "conj":
        tok = tok.head
        marker = tok.head if tok.head.lower_ in _SUBSET_MARKERS else None
        if marker is not None and marker.head.lemma_.lower() == noun.lemma_.lower():
            return True
    return False


def _is_subset(doc, start: int, limit: int) -> bool:
    """ "including three children", "among them two women": part of a figure already counted."""
    for j in range(max(limit, start - 2), start):
        if doc[j].lower_ in _SUBSET_MARKERS:
            return True
    return False


def _single_victims(sent: SpacySpan, figures: list[Figure]) -> list[Figure]:
    """One victim named with an article: "a soldier was killed", "killing a civilian", "a prisoner
    died", "shot dead a fighter", "a man's body was found"; and each one joined to a victim ("a
    farmer and his brother were killed", "killed two guards and a driver")."""
    taken = {f.token for f in figures}
    hung = _hung_victims(sent)
    found = []
    for tok in span_tokens(sent):
        first = _first_noun_conjunct(tok)
        joined = first is not tok
        if (tok.pos_ not in ("NOUN", "PROPN") or tok.tag_ not in ("NN", "NNP")) and not (
            _nominal_adjective(tok)
        ):
            continue
        # "his son was killed", "their guide was also killed": one person, told as someone's
        # (alone only as the subject or object of a casualty word, like "the" below, and not
        # in what someone saw or was accused of: "accused of having killed his niece")
        owned = not _one(tok) and _possessed(tok) and not joined
        if owned and (first.dep_ not in ("nsubjpass", "dobj") or _told_deed(first.head)):
            continue
        # ("a man and another man were shot": the conjunct's "another" tells one more victim)
        if not (
            _one(tok)
            or owned
            or (joined and (_possessed(tok) or _det(tok, "another")))
            or _another_subject(tok)
        ):
            continue
        if any(c.dep_ == "nummod" for c in tok.children) or _is_animal(tok):
            continue
        if tok.lemma_.lower() in _CORPSE_WORDS:  # "a man's body was found"
            if not is_corpse(tok):
                continue  # "the local body held a protest"
            if _handled_body(first):
                continue  # "the crowd carried the body to the station": a death told before
            kind: str | None = FATAL
        elif _casualty_kind(tok) == INJURED:
            # "another villager sustained a gunshot wound": a wound counts one hurt, whatever
            # verb the one who took it shares ("a villager died, and another … sustained")
            kind = INJURED if first.dep_ == "dobj" and not _definite(tok) else None
        elif tok.i in hung:  # "in X, Y, a trader was shot dead": the parse hung it on Y
            kind = hung[tok.i]
        elif (
            (_definite(tok) or owned)
            and not (_casualty_kind(first.head) or _fatal_manner(first.head))
            and not _left_dead(first)
            and not (first.dep_ in ("nsubj", "nsubjpass") and _then_died(first.head))
        ):
            continue  # "raided the outpost, where 4 were killed": "the" names a victim only
            # as the subject or object of a casualty word ("the pilot died", "the driver was
            # shot dead", "left the driver dead")
        else:
            kinds = (
                _verb_kinds(tok) if first.dep_ in ("nsubj", "nsubjpass", "dobj") else frozenset()
            )
            kind = next(iter(kinds)) if len(kinds) == 1 and kinds != _AMBIGUOUS else None
        if kind in (FATAL, INJURED) and tok.i not in taken and not _attempted(first.head):
            group = tok.lemma_.lower()
            if joined and _det(tok, "another") and group == first.lemma_.lower():
                group += " (another)"  # one more of the same group, not the same one told again
            found.append(Figure(kind, Quantity(1, "exact"), tok.i, group))
    return found


_LOOK_BACK = 2  # sentences


def _counted_before(sent: SpacySpan, figures: list[Figure]) -> list[Figure]:
    """ "encountered three gunmen … the soldiers killed the gunmen": a plural victim named with
    "the" and no number of its own is the group a sentence just before counted, when that count
    was no casualty figure itself (the three gunmen were met, not yet harmed)."""
    doc = sent.doc
    taken = {f.token for f in figures} | {
        doc[f.token].head.i for f in figures if doc[f.token].dep_ in ("nsubj", "nsubjpass", "dobj")
    }
    found: list[Figure] = []
    for tok in span_tokens(sent):
        if tok.tag_ != "NNS" or tok.dep_ not in ("dobj", "nsubjpass") or not _definite(tok):
            continue
        if tok.i in taken or tok.head.i in taken or _attempted(tok.head) or _is_animal(tok):
            continue
        if any(c.dep_ in ("nummod", "amod", "compound", "poss") for c in tok.children):
            continue  # "the two gunmen" has its number; "the local fighters" is no group told
        kinds = _verb_kinds(tok)
        if kinds != {FATAL}:
            continue
        count = _earlier_count(sent, tok.lemma_.lower())
        if count is not None:
            found.append(Figure(FATAL, count, tok.i, tok.lemma_.lower()))
    return found


def _earlier_count(sent: SpacySpan, lemma: str) -> Quantity | None:
    """The exact count of `lemma` nouns the nearest of the sentences just before gives, when
    that number is no casualty figure of its sentence."""
    doc = sent.doc
    start = sent.start
    for _ in range(_LOOK_BACK):
        if start == 0:
            return None
        before = doc[start - 1].sent
        if "\n" in doc.text[doc[before.end - 1].idx : doc[start].idx]:
            return None  # another paragraph
        counted = {f.token for f in casualty_figures(before)}
        for tok in reversed(list(before)):
            if tok.lemma_.lower() != lemma or tok.tag_ != "NNS":
                continue
            nums = [c for c in tok.children if c.dep_ == "nummod"]
            if len(nums) != 1 or nums[0].i in counted:
                return None
            number = read_number(doc, nums[0].i)
            if number is None or number.quantity.qualifier != "exact":
                return None
            return number.quantity
        start = before.start
    return None


def _nominal_adjective(tok: Token) -> bool:
    """ "killed a civilian", "shot dead a local", "a captive was killed", "one was injured and the
    other died": a word the tagger read as an adjective standing as the object or the subject
    itself, with its article."""
    articles = ("a", "an", "the") if tok.lower_ == "other" else ("a", "an")
    return (
        tok.tag_ == "JJ"
        and tok.dep_ in ("dobj", "nsubjpass", "nsubj")
        and any(c.dep_ == "det" and c.lower_ in articles for c in tok.children)
    )


def _told_deed(verb: Token) -> bool:
    """ "witnessing him stabbing his stepfather", "accusations of having killed his niece": a
    deed told as what someone saw or was accused of, not the happening's harm."""
    return verb.dep_ in ("xcomp", "ccomp", "pcomp")


# Verbs handling a body already dead: "took the body to the station", "exchanged two prisoners
# and the body of a guard", "handed over the bodies".
_HANDLING = frozenset({"take", "carry", "hand", "return", "exchange", "transport", "release"})


def _handled_body(body: Token) -> bool:
    """The body (its first conjunct) is the object of a verb handling it, or a conjunct of that
    object: someone dead before the happening, moved or traded, not a death of it."""
    tok = body
    while tok.dep_ == "conj":
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in _HANDLING:
        return True  # "in exchange of two prisoners and the body of a guard"
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in _HANDLING


def _owned_body(tok: Token) -> bool:
    """ "left his body", "his body was found": the body of someone the text told of."""
    return tok.lemma_.lower() in _CORPSE_WORDS and _possessed(tok) and not _one(tok)


def _hung_victims(sent: SpacySpan) -> dict[int, str]:
    """The patient of a passive casualty verb (or the one who died) that the parse hung on the
    place list opening the sentence ("On 5 May, in X, Y, a trader was killed"), by token index:
    its kind of casualty."""
    found: dict[int, str] = {}
    for verb in span_tokens(sent):
        if verb.pos_ != "VERB":
            continue
        passive = any(c.dep_ == "auxpass" for c in verb.children)
        if not (passive or verb.lemma_.lower() == "die"):
            continue  # an active verb's hung phrase is its doer ("in X, Y, gunmen killed …")
        links = [verb] + [c for c in verb.children if c.dep_ in ("acomp", "oprd", "xcomp")]
        kinds = {k for w in links if (k := _fatal_manner(w) or _casualty_kind(w) or _to_death(w))}
        if len(kinds) == 1 and (victim := hung_subject(verb, passive=True)) is not None:
            found[victim.i] = kinds.pop()
    return found


def _first_noun_conjunct(noun: Token) -> Token:
    """ "a farmer and his brother": the first of the nouns joined with this one (itself if none)."""
    while noun.dep_ == "conj" and _joins_victims(noun.head) and noun.head.i < noun.i:
        noun = noun.head
    return noun


def _joins_victims(head: Token) -> bool:
    """A conjunct's head that names victims: a noun, or one person's pronoun ("killed her and
    her husband", "killing him and his two brothers")."""
    return head.pos_ in ("NOUN", "PROPN") or (
        head.pos_ == "PRON" and head.lower_ in _ONE_PERSON | _ONE_SUBJECT
    )


def _possessed(noun: Token) -> bool:
    """ "his brother", "her daughter": one person, told as someone's."""
    return any(c.dep_ == "poss" and c.lower_ in ("his", "her", "their") for c in noun.children)


# Verbs whose object, or whose "in"/"to" object, is what the happening caused: "resulted in the
# death of a bystander", "leading to the killing of the commander", "killing him".
_CAUSING = frozenset({"result", "lead", "cause", "leave"})
_DEATH_NOUNS = frozenset({"death", "killing", "murder"})
_ONE_PERSON = frozenset({"him", "her"})
_ONE_SUBJECT = frozenset({"he", "she"})


def _deaths_caused(sent: SpacySpan, figures: list[Figure]) -> list[Figure]:
    """One death the happening caused, told without a number: "killing him", "resulting in his
    death", "which led to the death of a bystander" (not "protested over the killing of …")."""
    # (a figure's head is taken, not the pronoun a victim is joined to: "killed her and her son")
    taken = {f.token for f in figures} | {
        sent.doc[f.token].head.i for f in figures if sent.doc[f.token].dep_ != "conj"
    }
    found = []
    for tok in span_tokens(sent):
        if (tok.lower_ in _ONE_PERSON and tok.dep_ == "dobj") or (
                tok.lower_ in _ONE_SUBJECT and tok.dep_ in ("nsubjpass", "nsubj")):  # fmt: skip
            # "killing him"; "He was killed in the incident", "she died": one person died
            one = _died(tok)
        elif tok.lemma_.lower() in _DEATH_NOUNS and tok.tag_ == "NN" and _caused(tok):
            one = _death_of_one(tok, taken)
        else:
            continue
        if one and tok.i not in taken:
            found.append(Figure(FATAL, Quantity(1, "exact"), tok.i, f"death {tok.i}"))
    return found


def _death_of_one(death: Token, taken: set[int]) -> bool:
    """ "his death", "the death of a bystander", "the killing of Ali Hassan": one person's, not
    one a figure already counts."""
    of = [o for c in death.children if c.dep_ == "prep" and c.lower_ == "of"
          for o in c.children if o.dep_ == "pobj"]  # fmt: skip
    if not of:
        return any(c.dep_ == "poss" and c.lower_ in ("his", "her") for c in death.children)
    person = of[0]
    return (
        len(of) == 1
        and person.i not in taken
        and person.tag_ in ("NN", "NNP")
        and (_one(person) or person.ent_type_ == "PERSON"
             or any(c.dep_ == "poss" for c in person.children))
    )  # fmt: skip


def _died(person: Token) -> bool:
    """The pronoun's verb says the person died ("beat him up to death"): not "he killed a guard",
    "almost killed him", "he was not killed", "tried to kill him"."""
    verb = person.head
    # ("he was shot dead", "she was fatally stabbed": the verb's complement or manner says it)
    dead = any(c.dep_ in ("acomp", "oprd") and _casualty_kind(c) == FATAL for c in verb.children)
    kind = FATAL if dead else _fatal_manner(verb) or _casualty_kind(verb) or _to_death(verb)
    if kind != FATAL or _attempted(verb):
        return False
    if person.dep_ == "nsubj" and any(c.dep_ == "dobj" for c in verb.children):
        return False
    return not any(c.lower_ in ("almost", "nearly", "not", "never") for c in verb.children)


def _caused(noun: Token) -> bool:
    """Caused by the happening: not in a clause of what came before it ("rioted after officers led
    to the death of a girl")."""
    verb = noun.head if noun.dep_ == "dobj" else noun.head.head
    if noun.dep_ == "pobj" and noun.head.lower_ not in ("in", "to"):
        return False
    return verb.lemma_.lower() in _CAUSING and not any(
        c.dep_ == "mark" and c.lower_ in ("after", "before", "since") for c in verb.children
    )


def _left_dead(noun: Token) -> bool:
    """The noun is the subject or object of a verb its own complement calls fatal: "the driver
    was shot dead", "left the driver dead", "beat the thief to death"."""
    verb = noun.head
    if verb.lemma_.lower() == "find":
        return False  # "the inmate was found dead": a death told of, often the one protested
    return noun.dep_ in ("nsubjpass", "dobj") and (
        _to_death(verb) is not None
        or any(c.dep_ in ("acomp", "oprd") and _casualty_kind(c) == FATAL for c in verb.children)
    )


# "an attempt to assassinate the commander", "tried to kill a guard": no one died of it.
_ATTEMPTS = frozenset({"attempt", "try", "fail", "plan", "seek", "intend", "plot", "threaten"})


def _attempted(verb: Token) -> bool:
    return verb.dep_ in ("xcomp", "acl") and verb.head.lemma_.lower() in _ATTEMPTS


def _named_victims(sent: SpacySpan, figures: list[Figure]) -> list[Figure]:
    """A person named as the one killed counts one: "assassinated Ali Hassan, a commander",
    "Ahmed Ali was shot dead" (ACLED counts the named dead like any other)."""
    doc = sent.doc
    # A verb whose victims a figure already counts ("a man was killed in Cuiaba, Mato Grosso")
    # and a name with its own number ("two Nuer were killed") add no one.
    counted = {f.token for f in figures} | {
        doc[f.token].head.i for f in figures if doc[f.token].dep_ in ("nsubj", "nsubjpass", "dobj")
    }
    return [
        Figure(FATAL, Quantity(1, "exact"), tok.i, f"person {tok.lower_}")  # one each
        for tok in span_tokens(sent)
        if tok.ent_type_ == "PERSON"
        and (first := _first_conjunct(tok)).dep_ in ("nsubjpass", "dobj")
        and tok.i not in counted and first.i not in counted and first.head.i not in counted
        and not any(c.dep_ == "nummod" for c in tok.children) and _verb_kinds(tok) == {FATAL}
        and not _attempted(first.head)
    ]  # fmt: skip


def _first_conjunct(name: Token) -> Token:
    """ "Ali Hassan and Omar Said were killed": the first of the names joined with the one."""
    while name.dep_ == "conj" and name.head.ent_type_ == "PERSON":
        name = name.head
    return name


def _definite(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)


def _one(noun: Token) -> bool:
    """ "a soldier", "an old man's body", "a regime's fighter", "the pilot": one, by its article
    (a singular noun with "the" is one person already told of: "the pilot died")."""
    for child in noun.children:
        if child.dep_ == "det" and child.lower_ in ("a", "an", "the"):
            return True
        if child.dep_ == "poss" and any(
            c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in child.children
        ):
            return True  # "a regime's fighter", "the court's chief"
        if child.dep_ in ("nmod", "compound") and child.i < noun.i and any(
            c.dep_ == "det" and c.lower_ in ("a", "an") for c in child.children
        ):
            return True  # "a regime 4th Division member": the parse gave "a" to "regime"
    return False


def _det(noun: Token, word: str) -> bool:
    """The noun's determiner is `word`."""
    return any(c.dep_ == "det" and c.lower_ == word for c in noun.children)


def _another_subject(noun: Token) -> bool:
    """ "Another soldier was killed", "another woman and her child died later": one more victim,
    as the subject of the casualty word only ("he killed another person" may tell the deed that
    came before the happening)."""
    return noun.dep_ in ("nsubj", "nsubjpass") and any(
        c.dep_ == "det" and c.lower_ == "another" for c in noun.children
    )


def zero_tolls(text: str) -> set[str]:
    """The kinds of toll the text says are nil ("no casualties", "neither injuries nor deaths")."""
    kinds: set[str] = set()
    for pattern, fixed in _ZERO_PATTERNS:
        for m in pattern.finditer(text):
            if fixed is not None:
                kinds.update(fixed)
                continue
            for word in m.groups():
                w = word.lower()
                if w.startswith(("fatal", "death", "kill")):
                    kinds.add(FATAL)
                elif w.startswith(("injur", "hurt", "wound")):
                    kinds.add(INJURED)
                elif w.startswith("casualt"):
                    kinds.update((FATAL, INJURED))
    return kinds


def combine(figures: list[Figure]) -> Quantity | None:
    """One sentence's figures of one kind: groups add up, a repeated group keeps its lowest."""
    if not figures:
        return None
    by_group: dict[str | None, Quantity] = {}
    for fig in figures:
        held = by_group.get(fig.group)
        if held is None or (fig.quantity.value or 0) < (held.value or 0):
            by_group[fig.group] = fig.quantity
    # "27 people … including soldiers": an unnamed group at least as large as the named ones is
    # their total; a smaller one is one more group ("6 fighters … and 3 were killed by IEDs").
    if None in by_group and len(by_group) > 1:
        named = sum(q.value or 0 for g, q in by_group.items() if g is not None)
        if (by_group[None].value or 0) >= named:
            return by_group[None]
    total = sum(q.value or 0 for q in by_group.values())
    qualifiers = [q.qualifier for q in by_group.values() if q.qualifier != "exact"]
    return Quantity(total, qualifiers[0] if qualifiers else "exact")


Sides = frozenset[str] | None


def sides_of(groups: list[str | None]) -> Sides:
    """The sides (state forces, rebels, civilians: `casualty_sides.csv`) whose dead the groups
    count; None when a group names no side ("people", a number standing alone)."""
    table = casualty_sides()
    out = set()
    for group in groups:
        side = table.get(group.split()[0]) if group else None
        if side is None:
            return None
        out.add(side)
    return frozenset(out) or None


def toll_of_reports(reports: list[tuple[Quantity, Sides]], pick_highest: bool) -> Quantity:
    """One toll from several reports: reports of one side's dead are the same dead told twice
    (the lowest wins within a draft, ACLED's conservative rule; across a cluster's mentions the
    highest, `resolve`), reports of different sides' dead ("2 soldiers were killed. Troops
    killed 3 militants.") add up. A report naming no side keeps the single-report rule."""
    quantities = [q for q, _ in reports]

    def pick(qs: list[Quantity]) -> Quantity:
        return (max if pick_highest else min)(qs, key=lambda q: q.value or 0)

    if len(reports) < 2 or any(s is None for _, s in reports):
        return pick(quantities)
    parts: list[tuple[set[str], list[Quantity]]] = []
    for q, sides in reports:
        part: tuple[set[str], list[Quantity]] = (set(sides or ()), [q])
        for other in [p for p in parts if p[0] & part[0]]:
            part[0].update(other[0])
            part[1].extend(other[1])
            parts.remove(other)
        parts.append(part)
    if len(parts) < 2:
        return pick(quantities)
    chosen = [pick(qs) for _, qs in parts]
    qualifiers = [q.qualifier for q in chosen if q.qualifier != "exact"]
    return Quantity(sum(q.value or 0 for q in chosen), qualifiers[0] if qualifiers else "exact")


def _owner(
    figure: Figure, drafts: list[EventDraft | TallyDraft], tokens: dict[int, Token]
) -> EventDraft | TallyDraft:
    """The draft a figure belongs to: the nearest trigger in the tree (clause edges cost more).

    "Rebels shelled the town, killing two civilians, while an airstrike on the camp killed nine
    fighters": two goes to the shelling, nine to the airstrike that is the subject of its verb.
    """
    placed = [d for d in drafts if id(d) in tokens]
    if not placed:
        return drafts[0]
    number = tokens[id(placed[0])].doc[figure.token]
    up = _costs_to_root(number)
    best, best_cost = placed[0], None
    for draft in placed:
        cost = None
        for node_i, trig_cost in _costs_to_root(tokens[id(draft)]).items():
            if node_i in up:
                cost = up[node_i] + trig_cost
                break
        cost = cost if cost is not None else 10**6
        if best_cost is None or cost < best_cost:
            best, best_cost = draft, cost
    return best


# What a happening is told as coming after: "after a bus killed two people", "following the
# death of a resident".
_EARLIER = frozenset({"after", "following"})


def _told_as_before(victim: Token, trigger: Token | None) -> bool:
    """The victim is told in a clause or phrase of what came before the draft's happening ("a mob
    burned the car after it killed two people", "residents rioted following the death of a
    youth"): those dead are another happening's (ACLED codes the answer with no toll), unless the
    draft's own trigger is in that clause. A participle set off by a comma ("clashed after the
    rebels attacked a post, killing 17") tells the sentence's own toll, wherever the parse hangs
    it."""
    tok = victim
    while tok.head.i != tok.i:
        if tok.tag_ == "VBG" and tok.i > 0 and tok.doc[tok.left_edge.i - 1].text == ",":
            return False  # "…, after the rebels attacked a post, killing 17": the main toll
        earlier = (tok.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in _EARLIER and _has_subject(tok) for c in tok.children
        )) or (tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ in _EARLIER)
        if earlier:
            clause = tok if tok.dep_ == "advcl" else tok.head
            return trigger is None or not (clause.left_edge.i <= trigger.i <= clause.right_edge.i)
        tok = tok.head
    return False


# What a person is accused of: "the shop of a trader suspected of killing a guard".
_ACCUSED = frozenset(
    {"suspect", "suspected", "accuse", "accused", "convict", "convicted", "responsible", "arrest",
     "arrested", "charge", "charged", "sentence", "sentenced", "blame", "blamed"}
)  # fmt: skip
_DEEDS = frozenset({"killing", "killings", "murder", "murders", "murdering", "death", "deaths"})


def _told_of_someone(victim: Token, trigger: Token | None) -> bool:
    """The victim is told in a clause describing a person by a killing of theirs or their own
    death ("torched the huts of bandits who killed a herder", "took the body of a youth who
    had been shot in a brawl"), or in what a person is accused of ("the shop of a trader
    suspected of killing a guard", "those held responsible for killing four"): another happening's
    dead, told to say who someone is (ACLED codes them separately, if at all). Not when the
    draft's own trigger is in that clause."""
    tok = victim
    while True:
        clause = None
        if (
            tok.dep_ == "relcl"
            and (_casualty_kind(tok) == FATAL or tok.lemma_.lower() == "murder")
            and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "who" for c in tok.children)
        ):
            clause = tok
        elif (
            tok.lower_ in _DEEDS
            and tok.dep_ in ("pcomp", "pobj")
            and tok.head.lower_ in ("of", "for")
            and tok.head.head.lower_ in _ACCUSED
        ):
            clause = tok
        if clause is not None:
            return trigger is None or not (clause.left_edge.i <= trigger.i <= clause.right_edge.i)
        if tok.head.i == tok.i:
            return False
        tok = tok.head


# Words telling the dead as besides those counted before: "another woman died", "two other
# guards were killed", "three more died", "a third man was found dead".
_BESIDES_WORDS = frozenset(
    {"another", "other", "more", "additional", "further", "second", "third", "fourth"}
)
_BESIDES_ADVERBS = frozenset({"also", "additionally"})


def _told_besides(victim: Token) -> bool:
    """The victim (a figure's number or one victim's noun) is told as more dead besides those
    counted before: a word on the counted noun ("another", "2 other", "3 more", "a third") or
    "also"/"additionally" on its verb."""
    noun = _counted_noun(victim) or victim
    while noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head  # "another woman and her child died"
    marks = ("det", "amod", "advmod")
    if any(c.lower_ in _BESIDES_WORDS and c.dep_ in marks for c in noun.children):
        return True
    if any(c.lower_ in _BESIDES_WORDS and c.dep_ in ("amod", "advmod") for c in victim.children):
        return True  # "three more died": "more" on the number itself
    verb = noun
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return any(c.lower_ in _BESIDES_ADVERBS and c.dep_ == "advmod" for c in verb.children)


# An appositive renames what it hangs on ("killed four people, the second strike on the
# capital since …"): a trigger reaching a figure through one is as far from it as another clause.
_CLAUSE_EDGES = frozenset(
    {"advcl", "ccomp", "conj", "relcl", "parataxis", "xcomp", "acl", "appos"}
)


def _costs_to_root(tok: Token) -> dict[int, int]:
    """Token index → cost of climbing there from `tok`, in climbing order (dicts keep it)."""
    costs = {tok.i: 0}
    cost = 0
    while tok.head.i != tok.i:
        cost += 3 if tok.dep_ in _CLAUSE_EDGES else 1
        tok = tok.head
        costs[tok.i] = cost
    return costs


@extractor(
    "quantities",
    requires=("events", "tallies"),
    assigns=("events.quantities", "tallies.quantities"),
)
def count_casualties(state: DocState) -> None:
    """Set fatalities, injuries and material damage on every draft from its own sentences."""
    if state.doc is None:
        return
    drafts: list[EventDraft | TallyDraft] = [*state.events, *state.tallies]
    if not drafts:
        return
    tokens = {id(d): t for d in drafts if (t := trigger_token(state, d.trigger)) is not None}
    by_sentence: dict[int, list[EventDraft | TallyDraft]] = {}
    for d in drafts:
        for i in _sentences_of(state, d):
            by_sentence.setdefault(i, []).append(d)
    own = {(id(d), i) for i, ds in by_sentence.items() for d in ds}
    _add_follow_up_sentences(state, by_sentence)
    # id(draft) → kind → one total per sentence, with the sides whose dead it counts
    found: dict[int, dict[str, list[tuple[Quantity, Sides]]]] = {}
    borrowed: dict[int, dict[str, list[tuple[Quantity, Sides]]]] = {}  # from follow-up sentences
    # … of them, the dead told as besides those before ("Another woman died later")
    besides: dict[int, dict[str, list[Quantity]]] = {}
    groups: dict[int, list[tuple[str, str | None, int | None, str]]] = {}
    # … and the death tolls told as risen to a figure: the latest count, beating every report
    risen: dict[int, list[Quantity]] = {}
    for i, owners in by_sentence.items():
        sent = state.spacy_sentence(i)
        if sent is None:
            continue
        per_draft: dict[int, list[Figure]] = {}
        # "…, killing 17 fighters (coded separately).": another record's dead
        apart = clauses_coded_apart(sent.doc.text, sent.start_char, sent.end_char)
        for fig in casualty_figures(sent):
            if any(a <= sent.doc[fig.token].idx < b for a, b in apart):
                continue
            owner = _owner(fig, owners, tokens)
            victim, trigger = sent.doc[fig.token], tokens.get(id(owner))
            if _told_as_before(victim, trigger) or _told_of_someone(victim, trigger):
                continue  # "rioters burned a truck after it killed a man": what they answered
            per_draft.setdefault(id(owner), []).append(fig)
        zero = zero_tolls(state.sentences[i].text)
        shares = _site_shares(owners, per_draft)
        for d in owners:
            figs = per_draft.get(id(d), [])
            updates = [
                f.quantity for f in figs if f.kind == FATAL and _risen_toll(sent.doc[f.token])
            ]
            if updates:  # "Nine more died, bringing the toll to 14": 14, not the nine
                risen.setdefault(id(d), []).append(max(updates, key=lambda q: q.value or 0))
            for kind in (FATAL, INJURED):
                kind_figs = [f for f in figs if f.kind == kind]
                total = combine(kind_figs)
                sides = sides_of([f.group for f in kind_figs]) if total is not None else None
                if kind in zero and (total is None or _OTHER_REPORT.search(sent.text)):
                    # "no casualties, while one unconfirmed source claimed 70 were killed": the
                    # conflicting reports' lowest figure (ACLED's most conservative report)
                    total = Quantity(0, "exact")
                if (id(d), kind) in shares:
                    total, sides = shares[(id(d), kind)], None
                if total is not None:
                    into = found if (id(d), i) in own else borrowed
                    into.setdefault(id(d), {}).setdefault(kind, []).append((total, sides))
                    if (id(d), i) not in own and kind_figs and all(
                        _told_besides(sent.doc[f.token]) for f in kind_figs
                    ):
                        besides.setdefault(id(d), {}).setdefault(kind, []).append(total)
            groups.setdefault(id(d), []).extend(
                (f.kind, f.group, f.quantity.value, f.quantity.qualifier) for f in figs
            )
            if _DAMAGE.search(state.sentences[i].text):
                d.material_damage = True
    for d in drafts:
        if isinstance(d, EventDraft) and 0 <= d.sentence < len(state.sentences):
            if _OTHER_REPORT.search(state.sentences[d.sentence].text):
                d.extra["other_report"] = True
        # A toll told with the happening beats one borrowed from a sentence after it.
        kinds = {**borrowed.get(id(d), {}), **found.get(id(d), {})}
        if found.get(id(d), {}).get(FATAL):  # "Three villagers died. An officer died later."
            added = {id(q) for q in besides.get(id(d), {}).get(FATAL, [])}  # (added below)
            others = _other_sides(kinds[FATAL], borrowed.get(id(d), {}))
            kinds[FATAL] = kinds[FATAL] + [r for r in others if id(r[0]) not in added]
        # The same toll told again in another sentence is not added: the lowest report wins;
        # other sides' dead told in other sentences are (`toll_of_reports`).
        if kinds.get(FATAL):
            d.fatalities = toll_of_reports(kinds[FATAL], pick_highest=False)
            more = besides.get(id(d), {}).get(FATAL, []) if found.get(id(d), {}).get(FATAL) else []
            if more:  # "Three were killed. Another woman died later.": more dead of it
                value = (d.fatalities.value or 0) + sum(q.value or 0 for q in more)
                d.fatalities = Quantity(value, d.fatalities.qualifier)
        if risen.get(id(d)):  # "Five were killed. The toll rose to 14 on Monday.": 14
            d.fatalities = max(risen[id(d)], key=lambda q: q.value or 0)
        if kinds.get(INJURED):
            d.injuries = min((q for q, _ in kinds[INJURED]), key=lambda q: q.value or 0)
        if isinstance(d, EventDraft) and groups.get(id(d)):
            d.extra["casualties_by_group"] = groups[id(d)]


def _other_sides(
    told: list[tuple[Quantity, Sides]], borrowed: dict[str, list[tuple[Quantity, Sides]]]
) -> list[tuple[Quantity, Sides]]:
    """The dead a follow-up sentence tells of a side none of the happening's own reports counts
    ("Three villagers died. A police officer … died in a hospital."): more dead of it, added up
    by `toll_of_reports`; a report naming no side, or a side already told, is the same dead."""
    if any(sides is None for _, sides in told):
        return []
    seen = frozenset().union(*(sides for _, sides in told if sides))
    return [(q, s) for q, s in borrowed.get(FATAL, []) if s and not (s & seen)]


def _site_shares(
    owners: list[EventDraft | TallyDraft], per_draft: dict[int, list[Figure]]
) -> dict[tuple[int, str], Quantity]:
    """A toll told once for one happening at several listed sites ("five died in attacks on a base
    in Easton and a post in Westby"): ACLED divides it evenly over the sites' events, the
    remainder to the first ones (figures go to the first site's draft, `_owner`). Draft id and
    kind -> its share."""
    siblings: dict[tuple[int, int], list[EventDraft]] = {}
    for d in owners:
        if isinstance(d, EventDraft) and "site_head" in d.extra:
            siblings.setdefault((d.trigger.start, d.trigger.end), []).append(d)
    shares: dict[tuple[int, str], Quantity] = {}
    for sites in siblings.values():
        if len(sites) < 2 or any(per_draft.get(id(d)) for d in sites[1:]):
            continue
        figs = per_draft.get(id(sites[0]), [])
        for kind in (FATAL, INJURED):
            total = combine([f for f in figs if f.kind == kind])
            if total is None or not total.value:
                continue
            whole, rest = divmod(total.value, len(sites))
            for k, d in enumerate(sites):
                shares[(id(d), kind)] = Quantity(whole + (k < rest), total.qualifier)
    return shares


def _add_follow_up_sentences(
    state: DocState, by_sentence: dict[int, list[EventDraft | TallyDraft]]
) -> None:
    """A sentence with no draft of its own continues the last event before it in its paragraph.

    "… a roadside explosive detonated … Total 6 Turkish soldiers were reportedly killed." The toll
    joins the event like any other report of it (the lowest report still wins).
    """
    for i, sentence in enumerate(state.sentences):
        if i in by_sentence:
            continue
        paragraph = next((p for p in state.paragraphs if p.start <= sentence.start < p.end), None)
        if paragraph is None:
            continue
        # The last event before it, else the first after it ("A prisoner died … The man was
        # allegedly subjected to torture", with the draft on "torture").
        order = [*range(i - 1, -1, -1), *range(i + 1, len(state.sentences))]
        for j in order:
            if not paragraph.start <= state.sentences[j].start < paragraph.end:
                continue
            events = [d for d in by_sentence.get(j, []) if isinstance(d, EventDraft)]
            if events:
                pick = max if j < i else min
                by_sentence[i] = [pick(events, key=lambda d: d.trigger.start)]
                break


def _sentences_of(state: DocState, draft: EventDraft | TallyDraft) -> list[int]:
    indices = [draft.sentence]
    for span in draft.evidence:
        i = state.sentence_of(span.start)
        if i not in indices:
            indices.append(i)
    return [i for i in indices if 0 <= i < len(state.sentences)]
