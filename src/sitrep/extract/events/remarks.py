"""ACLED's own coding remarks in a note decide its toll: "Fatalities coded as 3", "[5 fatalities
split among 6 events]", a closing "2 fatalities."; its crowd-size remark ("[size=around 30]")
says whose violence it was (`crowd_size_noted`, read by the type rules).

ACLED's coders state the figure they coded when the text's own is vague ("an unknown number of
fatalities coded as 3", ACLED's convention for unreported tolls in low-intensity areas), spread over
several events ("13 total fatalities split between 2 events": each event gets its share), or simply
at the end of the note. Such a remark is the answer, whatever the sentences before it say; it
applies to the events of its paragraph. News text does not carry these remarks, so the extractor
changes nothing there.

Train notes (13,071): "coded as N" in 185, "N fatalities split among K events" in 27, a closing
"N fatalities." in 639; the toll read from them is ACLED's coded toll in 836 of those 847 notes.
The remark's other wordings ("coded to 0", "coded as 6 fatalities", "1 fatality coded for this
event", "estimated as 10", "rounded down to 3", "split across 4 events (1)") add 29 notes: 864
right of 876 read.
"""

from __future__ import annotations

import re

from sitrep.extract.registry import extractor
from sitrep.extract.state import DocState
from sitrep.records import Quantity

_NUMBER = r"(\d[\d,]*)"
_SMALL = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10}  # fmt: skip
# How many events (or places, days) a toll is spread over: "2", "two".
_HOW_MANY = r"(\d+|" + "|".join(_SMALL) + ")"
_FATALITIES = r"fatalit(?:y|ies)"
# "Unknown number of fatalities coded as 3", "Unspecified casualties coded as 10", "Total
# fatalities coded as 4", "… is coded as 3",
# "Fatalities coded to 0", "fatalities estimated as 10", "… reported as half, rounded down to 3";
# the figure first: "coded as 6 fatalities", "coded 5 fatalities in this event", "1 fatality coded
# for this event".
_CODED = re.compile(
    rf"\b(?:{_FATALITIES}|casualties)\b[^.\[\]]{{0,80}}?"
    rf"\b(?:coded (?:as|to)|estimated as|rounded (?:down|up) to) {_NUMBER}\b"
    rf"|\bcoded (?:as )?{_NUMBER} {_FATALITIES}\b|\b{_NUMBER} {_FATALITIES} coded for this event\b",
    re.IGNORECASE,
)
# A toll told as a range, coded at its lower end (ACLED's most conservative figure): "accounts of
# fatalities range from 3 to 6", "fighting left between 2 and 5 fatalities".
_RANGE = re.compile(
    rf"\b{_FATALITIES}\b[^.\[\]]{{0,30}}?\brange[sd]?\s+(?:from|between)\s+{_NUMBER}\s+"
    rf"(?:to|and)\s+{_NUMBER}\b|\bbetween\s+{_NUMBER}\s+and\s+{_NUMBER}\s+{_FATALITIES}\b",
    re.IGNORECASE,
)
# "[1 fatality split among 12 events]", "13 total fatalities split between 2 events",
# "7 fatalities spread across 9 events".
_SPLIT = re.compile(
    rf"\b{_NUMBER}\s+(?:total\s+)?{_FATALITIES}\s+(?:split|spread)\s+(?:among|between|across)\s+"
    rf"{_NUMBER}\s+events\b",
    re.IGNORECASE,
)
# "Fatalities are split across 4 events (1).": this event's share in brackets.
_SHARE_GIVEN = re.compile(
    rf"\b{_FATALITIES}\s+(?:are\s+|were\s+)?(?:split|spread)\s+(?:among|between|across|into)\s+"
    rf"\w+\s+events\s*\({_NUMBER}\)",
    re.IGNORECASE,
)
# "… coded as 8 and split between the two events", "… spread across three locations".
_SHARED = re.compile(
    rf"^[^.]{{0,40}}?\b(?:split|spread)\s+(?:between|across|among)\s+(?:the\s+)?{_HOW_MANY}\s+"
    r"(?:events|locations)\b",
    re.IGNORECASE,
)
# The split told without its total, which the note's own toll gives: "Fatalities split between 2
# events", "Fatalities are split across five events", "… were killed, split between 2 events",
# "fatalities distributed across two days".
_SPLIT_ONLY = re.compile(
    rf"\b(?:{_FATALITIES}|killed)\b[^.\[\]]{{0,30}}?\b(?:split|spread|distributed|coded)\s+"
    rf"(?:among|between|across|into|over)\s+(?:the\s+)?{_HOW_MANY}\s+(?:events|locations|days)\b",
    re.IGNORECASE,
)
# "(fatalities coded to Novotroitske event)": the toll told is coded in the event of the place
# named, so every other event of the note has none of it ("… coded to an event of 5 May"
# names no place).
_CODED_ELSEWHERE = re.compile(
    rf"\b{_FATALITIES}\s+(?:are\s+|were\s+|is\s+)?coded\s+to\s+(?:the\s+)?"
    r"(?!(?:an?|another|this|that|one|each|every)\b)([^.()\[\]]{1,60}?)\s+event\b",
    re.IGNORECASE,
)
# ACLED's remark that a happening it tells in passing is another record's event: "The victim
# had been abducted on 9 March (coded separately).", "[coded separately]", "(coded as another
# event)".
CODED_APART = re.compile(
    r"[(\[]\s*coded\s+(?:separately|as\s+(?:a\s+|an\s+)?(?:separate|another|different)\s+"
    r"(?:event|incident)s?)\s*[)\]]",
    re.IGNORECASE,
)


