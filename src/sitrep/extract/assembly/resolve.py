"""One event per cluster: one type, one date, one place and one toll from its mentions.

- Type: by ACLED's decision rules over the members' types (`types.py`).
- Date: the firmest dated member's (a day before a week or a month; its own sentence first).
- Place: the most specific place a member's own sentence names for it (hanging off its trigger),
  else one its sentence names elsewhere, else one borrowed from its paragraph, else the
  document's.
- Toll: the highest figure the members give (a side's claim only when no fact gives one), the
  others kept as `extra["fatalities_alternatives"]`. Each member already holds the most
  conservative of the figures its own sentences report (ACLED's rule for conflicting reports,
  `quantities`); across mentions a lower figure is mostly a part of the toll ("four bodies reached
  the hospital" beside "eight were killed") or an earlier count, so the highest is the
  happening's. A mention shared with other happenings gives none. More dead told of it ("five
  militants were also killed") add to it: ACLED's toll counts both sides; such a mention names
  victims, so it votes on neither the type nor the actors.
- Actors: the named actors most mentions agree on; a named actor replaces ACLED's "Unidentified"
  stand-in. Modality: occurred when any member says it took place, else claimed, else denied.
- Evidence, sources and loaded terms: every mention's.
"""

from __future__ import annotations

from sitrep.extract.actors.roles import CIVILIANS_INTER
from sitrep.extract.assembly.cluster import Cluster
from sitrep.extract.assembly.mentions import (
    WEAPON_EVENT_TYPE,
    Mention,
    date_firmness,
    guessed,
    is_fine,
    named,
)
from sitrep.extract.assembly.types import AIR, ATTACK, CLASH, happening_type, killed_from_afar
from sitrep.extract.events.quantities import FATAL, Sides, sides_of, toll_of_reports
from sitrep.extract.events.type_rules import VIOLENT_TYPES
from sitrep.extract.state import ActorMention, EventDraft
from sitrep.knowledge.actors import unidentified
from sitrep.knowledge.taxonomy import category
from sitrep.records import Quantity

_MODALITY_ORDER = ("occurred", "claimed", "denied")
_PLACE_ORIGIN = {"sentence": 0, "loose": 1, "paragraph": 2, "document": 3}


def resolve(cluster: Cluster) -> EventDraft:
    """The cluster's event: its seed draft, completed from every mention (module docstring)."""
    members, shared = cluster.members, cluster.shared
    event = cluster.seed.draft
    told_as, told_type = event.sub_event_type, event.event_type
    _set_type(event, members, shared)
    dated = [m for m in members if m.day is not None]
    if dated:
        firm = min(dated, key=date_firmness)
        event.when = firm.day
        event.extra["date_from"] = firm.date_from
    _set_place(event, members)
    # a battle's weapons were fired at its other side ("fired mortars at the militia's
    # positions … fired back"): the target of a seed told as shelling stays the battle's
    fired_at = told_type == WEAPON_EVENT_TYPE and event.event_type == "Battles"
    # More dead told of it ("five militants were also killed") name its victims, not its sides.
    voters = [m.draft for m in members if not m.more_casualties] or [m.draft for m in members]
    # A clause naming only the dead ("three fighters were killed") names no doer: the dead read
    # as its side vote for no actor 1.
    doers = [m.draft for m in members if not (m.more_casualties or m.doer_dead)] or voters
    # A weapon named re-types a strike ("jets bombed …" told as shelling is an air strike); who
    # it hit stays its target.
    rearmed = told_type == event.event_type == WEAPON_EVENT_TYPE
    _set_actors(event, voters, doers,
                keep_target=told_as == event.sub_event_type or fired_at or rearmed)  # fmt: skip
    if named(event.actor1) is None:
        # Its own mentions name no one: a summary it shares names who acted ("the coalition's
        # jets bombed positions across Ruritania" over "bombs fell on Northtown").
        summary = _most_named([(m.draft.actor1, m.draft.confidence) for m in shared])
        if summary is not None:
            donor = next(m.draft for m in shared if m.draft.actor1 is summary)
            event.actor1, event.assoc_actor_1 = summary, donor.assoc_actor_1
    if event.sub_event_type in (ATTACK, CLASH) and killed_from_afar(
        members,
        event.actor1.actor.inter if event.actor1 else None,
        event.actor1.actor.country if event.actor1 else None,
        event.where.place.country if event.where else None,
    ):
        set_category(event, AIR, members)
    _set_tolls(event, members)
    said = {m.draft.modality for m in members}
    event.modality = next((mod for mod in _MODALITY_ORDER if mod in said), event.modality)
    everyone = [m.draft for m in members + shared]
    if event.modality == "occurred" and "claimed" in said and _claim_retold(members, everyone):
        event.modality = "claimed"
    event.evidence = sorted({s for d in everyone for s in d.evidence}, key=lambda s: s.start)
    event.sources = list(dict.fromkeys(s for d in everyone for s in d.sources))
    event.loaded_terms = list(dict.fromkeys(t for d in everyone for t in d.loaded_terms))
    event.confidence = max(d.confidence for d in everyone)
    event.material_damage = any(m.draft.material_damage for m in members)
    event.extra["mentions"] = len(members)
    return event


