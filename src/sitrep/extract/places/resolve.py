"""Place names in the text, resolved in the gazetteer (the `places` extractor).

`places` finds every place mention (dictionary matching over transliteration-aware keys, read
with the words around it: "X countryside", "countryside of X", "X governorate", "(X, Y)"), sets
the document's main country and resolves each mention with that context. `location.py` then
chooses the place of each event and tally among these mentions.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from difflib import SequenceMatcher
from functools import lru_cache

from sitrep.extract.places.country import (
    READING_FLOOR,
    best_guess,
    leans_to,
    model_country_probabilities,
    supported_by_model,
    votes_from,
)
from sitrep.extract.places.villages import (
    DISTRICT_KM,
    HELD_KM,
    SAME_SPOT_KM,
    TIE,
    VillageContext,
    best_village,
    district_seat,
    is_village,
    main_town,
)
from sitrep.extract.registry import extractor
from sitrep.extract.state import DocState, PlaceMention
from sitrep.extract.time.timex import calendar_names
from sitrep.knowledge.districts import DISTRICTS_FILE
from sitrep.knowledge.gazetteer import (
    VILLAGE_LABEL,
    Gazetteer,
    GazPlace,
    admin_abbreviations,
    consonant_key,
    demonyms,
    distance_km,
    focus_weights,
    load_gazetteer,
    missions_named,
    prior_score,
    subdivisions,
    to_place,
)
from sitrep.knowledge.lexicons import trie_alternation
from sitrep.knowledge.placefilter import (
    AUTHORITY_AFTER,
    DIRECTIONS,
    HEAD_TOWN_POPULATION,
    PlaceFilter,
    load_place_filter,
)
from sitrep.knowledge.placenames import ARTICLES, ascii_fold, name_key, word_key

log = logging.getLogger(__name__)

_TOKEN = re.compile(r"[^\W_]+(?:['’`ʿʾ][^\W_]+)*")
# Lower-case words allowed inside a name ("Ras al Ain", "Dayr az Zawr", "Bani Hushaysh"; the
# Persian ezafe of "Kut e Abdollah").
# (and the particles of Portuguese, Spanish and Italian names: "Figueira da Foz", "Rio do Sul")
# Spanish "de los"/"de las" too: "Leon de los Aldama" is Leon, not the town of Aldama.
_CONNECTORS = ARTICLES | {"bin", "ibn", "bani", "beni", "de", "la", "du", "des", "wa", "e", "i",
                          "da", "do", "dos", "das", "di", "del", "della", "los", "las"}

# Words after a name that say what it is. Geographic ones keep the match ("Idlib countryside",
# "Hama Airbase"); others mean the name only names a building ("Al Thawrah Hospital").
_AFTER_ADMIN = {"governorate", "province", "provinces", "governorates", "wilayat", "muhafazat",
                "oblast", "oblasts"}  # "Kharkiv Oblast": Ukraine's and Russia's first-level areas
# The country decision also reads "Zulia state" as a holder (ACLED's word for the first-level
# areas of Venezuela, Nigeria, Myanmar, Mexico, Sudan); not a matching cue ("Islamic State").
_HOLDER_AFTER = _AFTER_ADMIN | {"state"}
_AFTER_REGION = {"countryside", "outskirts", "desert", "badia", "plains", "region", "suburbs"}
# (Nigeria's local government areas, Indonesia's regencies, Sudan's localities: "Funtua LGA
# (Katsina)", "(Garut regency, West Java province)", "(Gereida locality, South Darfur state)";
# the Congo's territories: "Masisi territory")
_AFTER_DISTRICT = {"district", "subdistrict", "sub", "county", "nahiya", "directorate", "area",
                   "lga", "regency", "locality", "territory"}
# "Taze township": a curated township (`districts.csv`) only, not a village gazetteer's area.
_TOWNSHIP = {"township", "townships"}
_AFTER_TOWN = {"city", "town", "village", "villages", "town's", "city's", "municipality"}
_AFTER_SITE = {"base", "bases", "airport", "airbase", "airbases", "airfield", "camp", "camps",
               "field", "fields", "crossing", "prison", "port", "garrison", "plant", "dam"}
# A name before one of these words may be a facility's own name ("the San Miguel penitentiary",
# "La Carranza highway"), named after a person or a saint rather than the town it lies in.
_AFTER_FACILITY = {"prison", "penitentiary", "jail", "highway", "road", "motorway", "expressway",
                   "hospital"}
# Lower-case type words that end some curated sites' names ("Gara region", "Zap area"): tried as
# the name's last word, and kept only when the gazetteer has the longer name.
_SITE_TYPE = {"region", "regions", "mountain", "mountains", "area", "areas"}
_GEO_AFTER = (_AFTER_ADMIN | _AFTER_REGION | _AFTER_DISTRICT | _AFTER_TOWN | _AFTER_SITE
              | {"front", "frontline", "strip", "valley", "mountain", "mountains", "island",
                 "border", "river", "road", "highway", "bridge", "checkpoint", "junction",
                 "military", "air", "international", "refugee", "displacement", "oil", "gas"})
# Before a name: how near the happening is to it.
_NEAR_BEFORE = ("countryside of", "rural", "outskirts of", "vicinity of", "near", "nearby",
                "around", "outside", "close to", "environs of", "suburbs of", "periphery of",
                "east of", "west of", "north of", "south of", "northeast of", "northwest of",
                "southeast of", "southwest of", "desert of", "badia of", "countryside")
_POINT_BEFORE = ("near", "nearby", "outskirts of", "vicinity of", "close to", "around", "outside",
                 "east of", "west of", "north of", "south of", "northeast of", "northwest of",
                 "southeast of", "southwest of", "environs of", "suburbs of", "entrance of",
                 "entrance to", "edge of")
_ADMIN_BEFORE = ("governorate of", "province of", "provinces of", "governorates of")
# "Al Amadiya district of Duhok": a name holding a named district is a governorate (but "the
# district of Nihm" names the district itself).
# "X in Y", "X, Y", "X (Y", "X village in the southern countryside of Y": Y holds X (but not
# "X, south of Y" or "X near Y", which place X by Y).
_CONTAINER_GAP = re.compile(
    r"\s*(?:,|\(|(?:\s+(?!(?:north|south|east|west|\w+ern|\w+east|\w+west)\b)\w+)?"
    r"\s+(?:in|inside|of))\s*(?:the\s+)?(?:\w+ern\s+)?"
    r"(?:(?:countryside|outskirts|province|governorate|district|city|town|region)\s+of\s+)?",
    re.IGNORECASE)
_INSIDE_GAP = re.compile(r"\s(?:in|inside)\s", re.IGNORECASE)
_WIDE_GAP = re.compile(r"\s+(?:village|villages|area|town|subdistrict|sub-district)\s+of\s+",
                       re.IGNORECASE)
# "south of", "5 km east of", "about 10 kilometres north-west of": where a place lies from another.
COMPASS_OF = (
    r"(?:(?:about|some|around)\s+)?(?:\d+(?:\.\d+)?\s*(?:km|kms|kilometres|kilometers)\s+)?"
    r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ern)?\s+of"
)
# "X near Y", "X, south of Y", "X, 5 km east of the town of Y": Y is a point X lies by.
_NEAR_GAP = re.compile(
    r"(?:\s+(?:area|village|town|camp|farms?))?\s*,?\s+(?:near|close\s+to|next\s+to|outside|"
    rf"{COMPASS_OF})\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?", re.IGNORECASE)
# How far a place named by another may lie from it: "X near Y", "X south of Y" (a district's
# width, or as far as the text says and that much more: "X, 5 km east of Y").
NEAR_HOLDER_KM = 30.0
BY_HOLDER_KM = 50.0
# "X axis (Y", "X area (Y": a place word, then the parenthesis of what holds X.
_PLACE_WORD_PAREN = re.compile(
    r"['’]?\s+(?:area|axis|front|frontline|region|village|town|camp|neighbou?rhood|junction|"
    r"mountain|valley|hill|farms?)\s*\(", re.IGNORECASE)
_HOLDER_GAP = re.compile(
    r"\s+(?:district|districts|subdistrict|county|city|town|village|area|camp|neighbou?rhood)"
    r"\)?(?:\s*,|\s+of|\s+in)\s+(?:the\s+)?", re.IGNORECASE)
# The words that name a district as such ("Baharak district, Takhar"; not "area").
_DISTRICT_WORDS = {"district", "subdistrict", "county", "nahiya", "directorate", "lga", "regency",
                   "locality"}
# ACLED's own remark of where it placed an event: "[coded to Northby]", "(coded as Northby)".
_CODED_BEFORE = ("coded to", "coded as", "coded at")
_TOWN_BEFORE = ("town of", "city of", "village of", "villages of", "center of", "centre of")
_DISTRICT_BEFORE = ("district of", "area of", "subdistrict of")
# A common word is still a place when one of these follows it: "Hit district", "Mission city".
_CUE_AFTER = (_AFTER_ADMIN | _AFTER_DISTRICT | _AFTER_TOWN | AUTHORITY_AFTER
              | {"countryside", "outskirts"})
_LOCATIVE = {"in", "at", "near", "on", "from", "to", "towards", "toward", "into", "outside",
             "around", "of", "between", "and", "over", "across", "inside", "within", "via",
             "rural"}

_ATTRIBUTIVE = {"backed", "led", "affiliated", "aligned", "sponsored", "allied", "funded"}
# Only hyphenated: "Kurdish-held", but "workers in Faryab held a protest".
_ATTRIBUTIVE_HYPHEN = _ATTRIBUTIVE | {"held", "run", "controlled", "trained", "armed", "supported"}
# "pro-Turkey factions", "anti-Iran protests", "pro-Iranian": a side taken, not a place.
_SIDE_BEFORE = re.compile(r"(?i)\b(?:pro|anti)-$")


def _named_as_sponsor(text: str, start: int, end: int, gap: str, after: str) -> bool:
    """Whether the name at `start:end`, followed by `gap` and the word `after` (lower case),
    names a side taken: "Turkey-backed faction", "a Saudi led coalition", "pro-Iran protests"."""
    if gap in ("-", " ") and after in _ATTRIBUTIVE or gap == "-" and after in _ATTRIBUTIVE_HYPHEN:
        return True
    return _SIDE_BEFORE.search(text, max(0, start - 6), start) is not None


_EZAFE_BEFORE = re.compile(r"\w(?:-| )e[ -]$")
SUBPLACE_AFTER = re.compile(
    r"\s+(?:street|avenue|square|roundabout|neighbou?rhood|quarter)\s+(?:of|in)\s", re.IGNORECASE
)
DESTINATION_BEFORE = re.compile(
    r"(?i)\b(?:on (?:the|their|its|his|her) way to|heading (?:to|towards?)|en route to|bound for)"
    r"(?: the)?\s+$"
)
FROM_FILLERS = {"the", "city", "cities", "town", "towns", "village", "villages", "of", "area",
                 "areas", "and", "eastern", "western", "northern", "southern", "rural"}
MOVEMENT = {"arrived", "arriving", "came", "coming", "fled", "fleeing", "returned", "returning",
             "reinforcements", "withdrew", "withdrawn", "transferred", "deported", "moved"}
ORIGIN_ADVERBS = {"also", "all", "mostly", "mainly", "reportedly", "both"}
ORIGIN_VERBS = {"is", "are", "was", "were", "originally", "hailing", "hail", "hails", "native"}
PEOPLE = {"man", "men", "woman", "women", "individual", "individuals", "person", "people",
           "resident", "residents", "civilian", "civilians", "child", "children", "family",
           "families", "displaced", "fighter", "fighters", "member", "members", "youth", "boy",
           "girl", "native", "refugees", "refugee", "journalist", "activist", "activists",
           "locals"}
# Precision (ACLED geo_precision) by what a mention is.
SPECIFICITY = {"site": 0, "town": 1, "admin2": 2, "admin1": 3, "country": 4}
# Country evidence (see `document_country`).
# ("from Turkey", "to Lebanon", "Government of Turkey" are departures, destinations and actors.)
_IN_COUNTRY_BEFORE = {"in", "across", "throughout", "inside", "within", "all"}
# Words between "in" and the country that still say where: "in southern Lebanon".
_PART_OF_COUNTRY = DIRECTIONS | {"occupied", "rural"}
_COUNTRY_IN = 3.0
# "against the war in Ruritania", "for peace in Ruritania": what a text is about, not where.
_TOPIC_BEFORE_IN = {"war", "peace", "conflict", "crisis", "invasion", "situation", "fighting",
                    "violence", "aggression", "escalation", "ceasefire", "genocide"}  # fmt: skip
_COUNTRY_ACTOR = 1.0
# A country named as what a text is about ("against the invasion of Ruritania", "in solidarity
# with Ruritania", "outside the embassy of Ruritania", "declaring support to Ruritania") is
# neither where it happened nor, much, evidence of it: protests abroad are about other countries.
_TOPIC_NOUNS = _TOPIC_BEFORE_IN | {"solidarity", "support", "invasions", "wars", "sanctions",
                                   "occupation", "deportation", "deportations", "atrocities"}
# Whose mission it is only with "of": "the embassy of Ruritania", not "the embassy in Ruritania".
_MISSIONS = {"embassy", "embassies", "consulate"}
_TOPIC_PREPS = {"of", "in", "against", "with", "to", "for", "on", "over", "toward", "towards"}
_COUNTRY_TOPIC = 0.25
# Nationality words that say whose embassy, invasion or diaspora it is, not where a text is.
_FOREIGN_AFTER = {"embassy", "embassies", "consulate", "invasion", "diaspora", "community",
                  "communities", "flag", "flags", "aggression"}
# Nationality words are weak: in conflict news they mostly name actors ("Turkish forces shelled
# Zinar in Tell Abiad countryside" is in Syria); one unambiguous town outweighs them.
_DEMONYM_VOTE = 0.4
_DEMONYM_CAP = 0.8
# GeoNames' codes of a national capital, a seat of government (La Paz) and a governorate's seat
# (Haifa, Bregenz, Belfast); another place of the capital's name counts from a tenth of its size.
_CAPITAL_CODES = frozenset({"PPLC", "PPLG", "PPLA"})
_CAPITAL_SIZE = 10
# Places mentioned this close (in characters) are the document's context for a village.
NEARBY_CHARS = 600
# How much better a village must read than the shipped place of that name to replace it.
SHIPPED_FIRST = 0.25
# The classifier's probability a country needs for a village spelled as the text spells it to be
# one of a name's readings in the country vote.
VILLAGE_READING = 0.1


@dataclass(slots=True)
class Mention:
    """A place name found in the text, with the words around it and its resolution."""

    start: int
    end: int
    text: str
    key: str
    candidates: list[GazPlace]
    tier: str  # exact | fuzzy
    after: str = ""  # the lower-cased word after the name
    before: str = ""  # up to four lower-cased words before the name
    sentence: int = 0
    paren: tuple[int, int] | None = None  # "(X, Y)": the group it belongs to
    paren_index: int = 0
    ner: str | None = None  # spaCy's label on this stretch, if any
    place: GazPlace | None = None
    score: float = 0.0
    precision: int = 1
    admin2_text: str | None = None  # "(Qaatabah, Ad Dali)": the district named in the text
    why: list[str] = field(default_factory=list)
    # Candidates from the village gazetteer, weighed apart (`villages.py`) once the rest is read.
    villages: list[GazPlace] = field(default_factory=list)
    # It follows "X district, ", "X city, ", "X district of": it names X's governorate.
    holds_named: bool = False
    # The villages match exactly though the shipped candidates are spelling guesses.
    villages_exact: bool = False
    # The country a possessive or nationality word before the name puts it in ("Iraq's northern
    # Kurdistan region", "Iranian Kurdistan"), as an ISO code.
    qualifier: str | None = None
    # The name just before it that it holds: X of "X (Y)", "(X, Y)", "X district, Y".
    held: Mention | None = None
    holds_inside: bool = False  # the one it holds is told "in" it ("X in Y"), not "X, Y"
    # It ends a longer name: "the Islamic Resistance in Iraq", "Kurdistan Region of Iraq".
    ends_a_name: bool = False
    # A capitalised word follows it: it may head a longer name ("Soledad Doblado").
    heads_a_name: bool = False
    # It names a country as what the text is about, not where (`topic_country`).
    topic: bool = False
    # A country's name standing for another country's governorate (`_governorate_abroad`).
    governorate_abroad: bool = False
    # An ordinary word naming provinces in many countries ("(Kantale, Eastern)"): no country vote.
    generic: bool = False


def _split(found: list[GazPlace]) -> tuple[list[GazPlace], list[GazPlace]]:
    """Candidates in the shipped tables, and villages and quarters of the village gazetteer."""
    return [c for c in found if not is_village(c)], [c for c in found if is_village(c)]


@extractor("places", requires=("sentences",), assigns=("places", "country_hint"))
def find_places(state: DocState) -> None:
    """Every place mention in the text, resolved; the document's main country."""
    mentions = resolve_text(state.text, state, outlet=state.outlet)
    state.places = [to_mention(state, m) for m in mentions]