def clauses_coded_apart(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The character spans of the clauses between `start` and `end` (a sentence) that a remark
    closes as another record's event: from the comma or semicolon before the remark (outside
    brackets), else the sentence's start, to the remark (", killing 17 fighters (coded
    separately)", "The gang had shot a guard the day before (coded separately)."). Their dead
    are that record's toll, not this one's."""
    spans = []
    for m in CODED_APART.finditer(text, start, end):
        depth, j = 0, m.start() - 1
        while j >= start:
            ch = text[j]
            if ch in ")]":
                depth += 1
            elif ch in "([":
                depth -= 1
            elif ch in ",;" and depth <= 0:
                break
            j -= 1
        spans.append((j + 1, m.start()))
    return spans


# A figure spelled out: "2 fatalities", "one fatality".
_COUNT = r"(\d[\d,]*|one|" + "|".join(_SMALL) + ")"
# A sentence that is only the figure: "2 fatalities." (also "One fatality.", "There were 4
# fatalities.", "At least 6 fatalities.", "7 total fatalities.", "6 fatalities reported.", "1
# fatality. 1 wounded.", "1 fatality and 3 injured.", "1 fatality, 5 injured", a side named
# after it: "… 2 fatalities on the rebel side.").
_STATED = re.compile(
    r"(?:^|(?<=[.\]])\s)\s*(?:(?:there\s+(?:was|were)|at\s+least|approximately|about|around)\s+)?"
    rf"{_COUNT}\s+(?:total\s+)?{_FATALITIES}"
    r"(?:(?:\s+and|,)\s+(?:\d+|several|many|multiple)\s+(?:injur\w*|wounded))?"
    r"(?:\s+(?:on|from)\s+the\s+\w+\s+side)?(?:\s+reported)?\s*(?:\.|$)",
    re.IGNORECASE,
)
# ACLED's total of the note's dead: "(total of 12 fatalities)", "Total of 9 fatalities coded for
# the district", "… a total of 4 fatalities among the guards".
_TOTAL = re.compile(rf"\btotal\s+of\s+{_NUMBER}\s+{_FATALITIES}\b", re.IGNORECASE)


def coded_fatalities(paragraph: str) -> int | None:
    """The toll an ACLED remark in the paragraph states for each of its events, or None."""
    if m := _CODED.search(paragraph):
        coded = _int(next(g for g in m.groups() if g is not None))
        if shared := _SHARED.match(paragraph[m.end() :]):
            return _share(coded, _how_many(shared.group(1)))
        return coded
    if m := _SPLIT.search(paragraph):
        return _share(_int(m.group(1)), _int(m.group(2)))
    if m := _SHARE_GIVEN.search(paragraph):
        return _int(m.group(1))
    if m := _TOTAL.search(paragraph):
        return _int(m.group(1))
    if m := _STATED.search(paragraph):
        return _count(m.group(1))
    if m := _RANGE.search(paragraph):
        return _int(next(g for g in m.groups() if g is not None))
    return None


# ACLED's size remark, "[size=no report]", "[size=around 30]": noted for demonstration events only
# (1,955 of the 1,964 train notes carrying it are Protests or Riots).
_CROWD_SIZE = re.compile(r"\[size=", re.IGNORECASE)


def split_count(paragraph: str) -> int | None:
    """The number of events a remark spreads the paragraph's toll over without stating the toll
    ("Fatalities split between 2 events"), or None."""
    if m := _SPLIT_ONLY.search(paragraph):
        return _how_many(m.group(1))
    return None


def coded_elsewhere(paragraph: str) -> bool:
    """A remark codes the paragraph's toll to the event of a place its words do not name before
    it ("… near Travneve … (fatalities coded to Novotroitske event)"): another note's event."""
    m = _CODED_ELSEWHERE.search(paragraph)
    return m is not None and not _named_before(paragraph, m)


