"""Time expressions in the text and the date governing each event and tally.

`times` finds every expression with the grammar of `timex.py` and resolves it against the
publication date (or, for relative words inside a quotation, against the date of the statement),
reading the clause's tense from the dependency parse so "on Monday" is the past Monday in "attacked
on Monday" and the coming one in "will hold talks on Monday". `dates` gives each draft the
expression governing its trigger: attached to the trigger's verb in the parse, else the nearest in
the sentence, else the nearest earlier one in the paragraph, else the publication date (precision
2).
"""

from __future__ import annotations

import bisect
import logging
import re
from dataclasses import replace
from datetime import date, timedelta
from functools import cache
from typing import TYPE_CHECKING

from sitrep.extract.places.location import is_dateline_date
from sitrep.extract.registry import extractor
from sitrep.extract.state import DocState, EventDraft, TallyDraft, TimeMention
from sitrep.extract.time.timex import FUTURE, PAST, DayRef, Timex, cues, find_timexes, resolve
from sitrep.knowledge.lexicons import reporting_verbs
from sitrep.knowledge.loader import read_csv
from sitrep.records import DateSpan, Span

if TYPE_CHECKING:
    from spacy.tokens import Token

log = logging.getLogger(__name__)

# Verbs whose complement clause happens later than they do ("plans to strike on Monday").
_FUTURE_LEMMAS = frozenset(
    "plan intend schedule expect set due prepare vow pledge threaten promise aim agree decide hope"
    " want seek propose go".split()
)
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
# Modalities for which a date after publication is a resolution error, not a plan.
_PAST_MODALITIES = frozenset({"occurred", "claimed", "denied", "negated"})


@cache
def _month_first_outlets() -> tuple[str, ...]:
    return tuple(r["match"].lower() for r in read_csv("time_locale.csv", required=["match"]))


def month_first(outlet: str | None) -> bool:
    """Whether `outlet` writes numeric dates month first (US style); others are day first."""
    name = (outlet or "").lower()
    return bool(name) and any(m in name for m in _month_first_outlets())


# ---------------------------------------------------------------- times


@extractor("times", requires=("sentences",), assigns=("times",))
def find_times(state: DocState) -> None:
    """Fill `state.times` with every time expression, resolved against the publication date."""
    state.times = []
    unresolved = []
    statement_days: list[tuple[int, date]] = []  # (sentence, date) of dated speech, for quotes
    previous_day: date | None = None
    previous_paragraph = -1  # the paragraph that named it
    paragraph_starts = [p.start for p in state.paragraphs]
    story_day: date | None = None  # the first day the text names: the day of its news
    dated: tuple[int, date, int] | None = None  # (sentence, day, end) of the last calendar day
    for tx in find_timexes(state.text, month_first=month_first(state.outlet)):
        if state.published is not None and is_dateline_date(state.text, tx.start):
            # The filing day restates publication; kept, it would date the lead's own
            # "on Saturday" events and anchor its weekdays.
            continue
        sentence = state.sentence_of(tx.start)
        paragraph = bisect.bisect_right(paragraph_starts, tx.start)
        anchor = state.published
        if tx.form == "anaphor":  # "the following day", "at 4 p.m.": the last day named
            anchor = previous_day or state.published
            if _DAY_OF_THE_NEWS.match(tx.text) and previous_paragraph != paragraph:
                # "Earlier in the day" opening a paragraph compares with the news of the day,
                # not with the day of a background sentence told just before it.
                anchor = story_day or state.published
        elif tx.is_relative and _inside_quote(state, tx.start):
            anchor = _statement_day(statement_days, sentence) or anchor
        elif dated is not None and dated[0] == sentence and _deictic_day(tx):
            # "On 3 October 2023, overnight, …", "marched today": words of the source the
            # sentence's own calendar day dates, not the day of publication.
            anchor = dated[1]
            if tx.unit is None and _DAY_QUALIFIER.fullmatch(state.text[dated[2] : tx.start]):
                tx = replace(tx, lo=DayRef(offset=0))  # the night of that day
        tense = tense_at(state, tx.start, tx.end)
        if tx.form == "future_span" and not tx.later and tense != FUTURE:
            continue  # "fighting lasted several days": a duration, not a date
        value = resolve(tx, anchor, tense)
        if not tx.is_relative and tx.form == "day" and value.start is not None:
            dated = (sentence, value.start, tx.end)
        if value.start is None and tx.form != "recurring":
            unresolved.append(tx.text)
        state.times.append(TimeMention(state.span(tx.start, tx.end), value, tx.kind, tx.form))
        if value.start is not None and value.precision == 1 and tx.kind == "date":
            previous_day, previous_paragraph = value.start, paragraph
            story_day = story_day or value.start
            if _is_speech_sentence(state, sentence) and not _inside_quote(state, tx.start):
                statement_days.append((sentence, value.start))
    if unresolved:
        why = "no publication date" if state.published is None else "no anchor date"
        state.warnings.append(
            f"time: {len(unresolved)} relative date expression(s) left unresolved ({why}): "
            + ", ".join(repr(t) for t in unresolved[:5])
        )
    log.debug("times: %d expressions, %d unresolved", len(state.times), len(unresolved))