_CALENDAR = calendar_names("weekday") | calendar_names("month")
_ARTICLE = rf"(?:(?:{'|'.join(sorted(ARTICLES, key=lambda a: (-len(a), a)))})[- ])"
_NAME = rf"{_ARTICLE}?[A-Z][\w'’-]+(?: {_ARTICLE}?[A-Z][\w'’-]+){{0,2}}"
_UNRESOLVED = re.compile(
    rf"\b(?:in|at|near)\s+({_NAME})"
    rf"|({_NAME}) (?:highway|road|town|village|camp|area|neighbou?rhood|square)\b"
    # "in the area of X", "in the direction of X", "on the outskirts of X"
    rf"|\b(?:area|direction|outskirts|vicinity)\s+of\s+(?:the\s+)?({_NAME})"
)


def unresolved_names(state: DocState, sentence: int) -> list[str]:
    """Names in a sentence that read like a place but resolved to none ("blocked the Beddawi
    highway", "in el Mina"): reported so that a coarse location can be checked by hand."""
    if not 0 <= sentence < len(state.sentences):
        return []
    sent = state.sentences[sentence]
    pfilter = load_place_filter()
    # A name read as a homonym abroad ("el Mina" as Minna, Nigeria) is no place here either.
    cc = state.country_hint
    taken = [(m.span.start, m.span.end) for m in state.places if not cc or m.place.country == cc]
    taken += [(a.span.start, a.span.end) for a in state.actors]
    names = []
    for match in _UNRESOLVED.finditer(state.text, sent.start, sent.end):
        group = next(g for g in (1, 2, 3) if match.group(g))
        start, end = match.span(group)
        name = match.group(group)
        if any(s < end and start < e for s, e in taken) or pfilter.is_common(name):
            continue
        if name.split()[0].lower() in _CALENDAR or name.isupper():
            continue
        names.append(name)
    return names


# --- finding ---------------------------------------------------------------------------------


@dataclass(slots=True)
class _Tok:
    text: str
    start: int
    end: int
    lower: str
    upper: bool

    @property
    def key(self) -> str:
        # Only the words a name may be made of need it, so it is not computed for every word.
        return word_key(self.text)


_THE_BEFORE = re.compile(r"(?i)\bthe\s+(?:(?:north|south|east|west|central)\w*\s+)?$")
_AREA_AFTER = _AFTER_ADMIN | _AFTER_DISTRICT | {"state", "states", "region"}


def _the_sea(text: str, start: int, end: int, after: str) -> bool:
    """ "the Red Sea", "the northern Red Sea": a sea told as the sea (ACLED codes a ship at sea
    to the coastal state the text names, else to the country only), not the area named after it
    ("Red Sea state", "Red Sea governorate")."""
    name = text[start:end].lower()  # (the match may begin with its article)
    told_with_the = name.startswith("the ") or bool(
        _THE_BEFORE.search(text, max(0, start - 30), start)
    )
    return name.endswith(" sea") and after not in _AREA_AFTER and told_with_the


def _tokens(text: str) -> list[_Tok]:
    out = []
    for m in _TOKEN.finditer(text):
        w, start = m.group(), m.start()
        if len(w) > 3 and w[-2] in "'’" and w[-1] in "sS":
            w = w[:-2]  # "Beirut's": the possessive is not part of the name
        out.append(_Tok(w, start, start + len(w), w.lower(), w[0].isupper()))
    return out


def _token_range(starts: list[int], lo: int, hi: int) -> slice:
    """The tokens starting in [lo, hi), given the sorted token start offsets."""
    return slice(bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi))


def _of_country(toks: list[_Tok], i: int, j: int, key: str, gaz: Gazetteer) -> bool:
    """A name joined by "of" that only names a country or territory ("registered to the Isle of
    Man", "Democratic Republic of Congo") is left to the country mentions, as before "of" could
    join a name: a town's name ("Port of Spain") is kept."""
    return any(t.lower == "of" for t in toks[i + 1 : j]) and all(
        c.feature_class == "C" for c in gaz.exact(key))


def _article_before(text: str, t: _Tok, nxt: _Tok) -> bool:
    """A lower-case article opening a name: "al-Hasakah", "al Bab", "as-Sweida" — not English
    "as Baghdad" or "at Menagh" (only al/el stand unhyphenated)."""
    if t.lower not in ARTICLES or not nxt.upper:
        return False
    gap = text[t.end : nxt.start]
    return gap == "-" or (gap == " " and t.lower in ("al", "el"))


def _joinable(text: str, a: _Tok, b: _Tok) -> bool:
    """Two tokens may be parts of one name: only a space or a hyphen between them."""
    gap = text[a.end : b.start]
    return gap in (" ", "-", "- ", " -") or gap == "" or gap == "\u2011"


def find_mentions(
    text: str,
    gaz: Gazetteer,
    pfilter: PlaceFilter,
    outlet: str | None = None,
    blocked: list[tuple[int, int]] | None = None,
) -> list[Mention]:
    """Place names in `text`: longest dictionary match at each capitalised token, then filters."""
    toks = _tokens(text)
    tok_starts = [t.start for t in toks]
    # ACLED-style "(Salh, taizz)": a (district, governorate) pair is names even in lower case.
    for g in _DISTRICT_PAIR.finditer(text):
        for t in toks[_token_range(tok_starts, g.start(), g.end())]:
            if t.lower not in ARTICLES:
                t.upper = True
    if blocked is None:
        blocked = pfilter.blocked_spans(text, outlet)
    nationality = demonyms()
    found: list[Mention] = []
    i, n = 0, len(toks)
    while i < n:
        t = toks[i]
        starts = t.upper or (i + 1 < n and _article_before(text, t, toks[i + 1]))
        if not starts or any(s <= t.start < e for s, e in blocked):
            i += 1
            continue
        best: tuple[int, str] | None = None
        parts: list[str] = []
        for j in range(i, min(n, i + 3 * gaz.max_words)):
            tj = toks[j]
            if j > i and not _joinable(text, toks[j - 1], tj):
                break
            # "al-Asad air base" is spelled "airbase" as often: one word of the key.
            nxt_word = toks[j + 1].lower if j + 1 < n else ""
            air = j > i and tj.lower == "air" and nxt_word in ("base", "bases", "field")
            # "Harir base" is a site's name; so are "the Gara region", "Qandil mountains".
            site_word = j > i and (tj.lower in _AFTER_SITE or tj.lower in _SITE_TYPE or air)
            # "Port of Spain", "Trinidad and Tobago", "Newfoundland and Labrador": "of" and
            # "and" inside a name the gazetteer has (a name is kept only when its whole key is).
            # "Autonomous Region in Muslim Mindanao": "in" too, when the whole key is a name.
            if j > i and not (tj.upper or tj.lower in _CONNECTORS or tj.text[0].isdigit()
                              or site_word or (tj.lower in ("of", "and", "in") and j + 1 < n
                                               and toks[j + 1].upper)):  # fmt: skip
                break
            nxt = toks[j + 1] if j + 1 < n else None
            if tj.lower in ARTICLES and nxt is not None and _joinable(text, tj, nxt) and nxt.upper:
                continue  # "al-Hasakah": the article is not part of the key
            parts.append(word_key("air" + nxt_word) if air else tj.key)
            if j > i and tj.lower == "in":
                continue  # "... Region in Muslim Mindanao": no name ends in "in"
            key = " ".join(parts)
            if site_word and not gaz.has_key(key) and gaz.has_key(key[:-1]) and key[-1] == "s":
                key = key[:-1]  # "Al Omar Oil Fields" is the site "Al-Omar oil field"
            if gaz.has_key(key) and not _of_country(toks, i, j, key, gaz):
                best = (j + 2 if air else j + 1, key)
            elif len(parts) == 2 and text[toks[j - 1].end : tj.start] == "-":
                # "Sistan-Baluchestan", "Kohgiluyeh-Boyer Ahmad": a province named after two
                # regions, hyphenated in the text, "and"-joined in the gazetteer.
                joined = f"{parts[0]} and {parts[1]}"
                if gaz.has_key(joined):
                    best = (j + 1, joined)
            if site_word and not (j + 2 < n and toks[j + 1].lower == "in" and toks[j + 2].upper):
                break  # but "Autonomous Region in Muslim Mindanao" goes on
            elif len(parts) > 1 and gaz.has_key(key.replace(" ", "")) and not _of_country(
                    toks, i, j, key.replace(" ", ""), gaz):
                best = (j + 1, key.replace(" ", ""))
        tier = "exact"
        province = None
        if best is not None and best[0] < n and (toks[best[0]].lower in _CONNECTORS
                                                 or text[toks[best[0]].start - 1] == "-"):
            # "Zamboanga del Norte": a province named after its town, read whole; so is
            # "(Kolofata, Mayo-Sava)", whose first half is a name abroad (County Mayo).
            slot = _province_slot(text, toks, i, gaz)
            if slot is not None and slot[0] > best[0]:
                best = province = slot
        if best is None:
            # "(Solhan, Yagha)", "in Yagha province": a name only a province (an admin2 area)
            # carries, where a province is named.
            province = _province_slot(text, toks, i, gaz)
            best = province
        if best is None and t.upper and len(t.text) >= 5:
            best, tier = (i + 1, t.key), "fuzzy"
        if best is not None and best[0] == i + 1 and t.text in nationality:
            best = None  # "Sudanese" is no spelling of Sidon: a nationality is country evidence
        if best is None:
            i += 1
            continue
        end_tok, key = best
        start, end = t.start, toks[end_tok - 1].end
        gap = text[end : toks[end_tok].start] if end_tok < n else ""
        after_tok = toks[end_tok].lower if end_tok < n else ""
        if _named_as_sponsor(text, start, end, gap, after_tok):
            i = end_tok  # "Turkey-backed faction", "Saudi-led coalition": a sponsor, not a place
            continue
        if gap == " " and after_tok == "time":
            i = end_tok  # "11:30 a.m. (Sanaa time)": a clock, not where it happened
            continue
        if _the_sea(text, start, end, after_tok):
            i = end_tok  # "in the Red Sea": the sea, not the state or governorate named after it
            continue
        candidates = gaz.exact(key) if tier == "exact" else gaz.fuzzy(key)
        short = len(key.replace(" ", "")) < 3
        if short and tier == "exact":
            # "demonstrated in Pau": a key of two letters is read only as a town's own name
            candidates = _short_name_town(text, toks, i, end_tok, candidates)
        longer = _longer_name(text, toks, i, end_tok, gaz)
        if longer and not any(c.feature_class == "C" or _plain(longer) in _plain(c.name)
                              or _plain(longer) in _plain(c.asciiname) for c in candidates):
            i = end_tok  # "Mentao (Pobe-Mengao, Soum)": not Benin's Pobe
            continue
        after_word = toks[end_tok].lower if end_tok < n else ""
        if (after_word in _AFTER_DISTRICT or after_word in ("province", "provinces")
                or province) and tier == "exact":  # fmt: skip
            # "Al Husha district"; "Seno province", where a province is an admin2 area
            candidates = candidates + gaz.districts(key)
        elif after_word in _TOWNSHIP and tier == "exact":
            candidates = candidates + _cued_districts(gaz, key, after_word)  # "Taze township"
        # "Ash Shakhurah (Northern)": a word alone in parentheses after a name is a governorate.
        alone = text[start - 2 : start] == " (" and text[end : end + 1] == ")" and start > 2 and (
            text[start - 3].isalpha())
        generic = False
        last = tier == "exact" and _last_in_pair(text, start, end)
        if last and pfilter.is_common(text[start:end]):
            # "Kantale (Kantale, Eastern)": the last member of ACLED's "(district, province)"
            # is a province even when its name is an ordinary word; only an area is read there.
            # Provinces of a dozen countries bear it, so it says nothing of the country.
            areas = [c for c in candidates if c.feature_class == "A"]
            if areas:
                candidates, alone, generic = areas, True, True
        if candidates and pfilter.allows(text, toks, i, end_tok, key, candidates, tier,
                                         cue_after=after_word in _CUE_AFTER or alone,
                                         located=(short and bool(candidates)) or
                                         _big_town_located(text, toks, i, end_tok, tier,
                                                           candidates)):  # fmt: skip
            shipped, villages = _split(candidates)
            m = Mention(start, end, text[start:end], key, shipped, tier, villages=villages)
            one_word = end_tok == i + 1 and t.upper and len(t.text) >= 5
            if not shipped and one_word and tier == "exact":
                # Only villages spell it so ("Qamishlo"): the shipped town it may be a spelling
                # of ("Qamishli") is read as a guess, the villages as exact matches.
                m.candidates = [c for c in gaz.fuzzy(key) if not is_village(c)]
                m.tier, m.villages_exact = ("fuzzy", True) if m.candidates else ("exact", False)
            m.after = toks[end_tok].lower if end_tok < n else ""
            m.heads_a_name = end_tok < n and toks[end_tok].upper and gap == " "
            m.before = " ".join(x.lower for x in toks[max(0, i - 4) : i])
            m.ends_a_name = (i >= 2 and _ends_a_name(text, toks[i - 2], toks[i - 1])
                             and not (found and found[-1].end == toks[i - 2].end))  # "Russia in"
            m.qualifier = _country_qualifier(text, start, gaz, nationality)
            m.generic = generic
            found.append(m)
            i = end_tok
        else:
            i += 1
    _mark_parentheses(text, found)
    return found


