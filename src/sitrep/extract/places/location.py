"""The place of each event and tally draft (the `locations` extractor).

Every draft gets the most specific place of its own sentence, else of the paragraph before it,
else the document's main place; it honours `draft.extra["place_span"]` (or `"place_hint"`), a
`(start, end)` pair or a `Span`, by taking the mention nearest to it.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from sitrep.extract.events.triggers import (
    SEQUENCE_PREPS,
    governing_verb,
    joined_with_own_subject,
    set_beside,
)
from sitrep.extract.events.type_rules import REMOTE
from sitrep.extract.places.resolve import (
    COMPASS_OF,
    DESTINATION_BEFORE,
    FROM_FILLERS,
    KNOWN_TOWN_POPULATION,
    MOVEMENT,
    ORIGIN_ADVERBS,
    ORIGIN_VERBS,
    PEOPLE,
    SPECIFICITY,
    SUBPLACE_AFTER,
    unresolved_names,
)
from sitrep.extract.registry import extractor
from sitrep.extract.state import DocState, EventDraft, PlaceMention, TallyDraft
from sitrep.knowledge.actors import STATE_INTER
from sitrep.knowledge.gazetteer import (
    MonitoredAreas,
    demonyms,
    distance_km,
    load_gazetteer,
    missions_named,
    monitored_areas,
    namesake,
    same_name,
    to_place,
)
from sitrep.knowledge.monitoredvillages import MonitoredVillage, covered_areas, villages_named
from sitrep.knowledge.placenames import name_key
from sitrep.records import Place, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan


@extractor(
    "locations", requires=("events", "tallies", "places"), assigns=("events.where", "tallies.where")
)
def attach_locations(state: DocState) -> None:
    """The place of each event and tally draft (its sentence, the paragraph, the document)."""
    if not state.events and not state.tallies:
        return
    sentences = {id(m): state.sentence_of(m.span.start) for m in state.places}
    # A dateline alone ("DUBAI, April 18 (Agency) - The Houthis said …") says where the report
    # was filed: the country of the text's actors comes before it.
    main = (
        main_place(state, from_dateline=False)
        or actors_country(state)
        or main_place(state)
        or guessed_place(state)
    )
    named = countries_named(state)  # once per document: it reads every nationality word
    drafts: list[EventDraft | TallyDraft] = [*state.events, *state.tallies]
    coded = coded_places(state)
    busy = {d.sentence for d in drafts}
    missions = missions_named(state.text)
    for draft in drafts:
        remarked = coded_place(state, draft, coded, sentences, busy)
        chosen = remarked or place_for_draft(state, draft, sentences, named)
        draft.where = chosen if chosen is not None else main
        if isinstance(draft, EventDraft):
            # The assembly stage trusts a place of the draft's own sentence more than one
            # borrowed from its paragraph or the document's main place (and a coding remark's
            # as much as its own sentence's).
            draft.extra["place_from"] = ("sentence" if remarked is not None
                                         else place_origin(state, draft, chosen, sentences))
            if chosen is not None and chosen.place.feature == "country":
                # Its own country refined by a town a later mention of it names, as firmly.
                draft.where = _place_referred_to(state, draft, sentences, chosen) or chosen
        if isinstance(draft, EventDraft) and draft.extra.get("place_from") != "sentence":
            border = _border_fight_country(state, draft)
            if border is not None:
                draft.where, draft.extra["place_from"] = border, "sentence"
        draft.where = _monitored_area(state, draft, missions) or draft.where
        if draft.where is None or draft.where.place.feature in ("admin1", "country"):
            where = (f"is coded at {draft.where.place.location}" if draft.where
                     else "has no place")  # fmt: skip
            for name in unresolved_names(state, draft.sentence):
                state.warnings.append(f"places: {name!r} is not in the gazetteer; the event at "
                                      f"{draft.trigger.text!r} {where}")  # fmt: skip


_BORDER_PREPS = frozenset({"at", "on", "along", "across", "near"})


def _border_fight_country(state: DocState, draft: EventDraft) -> PlaceMention | None:
    """A fight placed by nothing but "the border" ("a shoot-out between its border guards and
    smugglers at the border", "troops clashed with infiltrators on the border"), between one
    state's forces and a side that is no state's, was fought where those forces guard their
    own state: that country, precision 3 (the text names no place on either side)."""
    if draft.event_type != "Battles" or state.doc is None:
        return None
    trig, heads = _trigger_heads(state.doc, draft)
    if trig is None:
        return None
    at_border = any(
        t.dep_ == "pobj"
        and t.lemma_.lower() in _BORDERS
        and t.head.lower_ in _BORDER_PREPS
        and t.head.head.i in heads
        for t in trig.root.sent
    )
    if not at_border:
        return None
    sides = [a.actor for a in (draft.actor1, draft.actor2) if a is not None]
    # (inter 8: a state's forces coded as external where the document's country is another)
    forces = [a for a in sides if a.inter in STATE_INTER]
    states = {a.country for a in forces}
    if len(forces) != 1 or None in states:
        return None
    gaz = load_gazetteer()
    code = gaz.country_code(next(iter(states)))
    country = gaz.country_place(code) if code else None
    if country is None:
        return None
    return PlaceMention(draft.trigger, to_place(country, 3, None), 0.3)


def _monitored_area(state: DocState, draft: EventDraft | TallyDraft,
                    missions: list[MonitoredAreas]) -> PlaceMention | None:  # fmt: skip
    """A monitoring mission's observation placed at no more than its country ("the OSCE SMM
    observed 40 explosions near X", X missing from the gazetteer) is in the area of a mission the
    text names (`missions`): the one whose settlements (`monitored_villages.csv`) alone bear a
    name of the sentence the gazetteer lacks, at that settlement's hromada (precision 2), else
    the one most of its reports come from (`monitored_areas.csv`), at its seat, precision 3."""
    where = draft.where
    if where is not None and where.place.feature != "country":
        # "near X, Luhansk": X a village of the oblast the text names (or of its namesake city),
        # whether or not the text names the mission.
        place = where.place
        if place.feature == "admin1" or place.feature == "town" and place.location == place.admin1:
            gaz = load_gazetteer()
            cc = gaz.country_code(place.country)
            for mission in monitored_areas():
                areas = frozenset(a for a in mission.areas if a[0] == cc
                                  and getattr(gaz.admin1.get(a), "name", None) == place.admin1)
                if areas:
                    return _mission_village(state, draft, cc, areas,
                                            _name_before(state, where.span.start))
            # Any other oblast of a country the settlements table covers ("shelled X, Kharkiv"):
            # read from the few covered areas, not the gazetteer's 3,500 (issue 18)
            areas = frozenset(k for k in covered_areas()
                              if k[0] == cc and (a := gaz.admin1.get(k)) is not None
                              and a.name == place.admin1)
            if areas:
                return _mission_village(state, draft, cc, areas,
                                        _name_before(state, where.span.start))
        return None
    if not missions:
        return None
    gaz = load_gazetteer()
    cc = gaz.country_code(where.place.country if where is not None else state.country_hint)
    for mission in missions:
        if mission.main[0] != cc:
            continue
        village = _mission_village(state, draft, cc, mission.areas)
        if village is not None:
            return village
        area = gaz.admin1_place(*mission.main)
        if area is not None:
            return PlaceMention(Span("", 0, 0), to_place(area, 3, None, on=state.published),
                                0.3)  # fmt: skip
    return None


_NUMBERED = re.compile(r"[-\s]+\d+$")  # "Zolote-5": a numbered part of Zolote
# The capitalised words just before ", <area>" ("shelled Nyrkove, Luhansk region")
_NAME_BEFORE_COMMA = re.compile(r"([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}),\s*$")


def _name_before(state: DocState, start: int) -> list[str]:
    """The name written just before the area's mention and a comma ("captured X, Donetsk"),
    read or not (a homonym elsewhere is no reason to pass over the area's own settlement)."""
    if start <= 0:
        return []
    m = _NAME_BEFORE_COMMA.search(state.text, max(0, start - 80), start)
    return [m.group(1)] if m else []


def _mission_village(state: DocState, draft: EventDraft | TallyDraft, cc: str | None,
                     areas: frozenset[tuple[str, str]],
                     named_before: list[str] | None = None) -> PlaceMention | None:  # fmt: skip
    """The settlement of one of the mission's areas that a name of the draft's sentence the
    gazetteer lacks spells ("near Bolotene": a village of the Luhansk oblast only), when all
    such names lie in one area: there, at its hromada's point (precision 2; at the area's seat,
    precision 3, when the area has several of that name). `named_before`: the name written
    just before the area ("X, Luhansk"), looked up first."""
    found: list[tuple[str, list[MonitoredVillage]]] = []
    names = [*(named_before or ()), *unresolved_names(state, draft.sentence)]
    for name in dict.fromkeys(names):
        villages = villages_named(_NUMBERED.sub("", name), areas)
        if villages:
            found.append((name, villages))
    codes = {v.admin1_code for _, villages in found for v in villages}
    if len(codes) != 1:
        return None
    gaz = load_gazetteer()
    area = gaz.admin1_place(cc, codes.pop()) if cc else None
    if area is None:
        return None
    name, villages = found[0]
    if len(villages) > 1:
        return PlaceMention(Span("", 0, 0), to_place(area, 3, name, on=state.published), 0.3)
    village = villages[0]
    town = replace(area, id=f"monitored:{area.country_code}.{area.admin1_code}:{village.name}",
                   name=village.name, asciiname=village.name, alternates=(), feature_class="P",
                   feature_code="PPL", population=0, latitude=village.latitude,
                   longitude=village.longitude, source="monitored")  # fmt: skip
    return PlaceMention(Span("", 0, 0), to_place(town, 2, name, on=state.published), 0.3)


def _place_referred_to(state: DocState, draft: EventDraft, sentences: dict[int, int],
                       country: PlaceMention | None) -> PlaceMention | None:  # fmt: skip
    """The one town or site hanging off a later singular mention that refers back to the
    happening ("… a ship was hit off Yemen. The firm linked the rebels to the strike on the ship
    148 km southeast of Aden"), in its country."""
    for start, end in draft.extra.get("referred_to_by", ()):
        proxy = replace(draft, trigger=state.span(start, end), sentence=state.sentence_of(start),
                        extra={})  # fmt: skip
        fine = [m for m in state.places
                if sentences[id(m)] == proxy.sentence and m.place.feature in ("town", "site")
                and (country is None or m.place.country == country.place.country)
                and attachment(state, proxy, m) == ATTACHED]  # fmt: skip
        noun = state.doc.char_span(start, end, alignment_mode="expand") if state.doc else None
        if len(fine) == 1 and noun is not None and noun.root.tag_ in ("NN", "NNP"):
            return fine[0]  # (not "the attacks on bases A and B": which of them is not said)
    return None


def place_origin(state: DocState, draft: EventDraft, chosen: PlaceMention | None,
                 sentences: dict[int, int]) -> str:  # fmt: skip
    """Where a draft's place came from, for the assembly stage: `sentence` (its own sentence,
    hanging off its trigger or named for its site), `loose` (its own sentence, in another of its
    phrases), `paragraph` (an earlier sentence of its paragraph) or `document` (the main place)."""
    if chosen is None:
        return "document"
    if sentences.get(id(chosen)) != draft.sentence:
        return "paragraph"
    if _hint_offset(draft) is not None or attachment(state, draft, chosen) == ATTACHED:
        return "sentence"
    return "loose"


# --- ACLED's remarks on where a happening is coded --------------------------------------------

# ACLED's notes say where they coded a happening whose own place their gazetteer lacks or which
# spans an area: "[coded to Jalalabad with GP3]", "(coded to Jabal Murays)", "the southern front
# (coded to frontlines in X)", "Coded as provincial capital Kut city", "Coded as Thi Qar
# provincial capital Nassriya". The place such a remark names is where the happening is coded.
_CODED_BEFORE = re.compile(
    r"\bcoded\s+(?:to|as|at)\s+(?:the\s+)?(?:[a-z]+\s+(?:in|of)\s+)?"
    r"(?:[A-Z][\w'’-]*\s+){0,2}?(?:(?:provincial|district|governorate)\s+)?(?:capital\s+)?$",
    re.IGNORECASE,
)
# The remark ends after the name: "X with GP2]", "X city.", "X district)" (not "Wadi" of "(coded
# to Wadi al Mimlah)", the first word of a longer name the gazetteers lack).
_CODED_AFTER = re.compile(
    r"(?:\s+(?:city|town|village|district|area|front|province))?(?:\s+with\s+GP\s*\d)?\s*"
    r"(?:[)\]]|[.,;]|$)", re.IGNORECASE)


def coded_places(state: DocState) -> list[PlaceMention]:
    """The places a note's coding remarks name, in the document's country: "(coded to X)"."""
    if "coded" not in state.text.lower():
        return []
    cc = state.country_hint
    return [m for m in state.places
            if m.place.feature != "country" and (cc is None or m.place.country == cc)
            and _CODED_BEFORE.search(state.text, max(0, m.span.start - 60), m.span.start)
            and _CODED_AFTER.match(state.text, m.span.end)]  # fmt: skip


def coded_place(state: DocState, draft: EventDraft | TallyDraft, coded: list[PlaceMention],
                sentences: dict[int, int], busy: set[int]) -> PlaceMention | None:  # fmt: skip
    """The place a coding remark gives a draft: one in its own sentence, else one in the first
    later sentence of its paragraph that tells no happening of its own ("… protested in front
    of the governorate building. Coded as provincial capital X city."). `busy`: the sentences
    that hold drafts."""
    if not coded:
        return None
    own = [m for m in coded if sentences[id(m)] == draft.sentence]
    if not own and 0 <= draft.sentence < len(state.sentences):
        sent = state.sentences[draft.sentence]
        para = state.paragraph_at(sent.start)
        later = sorted({sentences[id(m)] for m in coded
                        if sentences[id(m)] > draft.sentence and sentences[id(m)] not in busy
                        and (para is None or m.span.start < para.end)})  # fmt: skip
        if later and not any(draft.sentence < b < later[0] for b in busy):
            own = [m for m in coded if sentences[id(m)] == later[0]]
        elif not later and _cut_before(state, draft.sentence, busy):
            # "… village of X township (coded as X) (Y district, Z state), fighting broke out":
            # the parser cut the sentence between the two parentheses; the remark is its own,
            # unless it lies outside the areas the rest names (a spelling guess elsewhere).
            areas = [m.place for m in state.places if sentences[id(m)] == draft.sentence
                     and m.place.feature in ("admin1", "admin2")]  # fmt: skip
            cut = [m for m in coded if sentences[id(m)] == draft.sentence - 1
                   and all(a.country != m.place.country or a.admin1 == m.place.admin1
                           for a in areas)]  # fmt: skip
            chosen = most_specific(cut, near=draft.trigger.start, country=state.country_hint,
                                   text=state.text)  # fmt: skip
            return _with_district(chosen, areas) if chosen is not None else None
    if not own:
        return None
    return most_specific(own, near=draft.trigger.start, country=state.country_hint,
                         text=state.text)  # fmt: skip


def _with_district(pm: PlaceMention, areas: list[Place]) -> PlaceMention:
    """A town without a district taking the one district (admin2 area) of its admin1 area that
    the text names beside it: "X (coded as X) (Y district, Z state)" is in district Y."""
    districts = {a.admin2 for a in areas if a.feature == "admin2" and a.admin2
                 and a.country == pm.place.country and a.admin1 == pm.place.admin1}  # fmt: skip
    if pm.place.feature != "town" or pm.place.admin2 or len(districts) != 1:
        return pm
    return replace(pm, place=replace(pm.place, admin2=districts.pop()))


def _cut_before(state: DocState, index: int, busy: set[int]) -> bool:
    """Whether sentence `index` is the rest of the one before it, which the parser cut off at a
    parenthesis: the earlier one ends in ")" with no full stop, the later opens with "(", both in
    one paragraph, and the earlier tells no happening of its own (not in `busy`)."""
    if index < 1 or index >= len(state.sentences) or index - 1 in busy:
        return False
    before, sent = state.sentences[index - 1], state.sentences[index]
    para = state.paragraph_at(sent.start)
    if para is None or before.start < para.start:
        return False
    return before.text.rstrip().endswith(")") and sent.text.startswith("(") and (
        not state.text[before.end : sent.start].strip())


# --- choosing the place of a draft -----------------------------------------------------------


def specificity(pm: PlaceMention) -> tuple[float, float]:
    """Lower is more specific: a site, a town, a subdistrict (a township), a town's
    surroundings (or a town named for its district), a district, a region."""
    place = pm.place
    if place.feature == "admin2" and place.admin3 and same_name(place.location, place.admin3):
        return (1, 1.5)  # "(Pauk township, Pakokku district)": finer than the district's seat
    return (SPECIFICITY.get(place.feature, 5), place.geo_precision or 3)


def most_specific(mentions: list[PlaceMention], near: int | None = None,
                  country: str | None = None, text: str = "",
                  named_elsewhere: frozenset[str] = frozenset(),
                  country_first: bool = True,
                  context: list[PlaceMention] | None = None) -> PlaceMention | None:  # fmt: skip
    """The most specific mention, in `country` first; among equals the nearest to `near`.

    The country comes first because a foreign capital in a sentence is usually its government
    ("an operation launched by Washington"), not where the happening is; `country_first` False
    drops that preference when the parse already says the places are where it happened. A town
    outside every governorate the same sentence names ("Baglar neighborhood of Bagcilar,
    Istanbul" read as the Baglar in Diyarbakir) and a place someone comes "from" rank after the
    others. `context` (all the sentence's places, when `mentions` are only some of them) is where
    containing governorates and towns are looked for.
    """
    if not mentions:
        return None
    around = context if context is not None else mentions
    # A foreign place only counts when the text names its country (here, or in `named_elsewhere`:
    # the countries the document names): a village abroad that shares a local name ("el Mina"
    # read as Minna, Nigeria) is the usual false match.
    named = {m.place.country for m in mentions if m.place.feature == "country"} | named_elsewhere
    if country:
        # A named site ("Baghdad airport", "Ain al-Asad air base") is no homonym: it stays.
        mentions = [
            m for m in mentions if m.place.country in named | {country} or m.place.feature == "site"
        ] or [m for m in mentions if m.place.feature == "country"]
        if not mentions:
            return None
    # Governorates named as containers: "X in Y", "X district of Y", "X, Y", "(X, Y)" (among the
    # places kept above: a false match abroad contains nothing).
    # A town named by its admin1 area's own spelling ("X, Dnipropetrovsk": the city of Dnipro,
    # "X, Mykolaiv": Mykolayiv) names the area as well.
    holders = [m for m in around
               if (m.place.feature == "admin1" or namesake(m.place.location, m.place.admin1)
                   or (m.place.feature == "town" and namesake(m.span.text, m.place.admin1)))
               and _container_cue(text, m.span.start)]  # fmt: skip
    regions = {(m.place.country, m.place.admin1) for m in holders}
    # A city that is an admin1 area of its own ("X, Kyiv": Kyiv City) also names the area around
    # it that bears its name (the Kyiv oblast).
    regions |= {(m.place.country, m.place.location) for m in holders
                if m.place.feature == "town" and not same_name(m.place.location, m.place.admin1)}
    # Containers in two countries ("Al Quds - Silwan (Al Quds, West Bank)", Jerusalem filed
    # under Israel): those in the document's country hold the place.
    regions = {r for r in regions if r[0] == country} or regions

    provinces = {(m.place.country, m.place.admin1) for m in around if m.place.feature == "admin1"}
    # Towns named as containers: "the Al-Nur quarter in Hama" (not a province's namesake capital:
    # "a village, Hama" names the province).
    towns = [m for m in around if m.place.feature in ("town", "site")
             and m.place.latitude is not None
             and re.search(r"\bin\s+$", text[max(0, m.span.start - 4) : m.span.start])
             and not namesake(m.place.location, m.place.admin1)]  # fmt: skip

    def outside(m: PlaceMention) -> bool:
        if m.place.feature in ("admin1", "country"):
            return False
        if regions and any(slip_of_area(text, h, m) for h in holders):
            return False  # "Northby, Westshire" with Northby a known city of another province
        # A name just before a town that holds it, resolved far from that town, is a homonym
        # elsewhere ("the Al-Nur quarter in Hama" read as a village called Al-Nur far away).
        holder = next((t for t in towns if 0 < t.span.start - m.span.end <= 30
                       and (not provinces or (t.place.country, t.place.admin1) in provinces)),
                      None)  # fmt: skip
        here, there = m.place, holder.place if holder is not None else None
        if there is not None and None not in (here.latitude, here.longitude):
            far = distance_km(here.latitude or 0.0, here.longitude or 0.0,
                              there.latitude or 0.0, there.longitude or 0.0)  # fmt: skip
            # "X area in Y district": a district named after its town reaches farther.
            district = re.match(r"\s+district\b", text[holder.span.end :]) if holder else None
            if far > (DISTRICT_HOLDER_KM if district else HOMONYM_KM):
                return True
        if not regions:
            return False
        return (m.place.country, m.place.admin1) not in regions

    def part_of_later(m: PlaceMention) -> bool:
        # "Raju street of Afrin city": a street or quarter of a town the sentence goes on to name.
        return SUBPLACE_AFTER.match(text, m.span.end) is not None and any(
            o.span.start > m.span.end for o in mentions
        )

    def origin(m: PlaceMention) -> bool:
        # "a man from Afrin", "displaced people from Sarmin": where someone comes from; "tankers
        # passing through Basira on the way to Al Omar": where they were going.
        if DESTINATION_BEFORE.search(text, max(0, m.span.start - 24), m.span.start):
            return True
        lo = max(0, m.span.start - 80)
        window = text[lo : m.span.start]
        cut = m.span.start
        for start, end in sorted({(o.span.start, o.span.end) for o in mentions}, reverse=True):
            if lo <= start and end <= cut:  # other names read as fillers, right to left
                window = window[: start - lo] + " and " + window[end - lo :]
                cut = start
        before = re.findall(r"[a-z]+", window.lower())
        while before and before[-1] in FROM_FILLERS:  # "from the towns of A and B"
            before.pop()
        if not before or before[-1] != "from":
            return False
        k = len(before) - 1
        if k > 1 and before[k - 1] in ORIGIN_ADVERBS:  # "fighters are also from Deir-ez-Zor"
            k -= 1
        if k > 0 and (before[k - 1] in PEOPLE or before[k - 1] in ORIGIN_VERBS):
            return True
        # "reinforcements arrived in Radman district from the cities of Rada": where they came from.
        return any(w in MOVEMENT for w in before[max(0, k - 8) : k])

    def reference(m: PlaceMention) -> bool:
        # "Sirwah district west of Marib city": a point of reference for the place just named.
        gap = _REFERENCE_BEFORE.search(text, max(0, m.span.start - 60), m.span.start)
        return gap is not None and any(
            o is not m and o.place.feature in ("town", "site", "admin2") and not outside(o)
            and 0 <= gap.start() - o.span.end <= 2 for o in mentions)  # fmt: skip

    def holds_another(m: PlaceMention) -> bool:
        # "a checkpoint in X in Y", "X, Y": the town Y holds the place X just before it, which
        # is the finer of the two.
        return m.place.feature == "town" and any(
            o.place.feature in ("town", "site") and 0 < m.span.start - o.span.end <= 12
            and _HOLDS_GAP.fullmatch(text, o.span.end, m.span.start) is not None
            for o in mentions)  # fmt: skip

    return min(
        mentions,
        key=lambda m: (
            country_first and bool(country) and m.place.country != country,
            outside(m),
            part_of_later(m),
            origin(m),
            reference(m),
            *specificity(m),
            holds_another(m),
            abs(m.span.start - near) if near is not None else m.span.start,
        ),
    )


_HOLDS_GAP = re.compile(r"\s+in\s+|\s*,\s*")
# Between such a city and the admin1 area named as holding it: "X, Y", "X (Y", "X city (Y".
_SLIP_GAP = re.compile(r"(?:\s+(?:city|town|municipality))?\s*[,(]\s*", re.IGNORECASE)


def known_town(m: PlaceMention) -> bool:
    """The mention is a city of `KNOWN_TOWN_POPULATION` or more and nothing else of its country
    bears its name, in any table (no village, site, or district beyond the city's own area):
    "in Northby, Westshire" with Northby a city of another province is that city, the province a
    slip of the writer's, rather than an unknown village of Westshire."""
    if m.place.feature != "town" or not m.place.country:
        return False
    gaz, key = load_gazetteer(), name_key(m.span.text)
    here = [c for c in gaz.exact(key) if c.country == m.place.country]
    if len(here) != 1 or here[0].feature_class != "P" or (
            here[0].population < KNOWN_TOWN_POPULATION
            or (here[0].latitude, here[0].longitude) != (m.place.latitude, m.place.longitude)):
        return False
    # Named by its own name, not by a stray alternate ("Westside" of a Las Vegas).
    own = {name_key(here[0].name), name_key(here[0].asciiname)}
    if not any(key in n or n in key for n in own if n):
        return False
    return all(d.admin1_code == here[0].admin1_code for d in gaz.districts(key)
               if d.country == m.place.country)  # fmt: skip


def slip_of_area(text: str, area: PlaceMention, m: PlaceMention) -> bool:
    """`area`, an admin1 area, is named right after the known city `m` as holding it: "X, Y"."""
    # the words' shape first: the gazetteer lookups of `known_town` only for "X, Y" itself
    return (area.place.feature == "admin1"
            and _SLIP_GAP.fullmatch(text, m.span.end, area.span.start) is not None
            and known_town(m))


# "X district west of ", "X area, 5 km north of the ": the words between a place and the point of
# reference that locates it.
_REFERENCE_BEFORE = re.compile(
    rf"(?:\s+(?:district|area|village|town|camp|front|axis))?,?\s+{COMPASS_OF}\s+(?:the\s+)?$",
    re.IGNORECASE,
)


# Between a place and its container, at most two words: "X' axis in Y", "X (Z) area in Y",
# "X district, Y".
_HELD_GAP = re.compile(r"['’]?\)?(?:\s+[a-z]+){0,2}(?:\s+(?:in|of)\s+(?:the\s+)?|\s*,\s*)",
                       re.IGNORECASE)
# Between a place and the district or governorate in the parenthesis after it: "X (Y",
# "X area (Y", "X municipality-2 (Y".
_PAREN_GAP = re.compile(r"(?:[\s-]+[\w-]+){0,2}\s*\(")
# A place named as inside a town is within this distance of it; inside a district named after
# its town, within the second (a district reaches tens of kilometres from its seat).
HOMONYM_KM = 25.0
DISTRICT_HOLDER_KM = 50.0


def _container_cue(text: str, start: int) -> bool:
    """The name follows "X in", "X, ", "(X, " or "X district of": it holds the place before it.
    ("the eastern countryside of Deir Ezzor" is a region of its own, not a container.)"""
    before = text[max(0, start - 24) : start].lower().rstrip()
    if before.endswith((",", "(")) or re.search(r"(?:^|\W)in$", before):
        return True
    return re.search(r"(?:district|area|neighbou?rhood|village|town|city|suburb|sub-district)"
                     r"\s+of$", before) is not None


def _hint_offset(draft: EventDraft | TallyDraft) -> tuple[int, int] | None:
    extra = getattr(draft, "extra", None) or {}
    for key in ("place_span", "place_hint"):
        value = extra.get(key)
        if isinstance(value, Span):
            return value.start, value.end
        if isinstance(value, (tuple, list)) and len(value) == 2:
            return int(value[0]), int(value[1])
    return None


def place_for_draft(state: DocState, draft: EventDraft | TallyDraft, sentences: dict[int, int],
                    named: frozenset[str]) -> PlaceMention | None:  # fmt: skip
    """The draft's own sentence first, then the nearest earlier sentence of its paragraph.
    `named`: the countries the document names (`countries_named`)."""
    mentions = state.places
    hint = _hint_offset(draft)
    # "EASTON: Gunmen killed four in a village to the south": a dateline says where the report
    # was filed, not where anything happened.
    own = [
        m for m in mentions
        if sentences[id(m)] == draft.sentence and not is_dateline(state.text, m.span.start)
    ]
    if hint is not None:
        inside = [m for m in mentions if m.span.start < hint[1] and hint[0] < m.span.end]
        if inside:
            return most_specific(inside, country=state.country_hint, text=state.text)
        if own:
            # The nearest place, but a country only when the sentence has nothing finer.
            cc = state.country_hint
            return min(own, key=lambda m: (
                bool(cc) and m.place.country != cc, m.place.feature == "country",
                abs(m.span.start - hint[0]), *specificity(m),
            ))  # fmt: skip
    if (doer := _striker_country(state, draft, own)) not in (None, state.country_hint):
        # "Ruritania carried out air strikes on hideouts" in a text about another country: the
        # country that struck, named as the doer, says who, not where (the strike lands across
        # the border): the paragraph, else the document, tells where. (In a text about the
        # doer's own country, its name stays the place: "Ruritania test-fired a missile".)
        own = [m for m in own if not (m.place.feature == "country" and m.place.country == doer)]
    if own:
        # Where the happening took place first: a place hanging off the trigger or its verb
        # ("struck positions in eastern Ruritania"), before one inside another phrase of the
        # sentence ("a depot that lies on the border between two countries"), an actor's name
        # ("the Liberation Front of Ruritania") or an agent ("launched by the capital").
        ranks = {id(m): attachment(state, draft, m) for m in own}
        # A governorate named as the container of a place ("in X, Y", "X (Y)") stands where X
        # does; and X where its container does ("X area in Y district", "X' axis in Y
        # countryside", whichever of the two the parse hangs off the trigger), `most_specific`
        # then taking the finer (only across at most two words: not "from X clashed at a
        # station in Y"). Not into a parenthesis: "X (district, governorate)" is ACLED's own
        # notation, read as it stands.
        pairs = []
        for m in own:
            before = [o for o in own if 0 < m.span.start - o.span.end <= 40]
            if before and _container_cue(state.text, m.span.start):
                held = max(before, key=lambda o: o.span.end)
                gap = state.text[held.span.end : m.span.start]
                both = _HELD_GAP.fullmatch(gap) is not None and not state.text[
                    : held.span.start].endswith("(")  # "(district, governorate)" stands as is
                pairs.append((m, held, both))
        for _ in range(2):  # chains: "X (Z) area in Y district"
            for m, held, both in pairs:
                ranks[id(m)] = min(ranks[id(m)], ranks[id(held)])
                if both:
                    ranks[id(held)] = ranks[id(m)]
        if isinstance(draft, EventDraft):
            # "40 killed in strikes in Iraq and Syria": told for several countries at once, a
            # total over several happenings (the assembly stage gives its toll to none of them).
            attached = {m.place.country for m in own
                        if ranks[id(m)] == ATTACHED and m.place.feature == "country"}  # fmt: skip
            draft.extra["countries_told"] = len(attached)
        best = min(ranks.values())
        chosen = most_specific([m for m in own if ranks[id(m)] == best], near=draft.trigger.start,
                               country=state.country_hint, text=state.text,
                               named_elsewhere=named, country_first=best != ATTACHED,
                               context=own)  # fmt: skip
        if chosen is not None and best < IN_ACTOR_NAME:
            chosen = _inside_named_region(state, draft, own, chosen, named)
        if best == ATTACHED and chosen is None:
            chosen = _place_beside_topic(state, draft, own, ranks)
        if best == ATTACHED and chosen is not None:
            chosen = _finer_inside(state, draft, own, ranks, chosen, named)
        # A sentence whose only place is inside an actor's name ("the Islamic Resistance in
        # Ruritania claimed it targeted the base"), where it was fired from ("rockets launched
        # from the valley were intercepted") or in what it followed says no more of where the
        # happening was than a sentence naming no place: the paragraph, else the document, does.
        return chosen if best < IN_ACTOR_NAME else _paragraph_place(state, draft, sentences, named)
    return _paragraph_place(state, draft, sentences, named)


def _holds(text: str, m: PlaceMention, o: PlaceMention) -> bool:
    """`m` holds `o`, the name just before it: "X, Y", "X in Y", "X (Y)", "X area (Y"."""
    gap = text[o.span.end : m.span.start]
    return o is not m and 0 < len(gap) <= 40 and bool(
        _HELD_GAP.fullmatch(gap) or _PAREN_GAP.fullmatch(gap))


def _inside_named_region(state: DocState, draft: EventDraft | TallyDraft,
                         own: list[PlaceMention], chosen: PlaceMention,
                         named: frozenset[str]) -> PlaceMention:  # fmt: skip
    """ "In Northby, Westshire, gunmen attacked a patrol in Camford community": a town the
    trigger hangs off that lies outside the governorate the sentence names as holding it, or as
    holding a town named before it, is a homonym elsewhere; the sentence's places inside that
    governorate stand instead. A district named as such holds it too ("Khalanga area (Jajarkot
    district)"). (Not a list of governorates, "Chiapas, Puebla": none holds the other; nor a
    governorate holding a place named after the chosen one: "in Oslo to oppose closures in Voss,
    Vestland".)"""
    if chosen.place.feature in ("admin1", "country"):
        return chosen
    cc, text = state.country_hint, state.text

    def region(m: PlaceMention) -> bool:
        area = m.place.feature == "admin1" or same_name(m.place.location, m.place.admin1)
        district = m.place.feature == "admin2" and re.match(r"\s+district\b", text[m.span.end :])
        if m.place.country != cc or not (area or district):
            return False
        held = [o for o in own
                if o.place.feature in ("town", "site", "admin2")
                and not same_name(o.place.location, o.place.admin1)
                and _holds(text, m, o)]
        return any(o is chosen for o in held) or bool(held and m.span.end <= chosen.span.start)

    regions = {(m.place.country, m.place.admin1) for m in own if region(m)}
    if not regions or (chosen.place.country, chosen.place.admin1) in regions:
        return chosen
    if any(region(m) and slip_of_area(text, m, chosen) for m in own):
        return chosen
    inside = [m for m in own if m.place.feature != "country"
              and (m.place.country, m.place.admin1) in regions]  # fmt: skip
    if not inside:
        return chosen
    return most_specific(inside, near=draft.trigger.start, country=cc, text=text,
                         named_elsewhere=named, context=own) or chosen


def _trigger_heads(doc: Doc, draft: EventDraft) -> tuple[SpacySpan | None, set[int]]:
    """The draft's trigger in the parse, and the tokens that head it: its root and the verb
    whose clause holds it."""
    trig = doc.char_span(draft.trigger.start, draft.trigger.end, alignment_mode="expand")
    if trig is None:
        return None, set()
    verb = governing_verb(trig.root)
    return trig, {trig.root.i} | ({verb.i} if verb is not None else set())


def _striker_country(state: DocState, draft: EventDraft | TallyDraft,
                     own: list[PlaceMention]) -> str | None:  # fmt: skip
    """The country whose name in a strike draft's sentence is the subject of the trigger's verb
    ("Ruritania struck …", "Ruritania carried out strikes …")."""
    if state.doc is None or not isinstance(draft, EventDraft) or draft.event_type != REMOTE:
        return None
    trig, verbs = _trigger_heads(state.doc, draft)
    if trig is None:
        return None
    for m in own:
        place = state.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        if (m.place.feature == "country" and place is not None and place.root.dep_ == "nsubj"
                and place.root.head.i in verbs):  # fmt: skip
            return m.place.country
    return None


def _place_beside_topic(state: DocState, draft: EventDraft | TallyDraft,
                        own: list[PlaceMention], ranks: dict[int, int]) -> PlaceMention | None:
    """ "gathered in X to protest deportations to Ruritania": the document's country, named
    only as what the happening is about (no province or district of it in the sentence), gives
    way to the town the happening hangs off, though the text does not name that town's country.
    (A homonym abroad of a local village stays ruled out: its sentence names no such topic.)"""
    hint = state.country_hint
    attached = [m for m in own if ranks[id(m)] == ATTACHED]
    topic = any(m.place.country == hint and m.place.feature == "country" for m in own)
    held = any(m.place.country == hint and m.place.feature in ("admin1", "admin2") for m in own)
    if not topic or held:
        return None
    chosen = most_specific(attached, near=draft.trigger.start, text=state.text, context=own)
    return chosen if chosen is not None and chosen.place.feature == "town" else None


def _finer_inside(state: DocState, draft: EventDraft | TallyDraft, own: list[PlaceMention],
                  ranks: dict[int, int], chosen: PlaceMention,
                  named: frozenset[str]) -> PlaceMention:  # fmt: skip
    """A country or governorate hanging off the trigger gives way to a finer place inside it
    that another phrase of the sentence names ("entered Ruritania through a crossing and headed
    to their bases in X area", "deployed forces in Y governorate and inspected buildings in the
    X area"): ACLED codes the most specific place the text gives. Not a place inside an actor's
    name, where something came from, or someone's origin (`most_specific` ranks those last)."""
    area = chosen.place
    if area.feature not in ("country", "admin1"):
        return chosen
    finer = [m for m in own if ranks[id(m)] == ELSEWHERE
             and m.place.feature in ("town", "site", "admin2") and m.place.country == area.country
             and (area.feature == "country" or m.place.admin1 == area.admin1)
             and _in_conjunct_clause(state, draft, m)]  # fmt: skip
    if not finer:
        return chosen
    return most_specific([chosen, *finer], near=draft.trigger.start, country=state.country_hint,
                         text=state.text, named_elsewhere=named, context=own) or chosen


def _in_conjunct_clause(state: DocState, draft: EventDraft | TallyDraft,
                        mention: PlaceMention) -> bool:  # fmt: skip
    """The mention hangs off a verb coordinated with the trigger's ("entered Ruritania and headed
    to bases in X"), not off another clause ("…, triggering a warning on X")."""
    if state.doc is None:
        return False
    trig = state.doc.char_span(draft.trigger.start, draft.trigger.end, alignment_mode="expand")
    place = state.doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    if trig is None or place is None:
        return False
    verb, other = governing_verb(trig.root), governing_verb(place.root)
    return verb is not None and other is not None and other.dep_ == "conj" and other.head == verb


def _paragraph_place(state: DocState, draft: EventDraft | TallyDraft, sentences: dict[int, int],
                     named: frozenset[str]) -> PlaceMention | None:  # fmt: skip
    """The most specific place of the nearest earlier sentence of the draft's paragraph, or of
    the sentence just before a paragraph the draft's sentence opens."""
    mentions = state.places
    if 0 <= draft.sentence < len(state.sentences):
        sent = state.sentences[draft.sentence]
        para = state.paragraph_at(sent.start)
        if para is not None:
            earlier = [
                m for m in mentions
                if para.start <= m.span.start < sent.start
                and not is_dateline(state.text, m.span.start)
            ]
            if earlier:
                last = max(sentences[id(m)] for m in earlier)
                same = [m for m in earlier if sentences[id(m)] == last]
                return most_specific(same, country=state.country_hint, text=state.text)
            if para.start == sent.start:
                # News paragraphs are often one sentence long: the sentence just before the
                # paragraph says where a sentence naming no place is ("… have died in Gaza this
                # week. / Three of them died when a jet bombed their car."), through one more
                # placeless one-sentence paragraph ("/ Two others were shot on Saturday.").
                for back in range(1, _PLACELESS_PARAGRAPHS + 2):
                    i = draft.sentence - back
                    if i < 0:
                        break
                    before = [m for m in mentions if sentences[id(m)] == i
                              and not is_dateline(state.text, m.span.start)]  # fmt: skip
                    if before:
                        return most_specific(before, country=state.country_hint,
                                             text=state.text, named_elsewhere=named,
                                             country_first=False)  # fmt: skip
                    if not _whole_paragraph(state, state.sentences[i]):
                        break
    return None


_PLACELESS_PARAGRAPHS = 1  # how many placeless one-sentence paragraphs the place carries over


def _whole_paragraph(state: DocState, sent: Span) -> bool:
    para = state.paragraph_at(sent.start)
    return para is not None and para.start == sent.start and sent.end >= para.end - 1


def countries_named(state: DocState) -> frozenset[str]:
    """The countries a document names, by name or by nationality word ("the Iraqi border")."""
    gaz = load_gazetteer()
    named = {m.place.country for m in state.places if m.place.feature == "country"}
    codes = demonyms()
    # The text's few capitalised words looked up, not the whole list of nationality words.
    for word in set(re.findall(r"[A-Z][a-z]+", state.text)).intersection(codes):
        if codes[word] in gaz.countries:
            named.add(gaz.countries[codes[word]].name)
    return frozenset(c for c in named if c)


# Prepositions that introduce who did it, not where it happened.
_NOT_WHERE = frozenset({"by"})
_CLAUSE_CHAIN = frozenset({"xcomp", "advcl", "conj"})
_NOT_WHERE_DEPS = frozenset({"agent", "poss"})
# Nouns whose possessor is a place, not an owner ("Turkey's strikes" is Turkey's; "Pakistan's
# territory" is in Pakistan).
_PLACE_OF = frozenset(
    "border borders territory soil airspace waters coast side north south east west northeast "
    "northwest southeast southwest interior heartland countryside capital province region "
    "outskirts".split()
)
_BORDERS = frozenset({"border", "frontier", "boundary"})
# Where a thing hit was ("off the coast of X"); narrower than the trigger lexicon's locative
# prepositions: "shot at by gunmen on the X-Y road" names a road, often after a town elsewhere.
_LOCATIVE_PREPS = frozenset({"in", "at", "near", "off", "outside", "inside"})
# AWAY: a place the sentence ties to something else (where the weapon came from, what the
# happening followed).
ATTACHED, ELSEWHERE, IN_ACTOR_NAME, AWAY = 0, 1, 2, 3
# Verbs whose object is another happening or thing the subject is placed in time against.
_SEQUENCE_VERBS = frozenset({"follow", "precede", "coincide"})
# What a demonstration is about is not where it is: "marched in the capital against the war in the
# north".
_DEMONSTRATIONS = frozenset({"Protests", "Riots"})
_TOPIC_PREPS = frozenset({"against", "over", "about", "for", "with"})
# Nouns after "from" that name where something came from: "shells fired from the border area".
_ORIGIN_NOUNS = frozenset(
    {"area", "areas", "direction", "territory", "side", "region", "country", "outskirts"}
)


_NOMINAL_DEPS = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "compound"})
# A distance before "from" makes it a location: "3 km from the base", "miles away from the town".
_DISTANCE_WORDS = frozenset(
    {"km", "kms", "kilometers", "kilometres", "miles", "meters", "metres", "m", "yards", "away"}
)