def _claim_retold(members: list[Mention], everyone: list[EventDraft]) -> bool:
    """A happening no one but a party to it tells of (ACLED: claimed when the only source is the
    claimant): every source is a party's, and each mention told as done has a source (the
    party's) or retells the claim (quoted words, "a video of the attack"), none is the outlet's
    own telling of a deed ("a drone hit the post")."""
    sources = [s for d in everyone for s in d.sources]
    if not sources or any(s.type != "party" for s in sources):
        return False
    return all(
        m.draft.sources or m.retold for m in members if m.draft.modality == "occurred"
    )


def _set_type(event: EventDraft, members: list[Mention], shared: list[Mention]) -> None:
    if not event.acled_codable:
        return
    best = happening_type([m for m in members if not m.more_casualties] or members)
    if best == ATTACK:
        # "two died when a strike hit a mill" under "jets bombed positions in the east": the
        # weapon of the summary it shares is the weapon of each happening it sums up.
        weapons = {
            m.draft.sub_event_type
            for m in shared
            if m.draft.event_type == WEAPON_EVENT_TYPE and m.draft.acled_codable
        }
        if len(weapons) == 1:
            best = weapons.pop()
    if best is None or best == event.sub_event_type:
        return
    set_category(event, best, members)


def set_category(event: EventDraft, best: str, members: list[Mention]) -> None:
    cat = category(best)
    event.event_type, event.sub_event_type = cat.event_type, cat.sub_event_type
    event.disorder_type, event.cameo = cat.disorder_type, cat.cameo
    typed = [m.draft for m in members if m.draft.sub_event_type == best]
    if typed:
        donor = max(typed, key=lambda d: d.confidence)
        event.plover, event.plover_mode = donor.plover, donor.plover_mode
        event.extra["cameo_code"] = donor.extra.get("cameo_code", cat.cameo_code)
        event.trigger, event.sentence = donor.trigger, donor.sentence
    else:  # the weapon a mention's phrase names decided: the taxonomy's codes for it
        event.plover, event.plover_mode = cat.plover, cat.plover_mode
        event.extra["cameo_code"] = cat.cameo_code


