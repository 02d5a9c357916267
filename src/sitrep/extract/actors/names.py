"""Actor names as ACLED gave them on each event's date (issue 15: time-aware names).

Mentions are read with the dictionary of the publication year; an event can be older than its
report (a 2024 review of a 2016 battle), and names change inside a year. Once each event has its
date, every actor of it takes the name in force that day: a state force's regime suffix
(`Military Forces of Syria (2000-2024)` before 8 December 2024, `(2024-)` after) and a group's
name before a renaming (`Al Nusrah Front` in 2015, `Jabhat Fateh al Sham` in late 2016,
`HTS: Hayat Tahrir al Sham` from 28 January 2017). Tallies take the name on the last day they count.
Before naming, a battle with no second side read takes its unnamed opponent (`roles.second_sides`);
after it, its two sides take the order ACLED's coders give them (`order.order_sides`).
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date

from sitrep.extract.actors.mentions import document_year, state_countries
from sitrep.extract.actors.order import order_sides
from sitrep.extract.actors.roles import (
    CROWD_INTERS,
    demonym_countries,
    event_country,
    second_sides,
)
from sitrep.extract.registry import extractor
from sitrep.extract.state import ActorMention, DocState
from sitrep.knowledge.actors import (
    ActorDictionary,
    actor_dictionary,
    actor_regions,
    air_arms,
    normalise_name,
)
from sitrep.records import Place


def renamed(
    mention: ActorMention | None, when: date | None, dictionary: ActorDictionary
) -> ActorMention | None:
    """The mention with its actor named as on `when` (the same object when nothing changes)."""
    if mention is None or when is None:
        return mention
    name = dictionary.name_on(mention.actor.name, when)
    if name == mention.actor.name:
        return mention
    entry = dictionary.entry(name)
    actor = dataclasses.replace(
        mention.actor,
        name=name,
        parent=entry.parent if entry else mention.actor.parent,
    )
    before = dictionary.entry(mention.actor.name)
    if entry is not None and before is not None and entry.kind != before.kind:
        # A rebel group become the state ("Taliban" from August 2021) takes the state's inter code.
        actor = dataclasses.replace(actor, inter=entry.inter, country=entry.country)
    return dataclasses.replace(mention, actor=actor)


def air_arm(
    mention: ActorMention | None, country: str | None, dictionary: ActorDictionary
) -> ActorMention | None:
    """A military's air or drone strike as ACLED codes it in `country`: by its air force where
    `actor_air_arms.csv` says so (Russia's and Ukraine's in Ukraine), else by the military."""
    if mention is None or country is None:
        return mention
    for (military, where), air_force in air_arms().items():
        name = dictionary.expand(military, country)
        if where != country or name is None:
            continue
        if normalise_name(name) != normalise_name(mention.actor.name):
            continue
        entry = dictionary.entry(dictionary.expand(air_force, country) or "")
        if entry is None:
            return mention
        actor = dataclasses.replace(mention.actor, name=entry.name, parent=entry.parent)
        return dataclasses.replace(mention, actor=actor)
    return mention


# An aircraft brought down: "shot down a helicopter", "downed two Su-25 jets".
_DOWNED_AIRCRAFT = re.compile(
    r"\b(?:shot\s+down|downed)\b(?:\s+[\w-]+){0,4}?\s+"
    r"(?:aircraft|helicopters?|(?:war|air)?planes?|jets?|(?:Su|Ka|Mi|Tu|Il)-\d+)\b",
    re.IGNORECASE,
)


def _downs_aircraft(state: DocState, sentence: int) -> bool:
    if not state.sentences:
        return False
    span = state.sentences[sentence]
    return _DOWNED_AIRCRAFT.search(state.text, span.start, span.end) is not None


# Kinds of per-country actors named after a region where ACLED does so: crowds and civilians
# (generic, inter 5-7) and social groups ("Teachers (<country>)").
_REGIONAL_INTERS = (5, 6, 7)


def regional(
    mention: ActorMention | None, where: Place | None, dictionary: ActorDictionary
) -> ActorMention | None:
    """The mention named after the event's region where `actor_regions.csv` says ACLED does so
    ("Protesters (United Kingdom)" in Northern Ireland: "Protesters (Northern Ireland)")."""
    if mention is None or where is None or not where.country or not where.admin1:
        return mention
    region = actor_regions().get((where.country, where.admin1))
    suffix = f" ({where.country})"
    if region is None or not mention.actor.name.endswith(suffix):
        return mention
    entry = dictionary.entry(mention.actor.name)
    if entry is None or entry.country != where.country:
        return mention
    if not (
        entry.kind == "social" or (entry.kind == "generic" and entry.inter in _REGIONAL_INTERS)
    ):
        return mention
    name = f"{mention.actor.name[: -len(suffix)]} ({region})"
    return dataclasses.replace(mention, actor=dataclasses.replace(mention.actor, name=name))


def relocated(
    mention: ActorMention | None, where: Place | None, dictionary: ActorDictionary,
    guessed: str | None,
) -> ActorMention | None:
    """A per-country stand-in the roles gave the country they guessed before the event was
    placed ("Civilians (<country>)", "Unidentified Armed Group (<country>)"), named for the
    country the event was placed in: four killed in a strike on Erbil in a report about Iran's
    missiles are "Civilians (Iraq)". Only stand-ins the text does not name (`implicit`) and that
    bear the country the roles guessed (`guessed`): a group named by its nationality ("Syrian
    refugees"), migrants and refugees (civilians of where they came from) and crowds keep
    theirs."""
    if mention is None or mention.kind not in ("implicit", "org") or where is None:
        return mention
    if not where.country:
        return mention
    entry = dictionary.entry(mention.actor.name)
    if entry is None or entry.country == where.country:
        return mention
    if mention.kind == "implicit" and entry.country != guessed:
        return mention
    if mention.kind == "org" and (guessed != where.country or _names_a_state(mention, dictionary)):
        # "Islamic State fighters attacked Tessit, Mali" in a report about Burkina Faso: the
        # group's word was read for the report's country, the event's place and roles say Mali
        return mention
    if entry.inter in CROWD_INTERS:
        return mention  # a crowd is named for whose it is ("Israeli settlers"), read by the roles
    suffix = f" ({entry.country})"
    if not mention.actor.name.endswith(suffix):
        return mention
    other = dictionary.entry(f"{mention.actor.name[: -len(suffix)]} ({where.country})")
    if other is None or other.kind != entry.kind or other.country != where.country:
        return mention
    actor = dataclasses.replace(
        mention.actor, name=other.name, country=other.country, parent=other.parent,
        inter=dictionary.inter_for(other, where.country),
    )  # fmt: skip
    return dataclasses.replace(mention, actor=actor)


def _names_a_state(mention: ActorMention, dictionary: ActorDictionary) -> bool:
    """Whether a mention's own words name a state or its people ("Malian soldiers")."""
    words = re.findall(r"[a-z]+", mention.span.text.lower())
    named = demonym_countries(dictionary).keys() | state_countries(dictionary).keys()
    spans = {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}
    return bool(spans & named)


@extractor("actor_names", requires=("events.assembled",), assigns=("events.actor_names",))
def name_actors_on_event_dates(state: DocState) -> None:
    dictionary = actor_dictionary(document_year(state))
    second_sides(state, dictionary)
    for draft in state.events:
        when = draft.when.start if draft.when else None
        draft.actor1 = renamed(draft.actor1, when, dictionary)
        draft.actor2 = renamed(draft.actor2, when, dictionary)
        draft.assoc_actor_1 = [renamed(m, when, dictionary) or m for m in draft.assoc_actor_1]
        draft.assoc_actor_2 = [renamed(m, when, dictionary) or m for m in draft.assoc_actor_2]
    order_sides(state)
    for draft in state.events:
        if draft.sub_event_type == "Air/drone strike":
            draft.actor1 = air_arm(draft.actor1, event_country(state, draft), dictionary)
        if _downs_aircraft(state, draft.sentence):
            # the aircraft a side shot down was its air arm's where ACLED codes that arm's
            # strikes to it (Ukraine train notes: 4 of the 5 helicopters or jets shot down)
            draft.actor2 = air_arm(draft.actor2, event_country(state, draft), dictionary)
    for draft in state.events:
        where = draft.where.place if draft.where is not None else None
        guessed = draft.extra.get("roles_country")
        draft.actor1 = relocated(draft.actor1, where, dictionary, guessed)
        draft.actor2 = relocated(draft.actor2, where, dictionary, guessed)
        draft.actor1 = regional(draft.actor1, where, dictionary)
        draft.actor2 = regional(draft.actor2, where, dictionary)
        draft.assoc_actor_1 = [regional(m, where, dictionary) or m for m in draft.assoc_actor_1]
        draft.assoc_actor_2 = [regional(m, where, dictionary) or m for m in draft.assoc_actor_2]
    for tally in state.tallies:
        when = tally.period.end or tally.period.start if tally.period else None
        tally.actor1 = renamed(tally.actor1, when, dictionary)
        tally.actor2 = renamed(tally.actor2, when, dictionary)