# A dateline: the filing places in capitals, then a dash ("AMMAN - ", "KARAK, Jordan:",
# "WASHINGTON/BEIRUT, Jan 5 (Reuters) -"), at the start of a line.
_DATELINE = re.compile(r"([A-Z][A-Z '’./-]+)(?:,[^\n:–—-]{0,40})?\s*(?:[-–—:](?=\s)|\()")


def is_dateline(text: str, start: int) -> bool:
    """Whether the place named at `start` is one of a dateline's filing places."""
    line = text.rfind("\n", 0, start) + 1
    match = _DATELINE.match(text, line)
    return match is not None and start < match.end(1)


def is_dateline_date(text: str, start: int) -> bool:
    """Whether `start` falls in a dateline's filing date ("KHARTOUM, March 3 (Reuters) -")."""
    line = text.rfind("\n", 0, start) + 1
    match = _DATELINE.match(text, line)
    return match is not None and match.end(1) <= start < match.end()


def _actor_tokens(state: DocState) -> frozenset[int]:
    """Character offsets of the tokens inside organisation actor mentions."""
    if state.doc is None:
        return frozenset()
    starts: set[int] = set()
    for a in state.actors:
        if a.kind != "org":
            continue
        span = state.doc.char_span(a.span.start, a.span.end, alignment_mode="expand")
        starts.update(t.idx for t in span or ())
    return frozenset(starts)