# A town this big (or a provincial or national capital) said to be where it happened is read
# though its name is an ordinary word or a given name ("rallied in Tours", "marched in Nancy").
LOCATED_TOWN_POPULATION = 100_000
_BIG_TOWN_CODES = frozenset({"PPLC", "PPLG", "PPLA"})


def _big_town_located(text: str, toks: list[_Tok], i: int, end: int, tier: str,
                      candidates: list[GazPlace]) -> bool:  # fmt: skip
    """"demonstrated in Tours": a capitalised name after "in" or "at", in mid-sentence, that is
    a big town's or a capital's own name letter for letter."""
    if tier != "exact" or i == 0 or toks[i - 1].lower not in ("in", "at"):
        return False
    if not toks[i].text[:1].isupper() or text[toks[i - 1].end : toks[i].start] != " ":
        return False
    surface = _plain(text[toks[i].start : toks[end - 1].end])
    return any(c.feature_class == "P" and surface in (_plain(c.name), _plain(c.asciiname))
               and (c.feature_code in _BIG_TOWN_CODES or c.population >= LOCATED_TOWN_POPULATION)
               for c in candidates)  # fmt: skip


def _short_name_town(text: str, toks: list[_Tok], i: int, end: int,
                     candidates: list[GazPlace]) -> list[GazPlace]:  # fmt: skip
    """The places a name whose key is under three letters ("Pau": "pu", the key of Po and of
    Bozhou's alternate name too) may be, when it has three letters or more: said to be where it
    happened ("in Pau", "at Pau"), a town of `HEAD_TOWN_POPULATION` or more spelled so letter
    for letter; the last member of ACLED's "(district, province)" ("(Baydhaba, Bay)"), an admin1
    area spelled so. A shorter name ("Bo", "Eu") stays unread, as before."""
    if end != i + 1 or i == 0:
        return []
    word = toks[i].text
    if len(word) < 3 or not word.isalpha() or not word[:1].isupper() or word.isupper():
        return []
    surface = _plain(word)
    if _last_in_pair(text, toks[i].start, toks[i].end):
        return [c for c in candidates if c.feature_class == "A"
                and surface in (_plain(c.name), _plain(c.asciiname))]  # fmt: skip
    if toks[i - 1].lower not in ("in", "at") or text[toks[i - 1].end : toks[i].start] != " ":
        return []
    return [c for c in candidates
            if c.feature_class == "P" and c.population >= HEAD_TOWN_POPULATION
            and surface in (_plain(c.name), _plain(c.asciiname))]  # fmt: skip


# Particles inside Romance place names: "Lanao del Sur", "Figueira da Foz", "Leca do Balio".
_NAME_PARTICLES = {"de", "del", "do", "da", "di", "dos", "das"}
_ROUTE_WORDS = {"road", "roads", "highway", "route", "axis", "border", "corridor", "railway",
                "line", "bridge", "expressway", "motorway", "pipeline", "crossing", "frontline"}


def _longer_name(text: str, toks: list[_Tok], i: int, end: int, gaz: Gazetteer) -> str:
    """The longer name the name (tokens i to end) is a piece of, when the gazetteer lacks it:
    hyphenated ("Pobe-Mengao", whose other half is no name the gazetteer knows) or joined by a
    Romance particle ("Lanao del Sur", "Leca do Balio"); it names that place, not a homonym of
    its piece abroad (unless that homonym bears the longer name: "Angra" for "Angra dos Reis").
    Empty when the name stands alone."""
    n = len(toks)

    def unknown(t: _Tok) -> bool:
        return t.upper and t.lower not in ARTICLES and not gaz.has_key(t.key)

    def gap(a: int) -> str:
        return text[toks[a].end : toks[a + 1].start]

    def route(a: int) -> bool:  # "the Kumba-Ekondo Titi road" joins two places
        return any(t.lower in _ROUTE_WORDS for t in toks[a : a + 4])

    if end < n and gap(end - 1) == "-" and unknown(toks[end]) and not route(end):
        return text[toks[i].start : toks[end].end]
    if i > 0 and gap(i - 1) == "-" and unknown(toks[i - 1]) and not route(end):
        return text[toks[i - 1].start : toks[end - 1].end]
    if end + 1 < n and toks[end].lower in _NAME_PARTICLES and toks[end + 1].upper and (
            gap(end - 1) == " "):  # fmt: skip
        return text[toks[i].start : toks[end + 1].end]
    if i >= 2 and toks[i - 1].lower in _NAME_PARTICLES and toks[i - 2].upper and (
            gap(i - 2) == " "):  # fmt: skip
        return text[toks[i - 2].start : toks[end - 1].end]
    return ""


# "Iraq's northern Kurdistan region", "Iranian Kurdistan": a country's possessive (with at most
# one word between) or a nationality word right before a name.
_POSSESSIVE_BEFORE = re.compile(r"\b([A-Z][a-z]{3,})['’]s\s+(?:[a-z]+\s+)?$")
_NATIONALITY_BEFORE = re.compile(r"\b([A-Z][a-z]{3,})\s+$")


def _country_qualifier(text: str, start: int, gaz: Gazetteer,
                       nationality: dict[str, str]) -> str | None:  # fmt: skip
    before = text[max(0, start - 40) : start]
    if (own := _POSSESSIVE_BEFORE.search(before)) is not None:
        return gaz.country_code(own.group(1))
    if (word := _NATIONALITY_BEFORE.search(before)) is not None:
        return nationality.get(word.group(1))
    return None


def _last_in_pair(text: str, start: int, end: int) -> bool:
    """Whether the name at [start, end) closes a parenthesis after a comma: "(Orugodawatta,
    Western)", the province slot of ACLED's "(district, province)"."""
    before = text[max(0, start - 60) : start]
    return before.endswith(", ") and text[end : end + 1] == ")" and (
        "(" in before.rsplit(")", 1)[-1])


# Two capitalised names, each followed by a comma: "in Barangay Tala, Isulan, " before a name.
_COMMA_LIST_BEFORE = re.compile(r"\b(?:in|at|near) [A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}, "
                                r"(?:[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}, )?$")


def _cued_districts(gaz: Gazetteer, key: str, cue: str) -> list[GazPlace]:
    """The districts named `key` before the cue word `cue`: after "township" only the curated
    townships (`districts.csv`; the village gazetteer's namesakes of a Myanmar township lie
    elsewhere: "Ponnagyun township" is no Yangon area)."""
    found = gaz.districts(key)
    if cue in _TOWNSHIP:
        return [d for d in found if d.source == DISTRICTS_FILE]
    return found


# ", Extreme-Nord)": one more name closing a parenthesis (the region after its province).
_REGION_CLOSES = re.compile(r", [A-Z][\w'’ -]{1,30}\)")


def _comma_last(text: str, start: int, end: int) -> bool:
    """Whether the name at [start, end) ends a comma list of names after "in/at/near"
    ("clashed in Barangay Tala, Isulan, Sultan Kudarat.")."""
    return text[end : end + 1] in (".", ",", ";") and _COMMA_LIST_BEFORE.search(
        text, max(0, start - 80), start) is not None


def _province_slot(text: str, toks: list[_Tok], i: int, gaz: Gazetteer) -> tuple[int, str] | None:
    """The end and key of the name starting at token `i` when no place but an admin2 area
    (a province) has it and it stands where a province is named: last in a parenthesis after
    a comma ("(Solhan, Yagha)", ACLED's "(commune, province)"), or before "province"."""
    parts: list[str] = []
    for j in range(i, min(len(toks), i + 4)):
        tj = toks[j]
        # "Zamboanga del Norte": a particle inside the name, before a capitalised word.
        inner = tj.lower in _CONNECTORS and j + 1 < len(toks) and toks[j + 1].upper
        if j > i and not ((tj.upper or inner) and _joinable(text, toks[j - 1], tj)):
            break
        if j > i and inner:
            if tj.lower not in ARTICLES:  # "Logone-et-Chari": keyed as "Logone Chari"
                parts.append(tj.key)
            continue
        parts.append(tj.key)
        key = " ".join(parts)
        after = text[tj.end : tj.end + 1]
        nxt = toks[j + 1].lower if j + 1 < len(toks) else ""
        # "(Fotokol, Logone-et-Chari, Extreme-Nord)": last, or before the region closing it
        paren_last = (after == ")" or _REGION_CLOSES.match(text, tj.end) is not None) and (
            re.search(r"\([^()]*, $", text[max(0, toks[i].start - 80) : toks[i].start]))
        # "clashed in Barangay Tala, Isulan, Sultan Kudarat.": the last of a comma list of names
        comma_last = _comma_last(text, toks[i].start, tj.end)
        if ((paren_last or comma_last or nxt == "province") and gaz.districts(key)
                and not gaz.exact(key)):  # fmt: skip
            return j + 1, key
    return None


# What a monitoring mission's name adds to a reading in the areas it reports from
# (`monitored_areas.csv`): less than a governorate named nearby (0.5), more than a small town's
# population over a hamlet's.
MONITORED_BONUS = 0.2
# A town outside a monitoring mission's areas that a text naming the mission may still mean: a
# city (the mission's own teams sat in them), not a town or village.
MISSION_TOWN = 100_000

# ACLED's "(district, governorate)" parenthesis.
_DISTRICT_PAIR = re.compile(r"\(([^(),]{2,40}), ([^(),]{2,40})\)")
# ACLED's "(X LGA, State)" (Nigeria), "(X regency, Province)" (Indonesia), "(X locality, State)"
# (Sudan) and "X territory" (the Congo) name a district as "X district" does.
_DISTRICT_WORD = re.compile(
    r"(?i)\b(?:(?:district|directorate|township|lga|regency|locality)s?|territor(?:y|ies))\b")
_DISTRICT_OF = re.compile(r"(?i)\b(?:district|directorate) of\s+$")
# "X district, Y." (Afghan notes): Y is the province holding the district X.
_DISTRICT_COMMA = re.compile(
    r"\s+(?:district|directorate),\s+([A-Z][\w' -]{1,30}?)(?=\s*(?:[.;,)]|$))")