_DAY_OF_THE_NEWS = re.compile(r"(?i)(?:earlier|later)\s+in\s+the\s+day")
# Between a calendar day and a deictic word that only qualifies it: commas and a fronted place
# ("On 3 October 2023, in Kelo (Tandjile), overnight, …").
_DAY_QUALIFIER = re.compile(r"[\s,]*(?:(?:in|at|near)\s[^,.;:]{1,80},[\s,]*)?")


def _deictic_day(tx: Timex) -> bool:
    """A day counted from the moment of writing ("today", "overnight", "last night")."""
    return tx.form == "day" and tx.lo is not None and tx.lo.offset is not None


def _inside_quote(state: DocState, offset: int) -> bool:
    """Whether `offset` falls inside a quotation opened earlier in its paragraph."""
    para_start = 0
    for para in state.paragraphs:
        if para.start <= offset < para.end:
            para_start = para.start
            break
    before = state.text[para_start:offset]
    opens, closes = before.count("“"), before.count("”")
    if opens or closes:
        return opens > closes
    return before.count('"') % 2 == 1


def _is_speech_sentence(state: DocState, sentence: int) -> bool:
    if not state.sentences:
        return False
    words = set(re.findall(r"[a-z']+", state.sentences[sentence].text.lower()))
    return any(cue in words for cue in cues().get("speech", ()))


def _statement_day(statement_days: list[tuple[int, date]], sentence: int) -> date | None:
    """The date of the statement a quotation in `sentence` belongs to (same or 2 sentences back)."""
    for s, day in reversed(statement_days):
        if sentence - 2 <= s <= sentence:
            return day
    return None


# ---------------------------------------------------------------- tense


def tense_at(state: DocState, start: int, end: int) -> str | None:
    """PAST or FUTURE for the clause holding text[start:end]; None when the clause is neither."""
    if state.doc is not None:
        span = state.doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            verb = governing_verb(span.root)
            if verb is not None:
                return verb_tense(verb)
    return _tense_from_words(state, start, end)


def governing_verb(token: Token) -> Token | None:
    """The nearest verb at or above `token` in the dependency tree."""
    while True:
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head


def verb_tense(verb: Token) -> str | None:
    """Future for "will/shall V", "is going to V", "plans to V"; past for past forms."""
    for _ in range(4):  # climb infinitive chains: "is expected to hold talks"
        children = list(verb.children)
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ in _FUTURE_AUX for c in children):
            return FUTURE
        if verb.tag_ == "MD" and verb.lower_ in _FUTURE_AUX:
            return FUTURE
        if verb.tag_ in ("VBD", "VBN") or any(
            c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBN") or c.lower_ in ("has", "have")
            for c in children
        ):
            if (
                verb.lemma_ in _FUTURE_LEMMAS
                and verb.tag_ == "VBN"
                and any(c.lower_ in ("is", "are", "am") for c in children)
            ):
                return FUTURE  # "talks are scheduled for Monday"
            return PAST
        infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in children)
        if verb.tag_ == "VBG" and any(c.lower_ in ("is", "are", "am") for c in children):
            return FUTURE  # "is holding talks on Monday"
        if infinitive and verb.dep_ in ("xcomp", "advcl", "ccomp") and verb.head.i != verb.i:
            if verb.head.lemma_ in _FUTURE_LEMMAS:
                return FUTURE
            verb = verb.head  # an infinitive takes its governing verb's time
            continue
        return None
    return None


