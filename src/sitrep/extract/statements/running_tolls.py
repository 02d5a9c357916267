"""Running tolls: people killed, wounded or arrested over a period are a tally, not one event.

"at least 75 civilians have since been killed", "the militia has killed some 900 people in the
province since 2017", "the death toll in the district has climbed to 140", "a total of 900 people
have been detained since the uprising began": a figure whose verb a running period governs
("since …", "so far", "to date", "over the past 24 hours", "this week") sums up many happenings, and
so does one a nationwide scope governs ("13 were killed nationwide", "across the country").
The period must hang on the figure's own clause: in "the first strike since the truce killed five
people" it belongs to "first", and the five are one event's toll.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.extract.events.quantities import FATAL, INJURED, casualty_figures
from sitrep.knowledge.lexicons import tally_nouns
from sitrep.nlp.numbers import is_number_token, read_number
from sitrep.nlp.segment import span_tokens
from sitrep.records import Quantity

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

ARRESTED = "arrests"
_ARREST_VERBS = frozenset({"arrest", "detain", "abduct", "kidnap"})
_RISE_VERBS = frozenset(
    {"rise", "raise", "reach", "climb", "increase", "hit", "jump", "soar", "bring", "push"}
)
_TOLL_NOUNS = frozenset({"toll", "tally", "count", "number", "total"})
_DEATH_WORDS = frozenset({"death", "fatality", "toll", "dead", "killing", "casualty"})
# Words of a period that runs up to the report; "past"/"last" only with a unit after them.
_RUNNING_WORDS = frozenset({"since", "so far", "to date", "thus far"})
# Words of a scope wider than one happening's place: "13 were killed nationwide", "across the
# country": the dead of many happenings, summed like a period's.
_SCOPE_WORDS = frozenset({"nationwide", "countrywide", "across the country", "across the nation"})
_UNITS = frozenset(
    {"hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years"}
)
_PERIOD_HEADS = frozenset({"past", "last", "previous", "this"})
# Words between a period and its verb that make the period another word's: "the first since".
_SERIES = frozenset({"first", "last", "deadliest", "largest", "biggest", "worst", "latest"})
_WORDS = {FATAL: "killed", INJURED: "wounded", ARRESTED: "arrested"}


@dataclass(frozen=True, slots=True)
class RunningToll:
    """A figure over a period: what happened to the people counted, how many, and where."""

    kind: str  # fatalities, injuries or arrests
    count: Quantity
    number: int  # token index of the number: the key that makes two findings one tally
    verb: Token  # the clause the period governs
    counted: str


def running_tolls(sent: SpacySpan) -> list[RunningToll]:
    """Every figure of the sentence whose clause a running period governs (module docstring)."""
    doc = sent.doc
    found: dict[int, RunningToll] = {}
    for fig in casualty_figures(sent):
        verb = _clause(doc[fig.token])
        if (
            verb is not None
            and _running_period(verb)
            and _plural(fig.quantity)
            and not _one_happening(verb)
        ):
            found[fig.token] = RunningToll(
                fig.kind, fig.quantity, fig.token, verb, _counted(doc[fig.token], fig.kind)
            )
    for tok in span_tokens(sent):
        risen = _risen_toll(tok)
        if risen is not None:  # ("the death toll … has climbed to 140": deaths, whatever word)
            found[risen.number] = risen
            continue
        toll = _arrested(tok)
        if toll is not None and toll.number not in found:
            found[toll.number] = toll
    return sorted(found.values(), key=lambda t: t.number)


def _risen_toll(tok: Token) -> RunningToll | None:
    """ "the death toll … has climbed to 140 …", "raises the death toll in the town to 19 …"."""
    if tok.pos_ != "NUM" or tok.head.lower_ != "to" or tok.head.dep_ != "prep":
        return None
    verb = tok.head.head
    if verb.lemma_.lower() not in _RISE_VERBS or not _running_period(verb):
        return None
    if not any(
        c.lemma_.lower() in _TOLL_NOUNS
        and c.dep_ in ("nsubj", "dobj", "nsubjpass")
        and any(t.lemma_.lower() in _DEATH_WORDS for t in c.subtree)
        for c in verb.children
    ):
        return None  # "the death toll has risen to", "bringing the number of deaths to"
    number = read_number(tok.doc, tok.i)
    if number is None:
        return None
    return RunningToll(FATAL, number.quantity, number.head, verb, "deaths")


def _arrested(tok: Token) -> RunningToll | None:
    """ "a total of 900 people have been detained since the uprising began"."""
    if tok.lemma_.lower() not in _ARREST_VERBS or tok.pos_ != "VERB" or not _running_period(tok):
        return None
    for noun in tok.children:
        if noun.dep_ not in ("nsubjpass", "dobj"):
            continue
        for t in noun.subtree:
            number = read_number(tok.doc, t.i) if is_number_token(t) else None
            if number is not None and _plural(number.quantity):
                return RunningToll(
                    ARRESTED, number.quantity, number.head, tok, _counted(t, ARRESTED)
                )
    return None


def _clause(tok: Token) -> Token | None:
    """The verb whose clause holds `tok`."""
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _running_period(verb: Token) -> bool:
    """Whether a running period hangs on the verb's clause (not on a word like "first")."""
    doc = verb.doc
    for tok in verb.subtree:
        word = tok.lower_
        two = f"{word} {doc[tok.i + 1].lower_}" if tok.i + 1 < len(doc) else word
        running = word in _RUNNING_WORDS or two in _RUNNING_WORDS or word in _SCOPE_WORDS
        if not running and word == "across":  # "across the country"
            running = " ".join(t.lower_ for t in doc[tok.i : tok.i + 3]) in _SCOPE_WORDS
        if not running and word in _PERIOD_HEADS:
            # "this week", "the past 24 hours"; not "earlier this month" (a past stretch)
            earlier = tok.i > 0 and doc[tok.i - 1].lower_ in ("earlier", "late", "early")
            running = not earlier and any(t.lower_ in _UNITS for t in doc[tok.i + 1 : tok.i + 4])
        if running and _hangs_on(tok, verb):
            return True
    return False