def _launch_site(prep: Token) -> bool:
    """ "from the valley", "from the border area", "from Ruritanian territory": where it came
    from, not where it happened (but "abducted from his home in X" is where it happened, and
    "a few kilometres from X" is near X)."""
    if prep.i > 0 and prep.doc[prep.i - 1].lower_ in _DISTANCE_WORDS:
        return False
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return any(
        o.ent_type_ in ("GPE", "LOC") or o.pos_ == "PROPN" or o.lower_ in _ORIGIN_NOUNS
        for o in objects
    )


def attachment(state: DocState, draft: EventDraft | TallyDraft, mention: PlaceMention) -> int:
    """How a place mention stands to a draft's trigger in the parse: `ATTACHED` when it hangs off
    the trigger or the trigger's verb (or a verb it is a purpose or conjunct of) with no other
    verb between and not as an agent ("by …") or a possessor ("Turkey's strikes"); `AWAY` where a
    weapon came "from" or inside what the happening "followed"; `IN_ACTOR_NAME` inside the name
    of an actor ("the Liberation Front of Ruritania"); else `ELSEWHERE`."""
    if _inside_actor_name(state, mention):
        return IN_ACTOR_NAME
    span = mention.span
    if is_dateline(state.text, span.start):
        return ELSEWHERE  # "AMMAN - …": where the report was filed
    if state.doc is None:
        return ELSEWHERE
    trig = state.doc.char_span(draft.trigger.start, draft.trigger.end, alignment_mode="expand")
    place = state.doc.char_span(span.start, span.end, alignment_mode="expand")
    if trig is None or place is None:
        return ELSEWHERE
    targets = {trig.root.i}
    if not _sequenced(trig.root):
        verb = trig.root
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        targets.add(verb.i)
        # The clauses the trigger's clause belongs to: "gathered in Fougeres to demonstrate".
        # (not into a clause beside it or joined to it with a subject of its own: "one drone
        # hit a field in X and another struck a depot near Y")
        while (verb.dep_ in _CLAUSE_CHAIN and verb.head.i != verb.i and not set_beside(verb)
               and not joined_with_own_subject(verb)):  # fmt: skip
            verb = verb.head
            targets.add(verb.i)
    token = place.root
    if token.dep_ in ("nsubj", "nsubjpass") and mention.place.feature == "country":
        return ELSEWHERE  # "Iran has attacked …": a country doing it, not where it was done
    if (mention.place.feature == "country" and token.dep_ == "pobj"
            and token.head.dep_ == "agent"):  # fmt: skip
        # "smugglers supported by Iran", "a militia backed by Turkey": the country is who
        # supports or does it, named as an actor is, not where anything happened
        return IN_ACTOR_NAME
    actor_tokens = _actor_tokens(state)
    kind = draft.event_type if isinstance(draft, EventDraft) else draft.counted_event_type
    topics = _TOPIC_PREPS if kind in _DEMONSTRATIONS else frozenset()
    located = False  # passed a locative preposition on the way up
    for step in range(12):
        if token.dep_ == "poss" and token.head.lemma_.lower() in _PLACE_OF:
            pass  # "inside Pakistan's borders", "in Syria's north": the possessor is the place
        elif located and token.dep_ == "agent" and token.head.i in targets and not any(
            c.idx in actor_tokens or c.ent_type_ in ("PERSON", "ORG", "NORP")
            for c in token.subtree
        ):
            pass  # "a tanker struck by missiles off the coast of X" (not "by fighters in X"): the
            # parser hung the place low
        elif token.dep_ in _NOT_WHERE_DEPS or token.lower_ in _NOT_WHERE or token.lower_ in topics:
            return ELSEWHERE
        located = located or (token.dep_ == "prep" and token.lower_ in _LOCATIVE_PREPS)
        if token.lower_ == "from" and _launch_site(token):
            # The launch site itself ("from Gaza", "from the Rafah area"), not a name further
            # down a phrase the parser hung below it; a march starts where it happens ("set out
            # from Beirut").
            return AWAY if step <= 3 and kind not in _DEMONSTRATIONS else ELSEWHERE
        if token.lower_ == "with" and token.head.lemma_.lower() in _BORDERS:
            return ELSEWHERE  # "6 km from the border with Israel": the other side of it
        if token.lower_ == "of" and token.head.idx in actor_tokens:
            return ELSEWHERE  # "the military forces of Ruritania": whose forces, not where
        if token.head.i == token.i:
            return ELSEWHERE
        if token.dep_ == "dobj" and token.head.lemma_ in _SEQUENCE_VERBS:
            return AWAY  # "the attack followed the entry of aid into Gaza": another thing's
        if token.dep_ == "appos" and any(t.text == ":" for t in token.doc[token.head.i : token.i]):
            return AWAY  # a headline's two parts ("X's killing: leader orders attack on Y")
        token = token.head
        if token.i in targets:
            return ATTACHED
        if _while_doing(token) and token.head.i in targets:
            return ATTACHED  # "killed while reporting in X": where the victims were
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in _NOMINAL_DEPS and not (
            token.dep_ == "acl" and token.tag_ == "VBG"
        ):
            # (a "verb" as object or subject is a noun mis-tagged: "a drone"; an -ing participle
            # modifying a noun tells where that thing was going: "drones flying across the north")
            return ELSEWHERE
    return ELSEWHERE