def _set_place(event: EventDraft, members: list[Mention]) -> None:
    with_place = [m for m in members if m.draft.where is not None]
    if not with_place:
        return

    def firmness(m: Mention) -> tuple[int, bool, int, bool, int]:
        place = m.draft.where.place if m.draft.where else None
        precision = place.geo_precision if place and place.geo_precision else 3
        # A governorate says more than its country ("a raid in the governorate of Nineveh").
        country = place is None or place.feature == "country"
        return (_PLACE_ORIGIN.get(m.place_from, 3), not is_fine(place), precision, country,
                m.order)  # fmt: skip

    best = min(with_place, key=firmness)
    if best.draft.where is not None and best.draft.where.place.feature == "country":
        # "the strike on Syria … missiles fell in Aleppo": a place its own sentence names inside
        # the country says where in it
        country = best.draft.where.place.country
        inside = [
            m for m in with_place
            if m.place_from in ("sentence", "loose") and m.draft.where is not None
            and m.draft.where.place.country == country
            and m.draft.where.place.feature != "country"
        ]  # fmt: skip
        best = min(inside, key=firmness, default=best)
    event.where = best.draft.where
    event.extra["place_from"] = best.place_from
    if "place_span" in best.draft.extra:
        event.extra["place_span"] = best.draft.extra["place_span"]


def _set_actors(
    event: EventDraft, drafts: list[EventDraft], doers: list[EventDraft], *, keep_target: bool
) -> None:
    for claim in doers:
        if claim.extra.get("claimed_by") != _name(claim.actor1) or claim.actor2 is None:
            continue
        if any(_name(d.actor1) == _name(claim.actor2) for d in doers if d is not claim):
            # "a bomb attached to a militia's vehicle exploded … Later X claimed responsibility
            # for the attack": the side the claimant says it hit, read as another mention's
            # author, was the target; the claim names both sides
            event.actor1, event.assoc_actor_1 = claim.actor1, claim.assoc_actor_1
            event.actor2, event.assoc_actor_2 = claim.actor2, claim.assoc_actor_2
            return
    # The happening's own target is not its author: "suspects exchanged fire with the military
    # police … police seized drugs" keeps the seed's unnamed shooter against the police.
    target = _name(event.actor2) if keep_target and event.actor1 is not None else None
    sides = [(d.actor1, d.confidence) for d in doers if _name(d.actor1) != target]
    # A side the words name outvotes the unknown-actor model's guess for a mention naming no
    # one ("X shelled Y. Seven people were killed.": the toll sentence's guess is no author).
    worded: list[tuple[ActorMention | None, float]] = [
        (a, w) for a, w in sides if a is not None and named(a) and not guessed(a)
    ]
    actor1 = _most_named(worded or sides)
    # Mentions of the type the happening was given: the police a mention typed as a protest's
    # dispersal names are no target of a peaceful protest.
    alike = [d for d in drafts if d.sub_event_type == event.sub_event_type] or drafts
    if actor1 is not None:
        donor = next(d for d in drafts if d.actor1 is actor1)
        event.actor1, event.assoc_actor_1 = actor1, donor.assoc_actor_1
    elif event.actor1 is None:
        # No one named: the stand-in ("Unidentified Armed Group") of a mention of its type, when
        # the seed, told as another type ("intercepting the car"), has none.
        stand_in = next((d for d in alike if d.actor1 is not None), None)
        if stand_in is not None:
            event.actor1, event.assoc_actor_1 = stand_in.actor1, stand_in.assoc_actor_1
    first = actor1.actor.name if actor1 else None
    kept = _name(event.actor2)
    if keep_target and kept is not None and kept != first and not unidentified(kept):
        return
    told, told_assoc = event.actor2, event.assoc_actor_2  # the seed's own target, as told
    if not keep_target:
        event.actor2, event.assoc_actor_2 = None, []
    # The target is taken from mentions of the type the happening was given.
    others = [(d.actor2, 1.0) for d in alike if _name(d.actor2) not in (None, first)]
    if not others and event.event_type == WEAPON_EVENT_TYPE:
        # "… shelled the district. Seven people were killed.": the people a mention of another
        # type says were hit are the strike's target
        others = [
            (d.actor2, 1.0)
            for d in drafts
            if d.actor2 and d.actor2.actor.inter == CIVILIANS_INTER
        ]
    if not others and event.event_type in VIOLENT_TYPES and _name(told) != first:
        # violence told as another violence ("X fired mortars and small arms at Y's positions"
        # told as a clash, the explosions observed there making it shelling) hit the same side
        others = [(told, 1.0)]
    actor2 = _most_named(others)
    if actor2 is not None:
        assoc = told_assoc if actor2 is told else next(
            d.assoc_actor_2 for d in drafts if d.actor2 is actor2
        )
        event.actor2, event.assoc_actor_2 = actor2, assoc