def _one_happening(verb: Token) -> bool:
    """ "forty died earlier in the month in a bombing of the market": the figure is the
    toll of one happening the clause names in the singular ("in an attack", "when a bomb went
    off")."""
    nouns = tally_nouns()
    for tok in verb.subtree:
        if tok.tag_ != "NN" or tok.lemma_.lower() not in nouns:
            continue
        between = [
            a for a in tok.ancestors if a.i != verb.i and verb.i in [x.i for x in a.ancestors]
        ]
        if any(a.lower_ == "since" or a.pos_ in ("VERB", "AUX") for a in between):
            continue  # "since the attack in March", another clause: not this figure's
        if any(
            c.dep_ == "det" and c.lower_ in ("a", "an", "the", "this", "that") for c in tok.children
        ):
            return True
    return False


def _hangs_on(tok: Token, verb: Token) -> bool:
    if tok.dep_ == "mark":
        if tok.head.i == verb.i or tok.head.dep_ != "advcl":
            return False  # "since" opening the figure's own clause is a cause, or a misparse
        tok = tok.head  # "since the hostilities started": the clause "since" opens
    while tok.i != verb.i:
        if tok.lower_ in _SERIES or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX") and tok.i != verb.i:
            return False
    return True


def _plural(quantity: Quantity) -> bool:
    return (quantity.value or 0) >= 2 or quantity.qualifier not in ("exact", "unknown")


def _counted(number_tok: Token, kind: str) -> str:
    """ "civilians killed", "people arrested": the counted noun and what happened to them."""
    noun = number_tok.head if number_tok.dep_ in ("nummod", "quantmod", "amod") else number_tok
    if noun.pos_ not in ("NOUN", "PROPN"):
        noun = next((c for c in number_tok.children if c.dep_ == "pobj"), number_tok)
    word = noun.text if noun.pos_ in ("NOUN", "PROPN") else "people"
    return f"{word} {_WORDS[kind]}"
