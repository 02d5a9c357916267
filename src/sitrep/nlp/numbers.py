"""Reading reported numbers from parsed tokens: digits, number words, vague words, qualifiers.

Shared by the tallies and quantities extractors. Vague words follow ACLED's conventions
(`knowledge/data/number_words.csv`: "dozens" → 12 at least, "hundreds" → 100 at least), and an
explicit qualifier before the number wins ("more than a dozen" → 12 at least, "about 85" → about).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.knowledge.lexicons import number_words
from sitrep.records import Quantity

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+$|^\d+$")
_ORDINAL_DIGITS = re.compile(r"^(\d+)(?:st|nd|rd|th)$", re.IGNORECASE)
# Words that can only be a count in front of a noun ("a soldier was killed"), never alone.
_ARTICLES = frozenset({"a", "an"})
# Words for a number of people that stand for the people named after "of" ("a group of workers",
# "hundreds of Ukrainians"): who they are is the noun after "of".
CROWD_QUANTITIES = frozenset(
    """group groups dozen dozens hundred hundreds thousand thousands number crowd crowds score
    scores couple""".split()
)


@dataclass(frozen=True, slots=True)
class Number:
    """A number phrase in the parse: its value/qualifier and the token range [start, end)."""

    quantity: Quantity
    start: int  # first token of the phrase, qualifier included
    end: int
    head: int  # the token that carries the number: the phrase's last word ("85" in "about 85")


def is_number_token(tok: Token) -> bool:
    """Whether the token is a digit string or a number/multiplier word (not an ordinal)."""
    if _DIGITS.match(tok.text):
        return True
    entry = number_words().get(tok.lower_)
    return entry is not None and entry.kind in ("number", "multiplier")


def ordinal_value(tok: Token) -> int | None:
    """4 for "fourth" or "4th", else None."""
    m = _ORDINAL_DIGITS.match(tok.text)
    if m:
        return int(m.group(1))
    entry = number_words().get(tok.lower_)
    return entry.value if entry and entry.kind == "ordinal" else None


def read_number(doc: Doc, index: int) -> Number | None:
    """The number phrase holding token `index` ("at least 70", "more than a dozen")."""
    if not is_number_token(doc[index]):
        return None
    start = end = index
    while start > 0 and _joins(doc[start - 1], doc, start - 1):
        start -= 1
    while end + 1 < len(doc) and _joins(doc[end + 1], doc, end + 1):
        end += 1
    dash = next((i for i in range(start + 1, end) if _range_at(doc, i)), None)
    if dash is not None:
        # "3-6 members were killed": a range, coded at its lower end as ACLED codes the most
        # conservative figure; the parse hangs the phrase on whichever end it chose.
        qualifier, q_start = _qualifier_before(doc, start)
        low = int(doc[dash - 1].text.replace(",", ""))
        outer = [t.i for t in doc[start : end + 1] if not start <= t.head.i <= end]
        head = outer[0] if len(outer) == 1 else end
        return Number(Quantity(low, qualifier or "at least"), q_start, end + 1, head)
    words = [t for t in doc[start : end + 1] if t.text != "-"]
    # "a" alone is not a number; it only counts before a multiplier ("a dozen") or a noun.
    if len(words) == 1 and words[0].lower_ in _ARTICLES:
        return None
    # "number" is a count only in "a number of" / "an unknown number of" (ACLED: 10).
    if len(words) == 1 and words[0].lower_ == "number" and not _vague_number(doc, words[0].i):
        return None
    value, vague_qualifier = _value(words)
    if value is None:
        return None
    qualifier, q_start = _qualifier_before(doc, start)
    # The last word carries the number in the parse ("a dozen fighters": "dozen" → "fighters").
    return Number(Quantity(value, qualifier or vague_qualifier), q_start, end + 1, end)


# Quantity words whose value in number_words.csv is ACLED's code for an unknown amount ("many",
# "numerous", "a number of" = 10, as for unknown tolls), not a lower bound that the word itself
# gives ("several" = 3, "dozens" = 12, "hundreds" = 100).
_UNKNOWN_AMOUNT = frozenset({"many", "numerous", "number"})


def tells_no_amount(doc: Doc, index: int) -> bool:
    """Whether the number phrase holding token `index` says how many only by a word that
    stands for an unknown amount ("many attacks", "numerous raids", "a number of strikes"): its
    value is a coding convention for "unknown", not a count the text gives."""
    number = read_number(doc, index) if 0 <= index < len(doc) else None
    if number is None:
        return False
    return any(t.lower_ in _UNKNOWN_AMOUNT for t in doc[number.start : number.end])


def is_label(doc: Doc, number: Number) -> bool:
    """Whether a digit-string number names or measures something other than a count of
    things: a unit's or a road's designation ("battalion 101", "Route 5"), a sum of money ("Rs.
    5 lakh", "500 dollars") or a time of day ("around 10 a.m"), told by the word right before or
    after it (`label_before` / `label_after` rows of number_words.csv)."""
    digits = [t for t in doc[number.start : number.end] if _DIGITS.match(t.text)]
    if not digits:  # "ten dollars" is rare, "ten soldiers" common: only digits are labels
        return False
    table = number_words()
    first = digits[0].i
    if first > 1 and doc[first - 1].text == ".":  # "Rs. 5": the abbreviation's full stop
        first -= 1
    before = table.get(doc[first - 1].lower_) if first > 0 else None
    after = table.get(doc[number.end].lower_) if number.end < len(doc) else None
    return (before is not None and before.kind == "label_before") or (
        after is not None and after.kind == "label_after"
    )


def _range_at(doc: Doc, i: int) -> bool:
    """Token i is the hyphen of a range of two digit strings, the lower first ("20-25")."""
    if doc[i].text != "-" or not 0 < i < len(doc) - 1:
        return False
    low, high = doc[i - 1].text, doc[i + 1].text
    return bool(
        _DIGITS.match(low)
        and _DIGITS.match(high)
        and int(low.replace(",", "")) < int(high.replace(",", ""))
    )


def _vague_number(doc: Doc, i: int) -> bool:
    after = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    before = doc[i - 1].lower_ if i > 0 else ""
    return after == "of" and before in ("a", "unknown", "undetermined", "large", "small")


def _joins(tok: Token, doc: Doc, i: int) -> bool:
    """Whether the token continues a number phrase: another number word or a hyphen between two."""
    if tok.text == "-":
        return 0 < i < len(doc) - 1 and is_number_token(doc[i - 1]) and is_number_token(doc[i + 1])
    if tok.lower_ == "number":  # "a number of" stands alone
        return False
    if tok.lower_ in _ARTICLES:  # "a dozen", but not "an estimated 30"
        following = number_words().get(doc[i + 1].lower_) if i + 1 < len(doc) else None
        return following is not None and following.kind == "multiplier"
    if _DIGITS.match(tok.text):
        # Two digit strings side by side are two numbers ("2023 18"), not one; a range's two
        # ends are one phrase ("20-25").
        return (i > 0 and _range_at(doc, i - 1)) or (i + 1 < len(doc) and _range_at(doc, i + 1))
    return is_number_token(tok)


def _value(words: list[Token]) -> tuple[int | None, str]:
    table = number_words()
    total, current, qualifier = 0, 0, "exact"
    for w in words:
        if _DIGITS.match(w.text):
            current += int(w.text.replace(",", ""))
            continue
        entry = table[w.lower_]
        if entry.kind == "multiplier":
            current = max(current, 1) * (entry.value or 1)
            if entry.value and entry.value >= 1000:
                total, current = total + current, 0
        else:
            current += entry.value or 0
        if entry.qualifier != "exact":
            qualifier = entry.qualifier
    total += current
    return (total if words else None), qualifier


def _qualifier_before(doc: Doc, start: int) -> tuple[str | None, int]:
    """The qualifier phrase ending right before token `start` (the longest that matches)."""
    table = number_words()
    for length in (3, 2, 1):
        if start - length < 0:
            continue
        phrase = " ".join(t.lower_ for t in doc[start - length : start])
        entry = table.get(phrase)
        if entry and entry.kind == "qualifier":
            return entry.qualifier, start - length
    return None, start