def _name(actor: ActorMention | None) -> str | None:
    return actor.actor.name if actor is not None else None


def _most_named(actors: list[tuple[ActorMention | None, float]]) -> ActorMention | None:
    """The named actor with the most weight (the first told among equals)."""
    votes: dict[str, float] = {}
    first: dict[str, ActorMention] = {}
    for mention, weight in actors:
        actor = named(mention)
        if actor is None:
            continue
        votes[actor.actor.name] = votes.get(actor.actor.name, 0.0) + weight
        first.setdefault(actor.actor.name, actor)
    if not votes:
        return None
    return first[max(votes, key=lambda n: votes[n])]


def _sides(m: Mention) -> Sides:
    groups = [g for k, g, *_ in m.draft.extra.get("casualties_by_group", ()) if k == FATAL]
    return sides_of(groups) if groups else None


def _set_tolls(event: EventDraft, members: list[Mention]) -> None:
    """The highest figure its mentions give; the others are kept as alternatives. A happening
    placed at a town does not take a figure a mention tells for a whole region ("seven killed in
    strikes across the south": a total over more than this happening) when its other mentions
    give one, and no happening takes one told for several countries at once."""
    own = members
    if any(m.fine for m in members):
        own = [m for m in members if m.spot is None or is_fine(m.spot)]
    # A figure told for several countries at once ("40 killed in strikes in Iraq and Syria") is
    # a total over more than this happening, whatever else is told: an alternative at most.
    single = [m for m in members if m.draft.extra.get("countries_told", 0) < 2]
    own = [m for m in own if m in single]
    for kind in ("fatalities", "injuries"):
        told: list[Quantity] = [
            q for m in members if (q := getattr(m.draft, kind)).value is not None
        ]
        pool = [m for m in own if getattr(m.draft, kind).value is not None] or [
            m for m in single if getattr(m.draft, kind).value is not None
        ]
        if not pool:
            if told:  # only totals over several countries: none is this happening's
                setattr(event, kind, Quantity(None, "unknown"))
                event.extra[f"{kind}_alternatives"] = sorted({q.value or 0 for q in told})
            continue
        # A side's claim ("the group claimed it killed seven") beside a toll told as fact is a
        # conflicting report, not more of the toll: ACLED keeps the conservative figure.
        pool = [m for m in pool if m.draft.modality != "claimed"] or pool
        # So is another source's account told after it ("other sources say three were killed",
        # `quantities._OTHER_REPORT`): ACLED codes the lower, first-told figure.
        pool = [m for m in pool if not m.draft.extra.get("other_report")] or pool
        # "… nine militants were also killed": more dead of the happening add to its toll.
        base = [m for m in pool if not m.more_casualties] or pool
        chosen = max((getattr(m.draft, kind) for m in base), key=lambda q: q.value or 0)
        if kind == "fatalities" and len(base) > 1:
            # Mentions telling different sides' dead ("2 soldiers were killed … troops killed
            # 3 militants") are two parts of the toll, not two reports of it.
            chosen = toll_of_reports([(m.draft.fatalities, _sides(m)) for m in base], True)
        if len(base) < len(pool):
            more = sum(getattr(m.draft, kind).value or 0 for m in pool if m.more_casualties)
            chosen = Quantity((chosen.value or 0) + more, chosen.qualifier)
        setattr(event, kind, chosen)
        others = sorted({q.value for q in told if q.value is not None and q != chosen})
        if others:
            event.extra[f"{kind}_alternatives"] = others
