"""Villages and quarters from the village gazetteer, read only where the text supports them.

The village gazetteer (`sitrep gazetteer build`) holds a quarter of a million places, and most
capitalised words of a news text ("Capital", "Audi", "Yemen", a family name) are also some
village's name somewhere. So a village is a second opinion, asked after the document's country
and every other place are resolved, and it must earn its place:

- it lies in the document's country (villages never vote for the country, nor stand abroad);
- the words say the name is a place (a locative before it, a place word after it, a
  "(district, governorate)" group, spaCy's place label, or "X in/, <a place>"), or the village
  lies inside a governorate the same sentence names ("(Tuban, Lahij)", "in Idleb countryside");
- a name the text spells as a country, governorate or site is that, not a village of that name;
- a spelling guess (consonant skeleton, "Sfuhen" for Safuhun) needs the named governorate or
  another place of the document within reach;
- among homonyms, the one inside the named governorate or district, near the document's other
  places, then the larger and the locality before the quarter; homonyms far apart that nothing
  tells apart are left alone (the event keeps the coarser place the text supports).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher

from sitrep.knowledge.gazetteer import VILLAGE_LABEL, GazPlace, consonant_key, distance_km

# Within this distance of another place the document names, a village is "nearby".
NEAR_KM = 25.0
# Homonyms whose scores differ by less than this are not told apart by the text.
TIE = 0.05
# Tied homonyms closer than this are one answer for the map (neighbouring hamlets); up to
# SPREAD_KM apart and all in one district, the most central of them stands for all at precision
# 2 (the district is known, the village is not); otherwise none does.
SAME_SPOT_KM = 15.0
SPREAD_KM = 40.0
# "X in Y" with Y a town: X lies within this distance of it (a quarter, a suburb, a hamlet);
# "X village of Y" with Y a district named after its town: within the second.
HELD_KM = 15.0
DISTRICT_KM = 40.0
# What being its district's namesake (the district's centre) adds: more than a tie.
SEAT = 0.1
# What the text spelling a village's own name letter for letter adds, as much as naming its
# district: the transliteration folding makes one key of different names ("Al Haymah" and "Al
# Hima'"), and a homonym near another place named is no likelier than the name the text spells.
SPELLED = 0.3
# How much the likeness of a spelling guess to a village's name weighs (0 to 1 alike).
ALIKE = 0.2
# "in southern Lebanon": among homonyms, the one furthest that way gains up to this much, when
# they lie at least COMPASS_DEGREES apart that way and the sentence names no governorate.
COMPASS = 0.3
COMPASS_DEGREES = 0.1


def is_village(place: GazPlace) -> bool:
    """A village, quarter or site of the village gazetteer (its districts are read like the
    shipped table's, with a district cue)."""
    return place.source == VILLAGE_LABEL and place.feature_class in "PS"


@dataclass(frozen=True, slots=True)
class VillageContext:
    """What the text says around one mention (computed by `resolve.py`)."""

    country: str  # the document's country code
    placeness: bool  # the words say it is a place
    town_cue: bool  # "X village", "town of X"
    areas: frozenset[tuple[str, str]]  # (country, admin1 code) the sentence names
    focus: frozenset[tuple[str, str]]  # admin1 areas of the document's other places
    words: str  # the loose keys of the words around the mention, " "-joined and padded
    anchors: tuple[tuple[float, float], ...]  # other specific places of the document
    holder: tuple[float, float, float] | None  # the point the text puts it in, and how near
    fuzzy: bool
    spelled: frozenset[str]  # ids of the villages whose own name the text spells
    key: str = ""  # the mention's loose key
    in_district: bool = False  # "X village of Y district": the text names the district holding it
    # The part of the country the text last named before it ("southern Lebanon"), as a unit
    # (north, east) vector.
    compass: tuple[float, float] | None = None


def village_score(v: GazPlace, ctx: VillageContext,
                  key: Callable[[str], str]) -> tuple[float, list[str]] | None:  # fmt: skip
    """The village's score on the resolver's scale, or None when the text does not license it."""
    if v.country_code != ctx.country:
        return None
    inside = (v.country_code, v.admin1_code) in ctx.areas
    district = key(v.admin2 or "")
    # "Wadi Nasim" is the district "Wadinasim": compared without spaces too, when long enough.
    compact = district.replace(" ", "")
    in_district = bool(district) and (f" {district} " in ctx.words or len(compact) >= 6 and (
        compact in ctx.words.replace(" ", "")))  # fmt: skip
    near = min((distance_km(v.latitude, v.longitude, lat, lon) for lat, lon in ctx.anchors),
               default=math.inf)  # fmt: skip
    if not (ctx.placeness or inside or in_district):
        return None
    if ctx.areas and not (inside or in_district):
        return None  # the sentence names the governorates or districts it happens in
    if ctx.in_district and v.admin2 and not in_district:
        return None  # "X village of Y district": not a village X of another district
    if ctx.holder is not None and distance_km(v.latitude, v.longitude, *ctx.holder[:2]) > (
            ctx.holder[2]):
        return None  # "the Seray in Tripoli": not a village 24 km from Tripoli
    if ctx.fuzzy and not (inside or in_district or near <= NEAR_KM):
        return None
    size = min(1.0, math.log10(v.population + 1) / 7)
    score = 0.3 + 0.4 * size + 0.6
    why = [f"village gazetteer ({v.feature_code})", "in the document's country"]
    if v.feature_code == "PPLX":
        score -= 0.05  # a quarter: after the locality of the same name
    if ctx.fuzzy:
        # A spelling guess is worth less; of homonym guesses, the one spelled most alike
        # ("Mhasineh" is Muhasinah before Mahsuniyah, which share its consonants).
        alike = max(SequenceMatcher(None, ctx.key, key(n)).ratio()
                    for n in (v.name, v.asciiname, *v.alternates) if n)  # fmt: skip
        score += ALIKE * alike - 0.35
        why.append(f"spelling guess ({alike:.0%} alike)")
    if inside:
        score += 0.5
        why.append(f"inside {v.admin1}, named nearby")
    elif (v.country_code, v.admin1_code) in ctx.focus:
        score += 0.15
        why.append(f"in {v.admin1}, where the document's other places are")
    if in_district:
        score += 0.3
        why.append(f"inside {v.admin2} district, named nearby")
    if near <= NEAR_KM:
        score += 0.3 * (1 - near / NEAR_KM / 2)
        why.append(f"{near:.0f} km from another place named")
    if ctx.town_cue:
        score += 0.3
    if v.id in ctx.spelled:
        score += SPELLED  # the text spells its own name, not only one of its variants
    if district and consonant_key(district) == consonant_key(key(v.name)):
        # The village its district is named after ("Mingajik" of Mangajek district) is the
        # district's centre: of homonyms, the likelier news.
        score += SEAT
        why.append(f"the centre of {v.admin2} district")
    return score, why


def best_village(villages: list[GazPlace], ctx: VillageContext,
                 key: Callable[[str], str]) -> tuple[GazPlace, float, list[str], int] | None:
    """The village the text supports best and the precision it stands for (1, or 2 for the
    middle one of homonyms nearby that the text does not tell apart), or None (none licensed, or
    homonyms far apart)."""
    scored = []
    for v in villages:
        found = village_score(v, ctx, key)
        if found is not None:
            scored.append((found[0], v, found[1]))
    if not scored:
        return None
    if ctx.compass is not None and not ctx.areas:
        scored = _toward(scored, ctx.compass)  # the weakest cue: no governorate is named
    scored.sort(key=lambda s: (-s[0], -s[1].population, s[1].id))
    score, place, why = scored[0]
    tied = [place] + [v for s, v, _ in scored[1:] if score - s < TIE]
    spread = max(_km(a, b) for a in tied for b in tied)
    if spread <= SAME_SPOT_KM:
        return place, score, why, 1
    if spread > SPREAD_KM or len({v.admin2 for v in tied}) > 1 or not place.admin2:
        return _most_named(tied, ctx, key, score, why)
    middle = min(tied, key=lambda a: (sum(_km(a, b) for b in tied), a.id))
    return middle, score, [*why, f"one of {len(tied)} villages of that name within "
                                 f"{spread:.0f} km"], 2


def _most_named(tied: list[GazPlace], ctx: VillageContext, key: Callable[[str], str],
                score: float, why: list[str]) -> tuple[GazPlace, float, list[str], int] | None:
    """Of homonyms far apart inside the governorates the sentence names, the one known under the
    most names (distinct loose keys: a place written of in many languages and spellings is the
    better known), at precision 2; None when that does not tell them apart either."""
    if not ctx.areas or any((v.country_code, v.admin1_code) not in ctx.areas for v in tied):
        return None
    named = sorted(((len({key(n) for n in (v.name, *v.alternates)}), v) for v in tied),
                   key=lambda x: (-x[0], x[1].id))  # fmt: skip
    if named[0][0] == named[1][0]:
        return None
    return named[0][1], score, [*why, f"the best known of {len(tied)} villages of that name "
                                      f"in {named[0][1].admin1}"], 2


def _toward(scored: list[tuple[float, GazPlace, list[str]]],
            compass: tuple[float, float]) -> list[tuple[float, GazPlace, list[str]]]:  # fmt: skip
    """Homonyms scored up by how far they lie in the part of the country the text names."""
    reach = [v.latitude * compass[0] + v.longitude * compass[1] for _, v, _ in scored]
    low, high = min(reach), max(reach)
    if high - low < COMPASS_DEGREES:
        return scored
    return [
        (s + COMPASS * (r - low) / (high - low), v, [*why, "in the part of the country named"]
         if r == high else why)
        for (s, v, why), r in zip(scored, reach, strict=True)
    ]  # fmt: skip


# A town of the district's name without a district of its own in the hierarchy is its seat when
# it lies this near the district's point (a district's point is its label point or the mean of
# its places, often tens of kilometres from the town it is named after).
SEAT_KM = 50.0


def district_seat(district: GazPlace, towns: list[GazPlace],
                  key: Callable[[str], str]) -> GazPlace | None:  # fmt: skip
    """The town a district is named after, where it is coded ("Nad Ali district" at Hukumat-e Nad
    'Ali, its centre): a town among `towns` (the places matched by the same name) in the
    district's governorate, inside the district by the hierarchy or, without one, within
    `SEAT_KM` of it; a town of the shipped table (500 people or more) before a hamlet of the
    village gazetteer, then the most populous, then the nearest. None when there is none."""
    name = key(district.admin2 or district.name)
    seats = [
        t for t in towns
        if t.feature_class == "P" and t.country_code == district.country_code
        and t.admin1_code == district.admin1_code
        and (key(t.admin2) == name if t.admin2 else _km(t, district) <= SEAT_KM)
    ]  # fmt: skip
    return min(seats, key=lambda t: (t.source == VILLAGE_LABEL, -t.population, _km(t, district),
                                     t.id), default=None)  # fmt: skip


# A district without a town of its name is coded at its largest town when it has one of this
# size: an urban district ("Akdeniz district" of Mersin) at its city, not at the middle of the
# rural land it also holds (a rural district's largest village is no better than its middle).
MAIN_TOWN = 10_000


def main_town(district: GazPlace, towns: list[GazPlace]) -> GazPlace | None:
    """The most populous of a district's `towns` (`Gazetteer.district_towns`), when it has
    `MAIN_TOWN` people or more; else None."""
    best = max(towns, key=lambda t: (t.population, t.id), default=None)
    return best if best is not None and best.population >= MAIN_TOWN else None


def _km(a: GazPlace, b: GazPlace) -> float:
    return distance_km(a.latitude, a.longitude, b.latitude, b.longitude)