def places_coded_elsewhere(text: str) -> list[tuple[int, int]]:
    """The character spans of the places ACLED's remarks name as the event a toll is coded to
    ("(fatalities coded to Novotroitske event)") and the text names nowhere before it: another
    record's place."""
    return [m.span(1) for m in _CODED_ELSEWHERE.finditer(text) if not _named_before(text, m)]


def _named_before(text: str, remark: re.Match[str]) -> bool:
    """The text names the remark's place before the remark."""
    told = re.compile(rf"\b{re.escape(remark.group(1))}\b", re.IGNORECASE)
    return told.search(text, 0, remark.start()) is not None


def _count(word: str) -> int:
    """The figure `_COUNT` matched: "12", "1,200", "one", "two"."""
    return 1 if word.lower() == "one" else _how_many(word) if word.isalpha() else _int(word)


def _how_many(word: str) -> int:
    """The count `_HOW_MANY` matched: "2", "two"."""
    return int(word) if word.isdigit() else _SMALL[word.lower()]


def crowd_size_noted(paragraph: str) -> bool:
    """The paragraph carries ACLED's crowd-size remark: its violence is a crowd's."""
    return _CROWD_SIZE.search(paragraph) is not None


def _share(total: int, events: int) -> int | None:
    """ACLED splits a toll as evenly as it can: the nearest whole share."""
    return int(total / events + 0.5) if events else None


def _int(text: str) -> int:
    return int(text.replace(",", ""))


@extractor("remarks", requires=("events.assembled",), assigns=("events.remarks",))
def read_remarks(state: DocState) -> None:
    """Set the toll of each codable event from an ACLED remark in its paragraph."""
    for para in state.paragraphs:
        text = state.text[para.start : para.end]
        low = text.lower()
        if "fatalit" not in low and "killed" not in low and "casualt" not in low:
            continue
        coded = coded_fatalities(text)
        split = split_count(text) if coded is None else None
        elsewhere = coded_elsewhere(text)
        if coded is None and not split and not elsewhere:
            continue
        for draft in state.events:
            if (
                draft.acled_codable
                and not draft.is_tally
                and any(para.start <= e.start < para.end for e in draft.evidence)
            ):
                if elsewhere:
                    draft.fatalities = Quantity(0, "exact")  # coded to that place's event
                elif coded is not None:
                    draft.fatalities = Quantity(coded, "exact")
                elif split and (told := draft.fatalities.value):
                    # the note's toll is the whole; each of the events gets its share
                    draft.fatalities = Quantity(_share(told, split), "exact")