_FUTURE_WORDS = re.compile(
    r"\b(?:will|shall|won't|going to|plans? to|scheduled|expected to)\b|'ll\b", re.I
)


def _tense_from_words(state: DocState, start: int, end: int) -> str | None:
    """Without a parse: a future auxiliary in the clause around the expression makes it future."""
    text = state.text
    lo = max(text.rfind(c, 0, start) for c in ".;:\n") + 1
    hi_candidates = [i for i in (text.find(c, end) for c in ".;\n") if i >= 0]
    hi = min(hi_candidates) if hi_candidates else len(text)
    return FUTURE if _FUTURE_WORDS.search(text[lo:hi]) else None


# ---------------------------------------------------------------- dates


@extractor(
    "dates", requires=("events", "tallies", "times"), assigns=("events.when", "tallies.period")
)
def attach_dates(state: DocState) -> None:
    """Give each event its `when` and each tally its `period` from the governing expression."""
    for draft in state.events:
        if _told_as_ahead(state, draft):
            # "said it was conducting an exercise in the gulf later this month": whatever the
            # verb's tense, words that put it after the report make it a plan (ACLED codes none)
            draft.modality, draft.acled_codable = "planned", False
        draft.when = _date_for(state, draft)
        draft.extra["date_from"] = date_origin(state, draft)
        if _weakly_dated(state, draft) and (told := _date_told_later(state, draft)):
            draft.when, draft.extra["date_from"] = told, "sentence"
        elif (before := _days_before(state, draft)) is not None:
            draft.when, draft.extra["date_from"] = before, "sentence"
        draft.extra["date_form"] = _form_of(state, draft)
    for tally in state.tallies:
        tally.period = _date_for(state, tally)


# Words that place a time after the day of the report: "later this month", "next week",
# "in the coming days".
_AHEAD = re.compile(r"(?i)\b(?:later (?:this|in the)|next|coming|upcoming)\b")


def _told_as_ahead(state: DocState, draft: EventDraft) -> bool:
    """A happening told as done whose own sentence's governing time lies wholly after the
    publication day, in words that say so."""
    if state.published is None or draft.modality not in _PAST_MODALITIES:
        return False
    mention = governing_time(state, draft.trigger, draft.sentence)
    if mention is None or mention.value.start is None or mention.value.start <= state.published:
        return False
    sent = state.sentences[min(draft.sentence, len(state.sentences) - 1)]
    own = sent.start <= mention.span.start < sent.end
    return own and _AHEAD.search(mention.span.text) is not None


def _date_for_reference(
    state: DocState, draft: EventDraft, start: int, end: int
) -> DateSpan | None:
    """The day a later sentence gives a happening it refers back to ("The attack occurred on
    Wednesday evening"): a day hanging off the referring words in their own sentence."""
    sentence = state.sentence_of(start)
    sent = state.sentences[sentence]
    if not any(sent.start <= m.span.start < sent.end for m in state.times):
        return None
    referring = replace(draft, trigger=state.span(start, end), sentence=sentence)
    mention = governing_time(state, referring.trigger, sentence)
    if mention is None or mention.kind != "date" or mention.form in ("since", "past_n"):
        return None
    if not _on_the_words(state, referring.trigger, mention):
        return None  # a date of another clause or of the speaker, not of the happening
    value = _date_for(state, referring)
    if value.start is None or value.precision not in (1, 2) or draft.when is None:
        return None
    told = draft.when.start
    # A day of the same happening: on or shortly before the day it was dated by the report.
    if told is None or not 0 <= (told - value.start).days <= REFERENCE_DAYS:
        return None
    return value


REFERENCE_DAYS = 7

SPEECH_RANK = 3  # `_attachment_rank`: the date of a reporting verb above the trigger


def _roots(state: DocState, words: Span, mention: TimeMention) -> tuple[Token, Token] | None:
    """The parse's head tokens of some words and of a time expression (None without a parse)."""
    if state.doc is None:
        return None
    ref = state.doc.char_span(words.start, words.end, alignment_mode="expand")
    span = state.doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    return (ref.root, span.root) if ref is not None and span is not None else None