def _sequenced(trigger: Token) -> bool:
    """A happening named as what another one followed or preceded ("struck targets in the south
    after a shoot-out at the border"): the places of the verb it hangs off are the other
    happening's; only its own phrase says where it was."""
    tok = trigger
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        if tok.dep_ == "pobj" and tok.head.lower_ in SEQUENCE_PREPS:
            return True
        tok = tok.head
    return False


def _while_doing(verb: Token) -> bool:
    """ "(killed) while reporting", "(shot) while fishing": what the people it happened to were
    doing, where it happened to them."""
    return verb.dep_ == "advcl" and verb.tag_ == "VBG" and any(
        c.dep_ == "mark" and c.lower_ == "while" for c in verb.children
    )


def actors_country(state: DocState) -> PlaceMention | None:
    """No place in the text: the country most of its actors belong to ("Turkish Government",
    "TMF"), at its capital, precision 3 — better than no place at all."""
    gaz = load_gazetteer()
    counts = Counter(
        cc for a in state.actors if (cc := gaz.country_code(getattr(a.actor, "country", None)))
    )
    if not counts:
        return None
    country = gaz.country_place(max(sorted(counts), key=lambda cc: counts[cc]))
    return PlaceMention(Span("", 0, 0), to_place(country, 3, None), 0.2) if country else None


