"""Who did what to whom: actor1, actor2 and associated actors of each draft, from the parse.

The draft's trigger token is read in the dependency tree: its subject or "by"-agent is actor1, its
object, passive subject or the object of "on/against/at" is actor2 ("attacked US bases", "strikes on
Houthi positions", "were targeted by unknown gunmen"). Other actors inside the same noun phrase
("regime forces supported by QSD") become associated actors. ACLED's defaults fill what the text
leaves out: an unnamed attacker is "Unidentified Armed Group (<country>)", unnamed victims are
"Civilians (<country>)", protests and riots are by "Protesters/Rioters (<country>)". Inter
codes come from the actor dictionary, with state forces outside their own country coded 8.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from sitrep.extract.actors import clauses
from sitrep.extract.actors.clauses import HARM_VERBS
from sitrep.extract.actors.unknown import named_unknown, paragraph_of
from sitrep.extract.events.triggers import CAUSE_PREPS, lexicon, protest_topics
from sitrep.extract.events.type_rules import AIR, OVERTAKEN, went_off_by_mishap
from sitrep.extract.state import ActorMention, DocState, EventDraft, TallyDraft
from sitrep.knowledge.actors import (
    ARMED_INTER,
    NON_STATE_INTER,
    STATE_INTER,
    ActorDictionary,
    unidentified,
)
from sitrep.knowledge.gazetteer import load_gazetteer
from sitrep.knowledge.groups import group_inter, member_nouns
from sitrep.nlp.numbers import CROWD_QUANTITIES
from sitrep.nlp.opening import hung_subject
from sitrep.nlp.segment import doc_text, span_tokens
from sitrep.records import Actor, Span

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

log = logging.getLogger(__name__)

_UNIDENTIFIED = "Unidentified Armed Group ({country})"
CIVILIANS_INTER = 7  # ACLED inter code of civilians
_TARGETED_SUB_TYPES = frozenset({"Arrests", "Looting/property destruction", "Mob violence"})
# State forces and armed groups: the sides of a fight told between them.
_SIDE_INTERS = frozenset({1}) | NON_STATE_INTER
# The crowd a demonstration's actor 1 names, and its inter code, by event type.
_CROWDS = {"Protests": ("Protesters ({country})", 6), "Riots": ("Rioters ({country})", 5)}
CROWD_INTERS = frozenset(inter for _, inter in _CROWDS.values())
# A second crowd of the other opinion at a protest: "counter-protesters", "anti-abortion
# protesters were also present", "people assembled at the same location in favour of it",
# "the two groups were separated", "people from pro and anti groups gathered".
_COUNTER_PROTEST = re.compile(
    r"\bcounter[- ]?(?:protest|demonstrat|rall)"
    r"|\b(?:protesters|demonstrators|people|activists|supporters|groups?|members)\b[^.]{0,60}"
    r"\b(?:were|was) also present\b"
    r"|\b(?:both|the two) (?:groups|camps)\b|\bpro[- ]and anti\b|\bfrom pro\b"
    r"|\bat the same (?:location|place|site|spot|square)\b",
    re.IGNORECASE,
)
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
_CHECKPOINT = re.compile(r"\bcheck ?points?\b", re.IGNORECASE)
_ROAD_USERS = re.compile(
    r"\b(?:road users|vehicles?|cars?|trucks?|buses|travell?ers|passengers|motorists|drivers"
    r"|commuters|civilians)\b",
    re.IGNORECASE,
)
_INTERVENTION_SUB_TYPES = frozenset(
    {"Protest with intervention", "Excessive force against protesters"}
)
_STATE_KINDS = frozenset({"military", "police"})
# Territory that changed hands without a fight was someone's: 13 of the 14 train notes code the
# side that held it as actor 2, named or not ("M23 rebels took control of X": the army).
_TERRITORY_HANDED = "Non-violent transfer of territory"
# Nouns for an attack whose "by X", "X's" or "X" modifier names who carried it out.
_AUTHORED_NOUNS = clauses.STRIKE_NOUNS | frozenset({"ambush", "ambushes", "raids", "strikes"})
_MUTUAL = re.compile(
    r"\b(?:clash(?:ed|es)?|brawl\w*|scuffle\w*|fought|each other|one another"
    r"|(?:fight|fighting|riots?)\s+(?:broke\s+out\s+)?between"
    r"|exchanged\s+(?:gun)?fire|between\s+(?:the\s+)?(?:two|2|rival)\s+(?:\w+\s+)?groups)\b",
    re.IGNORECASE,
)
_LOCATIVE_PREPS = frozenset(
    {"in", "inside", "near", "across", "from", "of", "around", "outside", "within"}
)
_SUPPORT_WORDS = frozenset(
    {"supported", "backed", "aided", "assisted", "accompanied", "alongside", "with", "and", "under"}
)
_UNDER_BEFORE = re.compile(
    r"^\s*(?:(?:militiamen|militants|fighters|elements|members|rebels|combatants)\s*)?"
    r"[,(]?\s*(?:(?:who|which|that)\s+(?:operates?|fights?)\s+|operating\s+|fighting\s+)?"
    r"under\s+(?:the\s+)?(?:(?:umbrella|banner|command)\s+of\s+(?:the\s+)?)?$",
    re.I,
)
# What a claim of an attack claims: "claimed responsibility/credit for", "claimed the bombing".
_CLAIMED = clauses.STRIKE_NOUNS | frozenset(
    {"responsibility", "credit", "bombing", "explosion", "blast", "operation", "killing"}
)
_EITHER_WORDS = frozenset({"or", "/", "and/or"})
# Verbs besides "claim" by which a group owns an attack: "took/assumed responsibility".
_OWNING_VERBS = frozenset({"take", "assume", "accept", "bear"})
_CLAIM_WINDOW = 2  # sentences after the event's in which its claim may come
# "the attack was carried out by X", "the device was planted by X": verbs naming who did it.
_AUTHOR_VERBS = frozenset({"carry", "perpetrate", "plant", "conduct", "commit", "place", "lay"})
# "X denied they were behind the attack": a denied or negated authorship names no author.
_DENYING_VERBS = frozenset({"deny", "reject", "dismiss", "refute"})
_DEVICE_NOUNS = frozenset({"device", "ied", "bomb", "mine", "landmine", "explosive", "explosives"})
# "X claimed they killed …": what a claimant says it did, told with a pronoun for itself.
_CLAIMED_DEEDS = frozenset({"kill", "attack", "target", "destroy", "shoot", "wound", "ambush"})
_SELF_PRONOUNS = frozenset({"they", "it", "we"})
# "X are the suspected attackers": nouns naming the doers of the attack.
_DOER_NOUNS = frozenset({"attacker", "perpetrator", "assailant", "culprit"})
# "X are often responsible for similar acts": what a group is said to be responsible for.
_RESPONSIBLE_FOR = _CLAIMED | frozenset({"act", "incident", "attack", "violence"})
_ACL_STEPS = 3  # words up from "perpetrated" in "attacks in the region perpetrated by X"
# Place score from which a place in the draft's sentence beats the document's country.
_SURE_PLACE = 1.2
# Events with two sides where ACLED lists the first named as actor1.
RECIPROCAL = frozenset(
    {
        "clash",
        "clashes",
        "fighting",
        "fight",
        "battle",
        "exchange",
        "confrontation",
        "skirmish",
        "firefight",
    }
)
_SPEAKER_WINDOW = 2  # sentences back in which a quote's speaker may be named
# PLOVER categories whose events are things said, not done.
VERBAL_PLOVER = frozenset(
    {
        "THREATEN",
        "ACCUSE",
        "DEMAND",
        "REQUEST",
        "APPEAL",
        "REJECT",
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "COMPLAIN",
    }
)


def assign_draft_roles(state: DocState, dictionary: ActorDictionary) -> None:
    """Set actor1/actor2/associated actors on every event and tally draft that has none yet."""
    for draft in state.events:
        _assign(state, dictionary, draft, draft.event_type, draft.sub_event_type)
    for tally in state.tallies:
        _assign(state, dictionary, tally, tally.counted_event_type, None)


def _assign(
    state: DocState,
    dictionary: ActorDictionary,
    draft: EventDraft | TallyDraft,
    event_type: str | None,
    sub_event_type: str | None,
) -> None:
    country = event_country(state, draft)
    # The country the stand-ins below are named for, until the event is placed (names.relocated)
    if isinstance(draft, EventDraft):
        draft.extra["roles_country"] = country
    verbal = event_type is None or getattr(draft, "plover", None) in VERBAL_PLOVER
    roles = read_roles(state, draft.sentence, draft.trigger.start, dictionary, verbal=verbal)
    if event_type in VIOLENT_TYPES:
        roles = _main_verb_target(state, draft, dictionary, roles)
    if roles.actor1 is None and event_type in VIOLENT_TYPES:
        roles = _other_words_roles(state, draft, dictionary, verbal, roles)
    if sub_event_type == "Disrupted weapons use" and isinstance(draft, EventDraft):
        roles = _weapon_finders(state, draft, dictionary, roles)
    actor1, assoc1 = _either(state.text, roles.actor1, list(roles.assoc1))
    actor2, assoc2 = _either(state.text, roles.actor2, list(roles.assoc2))
    if actor1 is not None and actor2 is not None and _either_pair(state.text, actor1, actor2):
        # "Boko Haram/IS attacked X" parsed as two sides: one actor the text is unsure of
        actor1, assoc1 = _either(state.text, actor1, [*assoc1, actor2])
        actor2, assoc2 = None, []
    elif actor1 is not None:
        # the alternative the parse left out of the phrase ("Boko Haram/IS claimed …")
        beside = [m for m in state.actors if _either_pair(state.text, actor1, m)]
        if len(beside) == 1 and (actor2 is None or beside[0].span != actor2.span):
            actor1, assoc1 = _either(state.text, actor1, [*assoc1, beside[0]])
    if event_type is None:
        # "Ankara condemned": a country's name making a statement is its government.
        actor1, actor2 = _as_government(actor1, dictionary), _as_government(actor2, dictionary)
    if (
        actor2 is not None
        and (_is_social(actor2, dictionary) or _uncoded_organisation(actor2, event_type))
        and event_type not in ("Protests", None)
    ):
        # Farmers, fishermen, journalists hit by violence are civilians with their group associated.
        civilians = _generic(
            state, dictionary, "Civilians ({country})", country, actor2.span.start, actor2.span.end
        )
        if civilians is not None:
            assoc2 = [actor2, *assoc2]
            actor2 = civilians

    if event_type in ("Protests", "Riots"):
        actor1, assoc1 = _crowd(state, dictionary, draft, event_type, country, actor1, assoc1)
        if event_type == "Protests" or sub_event_type == "Violent demonstration":
            # What protesters oppose is not a party to the event; intervening forces are.
            actor2, assoc2 = None, []
            if sub_event_type in _INTERVENTION_SUB_TYPES or event_type == "Riots":
                actor2 = _intervening_forces(
                    state,
                    dictionary,
                    draft,
                    country,
                    default=sub_event_type in _INTERVENTION_SUB_TYPES,
                )
    if actor2 is None and event_type == "Riots" and _mutual(state, draft):
        # "Two groups clashed over a land dispute": a fight between crowds is rioters on both
        # sides (train riots worded as a clash: 100 of 104 with a crowd's actor 2 code Rioters).
        actor2 = _generic(
            state, dictionary, "Rioters ({country})", country, draft.trigger.end,
            draft.trigger.end,
        )
    if (event_type in VIOLENT_TYPES or sub_event_type == "Looting/property destruction") and (
        actor1 is None or unidentified(actor1.actor.name)
    ):
        # "Gunmen attacked a post … JNIM claimed responsibility": the claimant names the gunmen;
        # so for trucks burnt by armed men "… attacks perpetrated by X".
        claimant = _claimant(state, draft.sentence, dictionary)
        if claimant is not None and (actor2 is None or claimant.actor.name != actor2.actor.name):
            actor1 = claimant
            if isinstance(draft, EventDraft):
                draft.extra["claimed_by"] = claimant.actor.name
    if actor1 is None and event_type in VIOLENT_TYPES:
        actor1 = _attack_author(state, draft.sentence, dictionary, actor2)
    if actor1 is None and event_type in VIOLENT_TYPES and _refers_back(state, draft.sentence):
        # "X fighters carried out an attack on a post. Two guards were killed in the attack.":
        # the toll names the attack the sentence before told, and so its author.
        actor1 = _attack_author(state, draft.sentence - 1, dictionary, actor2, climb=True)
    if actor1 is None and actor2 is not None and sub_event_type == "Change to group/activity":
        # "300 soldiers were deployed to X": who moved is the actor, not a target (132 of the 138
        # train notes of the type have no actor 2).
        actor1, assoc1, actor2, assoc2 = actor2, assoc2, None, []
    if (
        sub_event_type == "Other"
        and isinstance(draft, EventDraft)
        and (_told_by(state, draft, "freed") or _tells(state, draft, "displaced"))
    ):
        # "the government released 52 prisoners", "fighting between X and Y displaced 300
        # families": the freed or fled are no side, nor is whom the fighting was with (train
        # Other notes so told: 40 of 43 with no actor 2).
        actor2, assoc2 = None, []
    if actor1 is None and event_type in VIOLENT_TYPES:
        actor1 = _generic(
            state,
            dictionary,
            _UNIDENTIFIED,
            country,
            draft.trigger.start,
            draft.trigger.start,
        )
    if actor1 is None and event_type == "Strategic developments":
        # "the X base witnessed the landing of a cargo plane": the base's owner acts.
        actor1 = _facility_owner(state, draft.sentence)
    if actor1 is None and event_type not in VIOLENT_TYPES:
        actor1 = _recent_speaker(state, draft.sentence)
    if actor2 is None and roles.victim is not None:
        span, is_person = roles.victim
        if (
            is_person
            and (event_type in VIOLENT_TYPES or sub_event_type in ("Mob violence", "Arrests"))
        ) or (
            not is_person
            and sub_event_type
            in ("Looting/property destruction", "Violent demonstration", "Mob violence")
        ):
            actor2 = _generic(state, dictionary, "Civilians ({country})", country, *span)
    if actor2 is None and event_type == "Violence against civilians":
        # ACLED's category is defined by its target: every such train note (1,528) codes
        # "Civilians (<country>)" as actor 2, named or not.
        actor2 = _generic(
            state, dictionary, "Civilians ({country})", country, draft.trigger.start,
            draft.trigger.start,
        )
    if (
        actor2 is not None
        and actor1 is not None
        and actor2.span == actor1.span
        and not actor1.kind == actor2.kind == "implicit"
    ):
        # One phrase read as both sides. Two defaults placed at the trigger ("armed men shot
        # an officer": an unidentified group against civilians) are two sides, not one.
        actor2 = None
    # A person acts for their organisation: the actor's words are the organisation's name; the
    # person stays in `state.actors` (kind "person") for attribution.
    actor1, actor2 = _organisation_of(state, actor1), _organisation_of(state, actor2)
    # ACLED's name for an unidentified group depends on country and circumstance (learned).
    actor1 = named_unknown(state, draft, actor1, "actor1", dictionary, country, actor2)
    actor2 = named_unknown(state, draft, actor2, "actor2", dictionary, country, actor1)

    if event_type in VIOLENT_TYPES:
        actor1 = _unknown_armed_group(actor1, dictionary)
    draft.actor1 = draft.actor1 or _with_inter(actor1, dictionary, country)
    draft.actor2 = draft.actor2 or _with_inter(actor2, dictionary, country)
    if isinstance(draft, EventDraft):
        if not draft.assoc_actor_1:
            draft.assoc_actor_1 = _distinct(assoc1, draft.actor1, dictionary, country)
        if not draft.assoc_actor_2:
            draft.assoc_actor_2 = _distinct(assoc2, draft.actor2, dictionary, country)


def second_sides(state: DocState, dictionary: ActorDictionary) -> None:
    """Sides ACLED always codes, given a default when the text read none (after assembly, so
    that a default merges no mentions into one happening):

    * a battle has two sides (1,918 of 1,918 Battles train notes): an unnamed opponent,
      `Unidentified Armed Group (<country>)` or the name the unknown-actor classifier gives it,
      else the one armed group the note names elsewhere (unknown.py);
    * arrests, looting/property destruction and mob violence hit someone (train notes: 131 of 131,
      301 of 301 and 462 of 466 with an actor 2, civilians the most common): `Civilians
      (<country>)`; violence against civilians hits civilians, whoever the words read as its
      target (1,528 of 1,528);
    * a peaceful protest met by a counter-protest has the counter-protesters as actor 2 (71 of
      the 77 peaceful-protest train notes that mention one): `Protesters (<country>)`;
    * looting or destruction is done by someone: with no actor 1 read, an unidentified armed
      group (or the classifier's name for it);
    * an explosion or a battle whose parse read no target hit the one armed side other than
      its doer that its sentence names, if just one ("X shelled Y's troops killing 2", "an IED
      went off as a Y patrol passed"); a battle read with a named side hit and no named doer
      was fought by the one other armed side its sentence names ("two soldiers were killed
      during clashes with X");
    * and a protest is by protesters, a riot by rioters, whatever crowd was read before the
      happening's type was settled."""
    for draft in state.events:
        country = event_country(state, draft)
        at = draft.trigger.end
        if draft.actor1 is None and draft.sub_event_type == "Looting/property destruction":
            # Someone looted or destroyed it (301 of 301 train notes name an actor 1).
            actor1 = _generic(state, dictionary, _UNIDENTIFIED, country, at, at)
            actor1 = named_unknown(state, draft, actor1, "actor1", dictionary, country, None)
            draft.actor1 = _with_inter(actor1, dictionary, country)
        if (
            draft.actor1 is None
            and draft.event_type == "Strategic developments"
            and _told_by(state, draft, "displaced")
        ):
            # people who fled or were evacuated are civilians of the country they left ("refugees
            # from X arrived in Y"): all 64 development train notes with a civilian actor 1
            origin = _left_country(state, draft) or country
            actor1 = _generic(state, dictionary, "Civilians ({country})", origin, at, at)
            draft.actor1 = _with_inter(actor1, dictionary, country)
        if draft.sub_event_type == AIR:
            air = _unnamed_air_force(state, dictionary, draft.actor1, draft.actor2, country, at)
            draft.actor1 = _with_inter(air, dictionary, country)
        crowd = _CROWDS.get(draft.event_type or "")
        read = draft.actor1.actor.inter if draft.actor1 is not None else None
        if crowd is not None and read in (None, *CROWD_INTERS) and read != crowd[1]:
            # a demonstration is by its crowd, named by what the happening became ("protesters …
            # threw stones" grouped into a riot: Rioters): 6,196 of 6,196 protest train notes
            # code Protesters, 843 of 845 riots Rioters
            span = draft.actor1.span if draft.actor1 is not None else draft.trigger
            origin = country
            if draft.actor1 is None or draft.actor1.actor.inter in CROWD_INTERS:
                origin = crowd_country(state, draft, country, dictionary)
            actor1 = _generic(state, dictionary, crowd[0], origin, span.start, span.end)
            draft.actor1 = _with_inter(actor1, dictionary, country) or draft.actor1
        if (
            draft.event_type == "Battles"
            and draft.actor2 is not None
            and draft.actor2.actor.inter == CIVILIANS_INTER
        ):
            # a battle's other side is armed (no Battles train note of 1,918 has Civilians as a
            # side): the civilians a clash hurt are its casualties, its opponent is unnamed
            draft.actor2, draft.assoc_actor_2 = None, []
        if (
            draft.event_type == "Riots"
            and draft.actor2 is not None
            and draft.actor2.actor.inter == CIVILIANS_INTER
            and _mutual(state, draft)
        ):
            # a fight between crowds ("two student groups clashed, injuring five students"): the
            # hurt are the other crowd's rioters, not civilians, as for a clash read with no side,
            # also when police then dispersed them (train mob violence so told: Rioters)
            rioters = _generic(state, dictionary, "Rioters ({country})", country, at, at)
            draft.actor2 = _with_inter(rioters, dictionary, country) or draft.actor2
        if (
            draft.sub_event_type == "Change to group/activity"
            and draft.actor2 is not None
            and (
                draft.actor2.kind == "facility"
                or (
                    draft.actor1 is not None
                    and draft.actor1.actor.name == draft.actor2.actor.name
                )
            )
        ):
            # forces moving in with vehicles, to a base or as their own troops ("deployed
            # reinforcements including military vehicles") have no second side (132 of the 138
            # train notes of the type)
            draft.actor2, draft.assoc_actor_2 = None, []
        armed = next(
            (m for m in draft.assoc_actor_1 if m.actor.inter in NON_STATE_INTER), None
        )
        if (
            draft.event_type == "Riots"
            and armed is not None
            and draft.actor1 is not None
            and draft.actor1.actor.inter == _CROWDS["Riots"][1]
            and (
                draft.actor2 is None
                or (
                    draft.actor2.actor.inter in (_CROWDS["Riots"][1], CIVILIANS_INTER)
                    and _country_of(draft.actor2) == _country_of(draft.actor1)
                )
            )
            and _mutual(state, draft)
        ):
            # a named armed group among a crowd fight's fighters is its other side ("the party's
            # militia and opposition members fought one another": ACLED codes the militia, not
            # rioters, as actor 2)
            draft.actor2, draft.assoc_actor_2 = armed, []
            draft.assoc_actor_1 = [m for m in draft.assoc_actor_1 if m is not armed]
        if (
            draft.event_type == "Violence against civilians"
            and draft.actor2 is not None
            and draft.actor2.actor.inter != CIVILIANS_INTER
        ):
            # the category is defined by its target: civilians (1,528 of 1,528 train notes), also
            # when a force or a group was read there ("died in police custody", "a CNL member")
            draft.actor2 = None
        if (
            draft.actor2 is not None
            and draft.actor2.actor.inter == CIVILIANS_INTER
            and _MIGRANTS.search(state.text, *_sentence_bounds(state, draft))
        ):
            origin = _civilians_country(state, draft, country)
            actor2 = _generic(state, dictionary, "Civilians ({country})", origin, at, at)
            draft.actor2 = _with_inter(actor2, dictionary, country) or draft.actor2
        _civilians_of_nationality(state, dictionary, draft, country)
        if draft.event_type == "Riots" and (
            draft.actor2 is None
            or (draft.actor2.actor.inter == CIVILIANS_INTER and draft.actor2.kind == "implicit")
        ):
            hit = _forces_hit(state, dictionary, draft)
            if hit is not None:
                draft.actor2, draft.assoc_actor_2 = _with_inter(hit, dictionary, country), []
                continue
        if draft.sub_event_type == "Disrupted weapons use":
            users = _mishap_users(state, draft)
            if users is not None:
                draft.actor1, draft.assoc_actor_1 = _with_inter(users, dictionary, country), []
            draft.actor2 = _disrupted_side(state, dictionary, draft, country)
            if draft.actor2 is None:
                draft.assoc_actor_2 = []
            continue
        if (
            draft.sub_event_type == "Looting/property destruction"
            and (draft.actor2 is None or draft.actor2.actor.inter == CIVILIANS_INTER)
            and _seized_goods(state, draft, "contraband")
        ):
            # drugs or contraband seized or destroyed are a gang's, whoever was arrested with
            # them ("police seized a ton of cocaine. Two men were arrested"): 28 of the 29 train
            # notes of the kind code ACLED's unidentified gang
            gang = _generic(state, dictionary, "Unidentified Gang ({country})", country, at, at)
            draft.actor2 = _with_inter(gang, dictionary, country) or draft.actor2
            draft.assoc_actor_2 = []
            continue
        if _unnamed_first_side(draft):
            # "two soldiers were killed during clashes with X militants", "five X fighters were
            # killed in a firefight with troops": the parse read one side; the other is the one
            # armed group the sentence names besides it (the side-order step then orders them)
            named = _named_other_side(state, dictionary, draft, first=True)
            if named is not None:
                draft.actor1, draft.assoc_actor_1 = _with_inter(named, dictionary, country), []
        if draft.actor2 is not None:
            continue
        if draft.sub_event_type in _INTERVENTION_SUB_TYPES or (
            draft.sub_event_type == "Violent demonstration"
        ):
            # the protest's type settled in assembly ("police dispersed the crowd" grouped in):
            # who intervened, else the country's police where intervention is the type
            forces = _intervening_forces(
                state, dictionary, draft, country,
                default=draft.sub_event_type in _INTERVENTION_SUB_TYPES,
            )
            draft.actor2 = _with_inter(forces, dictionary, country) if forces else None
            if draft.actor2 is None and draft.sub_event_type == "Violent demonstration":
                damaged = _crowd_damage(state, draft)
                if damaged is not None:
                    civilians = _generic(
                        state, dictionary, "Civilians ({country})", country, *damaged
                    )
                    draft.actor2 = _with_inter(civilians, dictionary, country)
            continue
        if draft.event_type == "Battles" and _internal_fight(state, draft):
            # "two factions of X clashed", "X tribesmen exchanged fire amongst each other":
            # the group fought itself, and ACLED codes it on both sides
            draft.actor2 = draft.actor1
            continue
        if draft.event_type in ("Explosions/Remote violence", "Battles"):
            named = _named_other_side(state, dictionary, draft)
            if named is not None:
                draft.actor2 = _with_inter(named, dictionary, country)
                continue
        if draft.sub_event_type == _TERRITORY_HANDED:
            actor2 = _territory_holder(state, dictionary, draft, country)
            if actor2 is None:
                continue
        elif draft.event_type == "Battles":
            actor2 = _generic(state, dictionary, _UNIDENTIFIED, country, at, at)
            actor2 = named_unknown(
                state, draft, actor2, "actor2", dictionary, country, draft.actor1,
                sole_party=True,
            )
            if draft.sub_event_type == OVERTAKEN:
                actor2 = _territory_lost_by(state, dictionary, draft, actor2, country)
        elif (
            draft.sub_event_type in _TARGETED_SUB_TYPES
            or draft.event_type == "Violence against civilians"
        ):
            origin = _civilians_country(state, draft, country)
            actor2 = _generic(state, dictionary, "Civilians ({country})", origin, at, at)
        elif (
            draft.sub_event_type == "Other"
            and draft.actor1 is not None
            and draft.actor1.actor.inter in ARMED_INTER
            and _stops_road_users(state, draft)
        ):
            # an armed group's checkpoint that stopped or searched road users hits civilians
            # ("gunmen set up a checkpoint and searched passing cars")
            actor2 = _generic(state, dictionary, "Civilians ({country})", country, at, at)
        elif draft.event_type == "Explosions/Remote violence" and _civilians_hurt(state, draft):
            origin = _civilians_country(state, draft, country)
            actor2 = _generic(state, dictionary, "Civilians ({country})", origin, at, at)
        elif draft.sub_event_type == "Peaceful protest" and _COUNTER_PROTEST.search(
            paragraph_of(state, draft)
        ):
            actor2 = _generic(state, dictionary, "Protesters ({country})", country, at, at)
        else:
            continue
        draft.actor2 = _with_inter(actor2, dictionary, country)
        _civilians_of_nationality(state, dictionary, draft, country)


# Words just before a group that make it the doer or its helper, not the side hit ("shelling
# conducted by X", "backed by X", "operating under X").
_HELPER_WORDS = r"under|alongside|and|from|belonging\s+to|near"
_AGENT_BEFORE = re.compile(
    rf"\b(?:by|with|{_HELPER_WORDS})\s+(?:the\s+)?(?:\w+\s+){{0,1}}$", re.IGNORECASE
)
# The same words but "by" and "with": before the side besides the one hit, they name who did it
# or whom it fought ("killed during clashes with X", "wounded by X").
_HELPER_BEFORE = re.compile(
    rf"\b(?:{_HELPER_WORDS})\s+(?:the\s+)?(?:\w+\s+){{0,1}}$", re.IGNORECASE
)
# Words opening another clause between an explosion's word and a group named after it.
_OTHER_CLAUSE = re.compile(
    r"\b(?:amid|after|following|before|in\s+conjunction|whereas)\b", re.IGNORECASE
)
_FORCES = ("Military Forces of", "Police Forces of")


def _unnamed_first_side(draft: EventDraft) -> bool:
    """A battle read with a named side hit and only a default for the other."""
    return (
        draft.event_type == "Battles"
        and draft.actor1 is not None
        and draft.actor1.kind == "implicit"
        and unidentified(draft.actor1.actor.name)
        and draft.actor2 is not None
        and not unidentified(draft.actor2.actor.name)
    )


def _named_other_side(
    state: DocState, dictionary: ActorDictionary, draft: EventDraft, *, first: bool = False
) -> ActorMention | None:
    """The one armed side, other than the doer, that the draft's sentence names, when the
    parse hung it off no role ("X shelled Y's forces killing 1", "an IED went off in a Y
    vehicle", "shells fired from drones on Y"): an explosion's or a battle's target. Not a
    side named as the doer's helper ("supported by", "under"), as where the fire came from or
    fell near, nor one told in another clause after the deed ("amid flights of Z's drones");
    a government, or a capital standing for a state, is no armed side. With `first`, the side
    besides the one hit (actor 2): who it fought "with" or was hit "by" counts."""
    if not state.sentences:
        return None
    span = state.sentences[draft.sentence]
    known = [draft.actor2, *draft.assoc_actor_2] if first else [draft.actor1, *draft.assoc_actor_1]
    doers = {m.actor.name for m in known if m is not None}
    helper = _HELPER_BEFORE if first else _AGENT_BEFORE
    found: dict[str, ActorMention] = {}
    for mention in state.actors:
        if not span.start <= mention.span.start < span.end:
            continue
        if mention.actor.inter not in ARMED_INTER or mention.actor.name in doers:
            continue
        if mention.kind == "state":
            continue  # "Riyadh" named as a place, not as the state's forces
        if unidentified(mention.actor.name):
            continue
        if helper.search(state.text, span.start, mention.span.start):
            continue
        if mention.actor.inter in STATE_INTER and not mention.actor.name.startswith(_FORCES):
            continue  # a government, parliament or ministry is no side hit
        after = draft.trigger.end <= mention.span.start
        if after and _OTHER_CLAUSE.search(state.text, draft.trigger.end, mention.span.start):
            continue  # "shelled X amid the overflight of Russian drones"
        found.setdefault(mention.actor.name, mention)
    return next(iter(found.values())) if len(found) == 1 else None


_CASUALTY_LEMMAS = frozenset({"kill", "injure", "wound", "hurt", "die", "maim"})
_PEOPLE_LEMMAS = frozenset({"person", "people"})


# Words telling that the fighters of a clash were of one group: "two factions of X", "different
# members of the X tribe", "amongst each other", "infighting", "clashes between two families",
# "two unidentified armed groups clashed" (a group's words between the number and its noun).
_INTERNAL = re.compile(
    r"\b(?:among(?:st)?\s+(?:each\s+other|themselves)|in-?fighting|intra-\w+"
    r"|internal\s+(?:clash\w*|fight\w*|dispute)"
    # "two factions", "two armed families", "two unknown armed groups", "2 Taliban groups"
    r"|(?:two|2)\s+(?:(?!and\b|or\b|of\b)[\w-]+\s+){0,2}"
    r"(?:factions|groups|families|clans|sections|branches|wings|sub-?clans)"
    r"|(?:different|rival)\s+(?:members|factions|families|sections|groups|wings)\s+of"
    r"|between\s+(?:two\s+|2\s+)?(?:\w+\s+){0,3}families)\b",
    re.IGNORECASE,
)


def _internal_fight(state: DocState, draft: EventDraft) -> bool:
    """Whether a battle with no second side read was a fight within its one armed side (a
    state's forces or a group, inter 1-4): its sentence says the fighters were of one group
    ("two factions of X clashed", "clashes between X tribesmen of two families") and names no
    other armed party (train battles so worded: 24 of 30 code the same actor on both sides)."""
    first = draft.actor1
    if first is None or first.actor.inter not in _SIDE_INTERS or not state.sentences:
        return False
    span = state.sentences[draft.sentence]
    if not _INTERNAL.search(state.text, span.start, span.end):
        return False
    return not any(
        span.start <= m.span.start < span.end
        and m.actor.inter in ARMED_INTER
        and m.actor.name != first.actor.name
        and m.kind != "state"
        for m in state.actors
    )


def _civilians_hurt(state: DocState, draft: EventDraft) -> bool:
    """Whether the draft's sentence or a later one of its paragraph tells civilians (a
    `casualty_sides.csv` civilian noun, or bare people) killed or hurt ("a landmine injured a
    farmer", "a caretaker was injured in an explosion", "one person died"): an explosion's victim
    the roles did not read. No force or fighter is among them."""
    from sitrep.knowledge.lexicons import casualty_sides

    if not state.sentences:
        return False
    sides = casualty_sides()
    para = state.paragraph_at(draft.trigger.start)
    found = False
    for index in range(draft.sentence, len(state.sentences)):
        span = state.sentences[index]
        if para is not None and not para.start <= span.start < para.end:
            break
        sent = state.spacy_sentence(index)
        if sent is None:
            continue
        for tok in span_tokens(sent):
            if tok.lemma_.lower() not in _CASUALTY_LEMMAS:
                continue
            hurt = [c for c in tok.children if c.dep_ in ("nsubjpass", "dobj")]
            if tok.lemma_.lower() == "die":
                hurt += [c for c in tok.children if c.dep_ == "nsubj"]
            for victim in hurt:
                lemma = victim.lemma_.lower()
                side = sides.get(lemma)
                if side is not None and side != "civilian":
                    return False  # soldiers, fighters: not a civilian toll
                if side == "civilian" or lemma in _PEOPLE_LEMMAS or (
                    side is None and clauses.is_civilian(victim)
                ):
                    # also people named by trade, faith or age ("one forester died")
                    found = True
    return found


def _territory_holder(
    state: DocState, dictionary: ActorDictionary, draft: EventDraft, country: str | None
) -> ActorMention | None:
    """Who held the territory an armed group took without a fight: the name the unknown-actor
    classifier gives the unnamed side or the note's one other armed party, else, when a
    rebel or militia took it, the country's military ("M23 rebels took control of X": the
    army, 4 of the 5 train notes of the kind with no holder named)."""
    if draft.actor1 is None or draft.actor1.actor.inter not in ARMED_INTER:
        return None  # "residents took over the town hall": a crowd, no holder to name
    at = draft.trigger.end
    default = _generic(state, dictionary, _UNIDENTIFIED, country, at, at)
    holder = named_unknown(
        state, draft, default, "actor2", dictionary, country, draft.actor1, sole_party=True
    )
    if holder is not None and default is not None and holder.actor.name != default.actor.name:
        return holder
    if draft.actor1.actor.inter in NON_STATE_INTER and country is not None:
        return _generic(state, dictionary, "{military}", country, at, at)
    return None


def _civilians_of_nationality(
    state: DocState, dictionary: ActorDictionary, draft: EventDraft, country: str | None
) -> None:
    """ "a man beat a Ukrainian refugee", "police arrested 30 Afghan migrants": civilians hit
    whose words name their nationality are that country's civilians (train notes naming the
    victim so: 17 of 21 code the foreigner's country)."""
    if draft.actor2 is None or draft.actor2.actor.inter != CIVILIANS_INTER:
        return
    origin = victim_nationality(state, draft, dictionary)
    if origin is None or draft.actor2.actor.country == origin:
        return
    at = draft.trigger.end
    actor2 = _generic(state, dictionary, "Civilians ({country})", origin, at, at)
    draft.actor2 = _with_inter(actor2, dictionary, country) or draft.actor2


# Verbs of harm a crowd does to people ("pelted police with stones", "officers were injured").
_CROWD_HARM = frozenset(
    """pelt attack injure hurt assault hit wound stone beat target stab lynch""".split()
)
# Verbs of throwing whose "at" names who was hit ("threw stones at the police").
_THROWING = frozenset({"throw", "hurl", "pelt", "fling", "launch"})


_GUARDS = "Private Security Forces ("  # hired guards a crowd hurt are a side as forces are
# Verbs of a crowd's damage to what it burns, smashes or loots, or to whom it beats.
_CROWD_DAMAGE = frozenset(
    """vandalize vandalise burn torch smash damage destroy loot ransack attack assault beat
    stone raze demolish wreck""".split()
)
_ATTEMPTS = frozenset({"attempt", "try", "seek", "threaten", "plan"})
# What a crowd burns or throws without harming anyone's property: road blocks, missiles,
# symbols ("burned tyres", "threw stones", "burned an effigy").
_NOT_DAMAGED = frozenset(
    """tire tyre tires tyres object objects barricade barricades road roads street streets
    highway route stone stones rock rocks egg eggs brick bricks bottle bottles cocktail
    cocktails firecracker firecrackers projectile projectiles effigy effigies flag flags
    poster posters banner banners picture photo photos portrait copy copies fire wood
    tree trees branch branches garbage rubbish trash waste""".split()
)


def _stops_road_users(state: DocState, draft: EventDraft) -> bool:
    """The draft's sentence tells a checkpoint and road users ("set up a checkpoint and searched
    passing cars")."""
    start, end = _sentence_bounds(state, draft)
    return bool(_CHECKPOINT.search(state.text, start, end)) and bool(
        _ROAD_USERS.search(state.text, start, end)
    )


def _riot_sentences(state: DocState, draft: EventDraft) -> Iterator[tuple[Span, SpacySpan]]:
    """The riot's sentence and the next two of its paragraph, where what the crowd did is told."""
    if not state.sentences:
        return
    para = state.paragraph_at(draft.trigger.start)
    last = min(draft.sentence + 1 + _FORCES_AFTER, len(state.sentences))
    for index in range(draft.sentence, last):
        sent_span = state.sentences[index]
        if para is not None and not para.start <= sent_span.start < para.end:
            return
        sent = state.spacy_sentence(index)
        if sent is not None:
            yield sent_span, sent


def _crowd_damage(state: DocState, draft: EventDraft) -> tuple[int, int] | None:
    """What or whom a rioting crowd damaged or attacked, told in the riot's sentence or the next
    two of its paragraph ("rioters burned two ATMs", "set ablaze the ticket office", "pelted
    stones at the convoy of a candidate"), other than road blocks, missiles and symbols
    ("burned tyres", "threw stones"), forces or what the crowd protests: the character span of
    the thing or person hit."""
    for sent_span, sent in _riot_sentences(state, draft):
        topics = protest_topics(sent, lexicon())
        forces = [m for m in state.actors if sent_span.start <= m.span.start < sent_span.end]
        for tok in span_tokens(sent):
            if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _ATTEMPTS:
                continue  # "attempted to attack commuters": no one was hit
            hits = _damaged(tok)
            hits += [c for hit in hits for c in hit.conjuncts]
            if any(_not_damaged(hit) for hit in hits):
                continue  # "burned a truck and tyres", "burned tires the access to a depot"
            for hit in hits:
                if (
                    hit.i in topics
                    or hit.pos_ not in ("NOUN", "PROPN")
                    or hit.ent_type_ in ("DATE", "TIME")
                    or any(m.span.start <= hit.idx < m.span.end for m in forces)
                ):
                    continue
                return (clauses.left(hit).idx, hit.idx + len(hit))
    return None


def _not_damaged(token: Token) -> bool:
    return token.lemma_.lower() in _NOT_DAMAGED or token.lower_ in _NOT_DAMAGED


def _damaged(verb: Token) -> list[Token]:
    """The objects of a verb of damage ("burned two ATMs", "set fire to a bus", "a shop was
    looted") or the "at" of a verb of throwing ("threw stones at the convoy")."""
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    if lemma == "set":
        # "set fire to a bus", "set a bus on fire", "set ablaze the office"
        if any(c.dep_ == "dobj" and c.lower_ == "fire" for c in children):
            return [p for c in children if c.dep_ == "prep" and c.lower_ == "to"
                    for p in c.children if p.dep_ == "pobj"]  # fmt: skip
        on_fire = any(
            c.dep_ == "prep" and c.lower_ == "on" and any(p.lower_ == "fire" for p in c.children)
            for c in children
        )
        if on_fire or any(c.lower_ in ("ablaze", "alight") for c in children):
            return [c for c in children if c.dep_ in ("dobj", "nsubjpass")]
        return []
    if lemma in _THROWING:
        return [p for c in children if c.dep_ == "prep" and c.lower_ in ("at", "on")
                for p in c.children if p.dep_ == "pobj"]  # fmt: skip
    if lemma in _CROWD_DAMAGE and verb.pos_ == "VERB":
        return [c for c in children if c.dep_ in ("dobj", "nsubjpass")]
    return []


def _forces_hit(
    state: DocState, dictionary: ActorDictionary, draft: EventDraft
) -> ActorMention | None:
    """Police or soldiers a crowd hurt, told in the riot's sentence or the next two of its
    paragraph: "Police officers were pelted with stones", "attacked police officers with
    sticks", "threw stones at the police", "three police officers were injured" (train riots
    whose forces are told hurt so: 35 of 36 code those forces as actor 2); not forces named in
    what the crowd protests."""
    for sent_span, sent in _riot_sentences(state, draft):
        for m in state.actors:
            if not sent_span.start <= m.span.start < sent_span.end or m.kind == "state":
                continue
            entry = dictionary.entry(m.actor.name)
            guards = entry is not None and entry.name.startswith(_GUARDS)
            if (
                entry is None
                or (entry.kind not in _STATE_KINDS and not guards)
                or _in_grievance(state, m)
            ):
                continue
            if _harmed(sent, m):
                return m
    return None


# Nouns for the forces themselves after a force's word ("police officers"), not its property.
_FORCE_NOUNS = frozenset(
    """officer officers agent agents personnel man men member members soldier soldiers troops
    force forces unit units patrol patrols officials""".split()
)
# Nouns for a body of forces whose "of" names them ("a team of police", "a unit of soldiers").
_FORCE_GROUPS = frozenset({"team", "group", "unit", "contingent", "party", "squad", "patrol"})


def _harmed(sent: SpacySpan, mention: ActorMention) -> bool:
    """Whether the mention's words are hurt by a crowd's verb of harm in the parse: its passive
    subject or object, or the "at" of a verb of throwing."""
    token = _token_at(sent, mention.span.start)
    while token is not None and token.dep_ in ("compound", "amod", "det", "nummod"):
        if token.head.i == token.i:
            break
        token = token.head
    if token is None:
        return False
    end = _token_at(sent, mention.span.end - 1)
    if (
        end is not None
        and token.i > end.i
        and token.lower_ not in _FORCE_NOUNS
        and any(token in _damaged(verb) for verb in span_tokens(sent))
    ):
        # the forces' property the crowd burnt or smashed ("burned two police vehicles", "set
        # fire to the police station"): the forces are its side hit
        return True
    while (
        token.dep_ == "pobj"
        and token.head.lower_ == "of"
        and token.head.head.lemma_.lower() in _FORCE_GROUPS
    ):
        token = token.head.head  # "threw rocks at a group of police officers"
    # "police officers and journalists were injured": the first conjunct carries the role
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    head = token.head
    if token.dep_ in ("nsubjpass", "dobj") and head.lemma_.lower() in _CROWD_HARM:
        return True
    return (
        token.dep_ == "pobj"
        and head.lower_ == "at"
        and head.head.lemma_.lower() in _THROWING
    )


_REGIME = re.compile(r"\((\d{4})-")  # a state force's regime period ("(2014-)")


def _mishap_users(state: DocState, draft: EventDraft) -> ActorMention | None:
    """Whose weapon went off in their own hands ("two X fighters died as the mine they laid went off
    too early", "an X member died while testing a bomb"): the
    armed side hit, read as the event's target, is ACLED's actor 1 (the 5 train notes so told
    whose actor 1 was unread or unidentified); only when no named actor 1 was read."""
    actor1 = draft.actor1
    if actor1 is not None and not unidentified(actor1.actor.name):
        return None
    sent = state.spacy_sentence(draft.sentence)
    if sent is None or not went_off_by_mishap(sent, lexicon()):
        return None
    hit = draft.actor2
    if hit is not None and hit.kind != "implicit" and hit.actor.inter in _SIDE_INTERS:
        return hit if not unidentified(hit.actor.name) else None
    named = {
        m.actor.name: m
        for m in state.actors
        if sent.start_char <= m.span.start < sent.end_char
        and m.kind == "org"
        and m.actor.inter in NON_STATE_INTER
        and not unidentified(m.actor.name)
    }
    return next(iter(named.values())) if len(named) == 1 else None


def _disrupted_side(
    state: DocState, dictionary: ActorDictionary, draft: EventDraft, country: str | None
) -> ActorMention | None:
    """Whose weapon was stopped: a weapon seized, defused or shot down is an armed side's (no
    Disrupted weapons use train note of 70 codes civilians as actor 2), the one the note names
    ("an IED planted by X", "weapons belonging to X") or an unidentified armed group (16 of the
    19 seizures naming no owner); one that went off in its users' hands has no other side (7 of
    7), whoever was read."""
    actor2 = draft.actor2
    sent = state.spacy_sentence(draft.sentence)
    if sent is not None and went_off_by_mishap(sent, lexicon()):
        return None
    actor1 = draft.actor1
    if actor2 is not None and (
        actor2.actor.inter == CIVILIANS_INTER
        or (actor1 is not None and actor2.actor.name == actor1.actor.name)
        or (
            # "police and a CRPF team recovered and defused five IEDs": the state's forces
            # who found it together, not whose it was (a rival government's forces, named for
            # another regime, are a side: "pro-Hadi forces shot down a Houthi drone")
            actor1 is not None
            and actor1.actor.inter == actor2.actor.inter == 1
            and actor1.actor.country == actor2.actor.country
            and _REGIME.findall(actor1.actor.name) == _REGIME.findall(actor2.actor.name)
        )
    ):
        actor2 = None
    if actor2 is not None:
        return actor2
    at = draft.trigger.end
    unnamed = _generic(state, dictionary, _UNIDENTIFIED, country, at, at)
    if unnamed is None:
        return None
    # the one armed group or militia the note names (the state's forces named are those who
    # found it), else ACLED's name for an unnamed owner
    owner: ActorMention | None
    groups = {
        m.actor.name: m
        for m in state.actors
        if m.kind == "org" and m.actor.inter in NON_STATE_INTER
        and not unidentified(m.actor.name)
    }  # fmt: skip
    if len(groups) == 1:
        (owner,) = groups.values()
        owner = replace(owner, span=unnamed.span)
    else:
        owner = named_unknown(state, draft, unnamed, "actor2", dictionary, country, actor1)
    return _with_inter(owner, dictionary, country)


# Words after "of" that tell a person's nationality ("a worker of British citizenship").
_NATIONALITY_NOUNS = frozenset({"citizenship", "nationality", "origin", "descent"})


def victim_nationality(
    state: DocState, draft: EventDraft | TallyDraft, dictionary: ActorDictionary
) -> str | None:
    """The country whose nationals the draft's civilian victims are said to be, when their words
    tell it: "a Ukrainian refugee", "Burundi refugees", "30 Afghan migrants", "a truck driver
    from Zimbabwe", "an employee of British citizenship"; None when they tell none. Read on the
    victim's head noun (the actor 2's words), else on the trigger's objects."""
    sent = state.spacy_sentence(draft.sentence)
    mention = draft.actor2
    if sent is None or mention is None or not isinstance(draft, EventDraft):
        return None
    heads: list[Token] = []
    if mention.span.end > mention.span.start and (
        sent.start_char <= mention.span.start < sent.end_char
    ):
        last = _token_at(sent, mention.span.end - 1)
        # "a UN employee of British citizenship": the noun the mention's words modify
        while last is not None and last.dep_ in ("compound", "amod") and last.head.i > last.i:
            last = last.head
        if last is not None:
            heads.append(last)
    trigger = _token_at(sent, draft.trigger.start)
    if trigger is not None:
        _, patients = clauses.syntactic_roles(trigger)
        # "captured and detained 30 Afghan migrants", "abducted, interrogated and released a
        # Togolese priest": the object a chain of joined verbs shares
        first = trigger
        while first.dep_ == "conj" and first.head.pos_ == "VERB":
            first = first.head
        chain = [first, *(t for t in first.subtree if t.dep_ == "conj" and t.pos_ == "VERB")]
        objects = [c for v in chain for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
        # "shot at an Afghan shopkeeper"
        objects += [p for v in chain for c in v.children if c.dep_ == "prep" and c.lower_ == "at"
                    for p in c.children if p.dep_ == "pobj"]  # fmt: skip
        heads += [
            t for t in [*patients, *objects] if _person_noun(t) or _country_word(t, dictionary)
        ]
    # a parse that cut the trigger from its object ("militants abducted, interrogated and
    # released a Togolese priest"): the sentence's people hit
    heads += [t for t in span_tokens(sent) if t.dep_ in ("dobj", "nsubjpass") and _person_noun(t)]
    for head in heads:
        origin = _nationality_of(head, dictionary)
        if origin is not None:
            return origin
    return None


def _country_word(token: Token, dictionary: ActorDictionary) -> str | None:
    """The country a word names by its name or demonym ("Burundi", "Congolese")."""
    word = token.lower_
    return demonym_countries(dictionary).get(word) or country_names(dictionary).get(word)


def _nationality_of(token: Token, dictionary: ActorDictionary) -> str | None:
    """The country a person noun's own modifiers name ("Venezuelan man", "refugees from X")."""
    demonyms = demonym_countries(dictionary)
    names = country_names(dictionary)
    if not _person_noun(token):
        # "15 Burundi and Congolese refugees": a country word the parse made the head of the
        # listed people names the first
        named = _country_word(token, dictionary)
        return named if named and any(_person_noun(c) for c in token.conjuncts) else None
    if token.dep_ == "conj" and (named := _country_word(token.head, dictionary)):
        return named  # "Burundi and Congolese refugees"
    for child in token.children:
        if child.dep_ in ("amod", "compound", "nmod") and child.i < token.i:
            # "South Sudanese refugees" whole, else the first word naming a country ("Burundi
            # and Congolese refugees")
            words = [" ".join(t.lower_ for t in child.subtree), *(t.lower_ for t in child.subtree)]
            for name in words:
                if name in demonyms:
                    return demonyms[name]
                if name in names:
                    return names[name]
        if child.dep_ == "prep" and child.lower_ in ("from", "of"):
            for obj in (c for c in child.children if c.dep_ == "pobj"):
                if child.lower_ == "from" and obj.lower_ in names:
                    return names[obj.lower_]
                if obj.lemma_.lower() in _NATIONALITY_NOUNS:
                    for mod in obj.children:
                        if mod.dep_ == "amod" and mod.lower_ in demonyms:
                            return demonyms[mod.lower_]
    return None


# More people a nationality word can name as victims ("a Togolese priest", "Chinese engineers").
_VICTIM_NOUNS = frozenset(
    """priest pastor nun missionary cleric imam monk engineer sailor seaman crew trucker
    contractor businesswoman""".split()
)


def _person_noun(token: Token) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and (
        token.lemma_.lower() in _PEOPLE_NOUNS
        or token.lemma_.lower() in _VICTIM_NOUNS
        or clauses.is_civilian(token)
    )


@cache
def country_names(dictionary: ActorDictionary) -> dict[str, str]:
    """Each country's one-word ACLED name, lower-cased, to its name ("burundi" → "Burundi")."""
    return {c.country.lower(): c.country for c in dictionary.countries.values()
            if " " not in c.country}  # fmt: skip


def _country_of(mention: ActorMention) -> str:
    """The country in brackets ending a generic actor's name ("Rioters (Israel)" → "Israel"):
    the militia that named a crowd of settlers fights another country's crowd, not its own."""
    name = mention.actor.name
    return name[name.rfind("(") :] if name.endswith(")") else ""


def _trigger_token(state: DocState, draft: EventDraft) -> Token | None:
    sent = state.spacy_sentence(draft.sentence)
    return _token_at(sent, draft.trigger.start) if sent is not None else None


def _told_by(state: DocState, draft: EventDraft, role: str) -> bool:
    """Whether the draft's trigger word is a cue of `role` in the trigger lexicon."""
    token = _trigger_token(state, draft)
    return token is not None and lexicon().is_cue(token, role)


def _main_verb_target(
    state: DocState, draft: EventDraft | TallyDraft, dictionary: ActorDictionary, roles: Roles
) -> Roles:
    """ "X fired missiles at the positions of Y, killing six civilians": a trigger told as the
    participle of a main verb is the same happening; the armed side the main verb aimed at is
    its target, not the people the participle names as its toll."""
    token = _trigger_token(state, draft) if isinstance(draft, EventDraft) else None
    if (
        token is None
        or token.tag_ != "VBG"
        or token.dep_ not in ("advcl", "xcomp", "conj")
        or token.head.pos_ != "VERB"
        or _armed_side(roles.actor2, dictionary)
    ):
        return roles
    main = read_roles(state, draft.sentence, token.head.idx, dictionary)
    if not _armed_side(main.actor2, dictionary) or _modifier_only(state, draft, main.actor2) or (
        roles.actor1 is not None
        and main.actor1 is not None
        and main.actor1.actor.name != roles.actor1.actor.name
    ):
        return roles
    roles.actor2, roles.assoc2, roles.victim = main.actor2, main.assoc2, None
    roles.actor1 = roles.actor1 or main.actor1
    return roles


def _weapon_finders(
    state: DocState, draft: EventDraft, dictionary: ActorDictionary, roles: Roles
) -> Roles:
    """ "troops found and blew up a mine laid by X": a weapon stopped, told
    by its own noun, is stopped by the subject of the verb it is the object of; its planter, read
    on the noun, is whose it was (actor 2), not who acted."""
    token = _trigger_token(state, draft)
    if (
        token is None
        or token.pos_ not in ("NOUN", "PROPN")
        or token.dep_ not in ("dobj", "conj")
        or roles.actor1 is None
    ):
        return roles
    verb = token.head
    while verb.dep_ == "conj" and verb.pos_ in ("NOUN", "PROPN"):
        verb = verb.head
    if verb.pos_ != "VERB":
        return roles
    main = read_roles(state, draft.sentence, verb.idx, dictionary)
    if main.actor1 is None or main.actor1.actor.name == roles.actor1.actor.name:
        return roles
    roles.actor2, roles.assoc2 = roles.actor1, list(roles.assoc1)
    roles.actor1, roles.assoc1, roles.victim = main.actor1, list(main.assoc1), None
    return roles


def _modifier_only(
    state: DocState, draft: EventDraft | TallyDraft, mention: ActorMention | None
) -> bool:
    """ "hit the Military Medical headquarters": the name only qualifies a thing hit."""
    sent = state.spacy_sentence(draft.sentence)
    if mention is None or sent is None:
        return False
    last = _token_at(sent, max(mention.span.end - 1, mention.span.start))
    return (
        last is not None
        and last.dep_ in ("compound", "amod", "nmod")
        and last.head.idx >= mention.span.end
    )


def _armed_side(mention: ActorMention | None, dictionary: ActorDictionary) -> bool:
    """Whether the mention names an armed side by the dictionary (not civilians, a crowd)."""
    if mention is None:
        return False
    if mention.kind in ("state", "person", "pronoun", "facility"):
        return False
    entry = dictionary.entry(mention.actor.name)
    return entry is not None and entry.inter in ARMED_INTER


def _tells(state: DocState, draft: EventDraft, role: str) -> bool:
    """Whether a word of the draft's sentence is a cue of `role` ("fighting forced 500 villagers
    to flee", "families were displaced following a clash")."""
    sent = state.spacy_sentence(draft.sentence)
    lex = lexicon()
    return sent is not None and any(lex.is_cue(t, role) for t in span_tokens(sent))


def _seized_goods(state: DocState, draft: EventDraft, role: str) -> bool:
    """Whether what the draft's trigger took is a cue of `role` ("seized 3 tons of marijuana"),
    anywhere in the phrase naming it ("a plantation with 9,000 poppy plants", "a laboratory for
    making synthetic drugs"), also as the object of a verb joined to it ("seized and destroyed
    a plantation")."""
    token = _trigger_token(state, draft)
    if token is None:
        return False
    lex = lexicon()
    verbs = [token, *(c for c in token.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    if token.dep_ == "conj" and token.head.pos_ == "VERB":
        verbs.append(token.head)
    taken = [c for v in verbs for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
    if not taken:
        return False
    # "seized a lab for making drugs": the purpose hung on the verb
    taken += [c for v in verbs for c in v.children if c.dep_ == "prep" and c.lower_ == "for"]
    return any(lex.is_cue(t, role) for c in taken for t in c.subtree)


_MIGRANTS = re.compile(r"\bmigrants?\b(?! workers?\b)", re.IGNORECASE)
_ORIGIN_LIST = re.compile(
    r"\bfrom ((?:(?:the )?[A-Z][\w-]+(?: [A-Z][\w-]+)*(?:, | and |, and )?)+)"
)


def _civilians_country(state: DocState, draft: EventDraft, country: str | None) -> str | None:
    """Whose civilians were hit: migrants are civilians of where they came from, if one country,
    else ACLED's "International" (27 of the 41 train notes naming migrants hit); others of the
    event's country."""
    if not _MIGRANTS.search(state.text, *_sentence_bounds(state, draft)):
        return country
    origins = _origin_countries(state, draft)
    return origins[0] if len(origins) == 1 else "International"


def _sentence_bounds(state: DocState, draft: EventDraft | TallyDraft) -> tuple[int, int]:
    sentence = state.sentences[draft.sentence]
    return sentence.start, sentence.end


def _origin_countries(state: DocState, draft: EventDraft | TallyDraft) -> list[str]:
    """The countries the sentence says people came from ("migrants from A, B and C")."""
    gazetteer = load_gazetteer()
    found: list[str] = []
    for listed in _ORIGIN_LIST.findall(state.text, *_sentence_bounds(state, draft)):
        for name in re.split(r", and |, | and ", listed):
            code = gazetteer.country_code(name.strip())
            if code is not None and gazetteer.countries[code].name not in found:
                found.append(gazetteer.countries[code].name)
    return found


def _left_country(state: DocState, draft: EventDraft) -> str | None:
    """The country the sentence says people came from ("refugees from X")."""
    origins = _origin_countries(state, draft)
    return origins[0] if origins else None


def _crowd(
    state: DocState,
    dictionary: ActorDictionary,
    draft: EventDraft | TallyDraft,
    event_type: str,
    country: str | None,
    actor1: ActorMention | None,
    assoc1: list[ActorMention],
) -> tuple[ActorMention | None, list[ActorMention]]:
    """Protests are by "Protesters (<country>)", riots by "Rioters (<country>)"; named groups
    are associates."""
    template = "Protesters ({country})" if event_type == "Protests" else "Rioters ({country})"
    if actor1 is not None and actor1.actor.inter in (5, 6):
        origin = crowd_country(state, draft, country, dictionary)
        if origin != country and actor1.actor.country == country:
            # "the demonstrators" of a crowd of foreign nationals are theirs
            crowd = _generic(
                state, dictionary, template, origin, actor1.span.start, actor1.span.end
            )
            return crowd or actor1, assoc1
        return actor1, assoc1
    named = actor1 if actor1 is not None and actor1.kind != "state" else None
    if named is not None and named.actor.inter in (1, 8):
        named = None  # "The government imposed a curfew": not the crowd
    start, end = (
        (named.span.start, named.span.end) if named else (draft.trigger.start, draft.trigger.start)
    )
    if named is not None and named.actor.inter in (3, 4) and named.actor.country:
        # "Israeli settlers hurled stones at cars" in the West Bank: a militia of one country
        # riots as that country's rioters (train notes: Rioters (Israel) in Palestine).
        country = named.actor.country
    else:
        country = crowd_country(state, draft, country, dictionary)
    crowd = _generic(state, dictionary, template, country, start, end)
    if crowd is None:
        return actor1, assoc1
    if named is not None and (named.actor.inter is None or named.actor.inter in NON_STATE_INTER):
        assoc1 = [named, *assoc1]
    return crowd, assoc1


# Nouns for people a demonym can tell the nationality of ("Ukrainian nationals", "Venezuelan
# migrants"); a community or a diaspora is named after its origin but protests as locals
# (train notes: "members of the Ukrainian community" are Protesters of the host country).
_PEOPLE_NOUNS = frozenset(
    """national citizen migrant refugee immigrant resident people woman man student activist
    worker youth tourist expatriate expat family asylum seeker employee""".split()
)
# Who is on the move ("immigrants" who demonstrate are settled: the host country's).
_MIGRANT_NOUNS = frozenset({"migrant", "refugee", "seeker"})


@cache
def demonym_countries(dictionary: ActorDictionary) -> dict[str, str]:
    """Each country's demonyms, lower-cased, to its name ("ukrainian" → "Ukraine")."""
    return {d.lower(): c.country for c in dictionary.countries.values() for d in c.demonyms}


def crowd_country(
    state: DocState,
    draft: EventDraft | TallyDraft,
    country: str | None,
    dictionary: ActorDictionary,
) -> str | None:
    """Whose protesters or rioters a crowd is: foreign nationals who demonstrate are their own
    country's ("Ukrainians living in Rome rallied": Protesters (Ukraine), 37 of the 38 train
    demonstrations whose subject is a demonym's people), migrants with no one origin are ACLED's
    "International" (11 of the 13 whose subject is migrants or refugees); others the event's
    country. A crowd told only as "the protesters" or not at all is the one its paragraph's
    other demonstrations name ("Ukrainians rallied … The protesters demanded …")."""
    told = _told_crowd_country(state, draft, dictionary)
    if told is not _UNTOLD:
        return told or country
    para = state.paragraph_at(draft.trigger.start)
    for other in state.events:
        if (
            other is draft
            or other.event_type not in _CROWDS
            or state.paragraph_at(other.trigger.start) != para
        ):
            continue
        told = _told_crowd_country(state, other, dictionary)
        if told and told is not _UNTOLD:
            return told
    return country


_UNTOLD = "?"  # the crowd's words tell no nationality either way


def _told_crowd_country(
    state: DocState, draft: EventDraft | TallyDraft, dictionary: ActorDictionary
) -> str | None:
    """The foreign country the draft's own crowd words name, None when they name the local
    crowd, _UNTOLD when they tell no nationality."""
    crowd = _crowd_head(state, draft)
    if crowd is None:
        return _UNTOLD
    demonyms = demonym_countries(dictionary)
    conjuncts = [c for c in crowd.children if c.dep_ == "conj"]
    origin = _demonym_of(crowd, demonyms)
    # "Ukrainians and Russians", "Ethiopian refugees and asylum seekers": every conjunct named
    # by nationality (a bare people noun shares the first one's demonym), the first coded;
    # "Ukrainians and their supporters" are not.
    if origin is not None and all(
        _demonym_of(c, demonyms) is not None
        or (
            c.lemma_.lower() in _PEOPLE_NOUNS
            and not any(m.dep_ in ("amod", "poss") for m in c.children)
        )
        for c in conjuncts
    ):
        return origin
    if origin is None and crowd.lemma_.lower() in _MIGRANT_NOUNS and not conjuncts:
        if any(c.dep_ == "prep" and c.lower_ == "from" for c in crowd.children):
            # "migrants from A, B and C"; "migrants from two states" moved within the country.
            found = _origin_countries(state, draft)
            return found[0] if len(found) == 1 else "International" if found else None
        return "International"
    # "Ukrainians and their supporters" name the local crowd; "farmers" tell nothing.
    return None if origin is not None else _UNTOLD


def _crowd_head(state: DocState, draft: EventDraft | TallyDraft) -> Token | None:
    """The head noun of who demonstrated ("Ukrainian nationals staged a protest" → nationals)."""
    sent = state.spacy_sentence(draft.sentence)
    trigger = _token_at(sent, draft.trigger.start) if sent is not None else None
    if trigger is None:
        return None
    if trigger.dep_ in ("acl", "relcl") and trigger.head.pos_ in ("NOUN", "PROPN"):
        # "40 British nationals, residents of X, protested" misparsed as a participle.
        crowd: Token | None = trigger.head
    elif sum(c.dep_ in clauses.SUBJECTS for c in trigger.children) > 1:
        return None  # "dozens of A, B people and supporters gathered": a list misparsed
    else:
        agents, _ = clauses.syntactic_roles(trigger)
        agents += [c for c in trigger.children if c.dep_ in clauses.SUBJECTS]
        hung = hung_subject(trigger)
        crowd = next(
            (
                t
                for t in agents
                if t.pos_ in ("NOUN", "PROPN") and (t.dep_ in clauses.SUBJECTS or t == hung)
            ),
            None,
        )
    while (
        crowd is not None and crowd.dep_ == "appos" and crowd.head.lemma_.lower() in _PEOPLE_NOUNS
    ):
        crowd = crowd.head  # "400 people, many of them expatriates": the people
    for _ in range(2):
        if crowd is None or crowd.lower_ not in CROWD_QUANTITIES:
            break
        of = next((c for c in crowd.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        crowd = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
    return crowd


def _demonym_of(token: Token, demonyms: dict[str, str]) -> str | None:
    """The country of "Ukrainians", "Sudanese" or "Venezuelan migrants", else None."""
    word = token.lower_
    if word in demonyms:
        return demonyms[word]
    if word.endswith("s") and word[:-1] in demonyms:
        return demonyms[word[:-1]]
    if token.lemma_.lower() not in _PEOPLE_NOUNS or token.tag_ not in ("NNS", "NNPS"):
        return None  # "a Russian man" is one person, not a crowd
    for child in token.children:
        if child.dep_ in ("amod", "compound", "nmod"):
            # "South Sudanese refugees": the modifier with its own modifiers first.
            words = " ".join(t.lower_ for t in child.subtree)
            for name in (words, child.lower_):
                if name in demonyms:
                    return demonyms[name]
    return None


def _is_social(mention: ActorMention, dictionary: ActorDictionary) -> bool:
    # Social groups and parties: ACLED codes their members hit by violence as civilians with the
    # group associated (train notes: "Civilians (Turkey)" with "HDP: Peoples Democratic Party").
    entry = dictionary.entry(mention.actor.name)
    return entry is not None and entry.kind in ("social", "party")


def _uncoded_organisation(mention: ActorMention, event_type: str | None) -> bool:
    """An organisation the dictionary does not know ("NLD", "the DPEIN") hit outside a battle:
    ACLED codes the people of such a party, union or association as civilians with the group
    associated, as it does for the parties it knows; not one whose name says it is armed ("the
    Giants Brigade")."""
    return (
        mention.actor.inter is None
        and mention.kind == "org"
        and event_type != "Battles"
        and _ARMED_NAME.search(mention.actor.name) is None
    )


_ARMED_NAME = re.compile(
    r"\b(?:brigades?|forces?|militias?|army|armies|battalions?|regiments?|divisions?|guards?|"
    r"fighters|front|units?|corps|squads?|commandos?|rebels?|militants?|resistance)\b",
    re.IGNORECASE,
)


def _intervening_forces(
    state: DocState,
    dictionary: ActorDictionary,
    draft: EventDraft | TallyDraft,
    country: str | None,
    default: bool,
) -> ActorMention | None:
    """The police or military named in the draft's evidence, else the country's police."""
    spans = [state.sentences[draft.sentence]] if state.sentences else []
    spans += list(draft.evidence)
    for m in state.actors:
        if any(s.start <= m.span.start < s.end for s in spans):
            entry = dictionary.entry(m.actor.name)
            if (
                entry is not None
                and entry.kind in _STATE_KINDS
                and m.kind != "state"
                and not _in_grievance(state, m)
            ):
                return _crowd_police(state, dictionary, m)
    told = _forces_told_after(state, dictionary, draft)
    if told is not None:
        return _crowd_police(state, dictionary, told)
    if country is None or not default:
        return None
    return _generic(
        state, dictionary, "{police}", country, draft.trigger.start, draft.trigger.start
    )


_FORCES_AFTER = 2  # sentences after the protest's in which the forces meeting it may be told
# Words naming the state's forces without saying which ("security forces dispersed the crowd").
_UNSAID_FORCES = re.compile(r"\bsecurity\s+(?:forces?|personnel|services|agents|officers)$", re.I)


def _crowd_police(
    state: DocState, dictionary: ActorDictionary, forces: ActorMention
) -> ActorMention:
    """ "Security forces dispersed the demonstrators": forces meeting a crowd that the words do
    not name as soldiers are the country's police (train protests and riots whose only forces
    are so named: 7 of 8 with forces as actor 2 code the police)."""
    country = forces.actor.country
    if (
        country is None
        or not _UNSAID_FORCES.search(forces.span.text)
        or forces.actor.name != dictionary.state_name(country, "military")
    ):
        return forces
    police = _generic(
        state, dictionary, "{police}", country, forces.span.start, forces.span.end
    )
    return police if police is not None else forces


def _forces_told_after(
    state: DocState, dictionary: ActorDictionary, draft: EventDraft | TallyDraft
) -> ActorMention | None:
    """ "Residents barricaded roads with burning tyres. Police dispersed the crowd.": police or
    military opening one of the next sentences of the paragraph met the crowd (train violent
    demonstrations so told: 74 of 80 code those forces as actor 2)."""
    if not state.sentences:
        return None
    para = state.paragraph_at(draft.trigger.start)
    for index in range(draft.sentence + 1, min(draft.sentence + 1 + _FORCES_AFTER,
                                                len(state.sentences))):  # fmt: skip
        sent = state.sentences[index]
        if para is not None and not para.start <= sent.start < para.end:
            break
        opening = state.text[sent.start : sent.end]
        for m in state.actors:
            if not sent.start <= m.span.start < sent.end:
                continue
            before = opening[: m.span.start - sent.start].strip().lower()
            entry = dictionary.entry(m.actor.name)
            if (
                before in ("", "the")
                and entry is not None
                and entry.kind in _STATE_KINDS
                and m.kind != "state"
                and _acts(state, index, m)
            ):
                return m
    return None


def _acts(state: DocState, index: int, mention: ActorMention) -> bool:
    """Whether the mention is the subject of an active verb other than "be" ("Police dispersed
    the crowd"; not "police personnel were injured", "police forces were present")."""
    sent = state.spacy_sentence(index)
    token = _token_at(sent, mention.span.start) if sent is not None else None
    while token is not None and token.dep_ in ("compound", "amod", "det"):
        if token.head.i == token.i:
            break
        token = token.head
    return (
        token is not None
        and token.dep_ == "nsubj"
        and token.head.pos_ == "VERB"
        and token.head.lemma_ != "be"
    )


def _in_grievance(state: DocState, mention: ActorMention) -> bool:
    """Forces named in what a protest is about ("against a police intervention", "over the
    death of a teenager killed by the military police"): what the crowd protests, not who
    intervened in the protest (train riots so worded: 7 of 8 with no forces as actor 2)."""
    if not state.sentences:
        return False
    sent = state.spacy_sentence(state.sentence_of(mention.span.start))
    if sent is None:
        return False
    token = _token_at(sent, mention.span.start)
    if token is None or token.i not in protest_topics(sent, lexicon()):
        return False
    # what set the protest off ("after a gendarme shot a driver") is coded with its forces as the
    # riot's other side as often as not: only what it is against or for is left out; so are the
    # sides of a clash ("clashes between rioters protesting against X and the army")
    return not any(
        (a.dep_ == "prep" and a.lower_ in CAUSE_PREPS)
        or (a.dep_ == "prep" and a.lower_ == "between" and a.head.lower_ in RECIPROCAL)
        or (a.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CAUSE_PREPS
                                      for m in a.children))
        for a in [token, *token.ancestors]
    )  # fmt: skip


def event_country(state: DocState, draft: EventDraft | TallyDraft) -> str | None:
    """The country a draft is coded in: its resolved place, else the best place named in its own
    sentence if well resolved, else the document's country (hint, places, actors).

    The locations extractor runs after roles, so `draft.where` is usually empty here; the hint
    goes before a sentence place resolved with a low score, often a false match ("Zap" in Turkey,
    "Turkey backed factions")."""
    if draft.where is not None and draft.where.place.country:
        return draft.where.place.country
    own = [
        p
        for p in state.places
        if p.place.country and state.sentence_of(p.span.start) == draft.sentence
    ]
    best = max(own, key=lambda p: p.score, default=None)
    if best is not None and (best.score >= _SURE_PLACE or not state.country_hint):
        # "This morning in northern Iraq, US troops were targeted" in an article
        # about the United States: a well-resolved place in the sentence wins.
        return best.place.country
    return document_country(state)


def document_country(state: DocState) -> str | None:
    """The document's country: the places extractor's hint, else the country of most places,
    else the country of most actors named (state names first: "Lebanese army", "Iraq"), else the
    country classifier's guess however unsure."""
    if state.country_hint:
        return state.country_hint
    for counted in (
        [p.place.country for p in state.places],
        [m.actor.country for m in state.actors if m.kind == "state"],
        [m.actor.country for m in state.actors if m.kind != "state"],
    ):
        counts = Counter(c for c in counted if c)
        if counts:
            return counts.most_common(1)[0][0]
    return state.country_guess


def _as_government(
    mention: ActorMention | None, dictionary: ActorDictionary
) -> ActorMention | None:
    if mention is None or mention.kind != "state" or not mention.actor.country:
        return mention
    entry = dictionary.entry(dictionary.state_name(mention.actor.country, "government"))
    if entry is None:
        return mention
    actor = replace(mention.actor, name=entry.name, inter=entry.inter, parent=entry.parent)
    return ActorMention(mention.span, actor, mention.kind)


class Roles:
    """What the parse says about one trigger: agent, patient, associates, an unnamed victim."""

    __slots__ = ("actor1", "actor2", "assoc1", "assoc2", "victim")

    def __init__(self) -> None:
        self.actor1: ActorMention | None = None
        self.actor2: ActorMention | None = None
        self.assoc1: list[ActorMention] = []
        self.assoc2: list[ActorMention] = []
        # Character span of an unnamed target and whether it is people (else property).
        self.victim: tuple[tuple[int, int], bool] | None = None


def read_roles(
    state: DocState,
    sentence: int,
    trigger_offset: int,
    dictionary: ActorDictionary,
    verbal: bool = False,
) -> Roles:
    """Agent and patient of the trigger at `trigger_offset` in sentence `sentence`.

    `verbal` drafts (statements, threats) take the speaker of a reporting verb governing the
    trigger as actor1 and the target named in the reported clause as actor2.
    """
    roles = Roles()
    if not state.sentences or state.doc is None:
        return roles
    sent = state.spacy_sentence(sentence)
    if sent is None or not len(sent):
        return roles
    mentions = [m for m in state.actors if sent.start_char <= m.span.start < sent.end_char]
    trigger = _token_at(sent, trigger_offset)
    if trigger is None:
        return roles
    while trigger.head.i != trigger.i and (
        trigger.dep_ in ("aux", "auxpass", "neg", "prt")
        or (trigger.dep_ == "advmod" and trigger.head.pos_ == "VERB")
    ):
        # "will be met with", "forcibly disappeared": the verb, not its auxiliary or adverb.
        trigger = trigger.head
    while (
        trigger.dep_ == "compound"
        and trigger.head.pos_ in ("NOUN", "PROPN")
        and trigger.head.i > trigger.i
        and not any(m.span.start <= trigger.head.idx < m.span.end for m in mentions)
    ):
        # "coalition air raids": the head noun carries the modifiers ("riot police" is an actor).
        trigger = trigger.head
    if (
        trigger.i == sent.start
        and trigger.i + 1 < sent.end
        and trigger.nbor().text == ":"
        and trigger.head.i != trigger.i
    ):
        # "Looting: As reported on 2 May, regime forces looted …": a heading naming the event;
        # the clause it heads tells who did it (misparsed as the heading being its subject).
        trigger = trigger.head
    speaker = clauses.speaker(trigger) if verbal else None
    if speaker is not None:
        # "an official in X confirmed that operations against Y will continue": X speaks, Y is
        # targeted.
        roles.actor1, roles.assoc1 = _phrase_mentions(speaker, mentions, dictionary)
        roles.actor2 = _statement_target(trigger, mentions, roles.actor1, dictionary)
        if roles.actor1 is not None:
            return roles
    agents, patients = clauses.syntactic_roles(trigger)
    agents, patients = clauses.device_roles(agents, patients)
    patients += clauses.casualties(sent, trigger)
    if trigger.pos_ in ("VERB", "AUX"):
        # No subject names an actor: "killed ... following an attack by X".
        agents += clauses.enclosing_operation_agents(trigger)
    for token in agents:
        primary, others = _phrase_mentions(token, mentions, dictionary)
        if primary is not None:
            roles.actor1, roles.assoc1 = primary, others
            break
    misread = clauses.adjacent_subject(trigger, mentions, None) if roles.actor1 is None else None
    for token in patients:
        lo, hi = clauses.phrase_bounds(token)
        if misread is not None and lo <= misread.span.start < hi:
            continue  # the subject misread into an earlier phrase ("at the start of Ramadan, X")
        primary, others = _phrase_mentions(token, mentions, dictionary)
        if primary is not None and _grounds_or_kin(doc_text(sent.doc), lo, token, primary):
            continue  # "arrested relatives of a PDF leader", "on suspicion of financing X"
        if primary is not None and primary is not roles.actor1:
            roles.actor2, roles.assoc2 = primary, others
            break
        if (roles.victim is None or not roles.victim[1]) and (
            clauses.is_civilian(token) or (roles.victim is None and clauses.is_property(token))
        ):
            # People hit go before a place hit ("a man was injured in an explosion at a mosque").
            roles.victim = (
                (clauses.left(token).idx, token.idx + len(token)),
                clauses.is_civilian(token),
            )
    if roles.actor2 is None and roles.victim is None and not verbal:
        roles.actor2 = _misread_object(trigger, mentions, roles.actor1)
        noun = trigger
        while noun.dep_ == "compound" and noun.head.i > noun.i:
            noun = noun.head  # "Iraqi air strikes" read as one actor: its head noun's clause
        if (
            roles.actor2 is None
            and noun.pos_ == "NOUN"
            and noun.dep_ in clauses.SUBJECTS
            and noun.head.lemma_.lower() in clauses.HARM_VERBS
        ):
            # "Iraqi airstrikes killed 4 IS militants": the noun's verb has the misread object.
            roles.actor2 = _misread_object(noun.head, mentions, roles.actor1)
        for verb in trigger.children:
            if roles.actor2 is not None:
                break
            if verb.dep_ in ("xcomp", "acl") and verb.lemma_.lower() in clauses.HARM_VERBS:
                # "the rocket shelling targeted IS gatherings" parsed with "targeted" under the
                # trigger
                roles.actor2 = _misread_object(verb, mentions, roles.actor1)
    if roles.actor2 is None and roles.victim is None and not verbal:
        _later_casualties(state, sentence, dictionary, roles)
    # Who fended an attack off does not act by default ("A repulsed a rebel attack on B": A and
    # B were attacked, by rebels the text does not name).
    repelled = clauses.REPEL_VERBS & {trigger.lemma_.lower(), trigger.head.lemma_.lower()}
    hit = {token.i for token in patients} if repelled else set()
    unhit = [m for m in mentions if _root(sent, m) not in hit]
    if roles.actor1 is None:
        # "the militia saying it had carried out 9 operations": the governing subject.
        for token in clauses.governing_subjects(trigger):
            primary, others = _phrase_mentions(token, unhit, dictionary)
            if primary is not None and primary is not roles.actor2:
                roles.actor1, roles.assoc1 = primary, others
                break
    if roles.actor1 is None:
        roles.actor1 = _fallback_agent(trigger, unhit, roles.actor2)
    if roles.actor1 is not None:
        listed = [m for m in mentions if m is not roles.actor2]
        roles.actor1, roles.assoc1 = _led_by_forces_named_before(
            doc_text(sent.doc), roles.actor1, roles.assoc1, listed
        )
    if (
        roles.actor1 is not None
        and roles.actor2 is not None
        and roles.actor1.span == roles.actor2.span
    ):
        # One phrase read both ways: in a passive clause ("Top Hezbollah commander X has been
        # killed") it is the target, otherwise the misparsed subject ("IS militants killed …").
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in trigger.children):
            roles.actor1, roles.assoc1 = None, []
        else:
            roles.actor2, roles.assoc2 = None, []
    if (
        roles.actor2 is None
        and roles.actor1 is not None
        and roles.assoc1
        and trigger.lemma_.lower() in RECIPROCAL
    ):
        # "clashes between QSD and Turkish forces" parsed as one phrase: the sides in text order.
        sides = sorted([roles.actor1, *roles.assoc1], key=lambda m: m.span.start)
        roles.actor1, roles.actor2 = sides[0], sides[1]
        roles.assoc1 = sides[2:]
    return roles


# Words before a group named inside the hit phrase that make it the grounds of the deed or the
# victims' kin, not the side hit ("on suspicion of financing X", "for having links with X",
# "family members of an X leader").
_GROUNDS_OR_KIN = re.compile(
    r"\b(?:suspicion|suspected\s+of|accus\w*|charged?\s+with|charges|allegations?|alleged\s+to"
    r"|connections?|links?|linked|ties|affiliation|association|financ\w*|funding|supporting"
    r"|support\s+(?:for|to)|sympath\w*|collaborat\w*|harbou?ring"
    r"|(?:famil(?:y|ies)|relatives?|wi(?:fe|ves)|husbands?|sons?|daughters?|fathers?|mothers?"
    r"|brothers?|sisters?|parents?|children|kin|in-laws?)(?:\s+members?)?\s+of)\b",
    re.IGNORECASE,
)


def _grounds_or_kin(text: str, lo: int, token: Token, mention: ActorMention) -> bool:
    """Whether the group named inside a hit phrase (not at its head) follows words telling it
    the grounds of the deed or the hit people's kin."""
    if mention.span.start <= token.idx < mention.span.end or mention.span.start < lo:
        return False
    return _GROUNDS_OR_KIN.search(text, lo, mention.span.start) is not None


def _misread_object(
    trigger: Token, mentions: list[ActorMention], actor1: ActorMention | None
) -> ActorMention | None:
    """The actor named right after a verb trigger whose name the parse misread as a verb of its
    own ("the army shelled IS positions", "airstrikes killed 4 IS militants": "IS" read as the
    verb "is", its noun as that verb's complement), so the trigger has no object."""
    if trigger.pos_ != "VERB":
        return None
    doc = trigger.doc
    i = trigger.i + 1
    while i < len(doc) and doc[i].pos_ in ("DET", "NUM") and i - trigger.i <= 3:
        i += 1
    if i >= len(doc) or doc[i].pos_ not in ("AUX", "VERB") or not doc[i].is_upper:
        return None
    for m in mentions:
        if m.span.start == doc[i].idx and m is not actor1:
            return m
    return None


def _root(sent: SpacySpan, mention: ActorMention) -> int | None:
    """The index of the token heading the mention's words in the parse."""
    span = sent.doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    return span.root.i if span is not None else None


def _later_casualties(
    state: DocState, sentence: int, dictionary: ActorDictionary, roles: Roles
) -> None:
    """Who was hit, named in the next sentence of the paragraph ("… hurled rocks at the army.
    21 soldiers were injured."), unless that sentence holds an event of its own at the harm
    word that names its doer, or the doer of this one is unnamed ("Russian forces shelled the
    town. 1 civilian was injured." tells one happening's toll)."""
    if sentence + 1 >= len(state.sentences) or _paragraph_break(state, sentence):
        return
    sent = state.spacy_sentence(sentence + 1)
    if sent is None:
        return
    own_triggers = {d.trigger.start for d in state.events if d.sentence == sentence + 1}
    mentions = [m for m in state.actors if sent.start_char <= m.span.start < sent.end_char]
    unnamed_doer = roles.actor1 is None or unidentified(roles.actor1.actor.name)
    for token in span_tokens(sent):
        lemma = token.lemma_.lower()
        if token.pos_ != "VERB" or (
            token.idx in own_triggers and (unnamed_doer or _has_author(token))
        ):
            # a sentence with a happening of its own tells another one, unless it only counts
            # the toll of the act whose named doer the sentence before told ("X shelled the
            # town. 1 civilian was injured.")
            continue
        if lemma in HARM_VERBS:
            deps: tuple[str, ...] = clauses.PASSIVE_SUBJECTS
        elif lemma == "die":
            deps = clauses.SUBJECTS
        else:
            continue
        for subject in (c for c in token.children if c.dep_ in deps):
            primary, others = _phrase_mentions(subject, mentions, dictionary)
            if primary is not None and primary is not roles.actor1:
                if roles.actor1 is None or primary.actor.name != roles.actor1.actor.name:
                    roles.actor2, roles.assoc2 = primary, others
                    return
            elif primary is None and clauses.is_civilian(subject):
                roles.victim = ((clauses.left(subject).idx, subject.idx + len(subject)), True)
                return


def _has_author(verb: Token) -> bool:
    """Whether a harm verb tells who did it (a subject of the active verb, a "by" agent of the
    passive one): "1 civilian was injured" tells only the toll of what the sentence before told."""
    return any(c.dep_ in clauses.SUBJECTS or c.dep_ == "agent" for c in verb.children)


def _claimant(state: DocState, sentence: int, dictionary: ActorDictionary) -> ActorMention | None:
    """Who claimed or is said to have done the attack, in its sentence or the next two of its
    paragraph ("Kataib Hezbollah and affiliated groups … claimed credit for the attack")."""
    for index in range(sentence, min(sentence + _CLAIM_WINDOW + 1, len(state.sentences))):
        if index > sentence and _paragraph_break(state, index - 1):
            break
        sent = state.spacy_sentence(index)
        if sent is None:
            continue
        mentions = [m for m in state.actors if sent.start_char <= m.span.start < sent.end_char]
        for token in span_tokens(sent):
            for author in _authors(token):
                primary, _ = _phrase_mentions(author, mentions, dictionary)
                if primary is not None and primary.kind != "state":
                    return primary
    return None


def _authors(token: Token) -> list[Token]:
    """Who the clause at `token` says did the attack: "X claimed responsibility (for the
    attack)", "the attack was perpetrated by X", "the device was planted by X", "X are the
    suspected attackers", "X are behind the blast"."""
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB" and lemma != "be":
        return []
    if _denied(token):
        return []
    objects = [c.lemma_.lower() for c in token.children if c.dep_ in ("dobj", "attr")]
    subjects = [c for c in token.children if c.dep_ in clauses.SUBJECTS] or [
        # "Later IS claimed responsibility": the group's capitalised short name read as an
        # auxiliary ("is claimed") is the clause's subject
        c
        for c in token.children
        if c.dep_ in ("aux", "auxpass") and c.i < token.i and c.text.isupper() and len(c.text) > 1
    ]
    if lemma == "claim" or (
        # "IS took responsibility for the attack", "the group assumed responsibility"
        lemma in _OWNING_VERBS
        and any(o in ("responsibility", "credit") for o in objects)
    ):
        # "X claimed responsibility", "X claimed they killed five soldiers"
        deeds = [
            c
            for c in token.children
            if c.dep_ == "ccomp"
            and c.lemma_.lower() in _CLAIMED_DEEDS
            and any(s.lower_ in _SELF_PRONOUNS for s in c.children if s.dep_ in clauses.SUBJECTS)
        ]
        return subjects if deeds or any(o in _CLAIMED for o in objects) else []
    if lemma == "be":
        # "X are the suspected attackers", "X are behind the blast"
        behind = any(
            c.lower_ == "behind" and any(p.lemma_.lower() in _CLAIMED for p in c.children)
            for c in token.children
        )
        doer = any(o in _DOER_NOUNS for o in objects)
        return subjects if behind or doer or _responsible(token) else []
    if lemma in _AUTHOR_VERBS and objects and set(objects) <= _DEVICE_NOUNS:
        return subjects  # "officials said the Taliban planted the bomb"
    if lemma in _AUTHOR_VERBS and (
        any(
            c.dep_ in clauses.PASSIVE_SUBJECTS and c.lemma_.lower() in _CLAIMED | _DEVICE_NOUNS
            for c in token.children
        )
        # "several attacks in the region perpetrated by X" (the participle hung on the place)
        or (token.dep_ == "acl" and _of_attacks(token))
    ):
        return [
            p for a in token.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
        ]
    return []


def _denied(token: Token) -> bool:
    """"X did not claim it", "X denied they were behind the blast", "X denied being involved"."""
    if any(c.dep_ == "neg" for c in token.children):
        return True
    return token.dep_ in ("ccomp", "xcomp") and token.head.lemma_.lower() in _DENYING_VERBS


def _responsible(token: Token) -> bool:
    """"X are (often) responsible for similar acts / for the attack": the verb's subject is named
    as the author of the event's kind of deed."""
    for comp in token.children:
        if comp.dep_ != "acomp" or comp.lemma_.lower() != "responsible":
            continue
        objects = [
            o.lemma_.lower()
            for prep in comp.children
            if prep.lower_ == "for"
            for o in prep.children
            if o.dep_ == "pobj"
        ]
        return any(o in _RESPONSIBLE_FOR for o in objects)
    return False


def _of_attacks(token: Token) -> bool:
    """Whether the participle at `token` describes attacks: an attack noun a few words up its
    noun phrase ("attacks in the X region perpetrated by …")."""
    head = token.head
    for _ in range(_ACL_STEPS):
        if head.lemma_.lower() in _CLAIMED:
            return True
        if head.dep_ not in ("pobj", "prep") or head.head is head:
            return False
        head = head.head
    return head.lemma_.lower() in _CLAIMED


def _other_words_roles(
    state: DocState,
    draft: EventDraft | TallyDraft,
    dictionary: ActorDictionary,
    verbal: bool,
    roles: Roles,
) -> Roles:
    """The roles a verb of the sentence telling the same happening gives, when the noun chosen as
    its trigger names no one who acted ("following a clash with militias, the army shelled the
    town": the clash's weight made it the trigger, the shelling names the army)."""
    if not isinstance(draft, EventDraft):
        return roles  # a tally counts happenings; it has no words of its own to read
    sent = state.spacy_sentence(draft.sentence)
    primary = _token_at(sent, draft.trigger.start) if sent is not None else None
    if sent is None or primary is None or primary.pos_ not in ("NOUN", "PROPN"):
        return roles
    for start, _ in draft.extra.get("triggers", ()):
        word = _token_at(sent, start)
        if start == draft.trigger.start or word is None or word.pos_ != "VERB":
            continue
        if word.dep_ in ("acl", "relcl", "amod"):
            continue  # "a missile fired by X": who fired the thing, not who did the happening
        other = read_roles(state, draft.sentence, start, dictionary, verbal=verbal)
        if other.actor1 is not None:
            if other.actor2 is None and other.victim is None:
                other.actor2, other.assoc2, other.victim = roles.actor2, roles.assoc2, roles.victim
            return other
    return roles


def _either(
    text: str, actor: ActorMention | None, assoc: list[ActorMention]
) -> tuple[ActorMention | None, list[ActorMention]]:
    """"JNIM or ISGS militants", "Boko Haram/IS": the text is unsure which of two armed groups it
    was, and ACLED codes one actor named "A and/or B" (or its own such name, when one of the two
    already is one: "Boko Haram" is "Islamic State (West Africa) and/or Boko Haram …")."""
    if actor is None or actor.actor.inter not in NON_STATE_INTER:
        return actor, assoc
    for other in assoc:
        first, second = sorted((actor, other), key=lambda m: m.span.start)
        if text[first.span.end : second.span.start].strip().lower() not in _EITHER_WORDS:
            continue
        if other.actor.inter not in NON_STATE_INTER or other.actor.name == actor.actor.name:
            continue
        names = [first.actor.name, second.actor.name]
        joint = next((n for n in names if " and/or " in n), " and/or ".join(names))
        span = Span(text[first.span.start : second.span.end], first.span.start, second.span.end)
        either = ActorMention(span, replace(first.actor, name=joint), first.kind)
        return either, [m for m in assoc if m is not other]
    return actor, assoc


def _either_pair(text: str, first: ActorMention, second: ActorMention) -> bool:
    """Whether two armed groups are named side by side as alternatives ("Boko Haram/IS")."""
    if first.actor.inter not in NON_STATE_INTER or second.actor.inter not in NON_STATE_INTER:
        return False
    if first.actor.name == second.actor.name:
        return False
    a, b = sorted((first, second), key=lambda m: m.span.start)
    return text[a.span.end : b.span.start].strip().lower() in _EITHER_WORDS


def _refers_back(state: DocState, sentence: int) -> bool:
    """Whether the sentence names an attack with "the" or "this" ("killed in the attack"), one the
    sentence before in its paragraph may have told."""
    if sentence < 1 or _paragraph_break(state, sentence - 1):
        return False
    sent = state.spacy_sentence(sentence)
    return sent is not None and any(
        noun.pos_ == "NOUN"
        and noun.lemma_.lower() in _AUTHORED_NOUNS
        and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in noun.children)
        for noun in span_tokens(sent)
    )


def _attack_author(
    state: DocState,
    sentence: int,
    dictionary: ActorDictionary,
    target: ActorMention | None,
    climb: bool = False,
) -> ActorMention | None:
    """The armed actor an attack noun of the sentence names as its author, for a harm told without
    one ("two guards died as an assault by the rebels went on", "as Al Shabaab attacks on bases
    continued")."""
    sent = state.spacy_sentence(sentence)
    if sent is None:
        return None
    mentions = [m for m in state.actors if sent.start_char <= m.span.start < sent.end_char]
    for noun in span_tokens(sent):
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _AUTHORED_NOUNS:
            continue
        agents: list[Token] = []
        clauses.noun_roles(noun, agents, [], climb=climb)
        for token in agents:
            primary, _ = _phrase_mentions(token, mentions, dictionary)
            if _armed(primary, target):
                return primary
    return None


def _armed(mention: ActorMention | None, target: ActorMention | None) -> bool:
    """Whether the mention names an armed actor other than the target (not a state's name, a
    person, a pronoun or a facility)."""
    return (
        mention is not None
        and mention.kind not in ("state", "person", "pronoun", "facility")
        and mention.actor.inter in ARMED_INTER
        and (target is None or mention.actor.name != target.actor.name)
    )


def _mutual(state: DocState, draft: EventDraft | TallyDraft) -> bool:
    """Whether the draft's sentence tells a fight between two sides ("clashed", "each other")."""
    if not state.sentences:
        return False
    s = state.sentences[draft.sentence]
    return _MUTUAL.search(state.text[s.start : s.end]) is not None


def _paragraph_break(state: DocState, sentence: int) -> bool:
    """Whether a paragraph ends after sentence `sentence`."""
    end = state.sentences[sentence].end
    nxt = state.sentences[sentence + 1].start
    return "\n\n" in state.text[end:nxt] or any(
        p.start <= state.sentences[sentence].start < p.end and p.end <= nxt
        for p in state.paragraphs
    )


def _token_at(sent: SpacySpan, offset: int) -> Token | None:
    for token in span_tokens(sent):
        if token.idx <= offset < token.idx + max(len(token), 1):
            return token
    return None


def _phrase_mentions(
    token: Token, mentions: list[ActorMention], dictionary: ActorDictionary
) -> tuple[ActorMention | None, list[ActorMention]]:
    """The actor a noun phrase names (the one at its head, else its first) and co-named actors."""
    group = _group_of_men(token, mentions)
    if group is not None:
        # "gunmen of the Free Valley Brigade", "fighters from X": the group its men are of acts
        return group, []
    owner = clauses.owner(token)
    if owner is not token:
        # "a unit of a brigade of the Southern Resistance": the owner acts.
        primary, others = _phrase_mentions(owner, mentions, dictionary)
        if primary is not None:
            return primary, others
    lo, hi = clauses.phrase_bounds(token)
    at_head = [
        m
        for m in mentions
        if m.span.start <= token.idx < m.span.end
        and not (m.kind == "state" and _locative(token.doc, m))
    ]
    # A country named inside a phrase is a place or a modifier ("bases in Syria", "US dollar"),
    # and so is an unknown name after "in" ("in Ahvaz").
    inside = [
        m
        for m in mentions
        if lo <= m.span.start
        and m.span.end <= hi
        and m not in at_head
        and m.kind != "state"
        and not (m.actor.inter is None and _locative(token.doc, m))
    ]
    candidates = at_head + inside
    if not candidates:
        return None, []
    primary = candidates[0]
    umbrella = next(
        (m for m in inside if _is_umbrella(m, dictionary) and _under(token.doc, m)), None
    )
    if umbrella is None:
        # The parser often detaches "under OPS" from the phrase it belongs to.
        near = [
            m
            for m in mentions
            if primary.span.end <= m.span.start <= hi + 24 and _is_umbrella(m, dictionary)
        ]
        text = doc_text(token.doc) if near else ""
        # "… under OPS" said of the phrase's last force ("troops backed by a faction that fights
        # under OPS").
        umbrella = next(
            (m for m in near if _UNDER_BEFORE.match(text[_last_end(candidates, m) : m.span.start])),
            None,
        )
    if umbrella is not None:
        # "Turkish forces and rebels under OPS", "US forces under the Global Coalition": ACLED codes
        # the operation or coalition as the actor and the forces in it as associates.
        primary = umbrella
    others = [
        m
        for m in candidates
        if m is not primary
        and m.kind not in _NOT_FORCES
        and m.actor.name != primary.actor.name
        and (m in at_head or _supports(token.doc, m, primary))
    ]
    if umbrella is None:
        # "Turkish and Russian forces", "QSD and regime forces": the side named first leads.
        first = min([primary, *others], key=lambda m: m.span.start)
        if first is not primary and _coordinated(doc_text(token.doc), first, primary):
            others = [primary, *[m for m in others if m is not first]]
            primary = first
    return primary, others


def _group_of_men(token: Token, mentions: list[ActorMention]) -> ActorMention | None:
    """The named armed group whose men a noun phrase's "of"/"from" says they are ("gunmen of the
    X Brigade", "fighters from X"): a non-state group the dictionary knows or an unknown
    organisation named as armed; not a place or crowd they came from."""
    if token.lower_ not in member_nouns() and token.lemma_.lower() not in member_nouns():
        return None
    for prep in token.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("of", "from"):
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            # The group's name may stand before the noun the parser takes as the object ("gunmen
            # of the Viv Ansanm coalition", "fighters of the Wazalendo militia").
            lo, hi = pobj.left_edge.idx, pobj.idx + len(pobj)
            group = next(
                (m for m in mentions if m.span.start <= pobj.idx < m.span.end), None
            ) or next((m for m in mentions if lo <= m.span.start and m.span.end <= hi), None)
            if (
                group is not None
                and group.kind == "org"
                and group.actor.inter in NON_STATE_INTER
                and not unidentified(group.actor.name)
            ):
                return group
    return None


def _last_end(mentions: list[ActorMention], before: ActorMention) -> int:
    """Where the last of `mentions` ending before `before` ends."""
    return max(m.span.end for m in mentions if m.span.end <= before.span.start)


def _led_by_forces_named_before(
    text: str, primary: ActorMention, others: list[ActorMention], mentions: list[ActorMention]
) -> tuple[ActorMention, list[ActorMention]]:
    """ "the army, police and Pyu Saw Htee fighters torched …": the parser takes a group name it
    does not know for the subject and hangs the actors listed before it elsewhere; the list's
    first actor leads, as it does when the parse keeps the list together (`_phrase_mentions`)."""
    chain = [min([primary, *others], key=lambda m: m.span.start)]
    joined = False  # a comma links list items only before the last "and"
    for m in reversed([m for m in mentions if m.span.end <= chain[0].span.start]):
        between = text[m.span.end : chain[-1].span.start].strip().lower()
        if m.kind in _NOT_FORCES or not (between in _LIST_JOINS or (between == "," and joined)):
            break
        joined = True
        chain.append(m)
    if len(chain) == 1:
        return primary, others
    return chain[-1], [*reversed(chain[1:-1]), primary, *others]


_LIST_JOINS = ("and", "&", "as well as", "together with", "along with")
# Mentions that name no side of their own in a list of forces: a person, a country's name (a
# place or a modifier), a pronoun.
_NOT_FORCES = ("person", "state", "pronoun")


def _coordinated(text: str, first: ActorMention, second: ActorMention) -> bool:
    between = text[first.span.end : second.span.start].strip().lower()
    return between == "," or between in _LIST_JOINS


def _is_umbrella(mention: ActorMention, dictionary: ActorDictionary) -> bool:
    entry = dictionary.entry(mention.actor.name)
    return entry is not None and entry.kind == "coalition"


def _under(doc, mention: ActorMention) -> bool:  # type: ignore[no-untyped-def]
    span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ == "under"


def _locative(doc, mention: ActorMention) -> bool:  # type: ignore[no-untyped-def]
    # "bases in Syria": a country named as a place, not as the state acting.
    span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    return root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE_PREPS


def _supports(doc, mention: ActorMention, primary: ActorMention) -> bool:  # type: ignore[no-untyped-def]
    """Whether `mention` co-acts with `primary` (conjoined, "supported by", "loyal to", "under")."""
    span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    if span is None:
        return False
    token = span.root
    for _ in range(4):
        if (
            token.dep_ == "conj"
            or token.lower_ in _SUPPORT_WORDS
            or token.lemma_ in _SUPPORT_WORDS | {"loyal", "affiliate"}
        ):
            return True
        if token.dep_ in ("amod", "compound") and token.head.dep_ != "ROOT":
            # "regime and Iranian militia positions": modifiers joined to a shared head.
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _fallback_agent(
    trigger: Token, mentions: list[ActorMention], patient: ActorMention | None
) -> ActorMention | None:
    """The first actor before the trigger that is not inside a prepositional phrase.

    The parser often misreads headline-style clauses ("a regime sniper shot …", "IS militants
    killed …"); an actor named before the trigger outside any "in/on/at …" phrase still acts,
    and so does one directly before a subjectless verb ("… military forces reportedly forcibly
    disappeared a citizen", the subject misread as the object of an earlier "of").
    """
    adjacent = clauses.adjacent_subject(trigger, mentions, patient)
    if adjacent is not None:
        return adjacent
    # who a passive clause hung on the opener names was hit ("On 3 May, in X, a police car was
    # shot by …"), not the doer
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in trigger.children)
    for m in mentions:
        if m.span.start >= trigger.idx or m is patient or m.kind in ("state", "facility"):
            continue
        span = trigger.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        if span is None:
            continue
        token, inside_prep = span.root, False
        if _teller_of(token, trigger):
            continue  # "police believe he was killed over a debt": they tell, not kill
        while token.head.i != token.i:
            if not passive and _hung_on_opener(token):
                break  # "On 2 May, RR and CRPF had an encounter …": the subject, misparsed
            if token.dep_ in ("pobj", "prep", "agent", "dobj", "nsubjpass") or (
                token.dep_ in clauses.SUBJECTS and clauses.ran_into_device(token.head)
            ):
                inside_prep = True  # (or the subject of "struck an IED": it was hit)
                break
            token = token.head
        if not inside_prep:
            return m
    return None


# Nouns of the place phrase a report opens with ("in X village, Y township, Z region, …").
_OPENER_PLACE_NOUNS = frozenset(
    """village town city district township province state region county governorate area
    municipality subdistrict locality neighbourhood neighborhood camp""".split()
)


def _hung_on_opener(token: Token) -> bool:
    """Whether the token is an apposition (or one of its list) to the date or place a report
    opens with: an organisation is no date or place, so it is the clause's subject the parser
    hung there ("On 5 June, RR, CRPF and SoG in a joint raid had a gunfight with …", "in X
    village (Y township), the army, police and militia members burnt …")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ != "appos":
        return False
    head = token.head
    return head.ent_type_ in ("DATE", "GPE", "LOC", "FAC") or head.lemma_.lower() in (
        _OPENER_PLACE_NOUNS
    )


def _teller_of(token: Token, trigger: Token) -> bool:
    """The token is the subject of a verb of believing whose clause holds the trigger ("police
    believe he was killed over a drug debt"); not of one of saying, whose subject often tells
    its own deed ("the forces said they had arrested four men")."""
    verb = token.head
    if token.dep_ not in clauses.SUBJECTS or verb.i == token.i:
        return False
    if verb.lemma_.lower() not in clauses.BELIEF_VERBS or not clauses.tells(verb):
        return False
    step = trigger
    for _ in range(4):
        if step.head.i == step.i:
            return False
        if step.head.i == verb.i:
            return step.dep_ in ("ccomp", "parataxis")
        step = step.head
    return False


def _organisation_of(state: DocState, mention: ActorMention | None) -> ActorMention | None:
    if mention is None or mention.kind != "person":
        return mention
    named = [
        m
        for m in state.actors
        if m.kind in ("org", "facility")
        and m.actor.name == mention.actor.name
        and m.span.start < mention.span.end
    ]
    return named[-1] if named else mention


def _facility_owner(state: DocState, sentence: int) -> ActorMention | None:
    if not state.sentences:
        return None
    s = state.sentences[sentence]
    return next(
        (m for m in state.actors if m.kind == "facility" and s.start <= m.span.start < s.end), None
    )


def _statement_target(
    trigger: Token,
    mentions: list[ActorMention],
    speaker: ActorMention | None,
    dictionary: ActorDictionary,
) -> ActorMention | None:
    """The first actor in the reported clause that is not the speaker's own side."""
    lo, hi = trigger.left_edge.idx, trigger.right_edge.idx + len(trigger.right_edge)
    own = {speaker.actor.name, speaker.actor.parent} if speaker else set()
    for m in mentions:
        if (
            lo <= m.span.start < hi
            and m.kind != "person"
            and m.actor.name not in own
            and not (m.kind == "state" and _locative(trigger.doc, m))
        ):
            entry = dictionary.entry(m.actor.name)
            if entry is not None and speaker is not None and entry.name == speaker.actor.parent:
                continue
            if entry is not None and speaker is not None and entry.parent == speaker.actor.name:
                continue
            return m
    return None


def _recent_speaker(state: DocState, sentence: int) -> ActorMention | None:
    """For statements without a subject: the organisation of the person quoted just before."""
    lo = state.sentences[max(sentence - _SPEAKER_WINDOW, 0)].start if state.sentences else 0
    hi = state.sentences[sentence].end if state.sentences else 0
    persons = [m for m in state.actors if m.kind == "person" and lo <= m.span.start < hi]
    return persons[-1] if persons else None


def _generic(
    state: DocState,
    dictionary: ActorDictionary,
    template: str,
    country: str | None,
    start: int,
    end: int,
) -> ActorMention | None:
    entry = dictionary.generic(template, country)
    if entry is None:
        return None
    span = state.span(start, end)
    return ActorMention(
        span, Actor(entry.name, entry.inter, entry.country, entry.parent, span.text), "implicit"
    )


# "it remains unclear who fired", "it was not known which side struck",
# "unidentified local forces carried out drone strikes": the text says the doer is unknown.
_UNCLEAR_WHO = re.compile(
    r"\b(?:unclear|unknown|not known|not clear) (?:who|which)\b"
    r"|\b(?:unidentified|unknown) (?:\w+ ){0,2}(?:forces|groups?|gunmen|militants|fighters|men)\b",
    re.I,
)


def _unnamed_air_force(
    state: DocState,
    dictionary: ActorDictionary,
    actor1: ActorMention | None,
    actor2: ActorMention | None,
    country: str | None,
    at: int,
) -> ActorMention | None:
    """An air or drone strike the text tells without its doer ("a drone strike killed eight gang
    members") is the country's military's: 294 of the 296 train notes of the type name a state's
    forces or a coalition of states as actor 1, two an unidentified group (one told as such, one
    whose doer "is unclear"). Not when the military is the one hit, nor when the text names
    another state's forces (cross-border strikes); an unnamed group the classifier guessed (from
    the victims' words) is none."""
    if actor1 is not None and (actor1.kind != "implicit" or not unidentified(actor1.actor.name)):
        return actor1  # a doer the text names, if only as "unidentified local forces"
    if _UNCLEAR_WHO.search(state.text):
        return actor1  # the text says the doer is not known
    if any(
        m.actor.inter in STATE_INTER and m.actor.country not in (None, country)
        for m in state.actors
    ):
        return actor1  # "Jordanian warplanes", "Israeli jets": another state's may have struck
    at = actor1.span.start if actor1 is not None else at
    military = _generic(state, dictionary, "{military}", country, at, at)
    if military is None or (actor2 is not None and actor2.actor.name == military.actor.name):
        return actor1
    return military


def _territory_lost_by(
    state: DocState,
    dictionary: ActorDictionary,
    draft: EventDraft,
    actor2: ActorMention | None,
    country: str | None,
) -> ActorMention | None:
    """A town or base a group took from a side the text leaves unnamed ("the Arakan Army seized
    Maungdaw") was the state's: 11 of the 12 train notes of the type code the country's forces
    as actor 2 (a state's forces abroad, inter 8, take territory as a non-state actor does).
    Not when the taker is the country's own force."""
    if actor2 is None or not unidentified(actor2.actor.name):
        return actor2
    if draft.actor1 is not None and draft.actor1.actor.inter == 1:
        return actor2
    at = actor2.span.start
    military = _generic(state, dictionary, "{military}", country, at, at)
    return military or actor2


def _unknown_armed_group(
    mention: ActorMention | None, dictionary: ActorDictionary
) -> ActorMention | None:
    """A group the dictionary lacks doing violence ("BLF destroyed a mobile tower") has ACLED's
    code for armed groups other than state forces and rebels: of the train notes where such a
    name was read as the attacker, 52 code a political militia (3), 19 rebels (2); so 3 unless
    the name's words say otherwise (`group_words.csv`: "... Communal Militia" 4)."""
    if (
        mention is None
        or mention.kind != "org"
        or mention.actor.inter is not None
        or dictionary.entry(mention.actor.name) is not None
    ):
        return mention
    inter = group_inter(mention.actor.name)
    return ActorMention(mention.span, replace(mention.actor, inter=inter), mention.kind)


def _with_inter(
    mention: ActorMention | None, dictionary: ActorDictionary, country: str | None
) -> ActorMention | None:
    """The mention with ACLED's inter code for an event in `country` (state forces abroad: 8)."""
    if mention is None:
        return None
    actor = mention.actor
    entry = dictionary.entry(actor.name)
    inter = dictionary.inter_for(entry, country) if entry is not None else actor.inter
    if inter == actor.inter:
        return mention
    return ActorMention(mention.span, replace(actor, inter=inter), mention.kind)


def _distinct(
    mentions: list[ActorMention],
    primary: ActorMention | None,
    dictionary: ActorDictionary,
    country: str | None,
) -> list[ActorMention]:
    seen = {primary.actor.name} if primary else set()
    out = []
    for m in mentions:
        if m.actor.name not in seen:
            seen.add(m.actor.name)
            out.append(_with_inter(m, dictionary, country) or m)
    return out