def _on_the_words(state: DocState, words: Span, mention: TimeMention) -> bool:
    """The date hangs off the words or their own verb ("the attack occurred on Wednesday")."""
    roots = _roots(state, words, mention)
    if roots is None:
        return False
    ref, when = roots
    if _hangs_off(when, ref):
        return True  # "the attack on Wednesday"
    verb = governing_verb(ref)
    if verb is None or ref.head.i != verb.i:
        return False
    # "the attack occurred on Wednesday evening", "came Tuesday" (not "followed overnight
    # strikes": a day of the verb's object)
    head = when.head
    return head.i == verb.i or (head.dep_ == "prep" and head.head.i == verb.i)


def _weakly_dated(state: DocState, draft: EventDraft) -> bool:
    """Dated by the publication day, an earlier sentence, or only the day it was reported ("a
    monitor reported Thursday")."""
    if draft.extra["date_from"] != "sentence":
        return True
    mention = governing_time(state, draft.trigger, draft.sentence)
    if mention is None:
        return False
    return _attachment_rank(state, draft.trigger, mention, want_day=True)[0] >= SPEECH_RANK


def _date_told_later(state: DocState, draft: EventDraft) -> DateSpan | None:
    for start, end in draft.extra.get("referred_to_by", ()):
        if (value := _date_for_reference(state, draft, start, end)) is not None:
            return value
    return None


# "days after X", "a day after X", "weeks after X": X happened that long before what the main
# clause tells. Days before it, latest and earliest (ACLED precision 2 for a spread of days).
_BEFORE_AFTER = re.compile(
    r"\b(?P<n>a|an|one|two|three|few|several|some|\d+)?\s*(?P<unit>hours?|days?|weeks?)\s*$",
    re.IGNORECASE,
)
_UNIT_DAYS = {"hour": (0, 1), "day": (1, 1), "days": (2, 6), "week": (5, 9), "weeks": (10, 30)}


def _days_before(state: DocState, draft: EventDraft) -> DateSpan | None:
    """The span a happening told in a "days after …" clause falls in, counted back from the day of
    the clause it hangs off (or publication), when its own words give it no day."""
    if state.doc is None:
        return None
    trig = state.doc.char_span(draft.trigger.start, draft.trigger.end, alignment_mode="expand")
    verb = governing_verb(trig.root) if trig is not None else None
    if verb is None:
        return None
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "after"), None)
    if mark is None:
        return None
    found = _BEFORE_AFTER.search(state.text, max(0, mark.idx - 24), mark.idx)
    if found is None:
        return None
    own = governing_time(state, draft.trigger, draft.sentence)
    if own is not None and _attachment_rank(state, draft.trigger, own, want_day=True)[0] <= 1:
        return None  # "days after it launched strikes on Monday": its own day
    unit = found.group("unit").lower()
    key = unit if unit in _UNIT_DAYS else unit.rstrip("s")
    if unit.endswith("s") and found.group("n") and found.group("n").lower() in ("a", "an", "one"):
        key = unit.rstrip("s")
    near, far = _UNIT_DAYS.get(key, (2, 6))
    main = verb.head if verb.dep_ == "advcl" else None
    anchor = state.published
    if main is not None:
        span = state.span(main.idx, main.idx + len(main))
        told = governing_time(state, span, state.sentence_of(main.idx))
        if told is not None and told.value.start is not None and told.value.precision == 1:
            anchor = told.value.start
    if anchor is None:
        return None
    return DateSpan(
        anchor - timedelta(days=far), anchor - timedelta(days=near), 2, found.group(0).strip(), True
    )


def _form_of(state: DocState, draft: EventDraft) -> str:
    """The grammar form of the expression a draft is dated by ("since", "past_n", "day" …)."""
    if draft.when is None or not draft.when.text:
        return ""
    return next((m.form for m in state.times if m.span.text == draft.when.text), "")


def date_origin(state: DocState, draft: EventDraft) -> str:
    """Where a draft's date came from: `sentence` (an expression in its own sentence),
    `paragraph` (an earlier sentence of its paragraph) or `publication` (nothing said)."""
    if draft.when is None or not draft.when.text:
        return "publication"
    if not state.sentences:
        return "paragraph"
    sent = state.sentences[min(draft.sentence, len(state.sentences) - 1)]
    text = draft.when.text
    if any(sent.start <= m.span.start < sent.end and m.span.text == text for m in state.times):
        return "sentence"
    return "paragraph"


