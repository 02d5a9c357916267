"""What must not be read as a place: common words, person names, news outlets' and ships' names.

Read from `place_stopwords.csv` (curated lists plus words mined from the train notes by
`scripts/mine_place_stopwords.py`) and, for organisations, the actors' `actor_aliases.csv` (read
only): a one-word name of an armed group or party ("Taliban", "Hezbollah", "Islah") is that
group, though a village somewhere carries it. The gazetteer has villages called Police, Friday
and Hassan; a name only counts when it is not ordinary English, not part of a longer proper
name, and not an outlet's name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Protocol

from sitrep.knowledge.gazetteer import GazPlace
from sitrep.knowledge.loader import read_csv
from sitrep.knowledge.placenames import ARTICLES, ascii_fold
from sitrep.knowledge.tablecache import cached_table

STOPWORDS_FILE = "place_stopwords.csv"
ACTOR_ALIASES_FILE = "actor_aliases.csv"  # the actors' file

# A local authority named after its town or province: "Van Governor's Office" is Van's.
AUTHORITY_AFTER = frozenset({"governor", "governorship", "mayor", "mayoralty"})
# Words that may follow a name without making it part of another name ("Hasakah Governorate").
GEO_AFTER = frozenset(
    "governorate province provinces governorates countryside outskirts desert badia plains region "
    "suburbs district subdistrict county nahiya directorate area city town village villages "
    "municipality base bases airport airbase airbases airfield camp camps field fields crossing "
    "prison port garrison plant dam front frontline strip valley mountain mountains island border "
    "river road highway bridge checkpoint junction military air international refugee "
    "displacement oil gas lake sea gulf bay coast hills hill plain state township lga regency "
    "locality oblast oblasts territory".split()
) | AUTHORITY_AFTER
# Area words that title a place in capitals ("Rakhine State", "Paletwa Township") but also
# start the name of a building after a person's or town's name ("Toros State hospital").
_AREA_TITLES = frozenset({"state", "township"})
_FUNCTION_WORDS = frozenset(
    "the a an and or in on at of to for with by from this that these those it its he she they we "
    "his her their our on after before since while when where as but".split()
)
_ENGLISH_ARTICLES = frozenset({"the", "a", "an"})
# Words naming a part of a place by its direction ("in southern Lebanon", "northern Aleppo").
DIRECTIONS = frozenset(
    "north south east west northern southern eastern western central northeast northwest "
    "southeast southwest northeastern northwestern southeastern southwestern".split()
)
_LEFT_OK = _FUNCTION_WORDS | DIRECTIONS | frozenset(
    "upper lower greater rural downtown near inside outside across occupied besieged".split()
)
_CONNECTORS = ARTICLES | {"bin", "ibn", "bani", "beni", "de", "la", "du", "des"}
# "Russian", "Turkish", "Iraqi": an adjective before a name does not make it a person's name.
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ian|ish|i|ese|an|ic)$")
# A name before one of these words qualifies a currency, a mission or an object, not a place:
# "the US dollar exchange rate", "the US embassy", "a Molotov cocktail" (Molotov is also Perm).
NOT_PLACE_AFTER = frozenset({
    "dollar", "dollars", "currency", "lira", "liras", "riyal", "riyals", "rial", "rials", "dinar",
    "dinars", "dirham", "dirhams", "shekel", "shekels", "pound", "pounds", "embassy", "embassies",
    "consulate", "consulates", "ambassador", "envoy", "envoys", "cocktail", "cocktails",
})  # fmt: skip


# A ship's name after the prefix navies and registries write before it ("USS Harry S. Truman",
# "HMS Diamond", "MV Tutor"): the vessel, not the town its namesake gave a name to.
_VESSEL = re.compile(
    r"\b(?:USS|USNS|HMS|HMAS|HMCS|INS|FS|MV|M/V|MT|M/T)\s+"
    r"(?:[A-Z][\w'’-]*\.?|[A-Z]\.)(?:\s+(?:[A-Z][\w'’-]*\.?|[A-Z]\.|\d+))*"
)


class Token(Protocol):
    text: str
    start: int
    end: int
    lower: str
    upper: bool


@dataclass(frozen=True, slots=True)
class PlaceFilter:
    # Compared by surface form (lower case, no diacritics), not by loose key: "like" must not
    # block the town of Lice, which shares its loose key.
    words: frozenset[str]  # ordinary words
    names: frozenset[str]  # given names and public figures' names
    media: tuple[str, ...]  # outlets' names, lower case

    def blocked_spans(self, text: str, outlet: str | None = None) -> list[tuple[int, int]]:
        """Character spans naming an outlet (the document's own outlet and known media)."""
        names = []
        if outlet:
            names.append(outlet)
            # "Al Mayadeen English" is written "Al Mayadeen" in the text.
            words = outlet.split()
            if len(words) > 1 and words[-1].lower() in {"english", "arabic", "news", "tv", "net"}:
                names.append(" ".join(words[:-1]))
        spans = []
        low = text.lower()
        if _may_name(text, self.media, low):
            spans = [m.span() for m in _media_pattern(self.media).finditer(text)]
        for name in names:
            if _may_name(text, (name,), low):
                spans.extend(m.span() for m in _media_pattern((name,)).finditer(text))
        spans.extend(m.span() for m in _VESSEL.finditer(text))
        return spans

    def is_common(self, surface: str) -> bool:
        return _surface(surface) in self.words or _surface(surface) in self.names

    def allows(self, text: str, toks: Sequence[Token], i: int, end: int, key: str,
               candidates: Sequence[GazPlace], tier: str,
               cue_after: bool = False, located: bool = False) -> bool:  # fmt: skip
        """Whether tokens [i, end) matching `key` may be read as a place name. `located`: the
        name is said to be where it happened ("rallied in Tours") and is a big town's own name,
        which an ordinary word or a given name there is not."""
        has_site = any(c.feature_class == "S" for c in candidates)
        if len(key.replace(" ", "")) < 3 and not (has_site and any(ch.isdigit() for ch in key)
                                                  or located):
            return False  # located: a short key's town, checked by the caller ("in Pau")
        surface = _surface(" ".join(t.text for t in toks[i:end]))
        if (end - i == 1 and surface in _FUNCTION_WORDS) or (
            toks[i].lower in _ENGLISH_ARTICLES and all(t.text.islower() for t in toks[i + 1 : end])
        ):
            # "The town was shelled", "The camp came under fire": an article before a common
            # noun refers back to a place told before; it is no name, though "The" spells a town
            # somewhere and "The Camp" another ("the Gaza Strip", "the Badia" are names)
            return False
        if end - i == 1 and surface.isalpha() and len(surface) <= 4 and _initialism(toks[i].text):
            return False  # an acronym ("SANA", "HTS", "JaS"), not a name
        if surface in self.names and not has_site and not located:
            return False
        if end < len(toks) and toks[end].lower in NOT_PLACE_AFTER and _joined(text, toks[end - 1],
                                                                               toks[end]):
            return False
        if surface in self.words and not has_site and not located and not (
                cue_after and tier == "exact"):
            return False
        # The name must not be a piece of a longer proper name ("Abu Ali al-Askari").
        if i >= 2 and toks[i - 1].text == "e" and toks[i - 2].upper and _joined(
            text, toks[i - 2], toks[i - 1]
        ):
            return False  # after a Persian ezafe: "Maskan-e Mehr"
        k = i - 1
        while k >= 0 and _joined(text, toks[k], toks[k + 1]) and (toks[k].upper or
                                                                  toks[k].lower in _CONNECTORS):
            if _hyphen(text, toks[k], toks[k + 1]) and toks[k].lower not in _CONNECTORS:
                break  # "Sidon-Beirut highway": two places joined by a hyphen
            left = toks[k]
            lk = _surface(left.text)
            if lk in self.names:
                return False
            # "In Aleppo", "Russian Hmeimim", "Northern Idlib" — but "Stephen Kalin" is a person.
            ordinary = lk in _LEFT_OK or _DEMONYM.match(left.text) or left.lower in _CONNECTORS
            if not ordinary and not (lk in self.words and _sentence_start(text, left.start)):
                return False
            k -= 1
        k = end
        if (end - i == 1 and k + 1 < len(toks) and toks[k].lower in ARTICLES
                and toks[k + 1].upper and not _town(candidates)
                and text[toks[k - 1].end : toks[k].start] == " "
                and text[toks[k].end : toks[k + 1].start] in (" ", "-")):  # fmt: skip
            # The head of a longer name ("Jabal al Amidah", "Wadi al Jarah"), not the hamlet
            # called Jabal; a town's name keeps its quarter ("Hama al-Jadida").
            return False
        if (k + 1 < len(toks) and toks[k].text == "e" and toks[k + 1].upper
                and _joined(text, toks[k - 1], toks[k])):  # fmt: skip
            return False  # a Persian ezafe joins a longer name: "Kut e Abdollah", "Maskan-e Mehr"
        while k < len(toks) and _joined(text, toks[k - 1], toks[k]) and toks[k].upper:
            if _hyphen(text, toks[k - 1], toks[k]) or toks[k].lower in _FUNCTION_WORDS:
                break  # "Bagcilar, Istanbul The attack": a missing full stop
            if toks[k].lower not in GEO_AFTER:
                return False
            if (toks[k].lower in _AREA_TITLES and k + 1 < len(toks)
                    and _joined(text, toks[k], toks[k + 1])
                    and toks[k + 1].lower not in _FUNCTION_WORDS):  # fmt: skip
                return False  # "Toros State hospital": a building's name, not Toros state
            k += 1
        return True


# A place this big (or a governorate, country or site) is read even before "al X".
HEAD_TOWN_POPULATION = 50_000


def _town(candidates: Sequence[GazPlace]) -> bool:
    return any(c.feature_class in "ACS" or c.population >= HEAD_TOWN_POPULATION
               for c in candidates)  # fmt: skip


def _initialism(word: str) -> bool:
    """All capitals ("HTS"), or a capital after a small letter ("JaS"): initials, not a name."""
    pairs = zip(word, word[1:], strict=False)
    return word.isupper() or any(a.islower() and b.isupper() for a, b in pairs)


def _surface(text: str) -> str:
    """Lower case, no diacritics, no apostrophes: "Shi'ite" and "Shiite" are one word."""
    return ascii_fold(text).translate(_NO_QUOTES)


_NO_QUOTES = str.maketrans({c: "" for c in "'’`ʿʾ"})


# The only non-ASCII letters Python's IGNORECASE matches to an ASCII letter (re module docs).
_FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")


@lru_cache(maxsize=1024)
def _lowered(names: tuple[str, ...]) -> tuple[str, ...] | None:
    """The names in lower case if all are ASCII (IGNORECASE then folds them as `lower` does)."""
    return tuple(n.lower() for n in names) if all(n.isascii() for n in names) else None


def _may_name(text: str, names: tuple[str, ...], low: str | None = None) -> bool:
    """False only if `_media_pattern(names)` cannot match `text` (`low`: its lower case): no
    name in `low` (a substring test, several times cheaper than the case-blind alternation tried
    at every character). Exact when the names are ASCII and no letter of the text folds to an
    ASCII one under IGNORECASE; otherwise the pattern decides."""
    lowered = _lowered(names)
    if lowered is None or (not text.isascii() and any(c in text for c in _FOLDS_TO_ASCII)):
        return True
    low = text.lower() if low is None else low
    return any(n in low for n in lowered)


@cache
def _media_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(r"(?<!\w)(?:" + alternation + r")(?!\w)", re.IGNORECASE)


def _sentence_start(text: str, offset: int) -> bool:
    before = text[max(0, offset - 3) : offset].rstrip()
    return not before or before[-1] in ".!?\n\"“:;(" or offset < 3


def _joined(text: str, a: Token, b: Token) -> bool:
    return text[a.end : b.start] in (" ", "-", " - ")


def _hyphen(text: str, a: Token, b: Token) -> bool:
    return "-" in text[a.end : b.start]


@cache
def load_place_filter() -> PlaceFilter:
    """The filter over the shipped word lists (built once, then loaded from the table cache
    while the files and the modules that read them are unchanged)."""
    return cached_table(
        "place-filter",
        _build_place_filter,
        files=(STOPWORDS_FILE, ACTOR_ALIASES_FILE),
        modules=(__name__, "sitrep.knowledge.placenames"),
    )


def _build_place_filter() -> PlaceFilter:
    rows = read_csv(STOPWORDS_FILE, required=("word", "kind"))
    words = {_surface(r["word"]) for r in rows if r["kind"] == "word"}
    names = {_surface(r["word"]) for r in rows if r["kind"] == "name"}
    # Organisations' one-word names ("Taliban", "Houthis"); acronyms are caught as initialisms.
    names |= {_surface(r["alias"]) for r in read_csv(ACTOR_ALIASES_FILE, required=("alias",))
              if r["alias"][:1].isupper() and r["alias"].isalpha() and not r["alias"].isupper()}
    media = tuple(sorted({r["word"].lower() for r in rows if r["kind"] == "media"}))
    return PlaceFilter(frozenset(words), frozenset(names), media)
