"""Aggregate statements ("11 operations on Friday", "85 times") become tallies, not events.

Contract between the events and tallies extractors:

- The events extractor may mark a draft `is_tally=True` when it knows the trigger names many
  happenings at once, and may put the character span of the count in `draft.extra["count_span"]`
  as `(start, end)`. It need not: any draft whose trigger is counted (a number or a vague quantity
  on an event noun, "N times" on an event verb, an ordinal "the fourth to be airlifted") is
  turned into a tally here as well, and sentences are scanned for counted event nouns from
  `knowledge/data/tally_nouns.csv` that no draft covers.
- Every such draft leaves `state.events`; its type, modality, actors, time and place carry over to
  the `TallyDraft`. A tally is never expanded into individual events and never counted as one.
- Two findings that share the number token are one tally ("this shipment is the third to
  be airlifted": the draft on "airlifted" and the noun "shipment" are the same statement).
- Fatalities and injuries of a tally ("wounding at least 25 soldiers") are
  set later by the quantities extractor, sources by attribution, actors/dates/places by their
  extractors, exactly as for events.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.extract.events.quantities import FATAL, INJURED
from sitrep.extract.registry import extractor
from sitrep.extract.state import DocState, EventDraft, TallyDraft
from sitrep.extract.statements.factuality import modality_of, trigger_token
from sitrep.extract.statements.running_tolls import RunningToll, running_tolls
from sitrep.extract.time.timex import calendar_names
from sitrep.knowledge.lexicons import tally_nouns
from sitrep.nlp.numbers import Number, is_number_token, ordinal_value, read_number, tells_no_amount
from sitrep.records import Quantity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

log = logging.getLogger(__name__)

# Prepositional phrases that say when, not what: left out of `counted` ("in one day on Friday").
_TEMPORAL_PREPS = frozenset(
    {"since", "during", "until", "till", "throughout", "over", "within", "after", "before"}
)
_TIME_WORDS = frozenset(
    {
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "hour",
        "hours",
        "night",
        "morning",
        "evening",
        "afternoon",
        "today",
        "yesterday",
        "weekend",
        "period",
        "time",
    }
) | calendar_names("weekday")
_COUNT_NOUNS = frozenset({"time", "times"})  # "85 times", with "twice"/"thrice" as words
# Verbs that say what a happening is in a series: "the attack constitutes the 26th since …".
_COPULAR_VERBS = frozenset({"be", "constitute", "mark", "represent", "become"})
_ADVERB_COUNTS = {"twice": 2, "thrice": 3}


@dataclass(frozen=True, slots=True)
class CountMatch:
    """A counted happening in the parse: the event word, how many, and where the number is."""

    head: Token  # the counted noun or verb ("operations", "targeted", "airlifted")
    count: Quantity
    number_index: int  # token index of the number: the key that makes two findings one tally
    kind: str  # noun, times, ordinal


def find_count(tok: Token, lexicon_only: bool = True) -> CountMatch | None:
    """The aggregate statement `tok` heads, if it is counted; None for a single happening.

    With `lexicon_only` False (a draft's trigger) any verb counted "N times" is a tally; nouns
    must always be counted event nouns from the lexicon.
    """
    nouns = tally_nouns()
    doc = tok.doc
    lemma = tok.lemma_.lower()
    if tok.dep_ == "compound" and tok.head.pos_ == "NOUN":  # trigger "drone" in "drone attacks"
        return find_count(tok.head, lexicon_only)
    # Nouns only from the lexicon: "hundreds of demonstrators" is one protest, not a tally.
    if tok.pos_ in ("NOUN", "PROPN") and lemma in nouns:
        match = _counted_noun(tok, doc) or _ordinal(tok, doc)
        if match:
            return match
    if tok.pos_ == "VERB" and (lemma in nouns or not lexicon_only):
        match = _counted_verb(tok, doc) or _ordinal(tok, doc)
        if match:
            return match
    if tok.pos_ == "VERB":  # "conducted 11 operations": the count is on the object
        for child in tok.children:
            if child.dep_ == "dobj" and child.lemma_.lower() in nouns:
                match = _counted_noun(child, doc)
                if match:
                    return match
    for target in _targets(tok):  # "strikes against more than 85 targets", "16 sites"
        if target.lemma_.lower() in nouns:
            match = _counted_noun(target, doc)
            if match:
                return match
    return None


_TARGET_PREPS = frozenset({"against", "on", "at"})


def _targets(tok: Token) -> list[Token]:
    """The nouns a happening is aimed at: its object, "against/on X", and the subject of "came
    under attack" ("ten vessels coming under attacks this week")."""
    found = [c for c in tok.children if c.dep_ == "dobj"]
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in _TARGET_PREPS:
            found.extend(c for c in prep.children if c.dep_ == "pobj")
    if tok.dep_ == "pobj" and tok.head.lower_ == "under":
        found.extend(c for c in tok.head.head.children if c.dep_ in ("nsubj", "nsubjpass"))
    return found


def _counted_noun(noun: Token, doc: Doc) -> CountMatch | None:
    # A count on a singular noun is a single happening ("one attack").
    for child in noun.children:
        if child.dep_ == "nummod" or (
            child.dep_ in ("amod", "quantmod") and is_number_token(child)
        ):
            number = read_number(doc, child.i)
            if number and _is_plural_count(number, noun):
                return CountMatch(noun, number.quantity, number.head, "noun")
    # "dozens of strikes", "hundreds of raids"
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        quantity_word = noun.head.head
        if is_number_token(quantity_word):
            number = read_number(doc, quantity_word.i)
            if number and _is_plural_count(number, noun):
                return CountMatch(noun, number.quantity, number.head, "noun")
    return None


def _is_plural_count(number: Number, noun: Token) -> bool:
    value = number.quantity.value
    return (
        value is not None
        and (value >= 2 or number.quantity.qualifier != "exact")
        and noun.tag_ in ("NNS", "NNPS")
    )


def _counted_verb(verb: Token, doc: Doc) -> CountMatch | None:
    """ "targeted US bases about 85 times", "struck the town twice"."""
    for child in verb.children:
        if child.lower_ in _ADVERB_COUNTS:
            return CountMatch(
                verb, Quantity(_ADVERB_COUNTS[child.lower_], "exact"), child.i, "times"
            )
        if child.lower_ in _COUNT_NOUNS and child.dep_ in (
            "npadvmod",
            "advmod",
            "dobj",
            "pobj",
            "attr",
        ):
            for grandchild in child.children:
                if grandchild.dep_ == "nummod" or is_number_token(grandchild):
                    number = read_number(doc, grandchild.i)
                    if number and number.quantity.value and number.quantity.value >= 2:
                        return CountMatch(verb, number.quantity, number.head, "times")
    return None


def _ordinal(tok: Token, doc: Doc) -> CountMatch | None:
    """ "the fourth to be airlifted", "this batch is the fourth", "the third such attack"."""
    candidates: list[Token] = []
    if tok.dep_ in ("relcl", "acl", "xcomp"):
        candidates.append(tok.head)  # "the fourth to be airlifted"
        # "the fifth missile fired by the group in the last two days"
        candidates.extend(c for c in tok.head.children if c.dep_ == "amod")
    candidates.extend(c for c in tok.children if c.dep_ == "amod")  # "the third attack"
    if tok.dep_ == "nsubj":  # "this batch is the fourth …", "the attack constitutes the 26th"
        candidates.extend(
            c
            for c in tok.head.children
            if c.dep_ == "attr" or (c.dep_ == "dobj" and tok.head.lemma_ in _COPULAR_VERBS)
        )
    for cand in candidates:
        value = ordinal_value(cand)
        if value and value >= 2:
            return CountMatch(tok, Quantity(value, "exact"), cand.i, "ordinal")
    return None


# Words that make a count span time: "since October 18", "in the past 10 days", "this month".
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_PERIOD = re.compile(
    r"\bsince\b|\bso far\b|\bto date\b|\bthis (?:week|month|year)\b|\bearlier this\b"
    r"|\b(?:past|last|previous|recent|coming|next)\s+(?:\w+\s+)?(?:days|weeks|months|years)\b"
    r"|\bin (?:less than )?(?:an?|one|two|three|\d+) (?:weeks?|months?|years?)\b"
    r"|\bover the (?:\w+\s+)?(?:days|weeks|months|years)\b"
    rf"|\b(?:in|during|throughout) (?:{_MONTHS})\b(?! \d)",
    re.IGNORECASE,
)
# Words that spread a count over many places: "across Iraq", "throughout the country".
_SPREAD = frozenset({"across", "throughout"})


def is_aggregate(match: CountMatch, sentence: str, has_day: bool = True) -> bool:
    """Whether a counted happening is a tally rather than one event (ACLED: one per location-day).

    Counts over a period ("since October 18", "in the past 10 days", "earlier this year") or over
    several places ("in Syria and Iraq", "across Iraq") are tallies, and so is a count of ten or
    more that no day of its sentence holds ("more than 150 attacks on the pipeline", "at least
    two dozen raids on the villages"). A count at one place on one day is one event however
    large: "21 Saudi-led coalition airstrikes targeted Khabb district on 8 May", "the OSCE observed
    a total of 25 explosions near Donetsk" (also in a sentence of its own with no day, when it
    says the fire went both ways: one exchange, on the text's day). An ordinal without a period
    ("a second explosive attack") is the place of an event in a sequence, not a count.
    """
    if _PERIOD.search(sentence) is not None:
        return True
    if match.kind == "ordinal":
        return False
    if not has_day and (match.count.value or 0) >= _MANY:
        return True
    return _several_places(match.head)


_MANY = 10


def _several_places(head: Token) -> bool:
    """ "against US bases in Syria and Iraq", "across Iraq": many places under the counted word."""
    scope = (
        head
        if head.pos_ != "NOUN" or head.dep_ not in ("dobj", "nsubj", "nsubjpass")
        else head.head
    )
    for tok in scope.subtree:
        if tok.ent_type_ == "GPE" and tok.dep_ == "conj" and tok.head.ent_type_ == "GPE":
            return True
        if tok.lower_ in _SPREAD and tok.dep_ == "prep":
            return True
    return False


def counted_text(match: CountMatch) -> str:
    """What is counted, in the article's words, without the count and without when."""
    doc = match.head.doc
    heads = [match.head]
    if match.kind == "ordinal":
        # "this shipment is the third to be airlifted to …": the subject and the verb together.
        ordinal = doc[match.number_index]
        heads = [c for c in ordinal.children if c.dep_ in ("relcl", "acl")]
        subject = _copula_subject(ordinal)
        heads = ([subject] if subject is not None else []) + heads or [match.head]
    keep: set[int] = set()
    for head in heads:
        keep |= _phrase(head, match.kind)
    tokens = [doc[i] for i in sorted(keep)]
    return "".join(t.text_with_ws for t in tokens).strip().rstrip(",")


def _phrase(head: Token, kind: str) -> set[int]:
    keep = {head.i}
    for child in head.children:
        if child.dep_ in ("compound", "amod") and child.i < head.i and not _is_count_word(child):
            keep.update(t.i for t in child.subtree)
        elif child.dep_ in ("dobj", "prt") and kind != "noun":
            keep.update(t.i for t in child.subtree if not _is_count_word(t))
        elif child.dep_ == "prep" and not _temporal(child):
            keep.update(t.i for t in child.subtree)
    return keep


def _copula_subject(ordinal: Token) -> Token | None:
    """ "shipment" in "this shipment is the third to be airlifted"."""
    if ordinal.dep_ == "attr":
        for c in ordinal.head.children:
            if c.dep_ == "nsubj":
                return c
    return None


def _is_count_word(tok: Token) -> bool:
    return is_number_token(tok) or tok.lower_ in _COUNT_NOUNS or ordinal_value(tok) is not None


def _temporal(prep: Token) -> bool:
    if prep.lower_ in _TEMPORAL_PREPS:
        return True
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return any(o.ent_type_ in ("DATE", "TIME") or o.lower_ in _TIME_WORDS for o in objects)


def _inside_counted(
    state: DocState, draft: EventDraft, seen: dict[tuple[int, int], TallyDraft]
) -> bool:
    """ "dozens of attacks that targeted bases …": a draft on a clause describing the counted
    happenings is part of the tally, not a happening of its own."""
    token = trigger_token(state, draft.trigger)
    if token is None:
        return False
    heads = {t.trigger.start for t in seen.values() if t.sentence == draft.sentence}
    t = token
    while t.dep_ in ("relcl", "acl") and t.head.i != t.i:
        t = t.head
        if t.idx in heads:
            return True
        # "dozens of attacks that targeted …": the clause hangs on the quantity word
        of = [g for c in t.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        if any(g.idx in heads for g in of):
            return True
    return False


def _has_day(state: DocState, index: int, head: Token) -> bool:
    """Whether a day ("on Friday", "8 May") dates the clause of the counted word `head`."""
    if not 0 <= index < len(state.sentences) or state.doc is None:
        return False
    sent = state.sentences[index]
    clause = _clause_of(head)
    for t in state.times:
        if t.kind != "date" or not sent.start <= t.span.start < sent.end:
            continue
        span = state.doc.char_span(t.span.start, t.span.end, alignment_mode="expand")
        if span is not None and _clause_of(span.root).i == clause.i:
            return True
    return False


def _clause_of(tok: Token) -> Token:
    """The verb whose clause holds `tok` (the sentence root when none)."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _tally_from(
    state: DocState, match: CountMatch, sentence: int, draft: EventDraft | None
) -> TallyDraft:
    head = match.head
    trigger = draft.trigger if draft else state.span(head.idx, head.idx + len(head.text))
    tally = TallyDraft(
        trigger=trigger,
        sentence=sentence,
        counted=counted_text(match),
        counted_event_type=_event_type(match, draft),
        count=match.count,
        evidence=[state.sentences[sentence]] if 0 <= sentence < len(state.sentences) else [],
        modality=draft.modality if draft else modality_of(head).modality,
    )
    if draft:
        tally.evidence = list(draft.evidence) or tally.evidence
        tally.actor1, tally.actor2 = draft.actor1, draft.actor2
        tally.period, tally.where = draft.when, draft.where
    return tally


_BREAKDOWN = ("of which", "of whom", "of them", "among them")


def _breakdown(state: DocState, index: int, number: int) -> list[Number]:
    """The parts a tally is broken into after "of which" ("60 attacks …, of which 35 were in the
    north and 25 in the south"): every number after the cue in the sentence, dates left out."""
    sent = state.spacy_sentence(index)
    if sent is None or number < 0:
        return []
    doc = sent.doc
    words = [t.lower_ for t in doc]
    cue = next(
        (k for k in range(number + 1, sent.end - 1) if f"{words[k]} {words[k + 1]}" in _BREAKDOWN),
        None,
    )
    if cue is None:
        return []
    dates = [(t.span.start, t.span.end) for t in state.times]
    parts: list[Number] = []
    k = cue + 2
    while k < sent.end:
        tok = doc[k]
        found = read_number(doc, k) if is_number_token(tok) else None
        if found is not None and not any(a <= tok.idx < b for a, b in dates):
            parts.append(found)
            k = found.end
        else:
            k += 1
    return parts


def _part_of(tally: TallyDraft, count: Quantity) -> TallyDraft:
    """One part of a tally: the same statement, a smaller count (its place found later)."""
    part = TallyDraft(
        trigger=tally.trigger,
        sentence=tally.sentence,
        counted=tally.counted,
        counted_event_type=tally.counted_event_type,
        count=count,
        evidence=list(tally.evidence),
        modality=tally.modality,
    )
    part.actor1, part.actor2, part.period = tally.actor1, tally.actor2, tally.period
    return part


def _toll_tally(state: DocState, toll: RunningToll, sentence: int) -> TallyDraft:
    """The tally of a running toll: what is counted and how many; its period, actors and place
    are found later as for any tally, and the count is its toll."""
    verb = toll.verb
    tally = TallyDraft(
        trigger=state.span(verb.idx, verb.idx + len(verb.text)),
        sentence=sentence,
        counted=toll.counted,
        counted_event_type=None,
        count=toll.count,
        evidence=[state.sentences[sentence]],
        modality=modality_of(verb).modality,
    )
    if toll.kind == FATAL:
        tally.fatalities = toll.count
    elif toll.kind == INJURED:
        tally.injuries = toll.count
    return tally


def _injuries_of_a_toll(toll: RunningToll, tolls: list[RunningToll]) -> bool:
    """ "210 have died since May and some 1,300 others were hurt": the wounded of a death toll
    told in the same clause are that tally's injuries (the quantities extractor gives them to
    it), not a tally of their own."""
    if toll.kind != INJURED:
        return False
    return any(
        other.kind == FATAL
        and (
            other.verb.i == toll.verb.i
            or other.verb in toll.verb.ancestors
            or toll.verb in other.verb.ancestors
        )
        for other in tolls
    )


def _merge_retold(state: DocState, seen: dict[tuple[int, int], TallyDraft]) -> None:
    """The same count of the same happenings in two sentences ("13 strikes" in the headline and
    the lead) is one statement told twice: one tally, with the evidence of both, kept from the
    longer sentence (the headline's short form names no source)."""
    first: dict[tuple[int | None, str, str], tuple[int, int]] = {}
    for key, tally in sorted(seen.items(), key=lambda kv: kv[1].trigger.start):
        token = trigger_token(state, tally.trigger)
        if tally.count.value is None or token is None:
            continue
        what = (tally.count.value, tally.count.qualifier, token.lemma_.lower())
        kept = first.setdefault(what, key)
        if kept == key or seen[kept].sentence == tally.sentence:
            continue
        gone = key  # the retelling goes, unless its sentence is the longer
        if len(state.sentence_text(tally.sentence)) > len(state.sentence_text(seen[kept].sentence)):
            kept, gone, first[what] = key, kept, key
        evidence = sorted({*seen[gone].evidence, *seen[kept].evidence}, key=lambda e: e.start)
        seen[kept].evidence = evidence
        del seen[gone]


def _event_type(match: CountMatch, draft: EventDraft | None) -> str | None:
    return (draft.event_type if draft else None) or tally_nouns().get(match.head.lemma_.lower())


def _count_from_span(state: DocState, draft: EventDraft) -> CountMatch | None:
    """A draft the events extractor marked as a tally, with its `count_span` if it gave one."""
    head = trigger_token(state, draft.trigger)
    if head is None:
        return None
    found = find_count(head, lexicon_only=False)
    if found is not None:
        return found
    span = draft.extra.get("count_span")
    if span and state.doc is not None:
        count_span = state.doc.char_span(span[0], span[1], alignment_mode="expand")
        for tok in count_span or ():
            number = read_number(state.doc, tok.i) if is_number_token(tok) else None
            if number:
                kind = "times" if head.pos_ == "VERB" else "noun"
                return CountMatch(head, number.quantity, number.head, kind)
            value = ordinal_value(tok)
            if value:
                return CountMatch(head, Quantity(value, "exact"), tok.i, "ordinal")
    return CountMatch(head, Quantity(None, "unknown"), -1 - head.i, "noun")


@extractor("tallies", requires=("times", "events", "events.modality"), assigns=("tallies",))
def split_tallies(state: DocState) -> None:
    """Move counted drafts to `state.tallies` and add counted statements no draft covered."""
    if state.doc is None:
        return
    seen: dict[tuple[int, int], TallyDraft] = {}  # (sentence, number token) → tally
    single: set[tuple[int, int]] = set()  # counted, but one event per location-day
    told: set[tuple[int, int]] = set()  # (sentence, verb) of wounded told with a death toll
    kept: list[EventDraft] = []
    for draft in state.events:
        token = trigger_token(state, draft.trigger)
        match = (
            _count_from_span(state, draft)
            if draft.is_tally
            else (find_count(token, lexicon_only=False) if token is not None else None)
        )
        if match is not None and match.kind == "ordinal" and match.count.value == 1:
            # "the raid was the first on the port since the truce": where the happening
            # stands in a series, told as the event elsewhere; no count of anything.
            continue
        if match is not None and match.count.qualifier != "unknown":
            if not is_aggregate(
                match,
                state.sentence_text(draft.sentence),
                # "monitors counted 18 explosions in both directions near X": fire told going
                # both ways is one exchange at one place, on the day the text tells it
                _has_day(state, draft.sentence, match.head)
                or bool(draft.extra.get("fire_returned")),
            ):
                # "2 airstrikes targeted Mukayras district on 8 May": ACLED's one event.
                single.add((draft.sentence, match.number_index))
                draft.is_tally = False
                draft.extra["count"] = (match.count.value, match.count.qualifier)
                match = None
        if match is None:
            kept.append(draft)
            continue
        key = (draft.sentence, match.number_index)
        if key not in seen:
            seen[key] = _tally_from(state, match, draft.sentence, draft)
        else:
            seen[key].evidence.extend(e for e in draft.evidence if e not in seen[key].evidence)
    for i in range(len(state.sentences)):
        sent = state.spacy_sentence(i)
        for tok in sent or ():
            if tok.lemma_.lower() not in tally_nouns():
                continue
            match = find_count(tok)
            if (
                match is None
                or (i, match.number_index) in seen
                or (i, match.number_index) in single
            ):
                continue
            if is_aggregate(match, state.sentences[i].text, _has_day(state, i, match.head)):
                seen[(i, match.number_index)] = _tally_from(state, match, i, None)
        tolls = running_tolls(sent) if sent is not None else []
        for toll in tolls:
            if (i, toll.number) in seen:
                continue
            if _injuries_of_a_toll(toll, tolls):
                told.add((i, toll.verb.idx))
            else:
                seen[(i, toll.number)] = _toll_tally(state, toll, i)
    for (i, number), tally in list(seen.items()):
        for part in _breakdown(state, i, number):
            seen.setdefault((i, part.head), _part_of(tally, part.quantity))
    # A draft on the counted word, or on the words of a running toll ("have since been
    # killed"), is the tally, not an event.
    covered = told | {(t.sentence, t.trigger.start) for t in seen.values()}
    _merge_retold(state, seen)
    state.events = [
        d
        for d in kept
        if (d.sentence, d.trigger.start) not in covered and not _inside_counted(state, d, seen)
    ]
    # "numerous attacks over the years", "many recent strikes have killed civilians": an
    # aggregate whose only count is a word for an unknown amount gives no count to report (its
    # value would be the coding convention for an unknown toll), so it is no tally; its words
    # still tell no event of their own.
    counted = [t for (_, number), t in seen.items() if not tells_no_amount(state.doc, number)]
    state.tallies.extend(sorted(counted, key=lambda t: t.trigger.start))
    log.debug("tallies: %d found, %d drafts kept as events", len(seen), len(state.events))