def guessed_place(state: DocState) -> PlaceMention | None:
    """No place, no country's actor: the classifier's guess (`state.country_guess`, set by the
    places extractor) as the country, precision 3 (as `actors_country`)."""
    gaz = load_gazetteer()
    code = gaz.country_code(state.country_guess)
    country = gaz.country_place(code) if code else None
    return PlaceMention(Span("", 0, 0), to_place(country, 3, None), 0.1) if country else None


def main_place(state: DocState, from_dateline: bool = True) -> PlaceMention | None:
    """The document's main place: its most mentioned place in the main country, else the country
    (with `from_dateline` false, not when a dateline is the only place the text names)."""
    gaz = load_gazetteer()
    cc = gaz.country_code(state.country_hint)
    pool = [
        m for m in state.places
        if (cc is None or m.place.iso3 == gaz.countries[cc].iso3)
        and not is_dateline(state.text, m.span.start)
    ]
    if pool:
        counts = Counter((m.place.location, m.place.feature) for m in pool)
        return max(
            pool,
            key=lambda m: (counts[(m.place.location, m.place.feature)], -specificity(m)[0],
                           -m.span.start),
        )  # fmt: skip
    if not from_dateline and state.places and all(
        is_dateline(state.text, m.span.start) for m in state.places
    ):
        return None
    if cc:
        country = gaz.country_place(cc)
        if country is not None:
            place: Place = to_place(country, 3, None)
            return PlaceMention(Span("", 0, 0), place, 0.3)
    return None