def _date_for(state: DocState, draft: EventDraft | TallyDraft) -> DateSpan:
    mention = governing_time(
        state, draft.trigger, draft.sentence, want_day=isinstance(draft, EventDraft)
    )
    # A date after publication is kept only for a planned happening or a future-tense clause.
    past_event = (isinstance(draft, TallyDraft) or draft.modality in _PAST_MODALITIES) and tense_at(
        state, draft.trigger.start, draft.trigger.end
    ) != FUTURE
    if mention is not None:
        value = mention.value
        if value.start is None:
            state.warnings.append(
                f"time: date {mention.span.text!r} of {draft.trigger.text!r} unresolved"
            )
            return value
        if past_event and state.published and value.start > state.published:
            value = _as_past(state, mention) or value
        if past_event and state.published and value.start and value.start > state.published:
            state.warnings.append(
                f"time: {mention.span.text!r} resolves after publication for past "
                f"{draft.trigger.text!r}; dated to publication"
            )
            return DateSpan(state.published, state.published, 2, mention.span.text, True)
        if value.precision == 1 and reported_date(state, draft.trigger, mention):
            # ACLED: "As reported on 2 May" is precision 2; a calendar day the sentence opens
            # with ("On 2 May 2023, the ministry reported that …") is its own day, precision 1
            if value.relative or not _is_fronted(state, mention):
                value = replace(value, precision=2)
        return value
    if state.published is None:
        state.warnings.append(f"time: no date for {draft.trigger.text!r} and no publication date")
        return DateSpan(None, None, None, "", True)
    if isinstance(draft, EventDraft) and _past_perfect(state, draft):
        # "Iran had also targeted bases in Syria": before what the report tells, the day
        # before it at the latest
        day = state.published - timedelta(days=1)
        state.warnings.append(
            f"time: no date for {draft.trigger.text!r}; told as earlier: the day before "
            "publication used"
        )
        return DateSpan(day, day, 2, "", True)
    state.warnings.append(f"time: no date for {draft.trigger.text!r}; publication date used")
    return DateSpan(state.published, state.published, 2, "", True)


def _past_perfect(state: DocState, draft: EventDraft) -> bool:
    """The trigger's clause is in the past perfect ("had targeted", "had been shelled")."""
    if state.doc is None:
        return False
    span = state.doc.char_span(draft.trigger.start, draft.trigger.end, alignment_mode="expand")
    verb = governing_verb(span.root) if span is not None else None
    if verb is None or verb.tag_ != "VBN":
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children):
        return False
    # "Hezbollah said it had retaliated": reported speech backshifts the tense, it does not put
    # the act earlier
    return not any(a.lemma_.lower() in reporting_verbs() for a in verb.ancestors)


def _as_past(state: DocState, mention: TimeMention) -> DateSpan | None:
    """The same words read in the past tense ("Monday" → the last Monday), if they allow it."""
    for tx in find_timexes(mention.span.text, month_first=month_first(state.outlet)):
        value = resolve(tx, state.published, PAST)
        if value.start is not None:
            return replace(value, text=mention.span.text)
    return None


def governing_time(
    state: DocState, trigger: Span, sentence: int, *, want_day: bool = True
) -> TimeMention | None:
    """The time expression governing `trigger`: see the module docstring for the order."""
    candidates = [m for m in state.times if m.kind != "recurring"]
    if not candidates or not state.sentences:
        return None
    sent = state.sentences[min(sentence, len(state.sentences) - 1)]
    same = [m for m in candidates if sent.start <= m.span.start < sent.end]
    if same:
        return min(same, key=lambda m: _attachment_rank(state, trigger, m, want_day=want_day))
    para = state.paragraph_at(trigger.start)
    if para is None:
        return None
    # An event carries on the day an earlier sentence told; a period ("this week") told before
    # dates what that sentence counted, not the next happening.
    kinds = ("date",) if want_day else ("date", "period")
    earlier = [m for m in candidates if para.start <= m.span.start < sent.start and m.kind in kinds]
    # "On 28 April, violence broke out after a murder the day before. Four people were killed in
    # the fighting": the day that sentence told its happening on, not the day before it
    own = [
        m for m in earlier if not (_counted_from_the_day(m) and _before_the_fronted_day(state, m))
    ]
    return (own or earlier)[-1] if earlier else None