def district_mentions(text: str, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """Districts the text names that no town is named after: "Radman al Awad district",
    "district of Nihm", the first member of "(At Tuhayat, Al Hudaydah)".

    They resolve to the gazetteer's admin2 areas (a district's centre, precision 2), which beat
    falling back to the governorate's seat when the village itself is missing.
    """
    if not _DISTRICT_WORD.search(text) and "(" not in text:
        return []
    toks = _tokens(text)
    # A name only villages carry may be a district: "(Bayt Al Faqiah, Al Hudaydah)".
    taken = [(m.start, m.end) for m in mentions if m.candidates and m.tier == "exact"]
    held_by = {(m.start, m.end): m for m in mentions if m.candidates and m.tier == "exact"}
    spans: list[tuple[int, int, str]] = []  # token range [i, j) and the cue word after it
    for k, t in enumerate(toks):
        if _DISTRICT_WORD.fullmatch(t.text) and k > 0:
            i = k
            while i > 0 and _joinable(text, toks[i - 1], toks[i] if i < k else t) and (
                toks[i - 1].upper or toks[i - 1].lower in _CONNECTORS
            ):
                i -= 1
            spans.append((i, k, t.lower))
            if _DISTRICT_OF.search(text, 0, t.end + 4) and k + 1 < len(toks):
                j = k + 1
                while j < len(toks) and (toks[j].upper or toks[j].lower in _CONNECTORS) and (
                    j == k + 1 or _joinable(text, toks[j - 1], toks[j])
                ):
                    j += 1
                spans.append((k + 1, j, ""))
    starts = [t.start for t in toks]
    for g in _DISTRICT_PAIR.finditer(text):
        first = _token_range(starts, g.start(1), g.end(1))  # the pair's first member
        if first.start < first.stop:
            spans.append((first.start, first.stop, ""))
    out: list[Mention] = []
    for i, j, cue in spans:
        # The governorate in the parenthesis that follows or closes the name: "(Khwlan, Sanaa)",
        # "Raizh district (Sadah)". Inside it a district may be found by its spelling skeleton.
        paren = re.match(r"[^()]{0,12}?(?:\(|, )([^(),]{2,40})\)", text[toks[j - 1].end :]) or (
            _DISTRICT_COMMA.match(text, toks[j - 1].end))  # "X district, Helmand."
        gov = {(c.country_code, c.admin1_code) for c in gaz.exact(name_key(paren.group(1)))
               if c.feature_class == "A"} if paren else set()  # fmt: skip
        # The longest run of words that names a district: "the eastern part of Radman al Awad".
        for a in range(i, j):
            start, end = toks[a].start, toks[j - 1].end
            key = name_key(text[start:end])
            # A name read as a place outside the governorate that closes the pair is that
            # governorate's district when one bears it: "(Mambasa, Ituri)", not Kenya's Mombasa.
            homonym = held_by.get((start, end))
            inside = ([d for d in gaz.districts(key) if (d.country_code, d.admin1_code) in gov]
                      if gov and homonym is not None and not any(
                          (c.country_code, c.admin1_code) in gov for c in homonym.candidates)
                      else [])  # fmt: skip
            # A longer district name may hold a shorter match ("Radman" read by spelling guess).
            if not inside and any(
                    s < end and start < e and not (start <= s and e <= end and e - s < end - start)
                    for s, e in taken):  # fmt: skip
                break
            found = inside or (_cued_districts(gaz, key, cue) if cue in _TOWNSHIP else
                               gaz.districts(key) or (gaz.districts_in(key, gov) if gov else []))
            if found:
                m = Mention(start, end, text[start:end], key, list(found), "exact", after=cue)
                m.before = " ".join(x.lower for x in toks[max(0, a - 4) : a])
                out.append(m)
                taken.append((start, end))
                break
    return out


# "(Budgam district, J&K)", "Nigohan (UP)": an abbreviation closing a parenthesis, as its last
# member or all of it (not a dateline's "(AP) —").
_ABBREVIATION = re.compile(r"(?:, ?|(?<=\w )\()([A-Z][A-Z&]{1,3})\)(?!\s*[—–-])")


def abbreviation_mentions(text: str, mentions: list[Mention], gaz: Gazetteer,
                          cc: str) -> list[Mention]:  # fmt: skip
    """Admin1 areas a parenthesis names by their abbreviation (`admin_abbreviations.csv`), in a
    text read as happening in their country `cc`: elsewhere the letters are a common word or
    another body's initials, so they neither vote for a country nor stand alone."""
    table = admin_abbreviations()
    taken = [(m.start, m.end) for m in mentions]
    out = []
    for g in _ABBREVIATION.finditer(text):
        start, end = g.start(1), g.end(1)
        if any(s < end and start < e for s, e in taken):
            continue
        areas = [gaz.get(f"adm1:{c}.{code}") for c, code in table.get(g.group(1), ())
                 if c == cc]  # fmt: skip
        found = [a for a in areas if a is not None]
        if found:
            m = Mention(start, end, g.group(1), name_key(g.group(1)), found, "exact")
            m.before = " ".join(text[max(0, start - 40) : start].lower().split()[-4:])
            out.append(m)
    return out


def _ends_a_name(text: str, word: _Tok, joint: _Tok) -> bool:
    """ "Resistance in", "Region of" before a name: a capitalised word inside a sentence."""
    if joint.lower not in ("in", "of") or not word.upper or word.text.isupper():
        return False
    return not re.search(r"(?:^|[.!?:\n][\"“”'’]?)\s*$", text[max(0, word.start - 3) : word.start])


# A parenthesis's text: ACLED's "(district, governorate)", "(coded to X)".
_PAREN = re.compile(r"\(([^()]{2,80})\)")
_CODED_TO = re.compile(r"(?i)\s*coded\s+(?:to|as|at)\b")


def _mark_parentheses(text: str, mentions: list[Mention]) -> None:
    """Group mentions inside one "(X, Y)" — ACLED's "(district, governorate)" — together."""
    ordered = sorted(mentions, key=lambda x: x.start)
    starts = [x.start for x in ordered]
    for m in _PAREN.finditer(text):
        inside = [x for x in ordered[_token_range(starts, m.start(), m.end())] if x.end < m.end()]
        # "Yucatan state (coded to Merida)": the town ACLED placed it at, not a governorate.
        alone = len(inside) == 1 and "," not in m.group(1) and not _CODED_TO.match(m.group(1))
        for x in inside:
            x.paren = (m.start(), m.end())
            x.paren_index = text.count(",", m.start(), x.start)  # 0 district, 1 governorate
            if alone:
                x.paren_index = 1  # "Raizh district (Sadah)": a lone name is the governorate
        for x in inside:
            x.governorate_abroad = not alone and _governorate_abroad(x, inside)


def _governorate_abroad(m: Mention, group: list[Mention]) -> bool:
    """A country's name in a "(district, governorate)" group is the governorate of another
    country it also names ("(Paikoro, Niger)" is Nigeria's Niger state), unless another name of
    the group lies in that country ("(Bosso, Diffa, Niger)")."""
    named = {c.country_code for c in m.candidates
             if c.feature_class == "C" and spelled_as(m.text, c)}  # fmt: skip
    if not named or not any(c.feature_class in "AD" and c.country_code not in named
                            and spelled_as(m.text, c) for c in m.candidates):  # fmt: skip
        return False
    return not any(c.country_code in named for x in group if x is not m for c in x.candidates)


# --- resolving -------------------------------------------------------------------------------


def resolve_text(text: str, state: DocState | None = None, outlet: str | None = None,
                 country: str | None = None) -> list[Mention]:  # fmt: skip
    """Find and resolve every place mention; sets `state.country_hint` when a state is given."""
    gaz = load_gazetteer()
    pfilter = load_place_filter()
    # outlets' and ships' names, read once for the dictionary and the NER passes
    blocked = pfilter.blocked_spans(text, outlet)
    mentions = find_mentions(text, gaz, pfilter, outlet, blocked)
    districts = district_mentions(text, mentions, gaz)
    if districts:
        def held(m: Mention) -> bool:
            return any(d.start <= m.start and m.end <= d.end for d in districts)

        mentions = sorted([m for m in mentions if not held(m)] + districts, key=lambda m: m.start)
        _mark_parentheses(text, mentions)
    for m in mentions:
        if m.paren is not None and m.paren_index > 0 and m.tier == "exact":
            # "(Tyr)", "(Al Quds, West Bank)": a district can stand where a governorate does.
            known = {c.id for c in m.candidates}
            m.candidates += [d for d in gaz.districts(m.key) if d.id not in known]
        elif m.tier == "exact" and text[m.end : m.end + 1] in (".", ";") and _comma_last(
                text, m.start, m.end):  # fmt: skip
            # "in Barangay X, Northby, Westar.": the last of a comma list of names is where a
            # province stands, though a town abroad bears its name too (Samar, Samara).
            known = {c.id for c in m.candidates}
            m.candidates += [d for d in gaz.districts(m.key) if d.id not in known]
    if state is not None and state.sentences:
        mentions.extend(_ner_mentions(state, mentions, gaz, pfilter, blocked))
        mentions.sort(key=lambda m: m.start)
        _attach_sentences(state, mentions)
        _attach_ner(state, mentions)
        sentence_of = state.sentence_of
    else:
        ends = [m.end() for m in re.finditer(r"[.!?](?=\s+[A-Z\"“])|\n", text)]
        for m in mentions:
            m.sentence = bisect.bisect_right(ends, m.start)

        def sentence_of(offset: int) -> int:
            return bisect.bisect_right(ends, offset)
    _inherit_coordinated(text, mentions)
    _mark_holders(text, mentions)
    _mark_held(text, mentions)
    for m in mentions:
        m.topic = topic_country(text, m)
    evidence = country_evidence(text)
    for code, vote in subdivision_evidence(text).items():
        evidence[code] = evidence.get(code, 0.0) + vote
    probabilities = model_country_probabilities(text)
    model_votes = votes_from(probabilities)
    cc = gaz.country_code(country) if country else None
    if cc is None:
        cc = document_country(mentions, gaz, dict(Counter(evidence) + Counter(model_votes)),
                              probabilities, text)
    supported = (supported_countries(mentions, evidence) | supported_by_model(model_votes)
                 | ({cc} if country and cc else set()))  # fmt: skip
    # Countries named as such; nationality words are too weak to license a village abroad.
    named: frozenset[str] = frozenset(
        c.country_code or "" for m in mentions if m.tier == "exact" for c in _countries_named(m)
    ) - {""}
    if cc is not None:
        abbreviated = abbreviation_mentions(text, mentions, gaz, cc)
        if abbreviated:
            for m in abbreviated:
                m.sentence = sentence_of(m.start)
            mentions = sorted(mentions + abbreviated, key=lambda m: m.start)
            _mark_parentheses(text, mentions)
            _mark_holders(text, mentions)
    # "the OSCE SMM observed explosions near Vesele": the mission's areas hold its places.
    monitored = frozenset(a for mission in missions_named(text) for a in mission.areas)
    for m in mentions:
        _resolve(m, mentions, cc, gaz, named, supported, monitored, text)
    _one_sense(mentions)
    _far_quarters(text, mentions)
    if cc is not None:
        _resolve_villages(text, mentions, cc)
        guesses = _area_guesses(text, mentions, cc, gaz, pfilter, sentence_of)
        if guesses:
            mentions = sorted(mentions + guesses, key=lambda m: m.start)
    _districts_before_far_homonyms(mentions, gaz)
    _place_districts_at_seats(mentions, gaz)
    # A country named only as what the text is about is no place of it (it still voted, weakly),
    # nor one ending a longer name ("Port of Spain", "the Ministry of Defense of Ruritania").
    kept = [m for m in mentions if m.place is not None
            and not (m.place.feature_class == "C" and (m.topic or m.ends_a_name))]
    if state is not None:
        # The voted country stands when the text supports it or a kept place is in it; else the
        # country of the places that were kept (a lone false foreign match was dropped); with no
        # place kept, the classifier's best guess, though unsure ("demonstrated in Orleans": a
        # guess is right about two times in three, no country never).
        trusted = cc in supported or any(m.place and m.place.country_code == cc for m in kept)
        best = max(kept, key=lambda m: m.score, default=None)
        # Nor does a district or governorate abroad that a parenthesis names as what holds a
        # town the gazetteer lacks move the event there when none of its readings lies in the
        # country the words lean to (the classifier's top, `LEANING_PROBABILITY` or more): "in
        # Northby city (Westvale district)" with a Westvale only abroad stays where it reads.
        trusted = trusted or (
            cc is not None and best is not None and best.place is not None
            and best.place.feature_class in "AD" and best.paren is not None
            and leans_to(probabilities, cc)
            and cc not in {c.country_code for c in best.candidates})
        guess = best_guess(probabilities)
        hint = cc if trusted else best.place.country_code if best and best.place else guess
        state.country_hint = gaz.countries[hint].name if hint in gaz.countries else None
        top = max(probabilities, key=probabilities.__getitem__, default=None)
        state.country_guess = gaz.countries[top].name if top in gaz.countries else None
    return kept


def _one_sense(mentions: list[Mention]) -> None:
    """A name the text once places by what holds it ("the Rafah area in southern Gaza") keeps
    that reading where it is named again bare ("airstrikes killed five in Rafah"): one town of
    that name in one text, not its homonym across the border."""
    by_key: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.place is not None and m.tier == "exact":
            by_key.setdefault(m.key, []).append(m)
    for group in by_key.values():
        held = {m.place.id for m in group if m.place is not None
                and any(why.startswith("inside ") for why in m.why)}  # fmt: skip
        if len(held) != 1:
            continue
        anchor = next(m for m in group if m.place is not None and m.place.id in held)
        assert anchor.place is not None
        for m in group:
            if (m.place is not None and m.place.id not in held
                    and not any(why.startswith("inside ") for why in m.why)
                    and m.place.feature_class == anchor.place.feature_class):  # fmt: skip
                m.place, m.why = anchor.place, [*anchor.why, "the text's own reading of the name"]
                m.precision = _precision(m, anchor.place)


# "in Tijuca neighborhood", "in Tijuca, Andarai and Vila Nova neighborhoods": after the
# name (or the list it opens), the word says it names a quarter of a city.
_QUARTER_AFTER = re.compile(r"(?:(?:,|,? and|,? or) [A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}){0,8}"
                            r" neighbou?rhoods?\b")
# A town farther than this from every town the sentence names is no quarter of them.
QUARTER_KM = 30.0


def _far_quarters(text: str, mentions: list[Mention]) -> None:
    """"gunmen fired at a bar in Tijuca neighborhood, in Rio": a name the text calls a
    neighborhood of a town its sentence names is no town of that name elsewhere (the shipped
    table has towns, not quarters): a town read for it far from every town of the sentence is
    dropped, and the event stays at the town the sentence names."""
    marked = {id(m) for m in mentions if _QUARTER_AFTER.match(text, m.end)}
    for m in mentions:
        if id(m) not in marked or m.place is None or m.place.feature_class != "P":
            continue
        towns = [x.place for x in mentions if id(x) not in marked and x.sentence == m.sentence
                 and x.place is not None and x.place.feature_class == "P"
                 and x.place.country_code == m.place.country_code]  # fmt: skip
        if towns and all(distance_km(m.place.latitude, m.place.longitude, t.latitude,
                                     t.longitude) > QUARTER_KM for t in towns):  # fmt: skip
            m.place, m.score = None, 0.0
            m.why = [*m.why, "a neighborhood far from the sentence's towns"]


def _mark_holders(text: str, mentions: list[Mention]) -> None:
    """"Shah Wali Kot district, Kandahar", "Qalat city, Zabul", "Al Amadiya district of Duhok":
    the name after a place word and a comma (or "of") is the governorate holding the place."""
    for prev, m in zip(mentions, mentions[1:], strict=False):
        if prev.sentence == m.sentence and _HOLDER_GAP.fullmatch(text, prev.end, m.start):
            m.holds_named = True


def _mark_held(text: str, mentions: list[Mention]) -> None:
    """Link each name to the one it holds: "Sidon (Sayda)", "(Fako, Sud-Ouest)", "X in Y"."""
    for prev, m in zip(mentions, mentions[1:], strict=False):
        if prev.sentence == m.sentence and (_CONTAINER_GAP.fullmatch(text, prev.end, m.start)
                                            or _HOLDER_GAP.fullmatch(text, prev.end, m.start)):
            m.held = prev
            m.holds_inside = _INSIDE_GAP.search(text, prev.end, m.start) is not None


def _inherit_coordinated(text: str, mentions: list[Mention]) -> None:
    """"the countryside of al-Hasakah and Deir Ezzor": the second name shares the first's cue."""
    for prev, m in zip(mentions, mentions[1:], strict=False):
        gap = text[prev.end : m.start].strip().lower()
        if gap in ("and", "or", ",") and prev.before and m.after not in (
            _AFTER_REGION | _AFTER_ADMIN | _AFTER_TOWN
        ):
            m.before = prev.before
            if not m.after or m.after in ("and", "or"):
                m.after = prev.after if prev.after not in ("and", "or") else m.after


def _ner_mentions(
    state: DocState,
    mentions: list[Mention],
    gaz: Gazetteer,
    pfilter: PlaceFilter,
    blocked: list[tuple[int, int]],
) -> list[Mention]:
    """Places spaCy tags GPE/LOC/FAC that dictionary matching missed, tried by spelling skeleton.

    spaCy's agreement that a stretch is a place stands in for the locative word a skeleton
    match otherwise needs; the candidate must still pass the score threshold.
    """
    if state.doc is None:
        return []
    extra = []
    for ent in state.doc.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC"):
            continue
        words = [t for t in ent if not t.is_punct and t.lower_ not in ("the", "a", "an")]
        if not words or any(m.start < ent.end_char and ent.start_char < m.end for m in mentions):
            continue
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        if _EZAFE_BEFORE.search(state.text, max(0, start - 4), start):
            continue  # "Maskan-e Mehr": the end of a longer Persian name
        after = re.match(r"([- ])(\w+)", state.text[end : end + 16])
        gap, word = (after.group(1), after.group(2).lower()) if after else ("", "")
        if _named_as_sponsor(state.text, start, end, gap, word):
            continue  # "a Turkey backed faction": a sponsor, as `find_mentions` reads it
        if _the_sea(state.text, start, end, word) or any(
            s <= start < e for s, e in blocked
        ):
            continue  # the sea itself, a ship's or an outlet's name, as `find_mentions` reads it
        surface = state.text[start:end]
        key = name_key(surface)
        acronym = surface.isupper() and len(surface) <= 4
        if len(key.replace(" ", "")) < 3 or acronym or pfilter.is_common(surface):
            continue
        candidates, tier = gaz.exact(key), "exact"
        if not candidates and " " not in key:
            candidates, tier = gaz.fuzzy(key), "fuzzy"
        if not candidates:
            continue
        shipped, villages = _split(candidates)
        m = Mention(start, end, state.text[start:end], key, shipped, tier, ner=ent.label_,
                    villages=villages)  # fmt: skip
        after = re.match(r"\W*(\w+)", state.text[end : end + 30])
        m.after = after.group(1).lower() if after else ""
        m.before = " ".join(re.findall(r"\w+", state.text[max(0, start - 40) : start].lower())[-4:])
        m.heads_a_name = bool(re.match(r" [A-Z]", state.text[end : end + 2]))
        extra.append(m)
    return extra


def _attach_sentences(state: DocState, mentions: list[Mention]) -> None:
    for m in mentions:
        m.sentence = state.sentence_of(m.start)


def _attach_ner(state: DocState, mentions: list[Mention]) -> None:
    """spaCy's entity label over each mention: a weak extra signal (it calls Qasrak a PERSON)."""
    if state.doc is None:
        return
    ents = [(e.start_char, e.end_char, e.label_) for e in state.doc.ents]
    for m in mentions:
        for s, e, label in ents:
            if s <= m.start < e or m.start <= s < m.end:
                m.ner = label
                break


def country_evidence(text: str) -> dict[str, float]:
    """Votes for countries from nationality words ("Lebanese", "Iraqis", "Israeli forces")."""
    nationality = demonyms()
    votes: dict[str, float] = {}
    for tok in _TOKEN.finditer(text):
        cc = nationality.get(tok.group())
        if cc is None:
            continue
        after = re.match(r"-(\w+)", text[tok.end() : tok.end() + 16])
        side = _SIDE_BEFORE.search(text, max(0, tok.start() - 6), tok.start())
        if side or (after and after.group(1).lower() in _ATTRIBUTIVE_HYPHEN):
            continue  # "Saudi-led coalition", "pro-Iranian": a sponsor, no evidence of where
        noun = re.match(r"\s+(\w+)", text[tok.end() : tok.end() + 16])
        if noun and noun.group(1).lower() in _FOREIGN_AFTER:
            continue  # "the Ruritanian embassy", "the Ruritanian community": foreign, not where
        votes[cc] = min(_DEMONYM_CAP, votes.get(cc, 0.0) + _DEMONYM_VOTE)
    return votes


# A province or district (a second-level ISO 3166-2 subdivision) that a parenthesis names as the
# holder of a place ("(Bagare, Passore)", "Kpala (Ouo, Comoe)", "(Tipperary)"): as telling as a
# governorate, a little less than an admin1 area named so (3); shared with the admin1 areas of
# other countries that bear the name.
_SUBDIVISION_VOTE = 2.0
_HOLDER_WORDS = re.compile(
    r"(?i)\s+(?:district|province|county|department|prefecture|municipality|sub-?county)s?$")


def subdivision_evidence(text: str) -> dict[str, float]:
    """Votes for the countries whose provinces or districts the text's parentheses name as the
    holders of its places: "(commune, province)", "(province, region)", a lone "(province)"."""
    table = subdivisions()
    gaz = load_gazetteer()
    votes: dict[str, float] = {}
    for group in _PAREN.finditer(text):
        for member in group.group(1).split(","):
            holder = _HOLDER_WORDS.sub("", member.strip())
            if not holder[:1].isupper():
                continue
            key = name_key(holder)
            cc = table.get(key)
            if cc is None:
                continue
            # "(Touboro, Mayo-Rey, Nord)": a name that is also other countries' admin1 areas
            # (Cameroon's, Haiti's Nord as well as France's department) is one reading of several.
            others = {c.country_code for c in gaz.exact(key)
                      if c.feature_class == "A" and c.country_code != cc}  # fmt: skip
            vote = _SUBDIVISION_VOTE / (1 + len(others))
            votes[cc] = max(votes.get(cc, 0.0), vote)
    return votes


def document_country(mentions: list[Mention], gaz: Gazetteer,
                     evidence: dict[str, float] | None = None,
                     probabilities: dict[str, float] | None = None,
                     text: str = "") -> str | None:  # fmt: skip
    """The country the document happens in: named countries, nationality words and places.

    A country named after "in"/"across"/"of" says where ("protests in Lebanon"); elsewhere it is
    mostly an actor ("Turkey and Russia conducted a patrol in Darbasiyah"), a weaker vote. Each
    other name votes with its strength (a governorate or site 2, a town 0.5 + its size prior), split
    between the countries it may be in by how likely each reading is; the focus region's prior
    (`focus_countries.csv`) raises its countries' share of an ambiguous name. A name repeated
    votes once: repeating "Tripoli" says nothing new about which Tripoli.
    """
    focus = focus_weights()
    votes: dict[str, float] = dict(evidence or {})
    seen: set[str] = set()
    # Countries and territories the text names, not as what it is about ("the invasion of
    # Ruritania"), even inside an institution's name ("the Ruritania Department office"): of a
    # name's readings outside the focus region, the one in such a country is the text's (a town
    # shared by a territory and its mainland), though not instead of a national capital.
    exact = [m for m in mentions if m.tier == "exact"]
    named_anywhere = {c.country_code for m in exact if not m.topic for c in _countries_named(m)}
    named_anywhere |= countries_in(text, gaz, [(m.start, m.end) for m in exact])
    # Spelling guesses vote only when nothing else does ("the western neighborhood of Quamishli").
    tiers = ("exact",) if any(m.tier == "exact" for m in mentions) else ("exact", "fuzzy")
    for m in mentions:
        if m.tier not in tiers or m.generic:
            continue
        again = 0.5 if m.key in seen else 1.0
        seen.add(m.key)
        countries = _countries_named(m)
        if countries:
            words = m.before.split()
            if words and words[-1] in _PART_OF_COUNTRY:
                words.pop()
            located = set(words[-1:]) & _IN_COUNTRY_BEFORE and not m.ends_a_name and not (
                set(words[-2:-1]) & _TOPIC_BEFORE_IN) and not _placed_before(m, mentions, countries)
            weight = again * (_COUNTRY_IN if located else
                              _COUNTRY_TOPIC if m.topic else _COUNTRY_ACTOR)
            for c in countries:
                votes[c.country_code] = votes.get(c.country_code, 0.0) + weight / len(countries)
            continue
        if not m.candidates and m.tier == "exact":
            # A name only villages of one country carry ("Werexel"): weak evidence, as a
            # nationality word is; villages of several countries say nothing.
            homes = {v.country_code for v in m.villages}
            if len(homes) == 1:
                (home,) = homes
                votes[home] = votes.get(home, 0.0) + again * _DEMONYM_VOTE
            continue
        candidates = m.candidates
        if m.tier == "exact":
            # Not named (above): a country reading is only a folded lookalike ("Tougou", Togo).
            candidates = [c for c in candidates if c.feature_class != "C"]
            if not candidates:
                continue
        # "(As Sawdiyah, AL Bayda)", "Raizh district (Sadah)": the later member names a
        # governorate (or a district, in ACLED's Lebanese notes); "Duhok province" says so too.
        admin_named = (m.paren is not None and m.paren_index > 0) or m.after in _HOLDER_AFTER or (
            m.before.endswith(_ADMIN_BEFORE)) or m.holds_named
        # "in El Callao, Bolivar state": a name its admin word calls a holder holds the one
        # before it too.
        held = m.held if m.paren is not None or m.holds_named or m.after in _HOLDER_AFTER else None
        if held is not None:
            # "Sidon (Sayda)", "El Mina (Tripoli)": the holder lies in a country where the name
            # it holds can be, not in a bigger homonym's abroad (Algeria's Saida province).
            homes = {c.country_code for c in (*held.candidates, *held.villages)
                     if c.feature_class in "PSD" and spelled_as(held.text, c)}  # fmt: skip
            candidates = [c for c in candidates if c.country_code in homes] or candidates
        named_as_admin = admin_named and not (m.holds_named and m.paren is None
                                              and m.after not in _AFTER_ADMIN
                                              and not m.before.endswith(_ADMIN_BEFORE))
        if named_as_admin:
            candidates = [c for c in candidates if c.feature_class in "AD"] or candidates
        elif admin_named:
            # "X area of Y", "X district, Y": Y holds X, a governorate or a town; each country's
            # governorate or district reading, else its town ("the Farez area of Tripoli" keeps
            # Lebanon's Tripoli, a town, beside Libya's Tripoli province).
            areas = {c.country_code for c in candidates if c.feature_class in "AD"}
            candidates = [c for c in candidates
                          if c.feature_class in "AD" or c.country_code not in areas]
        elif m.after in _AFTER_DISTRICT:
            candidates = [c for c in candidates if c.feature_class in "DA"] or candidates
        if m.tier == "exact":
            # "Lida" spelled letter for letter is Belarus's Lida, not Lleida or Leiden, which
            # only the transliteration folding links to it: the readings the text spells vote.
            candidates = [c for c in candidates if spelled_as(m.text, c)] or candidates
        # A name none of whose readings the text spells ("Unite" folds like a town called
        # otherwise) is as likely a word or a village the gazetteer lacks: a weaker vote.
        # Not in the focus region, whose names the notes transliterate in many ways.
        lookalike = FOLDED_ONLY if m.tier == "exact" and not any(
            spelled_as(m.text, c) or c.country_code in focus for c in candidates) else 1.0
        if m.tier == "exact" and not admin_named and m.before.split()[-1:] in (["in"], ["at"]):
            # "demonstrated in Swansea": a city far bigger than its homonyms abroad (Swansea,
            # Massachusetts) is the place said to be where it happened
            candidates = _dominant_town(m, candidates, probabilities) or candidates
        capitals = _capital_reading(m, candidates, mentions)
        if capitals:
            candidates = [c for c in candidates if c.country_code in capitals]
        strength: dict[str, float] = {}
        share: dict[str, float] = {}
        for c in candidates:
            cc = c.country_code
            prior = prior_score(c)[0]
            weight = 2.0 if c.feature_class in "AS" else 0.5 + prior
            if admin_named and c.feature_class == "A":
                weight = _COUNTRY_IN  # as telling as "in Iraq"
            elif c.country_code in capitals and c.feature_code in _CAPITAL_CODES:
                # a capital: as telling as a governorate; said to be where it happened
                # ("rallied in Vienna"), as telling as "in Austria"
                weight = _COUNTRY_IN if m.before.split()[-1:] in (["in"], ["at"]) else 2.0
            elif c.feature_class == "D":
                weight = 2.0 if m.after in _AFTER_DISTRICT else 1.0
            strength[cc] = max(strength.get(cc, 0.0), weight)
            # Squared, so that a handful of small homonyms abroad does not dilute the likely one.
            share[cc] = max(share.get(cc, 0.0), (prior * (1.0 + focus.get(cc, 0.0))) ** 2)
        if probabilities and not admin_named:
            # A village the text spells letter for letter is one more reading, for the words to
            # choose ("el Marj" is a Bekaa village as well as Libya's Al Marj); alone it never
            # votes (villages do not say where a text is).
            for v in m.villages:
                cc = v.country_code
                if cc not in share and probabilities.get(cc, 0.0) >= VILLAGE_READING and (
                        _plain(m.text) in (_plain(v.name), _plain(v.asciiname))):
                    prior = prior_score(v)[0]
                    strength[cc] = 0.5 + prior
                    share[cc] = (prior * (1.0 + focus.get(cc, 0.0))) ** 2
        own = named_anywhere & set(share)
        if own:
            own |= {c.country_code for c in candidates if c.feature_code == "PPLC"}
        if own and len(own) < len(share) and not set(share) & set(focus):
            share = {cc: v for cc, v in share.items() if cc in own}
            strength = {cc: v for cc, v in strength.items() if cc in own}
        if probabilities and len(share) > 1:
            # The document's other words choose among the name's readings: a "Tripoli" in a text
            # whose words read Lebanese is Lebanon's, though Libya's is bigger.
            for cc in share:
                share[cc] *= probabilities.get(cc, 0.0) + READING_FLOOR
        total = sum(share.values()) or 1.0
        # "demonstrated in Sarpsborg": a town of one country said to be where it happened keeps
        # its vote though the classifier, which knows little of that country, rules it out ("in
        # Bara district" read as a Brazilian town is no such town: the doubt stands)
        located = len(share) == 1 and m.tier == "exact" and not admin_named and (
            m.after not in _AFTER_DISTRICT and (m.before.split()[-1:] in (["in"], ["at"], ["near"])
                                                or m.before.endswith(_CODED_BEFORE)))
        doubt = 1.0 if located or capitals else doubted(share, probabilities)
        # "demonstrated in Northby", "in the town of Northby": said to be where it happened.
        town_of = len(share) == 1 and not admin_named and m.after not in _AFTER_DISTRICT and (
            m.before.endswith(_TOWN_BEFORE))
        if (located or town_of) and _named_town(m, candidates, mentions, probabilities):
            (only,) = strength
            strength[only] = max(strength[only], _COUNTRY_IN)
        for cc, w in strength.items():
            votes[cc] = votes.get(cc, 0.0) + again * doubt * lookalike * w * share[cc] / total
    if not votes:
        return None
    # Equal evidence ("Greek and Turkish guards at the border"): the classifier's leaning breaks
    # the tie, then the focus region ("Lebanese French Bank").
    probs = probabilities or {}
    return max(sorted(votes), key=lambda cc: (round(votes[cc], 6), round(probs.get(cc, 0.0), 3),
                                              focus.get(cc, 0.0)))


@lru_cache(maxsize=4)
def _country_name_pattern(gaz: Gazetteer) -> tuple[re.Pattern[str], dict[str, str]]:
    codes = {info.name: code for code, info in gaz.countries.items() if len(info.name) > 3}
    # Factored by prefix: the same matches as the longest-first alternation of the ~250 names,
    # tried a letter at a time rather than a name at a time at every word start (issue 18).
    return re.compile(r"\b(?:" + trie_alternation(list(codes)) + r")\b"), codes


def countries_in(text: str, gaz: Gazetteer, found: list[tuple[int, int]]) -> set[str]:
    """The countries whose names the text spells, capitalised as names are, outside the spans
    of the mentions `found`: inside a longer name that the mention finder keeps whole ("the
    Ruritania Department")."""
    if not text:
        return set()
    pattern, codes = _country_name_pattern(gaz)
    return {codes[m.group(0)] for m in pattern.finditer(text)
            if not any(a < m.end() and m.start() < b for a, b in found)}  # fmt: skip


# A town said to be where it happened is read as its country's when it has this many people and
# this many times as many as every homonym in another country.
DOMINANT_TOWN = 100_000
DOMINANT_RATIO = 8


def _dominant_town(m: Mention, candidates: list[GazPlace],
                   probabilities: dict[str, float] | None) -> list[GazPlace]:  # fmt: skip
    """The readings of `m` in the country of a city that dwarfs its homonyms abroad, when the
    text spells the city's own name and the classifier does not lean to a homonym's country
    ("in Samba" of a Kashmiri text is no quarter of Luanda); empty when there is none."""
    towns = [c for c in candidates if c.feature_class == "P"]
    if not towns or m.heads_a_name:
        return []  # "in Soledad Doblado municipality" names no Soledad
    big = max(towns, key=lambda c: c.population)
    if probabilities and any(leans_to(probabilities, c.country_code) for c in towns
                             if c.country_code != big.country_code):  # fmt: skip
        return []
    plain = _plain(m.text)
    if big.population < DOMINANT_TOWN or plain not in (_plain(big.name), _plain(big.asciiname)):
        return []
    if any(c.feature_class != "P" and c.country_code != big.country_code for c in candidates):
        return []  # an area abroad (a province, a country) is no homonym a city outweighs
    # Homonyms by their own name: Commerce City, Colorado, once called Derby, is no Derby now.
    abroad = [c.population for c in towns if c.country_code != big.country_code
              and plain in (_plain(c.name), _plain(c.asciiname))]
    if not abroad or big.population < DOMINANT_RATIO * max(abroad):
        return []
    return [c for c in candidates if c.country_code == big.country_code]


# The weight of the vote of a name only the transliteration folding links to its readings.
FOLDED_ONLY = 0.25
# The classifier's probability a town's country needs for the town to vote as its country would.
NAMED_TOWN = 0.02


def _named_town(m: Mention, candidates: list[GazPlace], mentions: list[Mention],
                probabilities: dict[str, float] | None) -> bool:  # fmt: skip
    """A town said to be where it happened ("demonstrated in Northby") that only one country has
    under its own name (not a variant a bigger place is also called by), in a country the text's
    words do not rule out and that no name holding it contradicts ("in Northby, Westshire" with
    Westshire elsewhere): as telling as its country named there, so that the classifier's
    confident vote for a neighbour that shares the text's movements and slogans does not
    outweigh it."""
    if m.tier != "exact" or not probabilities:
        return False
    plain = _plain(m.text)
    if not candidates or any(plain not in (_plain(c.name), _plain(c.asciiname))
                             for c in candidates):  # fmt: skip
        return False
    cc = candidates[0].country_code
    if probabilities.get(cc, 0.0) < NAMED_TOWN:
        return False
    holders = [x for x in mentions if x.held is m]
    return not holders or any(c.country_code == cc for x in holders for c in x.candidates)


def _placed_before(m: Mention, mentions: list[Mention], countries: list[GazPlace]) -> bool:
    """An earlier name of the sentence said to be where it happened is a place of another
    country ("rallied in Northtown to call for a ceasefire in Ruritania"): the country the sentence
    names later is what it is about, not where it is (but "in Northtown and in Ruritania" names
    two places)."""
    if set(m.before.split()[-2:-1]) & {"and", "or"}:
        return False
    codes = {c.country_code for c in countries}
    return any(x.sentence == m.sentence and x.end <= m.start and x.tier == "exact"
               and x.before.split()[-1:] in (["in"], ["at"]) and x.candidates
               and not _countries_named(x)
               and not any(c.country_code in codes for c in x.candidates)
               for x in mentions)  # fmt: skip


def _capital_reading(m: Mention, candidates: list[GazPlace],
                     mentions: list[Mention]) -> set[str]:  # fmt: skip
    """The country of the capital (a national one, or a governorate's seat) a name stands for, as
    a one-element set (else empty): "Vienna", "Islamabad", "Haifa" called by their own names are
    the capitals, not smaller places that share or once bore the names (Vienna, Virginia;
    Chattogram). Not when another place of that
    name is a governorate, a governorate's seat or a tenth of the capital's size ("Tripoli",
    "San Juan", "Athens" are also Lebanese, Argentine, American cities), nor when the text
    puts it in a region of another country ("Buenos Aires (Ancash)")."""
    if m.tier != "exact":
        return set()
    plain = _plain(m.text)
    own = [c for c in candidates if plain in (_plain(c.name), _plain(c.asciiname))]
    capitals = [c for c in own if c.feature_code in _CAPITAL_CODES]
    if len(capitals) != 1:
        return set()
    (capital,) = capitals
    cc = capital.country_code
    if any(c.country_code != cc and (c.feature_class in "AD" or c.feature_code.startswith("PPLA")
                                     or c.population * _CAPITAL_SIZE > capital.population)
           for c in own):  # fmt: skip
        return set()
    holders = [x for x in mentions if x.held is m]
    if holders and not any(c.country_code == cc for x in holders for c in x.candidates):
        return set()
    return {cc}


# A name whose every reading lies in countries the classifier all but rules out (below
# `UNLIKELY`), while it leans to another country (`UNLIKELY_TOP` or more), votes at a quarter of
# its weight: "Nord-Ouest" read as Haiti's in a text whose words are Cameroonian, "Bara district"
# as Brazil's in a Nepalese one. A name with a reading in a plausible country votes in full.
UNLIKELY = 0.01
UNLIKELY_TOP = 0.2
UNLIKELY_WEIGHT = 0.25


def doubted(share: dict[str, float], probabilities: dict[str, float] | None) -> float:
    """The weight of a name's vote: `UNLIKELY_WEIGHT` when the classifier rules out every
    country of its readings (`share`) and leans elsewhere, else 1."""
    if not probabilities or not share or max(probabilities.values()) < UNLIKELY_TOP:
        return 1.0
    if any(probabilities.get(cc, 0.0) >= UNLIKELY for cc in share):
        return 1.0
    return UNLIKELY_WEIGHT


def spelled_as(surface: str, place: GazPlace) -> bool:
    """The text spells one of the place's names letter for letter (up to case, accents, spaces,
    hyphens and quotes), not only under the transliteration-folding key ("Naameh" shares a key
    with Namur, "Salvador" with El Salvador)."""
    plain = _plain(surface)
    return any(_plain(n) == plain for n in (place.name, place.asciiname, *place.alternates))


# A city of at least this many people that is the only place of its name in its country is where
# the words say, though they name another admin1 area as holding it ("Northby, Westshire").
KNOWN_TOWN_POPULATION = 50_000
# Another name follows: the names are a list of siblings, not a place and its area.
# ("Hudaydah, Dhamar and the north-western stronghold of Saada").
_LIST_GOES_ON = re.compile(r"\)?\s*(?:,|and\b|or\b|&)\s*(?:[a-z][\w-]*\s+){0,4}?[A-Z]")
# Words that may follow or precede an area's own name in its official or usual spelling.
_AREA_AFFIXES = re.compile(
    r"\b(?:d\.?\s?c|distrito capital|capital district|federal district|province|provincia|"
    r"region|oblast|county|judetul|judet|department|departamento|governorate|muhafazat|state|"
    r"estado|district|prefecture|municipality|city|of|de|del|the)\b\.?", re.IGNORECASE)


@lru_cache(maxsize=65536)
def _area_plain(name: str) -> str:
    return _plain(_AREA_AFFIXES.sub(" ", ascii_fold(name)))


def area_spelled(surface: str, place: GazPlace, exactly: bool = False) -> bool:
    """The words spell the name of the admin1 or admin2 area holding the place, letter for
    letter when `exactly`, else up to accents and the words an area's name carries ("Bogota"
    for Bogota, D.C.; "Alba" for Alba County; "Bulacan" for the Province of Bulacan)."""
    plain = _plain(surface) if exactly else _area_plain(surface)
    fold = _plain if exactly else _area_plain
    return bool(plain) and any(area and fold(area) == plain
                               for area in (place.admin1, place.admin2))  # fmt: skip


@lru_cache(maxsize=65536)
def _plain(text: str) -> str:
    return re.sub(r"[\W_]+", "", ascii_fold(text).lower())


def _readings(m: Mention) -> list[GazPlace]:
    """The candidates a mention may stand for. A name spelled letter for letter as a country's
    is that country, not a town abroad that a variant spelling or the transliteration folding
    links to it ("Iraq" and Arak, listed with the variant "`Iraq"); only a town whose own name
    it is stays a reading ("Djibouti")."""
    if m.qualifier is not None:
        return [c for c in m.candidates if c.country_code == m.qualifier]
    if m.governorate_abroad:
        return [c for c in m.candidates if c.feature_class != "C"]
    if m.tier != "exact":
        return m.candidates
    plain = _plain(m.text)
    if not _countries_named(m):
        # A country only the transliteration folding links to the words ("Tougou" folds like
        # Togo) is not named: a village the gazetteer lacks is the likelier reading.
        return [c for c in m.candidates if c.feature_class != "C"
                and not _variant_of_area(c, m, plain)]  # fmt: skip
    return [
        c for c in m.candidates
        if c.feature_class == "C" or plain in (_plain(c.name), _plain(c.asciiname))
    ]


def _variant_of_area(c: GazPlace, m: Mention, plain: str) -> bool:
    """A town that a variant name links to words spelling an admin1 area of its own country
    that does not hold it: "Morelos" is the state, not Ecatepec de Morelos (a town of the State
    of Mexico also called so), as a country's name is no town abroad. A town whose own name it
    is stays ("Washington"), and so do one inside the area ("Chiapas", Chiapa de Corzo) and a
    national capital (Kyiv, apart from the Kyiv oblast that surrounds it)."""
    if (c.feature_class != "P" or c.feature_code == "PPLC"
            or plain in (_plain(c.name), _plain(c.asciiname))):  # fmt: skip
        return False
    return any(a.feature_class == "A" and a.country_code == c.country_code
               and a.admin1_code != c.admin1_code and spelled_as(m.text, a)
               for a in m.candidates)  # fmt: skip


def _countries_named(m: Mention) -> list[GazPlace]:
    if m.governorate_abroad:
        return []
    return [c for c in m.candidates if c.feature_class == "C" and spelled_as(m.text, c)]


_ORIGIN_PEOPLE = PEOPLE | {"citizens", "nationals", "migrants", "students", "workers", "diaspora"}
_TOPIC_AFTER = re.compile(r"(?:-[A-Z][\w-]*)?(?:['’]s)?\s+(?:[a-z]+\s+)?(\w+)")


def topic_country(text: str, m: Mention) -> bool:
    """The mention names a country as what the text is about: "the invasion of Ruritania",
    "solidarity with Ruritania", "the war in southern Ruritania", "Ruritania's invasion", "a
    pro-Ruritania rally", "citizens from Ruritania" (where people come from)."""
    if not _countries_named(m):
        return False
    if _SIDE_BEFORE.search(text, max(0, m.start - 6), m.start):
        return True
    after = _TOPIC_AFTER.match(text, m.end, m.end + 40)
    if after and after.group(1).lower() in _TOPIC_NOUNS - {"support", "solidarity"}:
        return True
    words = m.before.split()
    if words and words[-1] in _PART_OF_COUNTRY:
        words.pop()
    return len(words) >= 2 and (words[-1] in _TOPIC_PREPS and words[-2] in _TOPIC_NOUNS
                                or words[-1] == "of" and words[-2] in _MISSIONS
                                or words[-1] == "from" and words[-2] in _ORIGIN_PEOPLE)


def supported_countries(mentions: list[Mention], evidence: dict[str, float]) -> frozenset[str]:
    """Countries the text gives evidence for besides a lone town: named countries, nationality
    words, governorates and sites."""
    out = set(evidence)
    for m in mentions:
        if m.tier != "exact":
            continue
        countries = {c.country_code for c in _countries_named(m)}
        if countries:
            out |= countries
        elif len({c.country_code for c in m.candidates}) == 1:  # a name only one country has
            out |= {c.country_code for c in m.candidates if c.feature_class in "AS"}
    return frozenset(out)


def _resolve(m: Mention, mentions: list[Mention], cc: str | None, gaz: Gazetteer,
             named: frozenset[str] = frozenset(),
             supported: frozenset[str] | None = None,
             monitored: frozenset[tuple[str, str]] = frozenset(),
             text: str = "") -> None:  # fmt: skip
    """Pick the mention's place: prior × country × admin context × what the words say it is."""
    focus = focus_weights()
    context: set[tuple[str, str]] = set()
    inner: set[tuple[str, str]] = set()  # governorates holding a place the sentence also names
    for x in mentions:
        # A town inside the governorate of the same name is no evidence for itself.
        if x is m or x.sentence != m.sentence or x.key == m.key:
            continue
        inner |= {(c.country_code, c.admin1_code) for c in x.candidates if c.feature_class in "PSD"}
        if not any(c.country_code == cc for c in x.candidates):
            # A name only villages carry here ("Shewan, Farah"); a town's homonym villages in
            # other governorates say nothing of which holds it ("Sanaa, Hudaydah and Dhamar").
            inner |= {(c.country_code, c.admin1_code) for c in x.villages if c.country_code == cc}
        context |= {(c.country_code, c.admin1_code) for c in x.candidates if c.feature_class == "A"}
        areas = {(c.country_code, c.admin1_code) for c in x.candidates}
        if len(areas) == 1 and x.candidates[0].feature_class == "S":
            context |= areas
        if x.held is m and x.holds_inside:
            # "the Rafah area in southern Gaza": the town or site named as holding it holds
            # it, of its homonyms the one in that town's governorate
            context |= {(c.country_code, c.admin1_code) for c in x.candidates
                        if c.feature_class in "PS"}  # fmt: skip
    # The document's country's admin1 areas its other words name (for a facility's name only).
    named_areas = {(c.country_code, c.admin1_code) for x in mentions if x is not m
                   for c in x.candidates if c.feature_class == "A" and c.country_code == cc
                   } if m.after in _AFTER_FACILITY else set()  # fmt: skip
    # "San Cristobal, Bogota", "X (Cluj)", "X of the Alba county": the name holding it spells
    # an area's own name (Bogota, D.C.; Alba County; the Province of Bulacan), whatever town
    # that name also reads as; the place lies in that area, not at a homonym elsewhere.
    # An area spelled letter for letter ("Hama", "Santa Cruz") is read as such already (the
    # admin context below, `location.outside`): only the looser spellings are added here.
    spelled: set[tuple[str, str]] = set()
    for x in mentions:
        if (x.held is not m or x.sentence != m.sentence
                or _LIST_GOES_ON.match(text, x.end)):  # "Nicosia, Larnaca, Limassol"
            continue
        if any(c.feature_class == "C" for c in x.candidates):
            continue  # "Naameh, Lebanon": a country, not Lebanon County's homonym
        holding = [c for c in x.candidates if c.feature_class in "PAD"]
        if not any(area_spelled(x.text, c, exactly=True) for c in holding):
            spelled |= {(c.country_code, c.admin1_code) for c in holding
                        if area_spelled(x.text, c)}  # fmt: skip
    before = m.before
    best: tuple[float, GazPlace, list[str]] | None = None
    watched = {country for country, _ in monitored}
    for c in _readings(m):
        if (c.feature_class == "P" and c.country_code in watched and c.population < MISSION_TOWN
                and (c.country_code, c.admin1_code) not in monitored
                and (c.country_code, c.admin1_code) not in context):  # fmt: skip
            # "the OSCE SMM observed explosions near X": the mission's villages are mostly
            # missing from the gazetteer, their homonyms elsewhere in the country are not (a
            # village or town of Lviv oblast that once bore the name); only a city there is
            # still a place the mission may name.
            continue
        if (m.tier == "fuzzy" and c.feature_class == "A" and (c.country_code, c.admin1_code)
                not in context and any(k[0] == c.country_code for k in context)):  # fmt: skip
            # "attacked Mangwalu (Irumu, Ituri)": a spelling guess of a province (Mongala) is
            # no province when the sentence names another province of its country.
            continue
        if (m.after in _AFTER_FACILITY and c.feature_class in "PA" and c.country_code == cc
                and named_areas and (c.country_code, c.admin1_code) not in named_areas):
            # "protested outside the San Miguel penitentiary" in a text set in Puebla: a
            # facility's name, not a San Miguel of another state
            continue
        if c.feature_class == "A" and m.after in ("village", "villages"):
            continue  # "Tshopu village" is no spelling of the Tshopo province: no area is a village
        score, why = prior_score(c)
        reasons = list(why)
        if m.tier == "fuzzy":
            score -= 0.35
        unsupported = (supported is not None and c.feature_class in "PA"
                       and c.feature_code != "PPLC"
                       and c.country_code not in supported and c.country_code not in focus
                       and not spelled_as(m.text, c))  # fmt: skip
        if unsupported:
            # Only the transliteration folding links the words to this place, nothing else in
            # the text points to its country and it lies outside the focus region: most likely
            # a local village the gazetteer lacks ("Naameh" read as Namur, "el Mina" as Minna,
            # "al Abbarah" as Abaré). Not a national capital, which is no such village: the
            # gazetteer keeps only a few short alternates of places outside the focus region, so
            # "Ulaanbaatar" reaches Ulan Bator by the folding alone.
            score -= 0.3
            reasons.append("small place abroad, no evidence for its country")
        elif cc and c.country_code == cc:
            score += 0.6
            reasons.append("in the document's country")
        elif cc and c.feature_class in "PA" and c.country_code not in named:
            # A village abroad sharing a local name is the usual false match.
            score -= 0.25 if c.population < 200_000 else 0.0
        if cc is None and c.feature_class in "PAS":
            score += focus.get(c.country_code, 0.0) * 0.5  # no country evidence at all
        # "Baharak district, Takhar": of homonym districts, the one in the governorate named (a
        # town of that name there reads as the district's town, as it did).
        district_here = c.feature_class == "D" and m.after in _DISTRICT_WORDS and not any(
            t.feature_class == "P" and t.admin1_code == c.admin1_code
            and t.country_code == c.country_code for t in m.candidates)
        if (c.feature_class in "PSA" or district_here) and (
                c.country_code, c.admin1_code) in context:
            score += 0.5
            reasons.append(f"inside {c.admin1}, named nearby")
        if c.feature_class in "PS" and spelled and (c.country_code, c.admin1_code) not in spelled:
            if c.country_code != cc or c.population < KNOWN_TOWN_POPULATION or sum(
                    o.country_code == c.country_code for o in m.candidates) > 1:
                # A homonym outside the area named next to it; not a city alone of its name in
                # its country ("Northby, Westshire": the area is the writer's slip).
                continue
        if c.feature_class in "PS" and (c.country_code, c.admin1_code) in monitored:
            score += MONITORED_BONUS
            reasons.append(f"in {c.admin1}, where the mission named reports from")
        point = before.endswith(_POINT_BEFORE)  # "near Kirkuk": a point, the city
        if point and c.feature_class == "P":
            score += 0.2
        if c.feature_class == "A" and (c.country_code, c.admin1_code) in inner and not point:
            # "Darbasiyah countryside in al-Hasakeh": the name holding another is the region.
            score += 0.3
            reasons.append("holds a place named nearby")
        if m.paren is not None and m.paren_index > 0 and c.feature_class == "A":
            score += 0.4  # "(Nihm, Sanaa)": ACLED's "(district, governorate)"
        elif (m.holds_named and c.feature_class == "A"
              and (c.country_code, c.admin1_code) not in inner):  # fmt: skip
            score += 0.3  # "Qalat city, Zabul"
        if m.after in _AFTER_SITE:
            score += 0.5 if c.feature_class == "S" else -0.1
        if c.feature_class == "D" and (m.after in _AFTER_DISTRICT
                                       or before.endswith(_DISTRICT_BEFORE)
                                       or m.after in _TOWNSHIP and c.source == DISTRICTS_FILE):
            score += 0.3  # "Al Husha district": the district, not a homonym town abroad
        if m.after in _AFTER_ADMIN or before.endswith(_ADMIN_BEFORE):
            score += 0.6 if c.feature_class == "A" else 0.0
        if m.after in _AFTER_TOWN or before.endswith(_TOWN_BEFORE):
            score += 0.3 if c.feature_class == "P" else 0.0
        if m.after in _AFTER_REGION or m.after == "rural" or before.endswith(("countryside of",
                                                                                "rural")):
            # "Idleb countryside" is the governorate's; "Darbasiyah countryside" the town's.
            score += 0.35 if c.feature_class == "A" else 0.0
        if m.ner in ("GPE", "LOC", "FAC"):
            score += 0.05
        if m.tier == "exact" and spelled_as(m.text, c):
            score += 0.1  # "Sirt" is Libya's Sirt before Turkey's Siirt, which folds alike
            if _plain(m.text) in (_plain(c.name), _plain(c.asciiname)):
                score += 0.05  # its own name, not one of its variants (districts split since)
        if best is None or score > best[0]:
            best = (score, c, reasons)
    if best is None:
        if m.qualifier is not None and m.tier == "exact" and any(
                c.feature_class == "A" for c in m.candidates):  # fmt: skip
            # "Iraq's Kurdistan region" names a region of Iraq that the gazetteer files under
            # another country's province: the qualifying country is the most it says.
            country = gaz.country_place(m.qualifier)
            if country is not None:
                m.place, m.score, m.why = country, 0.9, ["region of the country qualifying it"]
                m.precision = 3
        return
    score, place, reasons = best
    locative = any(w in _LOCATIVE for w in before.split()[-1:]) or m.after in _GEO_AFTER
    if m.tier == "fuzzy" and not (locative or m.ner in ("GPE", "LOC", "FAC")):
        return  # a spelling guess needs the words around it to say it is a place
    threshold = 0.62 if m.tier == "exact" else 0.85
    if locative:
        threshold -= 0.1
    if m.paren is not None:
        threshold -= 0.1
    if score < threshold:
        return
    m.place, m.score, m.why = place, round(score, 3), reasons
    m.precision = _precision(m, place)
    if m.paren is not None and m.paren_index == 0 and place.feature_class == "P":
        group = [x for x in mentions if x.paren == m.paren]
        if len(group) > 1:
            # "(Qaatabah, Ad Dali)": the first name is the district, named after its seat town.
            m.admin2_text = m.text
            m.precision = 2


def _resolve_villages(text: str, mentions: list[Mention], cc: str) -> None:
    """Second opinion from the village gazetteer, once the country and other places are read
    (`villages.py` says what licenses a village)."""
    if not any(m.villages for m in mentions):
        return
    compass_words = _compass_words(text, load_gazetteer().countries[cc].name)

    def contained(m: Mention) -> bool:
        nxt = next((x for x in mentions if x.start >= m.end), None)
        return (nxt is not None and nxt.sentence == m.sentence
                and _CONTAINER_GAP.fullmatch(text, m.end, nxt.start) is not None)  # fmt: skip

    # Containers first: "X village of Y district" reads X once Y is placed.
    for m in sorted(mentions, key=contained):
        if not m.villages:
            continue
        if m.place is not None and (m.place.feature_class in "CS" or (
                m.place.feature_class == "A" and spelled_as(m.text, m.place)) or (
                m.place.feature_class == "D" and m.after == "district")):
            continue  # "Yemen", "Idleb", "Conoco", "X district": what the text says, no village
        spelled = [c for c in m.candidates if c.feature_class in "CA" and spelled_as(m.text, c)]
        if any(c.feature_class == "C" or c.country_code == cc for c in spelled):
            continue
        same = [x for x in mentions if x is not m and x.sentence == m.sentence and x.place
                and x.key != m.key]
        # The document's other places near this mention (a long article's far paragraphs tell
        # of other events).
        others = [x.place for x in mentions if x is not m and x.key != m.key and x.place
                  and x.place.country_code == cc and abs(x.start - m.start) <= NEARBY_CHARS]
        # "X in Y", "X, Y", "X (Y)": Y holds X, whether Y is read as the governorate or its town.
        after = next((x for x in same if x.start > m.end), None)
        container = after is not None and bool(_CONTAINER_GAP.fullmatch(text, m.end, after.start)
                                               or _PLACE_WORD_PAREN.fullmatch(text, m.end,
                                                                              after.start))
        if (after is not None and after.place is not None and after.place.feature_class == "C"
                and not container):  # fmt: skip
            pair = next((x for x in same if x.start > after.end), None)
            if pair is not None and pair.paren is not None and _IN_COUNTRY_PAREN.fullmatch(
                    text, m.end, pair.start):  # fmt: skip
                after, container = pair, True
        # ACLED's "X (district, governorate)", "X area (district, governorate)": the district
        # holds X.
        paired = after is not None and after.paren is not None and after.paren_index == 0 and (
            "(" in text[m.end : after.start]) and len(
            [x for x in mentions if x.paren == after.paren]) > 1  # fmt: skip
        holders = [x.place for x in same if x.place and x.place.feature_class in "AD"]
        if container and after is not None and after.place is not None:
            holders.append(after.place)
        areas = frozenset((p.country_code, p.admin1_code) for p in holders)
        if spelled and not any(a[0] == cc for a in areas):
            # A governorate abroad of that name unless the sentence puts the name in a
            # governorate of the document's country ("the town of Tafilah in Idleb").
            continue
        holder = None
        # "Tall Warda (Tell Ward) district": a name alone in parentheses may be another name
        # of the same place, not one holding it.
        alias = after is not None and after.paren is not None and "(" in text[m.end : (
            after.start)] and len([x for x in mentions if x.paren == after.paren]) == 1
        if container and after is not None and after.place is not None and not alias:
            held = after.place
            # "X in Aleppo" names the governorate unless the text says "Aleppo city"; "X village
            # of Milas", "X area of Y district" name a district by its town, a wider holder.
            capital = bool(held.admin1) and name_key(held.admin1 or "") == after.key
            wide = _WIDE_GAP.fullmatch(text, m.end, after.start) is not None
            if held.feature_class == "D" or (held.feature_class in "PS" and not (
                    capital and after.after not in _AFTER_TOWN)):  # fmt: skip
                wide = wide or after.after in _AFTER_DISTRICT or held.feature_class == "D" or (
                    paired)
                holder = (held.latitude, held.longitude, DISTRICT_KM if wide else HELD_KM)
        if (holder is None and after is not None and after.place is not None
                and after.place.feature_class in "PSD"
                and _NEAR_GAP.fullmatch(text, m.end, after.start)):  # fmt: skip
            # "X near Y", "X, 5 km south of Y": X lies by the town Y, not at a homonym far away
            # (as far as the text says, and a district's width more).
            gap = text[m.end : after.start]
            said = re.search(r"(\d+(?:\.\d+)?)\s*k", gap)
            reach = (float(said.group(1)) + NEAR_HOLDER_KM if said
                     else BY_HOLDER_KM if re.search(r"(?i)\bof\s", gap) else NEAR_HOLDER_KM)
            holder = (after.place.latitude, after.place.longitude, reach)
        words = f" {name_key(text[max(0, m.start - 200) : m.end + 200])} "
        anchors = tuple((p.latitude, p.longitude) for p in others if p.feature_class in "PSD")
        focus = frozenset((p.country_code, p.admin1_code) for p in others
                          if p.feature_class != "C")
        locative = any(w in _LOCATIVE for w in m.before.split()[-1:]) or m.after in _GEO_AFTER
        ctx = VillageContext(
            country=cc,
            placeness=locative or container or m.paren is not None
            or m.ner in ("GPE", "LOC", "FAC"),
            town_cue=m.after in _AFTER_TOWN or m.before.endswith(_TOWN_BEFORE),
            in_district=container and after is not None
            and (after.after == "district" or paired) and _district_known(after, cc),
            areas=areas, focus=focus, words=words, anchors=anchors, holder=holder,
            fuzzy=m.tier == "fuzzy" and not m.villages_exact, spelled=frozenset(
                v.id for v in m.villages if _plain(m.text) in (_plain(v.name), _plain(v.asciiname))
            ), key=m.key, compass=_compass_at(compass_words, m.start),
        )  # fmt: skip
        found = best_village(m.villages, ctx, name_key)
        if found is None:
            continue
        place, score, why, precision = found
        threshold = 0.52 if locative else 0.62
        if score < threshold:
            continue
        if m.place is not None and m.place.country_code == cc and m.score + SHIPPED_FIRST > score:
            # The shipped town (or governorate) of that name: a place of 500 people or more is
            # likelier news than a hamlet of the same name, unless the text places the hamlet.
            continue
        m.place, m.score, m.why = place, round(score, 3), why
        m.precision = max(precision, _precision(m, place))
        if m.paren is not None and m.paren_index == 0 and len(
                [x for x in mentions if x.paren == m.paren]) > 1:  # fmt: skip
            m.admin2_text = m.text
            m.precision = 2


# A part of a country as a (north, east) unit vector: "southern Lebanon", "north-east Syria".
_HALF = 0.5**0.5
_COMPASS = {"north": (1.0, 0.0), "south": (-1.0, 0.0), "east": (0.0, 1.0), "west": (0.0, -1.0),
            "northeast": (_HALF, _HALF), "northwest": (_HALF, -_HALF),
            "southeast": (-_HALF, _HALF), "southwest": (-_HALF, -_HALF)}  # fmt: skip
_COMPASS_WORD = r"\b((?:north|south)?-?(?:east|west)|north|south)(?:ern)?\s+(?:of\s+)?"


def _compass_words(text: str, country: str) -> list[tuple[int, tuple[float, float]]]:
    """Where the text names a part of its country, and which way that part lies."""
    pattern = re.compile(_COMPASS_WORD + rf"{re.escape(country)}\b", re.IGNORECASE)
    return [(mt.start(), _COMPASS[mt.group(1).lower().replace("-", "")])
            for mt in pattern.finditer(text)]  # fmt: skip


def _compass_at(words: list[tuple[int, tuple[float, float]]],
                start: int) -> tuple[float, float] | None:  # fmt: skip
    """The part of the country named last before `start`, else first after it."""
    before = [way for at, way in words if at < start]
    return before[-1] if before else (words[0][1] if words else None)


# A name the text calls a place ("in X", "the village of X", "X town", "X badia", "X in Y") that
# no gazetteer spells so.
_GUESS_CUE = re.compile(
    rf"\b(?:in|at|near|of)\s+({_NAME})"
    rf"|\b({_NAME})(?=\s+(?:town|village|area|badia|desert|axis|frontline|front|hill|plain|"
    rf"countryside|outskirts|in)\b)"
)
# How alike (difflib's ratio of the loose keys) a guess inside the named governorate must be.
GUESS_ALIKE = 0.75
# "Eastern Maliha" is Mulayhah ash Sharqiyah, "Lower X" is X Tahtani: the English direction
# before the name is the Arabic adjective after it.
_DIRECTION_WORDS = {
    name_key(english): tuple(name_key(arabic) for arabic in arabics)
    for english, arabics in {
        "Eastern": ("Sharqiyah", "Sharqi"), "Western": ("Gharbiyah", "Gharbi"),
        "Northern": ("Shamaliyah", "Shamali"), "Southern": ("Janubiyah", "Janubi"),
        "Upper": ("Fawqani", "Fawqa", "Ulya"), "Lower": ("Tahtani", "Tahta", "Sufla"),
    }.items()
}  # fmt: skip


def _area_guesses(text: str, mentions: list[Mention], cc: str, gaz: Gazetteer,
                  pfilter: PlaceFilter, sentence_of: Callable[[int], int]) -> list[Mention]:
    """Villages the text names in a spelling no gazetteer has, found inside the governorate (or
    district's governorate) its sentence names: "troops shelled Ftireh in Idleb's southern
    countryside" is Fatirah of Idleb, whose consonants it shares
    (`Gazetteer.guesses_in`). Only a name the words call a place, spelled at least three
    quarters alike (`GUESS_ALIKE`), and one such village, or several within `SAME_SPOT_KM`."""
    areas_by_sentence: dict[int, set[tuple[str, str]]] = {}
    for m in mentions:
        p = m.place
        # A governorate, a district, or a town named as its governorate is ("in Dar'a").
        if p is not None and p.country_code == cc and (p.feature_class in "AD" or (
                p.feature_class == "P" and name_key(p.admin1 or "") == m.key)):  # fmt: skip
            areas_by_sentence.setdefault(m.sentence, set()).add((p.country_code, p.admin1_code))
    if not areas_by_sentence or gaz.villages is None:
        return []
    out: list[Mention] = []
    for match in _GUESS_CUE.finditer(text):
        group = next(g for g in (1, 2, 3) if match.group(g))
        start, end = match.span(group)
        name = match.group(group).rstrip("'’-")  # "'in Jizan'": the closing quote is no letter
        end = start + len(name)
        if pfilter.is_common(name) or any(o.start < end and start < o.end for o in out):
            continue
        if name.split()[0].lower() in _CALENDAR or name.isupper() or name in demonyms():
            continue
        sentence = sentence_of(start)
        areas = areas_by_sentence.get(sentence, set())
        # A shorter name inside it gives way to it, unless read inside the governorates the
        # sentence names ("Maliha" of "Eastern Maliha in Dara governorate", read as a town near
        # Damascus, does); a name the gazetteers spell so stays as it was read (homonyms the
        # text does not tell apart are left alone).
        inside = [m for m in mentions if m.start < end and start < m.end]
        # A name read as nothing, or as a place abroad ("Nimane" as Neman, Russia), gives way
        # to a village of the governorate the sentence names.
        read = [m for m in inside if m.place is not None and m.place.country_code == cc]
        if any(m.end - m.start >= end - start or m.start < start or m.end > end or (
                m.place is not None and (m.place.country_code, m.place.admin1_code) in areas)
               for m in read):  # fmt: skip
            continue
        key = name_key(name)
        if not areas or len(key.replace(" ", "")) < 4 or len(consonant_key(key)) < 2:
            continue
        # Towns the sentence names (not a governorate's namesake): the village lies near one.
        # (The country is no holder: "X area in western Ruritania (Y, Z)" is held by Y.)
        named = [m for m in mentions if m.sentence == sentence and m.place is not None
                 and not (m.start < end and start < m.end) and m.place.country_code == cc
                 and m.place.feature_class != "C"]
        # The places that hold the name, when the text gives them right after it ("X frontline
        # (Y, Z)", "X town in Z countryside"): the village lies there, not in a governorate the
        # sentence names for another happening or a person's origin.
        holders = _holders_after(text, named, end)
        district = None
        if holders:
            areas = {(m.place.country_code, m.place.admin1_code)
                     for m in holders if m.place is not None} & areas or areas
            named = holders
            # "X frontline (Y, Z)", "X area in Y district": a village of another district Y the
            # hierarchy knows is not X.
            nearest = holders[0]
            if (nearest.after in _DISTRICT_WORDS or nearest.paren is not None
                    and len(holders) > 1 and nearest.paren_index == 0) and _district_known(
                    nearest, cc):  # fmt: skip
                district = nearest.key.replace(" ", "")
        towns = [m.place for m in named if m.place is not None
                 and m.place.feature_class in "PSD"
                 and name_key(m.place.admin1 or "") != m.key and not is_village(m.place)]
        first, _, rest = key.partition(" ")
        keys = [key] + [f"{rest} {word}" for word in _DIRECTION_WORDS.get(first, ()) if rest]
        alike = _alike_guesses(keys, gaz, areas, towns, district)
        if not alike and first in _DIRECTION_WORDS and rest:
            # "Lower Baqras" with no Baqras Tahtani in the gazetteer: the village of the name,
            # whose lower part it is, lies by it.
            alike = _alike_guesses([rest], gaz, areas, towns, district)
        if not alike:
            continue
        alike.sort(key=lambda a: (-a[0], -a[1], -a[2].population, a[2].id))
        ratio, own, place = alike[0]
        # Of names spelled as alike, the village whose own name it is, not one of its variants
        # ("Harbal" is Harbul, not Huraybil, once listed as "Harbil").
        tied = [v for r, o, v in alike if ratio - r < TIE and own - o < TIE]
        if any(distance_km(place.latitude, place.longitude, v.latitude, v.longitude)
               > SAME_SPOT_KM for v in tied):  # fmt: skip
            continue  # homonyms far apart that the spelling does not tell apart
        m = Mention(start, end, name, key, [], "fuzzy", place=place, score=round(0.5 + ratio, 3),
                    why=[f"spelling guess inside {place.admin1} ({ratio:.0%} alike)"])  # fmt: skip
        m.sentence = sentence
        words = re.findall(r"[\w'’]+", text[max(0, start - 40) : start].lower())
        m.before = " ".join(words[-4:])
        after = re.match(r"\W*(\w+)", text[end : end + 30])
        m.after = after.group(1).lower() if after else ""
        m.precision = _precision(m, place)
        out.append(m)
        for x in inside:
            x.place = None
    return out


def _alike_guesses(keys: list[str], gaz: Gazetteer, areas: set[tuple[str, str]],
                   towns: list[GazPlace], district: str | None,
                   ) -> list[tuple[float, float, GazPlace]]:  # fmt: skip
    """The places of `areas` spelt like one of `keys`, near the towns named beside it and not in
    another district than the one named: (likeness, likeness of the main names, place)."""
    alike = []
    for k in keys:
        for v in gaz.guesses_in(k, areas):
            ratio = max(SequenceMatcher(None, k, name_key(n)).ratio()
                        for n in (v.name, v.asciiname, *v.alternates) if n)  # fmt: skip
            near = not towns or any(distance_km(v.latitude, v.longitude, t.latitude,
                                                t.longitude) <= DISTRICT_KM for t in towns)
            other = district is not None and bool(v.admin2) and (
                name_key(v.admin2 or "").replace(" ", "") != district)
            if ratio >= GUESS_ALIKE and near and not other:
                own = max(SequenceMatcher(None, k, name_key(n)).ratio()
                          for n in (v.name, v.asciiname) if n)  # fmt: skip
                alike.append((ratio, own, v))
    return alike


# "X area in northwestern Ruritania (": the country between a name and the parenthesis that
# holds it.
_IN_COUNTRY_PAREN = re.compile(
    r"(?:\s+[a-z]+)?\s+in\s+(?:the\s+)?(?:[a-z-]+\s+)?[A-Z][\w'’-]+\s*\(")
# Between a name and what holds it: "X frontline (", "X town in the southern countryside of ",
# "X area, ".
_HOLDS_AFTER = re.compile(r"(?:\s+[\w'’-]+){0,2}?\s*(?:\(|,\s*|\s+(?:in|of)\s+)(?:the\s+)?"
                          r"(?:[a-z]+\s+){0,3}?")


def _holders_after(text: str, mentions: list[Mention], end: int) -> list[Mention]:
    """The mentions that hold a name ending at `end`: the first one after it, when only a place
    word and "in"/"of"/","/"(" lie between, with the rest of its parenthesis ("(X, Y)")."""
    after = sorted((m for m in mentions if m.start >= end), key=lambda m: m.start)
    if not after or not (_HOLDS_AFTER.fullmatch(text, end, after[0].start) or (
            after[0].paren is not None
            and _IN_COUNTRY_PAREN.fullmatch(text, end, after[0].start))):  # fmt: skip
        return []
    first = after[0]
    if first.paren is None:
        return [first]
    return [m for m in after if m.paren == first.paren]


def _district_known(m: Mention, cc: str) -> bool:
    """The village gazetteer's hierarchy has a district spelled as the text spells `m` (one
    spelled otherwise there, "Wadi Nasim" as "Nasim Valley", is not known by that name)."""
    places = (*m.candidates, *m.villages, *load_gazetteer().districts(m.key))
    key = m.key.replace(" ", "")  # the matched key may be the name without spaces
    return any(name_key(c.admin2 or "").replace(" ", "") == key
               for c in places if c.country_code == cc)  # fmt: skip


# Towns this size or larger are news on their own.
SMALL_TOWN = 10_000


def _districts_before_far_homonyms(mentions: list[Mention], gaz: Gazetteer) -> None:
    """A name that is a district of the governorate and a small town or village of another
    district there is the district ("Wadi Nasim town, Idleb" is the district, not a hamlet of that
    name 60 km away in another district): news name urban and rural districts by
    their own names far more often than hamlets that share them. A town the district is named
    after (`villages.district_seat`) stays; so does a name the text calls a village."""
    for m in mentions:
        p = m.place
        village = m.after in ("village", "villages") or m.before.endswith(_TOWN_BEFORE[2:4])
        if p is None or p.feature_class != "P" or p.population >= SMALL_TOWN or village:
            continue
        same = [d for d in gaz.districts(m.key)
                if (d.country_code, d.admin1_code) == (p.country_code, p.admin1_code)]
        district = same[0] if len(same) == 1 else None
        if district is None:
            continue
        seat = district_seat(district, [*m.candidates, *m.villages], name_key)
        if seat is None or seat.id != p.id:
            m.place, m.precision = district, 2
            m.why = [*m.why, f"the district of that name in {district.admin1}"]


def _place_districts_at_seats(mentions: list[Mention], gaz: Gazetteer) -> None:
    """A district is coded at the town it is named after, as ACLED codes "X district" events,
    not at its label point or the mean of its places (`villages.district_seat`); without one, at
    its largest town (`villages.main_town`). A district that holds another place the text names
    ("X area (district, governorate)") is coded at its middle (`_holding_district_middle`)."""
    for m in mentions:
        middle = _holding_district_middle(m, mentions, gaz)
        if middle is not None and m.place is not None:
            m.place = replace(m.place, latitude=middle.latitude, longitude=middle.longitude)
            m.why = [*m.why, "at the district's middle: the district holds the place named"]
            continue
        if m.place is None or m.place.feature_class != "D":
            continue
        area = {(m.place.country_code, m.place.admin1_code)}
        # The town it is named after, among the places matched by its name, else among the
        # villages of its governorate spelled with the same consonants as the text spells it
        # ("Pachir Waagam district" at Pachir wa Agam); else its largest town.
        seat = district_seat(m.place, [*m.candidates, *m.villages], name_key) or main_town(
            m.place, gaz.district_towns(m.place)) or district_seat(
            m.place, gaz.guesses_in(m.key, area), name_key)
        if seat is not None:
            m.place = replace(m.place, latitude=seat.latitude, longitude=seat.longitude)
            m.why = [*m.why, f"at its seat {seat.name}"]


def _holding_district_middle(m: Mention, mentions: list[Mention],
                             gaz: Gazetteer) -> GazPlace | None:  # fmt: skip
    """ACLED's "X area (district, governorate)" names the district that holds X, a place the
    gazetteers may miss and that lies anywhere inside it: the district's middle (the village
    gazetteer's point for it) is nearer such a place than the town the district is named after,
    where the district's own events are coded. The village gazetteer's district for `m` when it
    is the district of such a pair (read as the district, or as its namesake town); else None."""
    p = m.place
    if p is None or m.paren is None or m.paren_index != 0:
        return None
    if not (p.feature_class == "D" or p.feature_class == "P" and m.admin2_text):
        return None
    if len([x for x in mentions if x.paren == m.paren]) < 2:
        return None
    area = (p.country_code, p.admin1_code)
    return next((d for d in (*m.candidates, *gaz.districts(m.key))
                 if d.feature_class == "D" and d.source == VILLAGE_LABEL
                 and (d.country_code, d.admin1_code) == area), None)  # fmt: skip


def _precision(m: Mention, place: GazPlace) -> int:
    if place.feature_class in "AC":
        return 3
    if place.feature_class == "D":
        return 2
    if place.feature_class == "S":
        return 1
    if m.after in _AFTER_REGION or m.after in _AFTER_DISTRICT or m.after == "rural":
        return 2
    if m.before.endswith(_NEAR_BEFORE) or m.before.endswith(_DISTRICT_BEFORE):
        return 2
    return 1


def resolve_places(text: str, country: str | None = None, outlet: str | None = None,
                   published: date | None = None) -> list[PlaceMention]:  # fmt: skip
    """Every place mention in a bare text (no pipeline state), resolved; `country` as context,
    admin names as ACLED spelled them on `published` (the latest when None)."""
    state = DocState(text=text, published=published, outlet=None)
    return [to_mention(state, m) for m in resolve_text(text, country=country, outlet=outlet)]


def to_mention(state: DocState, m: Mention) -> PlaceMention:
    assert m.place is not None
    place = to_place(m.place, m.precision, m.text, on=state.published)
    if m.admin2_text:
        # A district named after its seat town: ACLED's admin2, at the seat, precision 2.
        place = replace(place, admin2=m.admin2_text, feature="admin2")
    elif (m.place.source == DISTRICTS_FILE and place.admin3
          and m.after not in ("township", "townships")):  # fmt: skip
        # "Yinmarbin district": a curated township named for the district it is the seat of.
        place = replace(place, admin3=None, location=place.admin2)
    elif m.place.feature_class == "P" and (
        around := _area_around(m.place, state.published)
    ) is not None:
        # (the area first: a city that is an area of its own is rare, the text search is not)
        if _VILLAGE_COMMA.search(state.text, 0, m.start) and not _CITY_AFTER.match(
            state.text, m.end
        ):
            # "Makovyshche village, Kyiv": a capital that is an area of its own (Kyiv City)
            # named after a village holds it in the area around that bears its name (the Kyiv
            # oblast); the point stays the city's, the nearest the text gives.
            place = replace(place, admin1=around)
    return PlaceMention(state.span(m.start, m.end), place, m.score)


# "X, " / "X village, " just before a name: the name holds X (not a street, square or quarter).
_VILLAGE_COMMA = re.compile(
    r"\b(?!(?:Square|Street|Avenue|Park|District|Quarter|Maidan)\b)[A-Z][\w'-]+"
    r"(?:\s+(?:village|town|settlement))?,\s*$"
)
_CITY_AFTER = re.compile(r"\s+(?:city|City|[Oo]blast|region|province)\b")


def _area_around(place: GazPlace, on: date | None) -> str | None:
    """The area around a city that is an admin1 area of its own ("Kiev City": the Kiev oblast),
    spelled as ACLED spelled it on `on`; None for other places."""
    area = place.admin1 or ""
    if not re.search(r"(?i)\s+city$", area):
        return None
    gaz = load_gazetteer()
    bare = name_key(re.sub(r"(?i)\s+city$", "", area))
    for (country, code), info in gaz.admin1.items():
        if (country == place.country_code and code != place.admin1_code
                and name_key(info.name) == bare):  # fmt: skip
            adm = gaz.admin1_place(country, code)
            return to_place(adm, 3, None, on=on).admin1 if adm is not None else None
    return None