# How many sentences after a mention of a happening may still describe where it happened.
FOLLOW_UP_SENTENCES = 2


def follow_up_place(state: DocState, sentences: set[int], busy: set[int], country: str | None,
                    admin1_too: bool = False) -> PlaceMention | None:  # fmt: skip
    """A town or site named just after a happening is told, in a sentence that tells no happening
    of its own: "… after a drone strike hit positions in the north. Pictures show smoke rising over
    a depot outside Qamishli." The first such town in `country` (any country when
    None) within `FOLLOW_UP_SENTENCES` after one of `sentences`; `busy` are the sentences that
    hold drafts of their own. `admin1_too`: a governorate will do too (for a happening placed at
    its country only: "… in Pakistan. The strikes were concentrated in Balochistan.")."""
    by_sentence: dict[int, list[PlaceMention]] = {}
    for m in state.places:
        by_sentence.setdefault(state.sentence_of(m.span.start), []).append(m)
    for first in sorted(sentences):
        for i in range(first + 1, first + 1 + FOLLOW_UP_SENTENCES):
            if i in busy or i in sentences:
                break
            fine = [m for m in by_sentence.get(i, [])
                    if (m.place.feature not in ("admin1", "admin2", "country", "region")
                        and (m.place.geo_precision or 3) <= 2
                        or admin1_too and m.place.feature == "admin1")
                    and (country is None or m.place.country == country)]  # fmt: skip
            fine = [m for m in fine if not _inside_actor_name(state, m)]
            if fine:
                return most_specific(fine, country=country, text=state.text)
    return None


def _inside_actor_name(state: DocState, mention: PlaceMention) -> bool:
    span = mention.span
    return any(a.span.start <= span.start and span.end <= a.span.end and a.kind == "org"
               and (a.span.start, a.span.end) != (span.start, span.end)
               for a in state.actors)  # fmt: skip