def _hangs_off(token: Token, target: Token, max_hops: int = 8) -> bool:
    """Whether `target` is above `token` with no verb between them ("the attack on Friday")."""
    for _ in range(max_hops):
        if token.head.i == token.i:
            return False
        token = token.head
        if token.i == target.i:
            return True
        if token.pos_ in ("VERB", "AUX"):
            return False
    return False


def _attachment_rank(
    state: DocState, trigger: Span, mention: TimeMention, *, want_day: bool
) -> tuple[int, int, int]:
    """Smaller is better: 0 a date on the trigger or its verb directly, or the sentence's fronted
    adverbial ("On 8 May, ..."); 1 a date on a clause the trigger's clause depends on; 2 anything
    else (a date inside a noun phrase: "the 25 of March sector"); 3 the date of a reporting verb
    above the trigger ("killed …, sources said on Saturday"); 4 the date of another clause beside
    it or of another time ("since its founder was killed in 2011"). Then, for events, a day before
    a period ("in recent days"), then distance."""
    distance = min(abs(mention.span.start - trigger.end), abs(trigger.start - mention.span.end))
    kind = 0 if (mention.kind == "date") == want_day else 1
    fronted = _is_fronted(state, mention)
    roots = _roots(state, trigger, mention)
    if roots is None:
        return (0 if fronted else 2), kind, distance
    trig_root, m_root = roots
    trig_verb = governing_verb(trig_root)
    if trig_verb is not None and _when_clause_of(state, trig_verb, mention):
        return -1, kind, distance
    if fronted:
        return 0, kind, distance
    if _before_the_fronted_day(state, mention):
        # "On 9 October, farmers marked the anniversary of the 2 October 1990 flood": a day
        # before the one the sentence opens with tells an earlier happening
        m_verb = governing_verb(m_root)
        return (3 if m_verb is not None and _is_speech_verb(m_verb) else 1), kind, distance
    if _said_on(m_root):
        return 3, kind, distance  # "X said on Monday it had fought … over the weekend"
    if _hangs_off(m_root, trig_root) or (
        trig_verb is not None and _hangs_off(m_root, trig_verb, max_hops=2)
    ):
        if _on_itself(m_root, trig_root, trig_verb) or not _fronted_in(state, mention):
            return 0, kind, distance
        # "On 9 October, farmers rallied against the 2 October price rise": a day deep in
        # a noun phrase of the trigger dates that noun, below the sentence's fronted day
        return 1, kind, distance
    m_verb = governing_verb(m_root)
    if m_verb is not None and _is_speech_verb(m_verb):
        return 3, kind, distance  # when it was said, not when it was done
    if m_verb is not None and trig_verb is not None and m_verb in trig_verb.ancestors:
        if _hangs_off(m_root, m_verb, max_hops=2):
            return 1, kind, distance
    if m_verb is not None and trig_verb is not None and _other_clause(m_verb, trig_verb):
        # "… was killed, the movement said on Friday, its worst loss since its founder was
        # killed in 2011": a date of another clause tells when that clause happened.
        return 4, kind, distance
    return 2, kind, distance


def _when_clause_of(state: DocState, verb: Token, mention: TimeMention) -> bool:
    """ "a massacre five years ago, when rebels killed 30 villagers", "in March 2019, when
    gunmen stormed the town": a clause opened by "when" just after a time expression tells what
    happened at that time, whatever the parse hangs the clause on."""
    when = next((c for c in verb.children if c.lower_ == "when" and c.dep_ == "advmod"), None)
    if when is None or when.i > verb.i:
        return False
    between = state.text[mention.span.end : when.idx]
    return between.strip() in ("", ",", "—", "–", "-")


def _said_on(m_root: Token) -> bool:
    """ "The group said on Monday (that) it had attacked …": a time between a reporting verb and
    the subject (or "that") of the clause it reports dates the saying, though the parser may hang
    it on the reported verb."""
    head = m_root.head
    verb = head.head if head.dep_ == "prep" else head
    if verb.dep_ != "ccomp" or not _is_speech_verb(verb.head) or verb.head.i > m_root.i:
        return False
    opening = [c.left_edge.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "mark")]
    return bool(opening) and m_root.i < min(opening)


def _on_itself(m_root: Token, trig_root: Token, trig_verb: Token | None) -> bool:
    """The date hangs directly off the trigger or its verb ("attacked on Friday", "the attack
    on Friday", "the Friday attack")."""
    heads = {trig_root.i} | ({trig_verb.i} if trig_verb is not None else set())
    head = m_root.head
    return head.i in heads or (head.dep_ in ("prep", "agent") and head.head.i in heads)


def _fronted_in(state: DocState, mention: TimeMention) -> bool:
    """Whether the mention's sentence opens with another, fronted calendar day."""
    sent = state.sentences[state.sentence_of(mention.span.start)]
    return any(
        m is not mention
        and m.kind == "date"
        and sent.start <= m.span.start < mention.span.start
        and _is_fronted(state, m)
        for m in state.times
    )


def _before_the_fronted_day(state: DocState, mention: TimeMention) -> bool:
    """Whether the mention is a day before the fronted day its sentence opens with, when that
    day dates the sentence's happening rather than a statement ("On 5 May, X said …")."""
    start = mention.value.start
    if mention.kind != "date" or start is None or mention.value.precision != 1:
        return False
    if not _in_digits(mention) and not _counted_from_the_day(mention):
        # "On Friday, … and on Sunday the army retaliated": a sequence told
        return False
    sent = state.sentences[state.sentence_of(mention.span.start)]
    for m in state.times:
        if not (sent.start <= m.span.start < mention.span.start) or m.kind != "date":
            continue
        if m.value.start is None or not _in_digits(m) or not _is_fronted(state, m):
            continue
        roots = _roots(state, m.span, m)
        verb = governing_verb(roots[1]) if roots is not None else None
        if verb is not None and _is_speech_verb(verb):
            return False
        return start < m.value.start
    return False


def _in_digits(mention: TimeMention) -> bool:
    """Whether the day is written with digits ("4 March", "2 October 1990"), not a weekday or a
    deictic word ("Sunday", "last night") that tells a sequence from the text's own days."""
    return any(ch.isdigit() for ch in mention.span.text)


def _counted_from_the_day(mention: TimeMention) -> bool:
    """Whether the day is counted from another day by words alone ("the day before", "last
    night", "yesterday"): after a fronted calendar day, counted from it (`find_times`)."""
    return any(tx.form == "anaphor" or _deictic_day(tx) for tx in find_timexes(mention.span.text))


_TEMPORAL_MARKS = frozenset({"since", "after", "before", "until", "till", "when", "while"})


def _other_clause(m_verb: Token, trig_verb: Token) -> bool:
    """Whether `m_verb` heads a clause beside the trigger's (not above or below it) or a clause
    of another time ("since …", "after …")."""
    if m_verb.i == trig_verb.i:
        return False
    if any(c.dep_ == "mark" and c.lower_ in _TEMPORAL_MARKS for c in m_verb.children):
        return True
    return trig_verb not in m_verb.ancestors and m_verb not in trig_verb.ancestors


def _is_speech_verb(verb: Token) -> bool:
    speech = cues().get("speech", ())
    return verb.lower_ in speech or verb.lemma_ in speech


def reported_date(state: DocState, trigger: Span, mention: TimeMention) -> bool:
    """Whether `mention` dates the report of the trigger's happening rather than the happening."""
    roots = _roots(state, trigger, mention)
    if roots is None:
        return False
    trig_root, m_root = roots
    m_verb, trig_verb = governing_verb(m_root), governing_verb(trig_root)
    return (
        m_verb is not None
        and _is_speech_verb(m_verb)
        and trig_verb is not None
        and m_verb.i != trig_verb.i
        and not _hangs_off(m_root, trig_root)
    )


def _is_fronted(state: DocState, mention: TimeMention) -> bool:
    """Whether the mention opens its sentence as an adverbial ("On Friday, …", "Around 4 May,")."""
    sent = state.sentences[state.sentence_of(mention.span.start)]
    lead = state.text[sent.start : mention.span.start].rsplit(":", 1)[-1]  # "Looting: As reported"
    after = state.text[mention.span.end : mention.span.end + 40]
    return len(lead.split()) <= 4 and bool(re.match(r"\s*(?:\([^)]*\)\s*)?,", after))
