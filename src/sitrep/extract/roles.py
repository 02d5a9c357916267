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
from typing import TYPE_CHECKING

from sitrep.extract.state import ActorMention, DocState, EventDraft, TallyDraft
from sitrep.knowledge.actors import ActorDictionary
from sitrep.records import Actor

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

log = logging.getLogger(__name__)

VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
# People ACLED codes as civilians when they are the target and no group is named.
CIVILIAN_WORDS = frozenset(
    """man men woman women child children boy boys girl girls civilian civilians resident residents
    shepherd shepherds farmer farmers people person family families citizen citizens villager
    villagers driver drivers youth youths teenager teenagers infant baby elderly body bodies corpse
    student students worker workers doctor doctors nurse nurses journalist journalists fisherman
    fishermen merchant trader passenger passengers pedestrian mukhtar teacher displaced refugee
    refugees activist activists individual individuals head mukhtar prisoner prisoners detainee
    detainees vendor shopkeeper""".split()
)
# Property whose looting or destruction ACLED codes against civilians.
CIVILIAN_PROPERTY = frozenset(
    """home homes house houses car cars vehicle shop shops market store crops land lands property
    properties dormitory building buildings farm farms livestock harvest plant factory mall company
    tree trees seedling seedlings olive
    office bank banks atm atms tanker tankers truck trucks tractor church mosque school
    hospital""".split()
)
_QUANTITY_NOUNS = frozenset(
    {"number", "group", "dozen", "dozens", "hundreds", "thousands", "several", "some", "scores"}
)
# "supported by X" names an associate, not the author of the event.
_SUPPORT_LEMMAS = frozenset(
    {"support", "back", "aid", "assist", "accompany", "escort", "help", "cover"}
)
_INTERVENTION_SUB_TYPES = frozenset(
    {"Protest with intervention", "Excessive force against protesters"}
)
_STATE_KINDS = frozenset({"military", "police"})
_SUBJECTS = ("nsubj", "csubj")
_PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")
_OBJECTS = ("dobj", "attr", "oprd")
_TARGET_PREPS = frozenset(
    {"on", "against", "at", "upon", "toward", "towards", "into", "with", "targeting", "between"}
)
_LOCATIVE_PREPS = frozenset(
    {"in", "inside", "near", "across", "from", "of", "around", "outside", "within"}
)
_SUPPORT_WORDS = frozenset(
    {"supported", "backed", "aided", "assisted", "accompanied", "alongside", "with", "and", "under"}
)
_LIGHT_VERBS = frozenset(
    {
        "carry",
        "conduct",
        "launch",
        "stage",
        "mount",
        "execute",
        "perform",
        "make",
        "hold",
        "organize",
        "organise",
        "claim",
        "wage",
        "fire",
        "continue",
        "resume",
        "escalate",
        "intensify",
    }
)
# Verbs whose subject fends off the attack they name as object ("thwarted an attack").
REPEL_VERBS = frozenset(
    {"thwart", "repel", "repulse", "foil", "abort", "counter", "intercept", "rebuff", "halt"}
)
# Verbs whose object is who or what an attack hit.
HARM_VERBS = frozenset(
    {
        "kill",
        "injure",
        "wound",
        "hit",
        "target",
        "destroy",
        "damage",
        "kidnap",
        "abduct",
        "assassinate",
        "shoot",
        "leave",
    }
)
# Attack nouns whose "of" names the attacker ("an attack of pro-Houthi forces").
_ATTACK_NOUNS = frozenset(
    {"attack", "attacks", "incursion", "offensive", "assault", "infiltration", "advance"}
)
_UNDER_BEFORE = re.compile(r"^\s*,?\s*(?:operating\s+|fighting\s+)?under\s+(?:the\s+)?$", re.I)
# Nouns naming an attack whose modifiers name its author ("Saudi-led coalition air raids").
_STRIKE_NOUNS = _ATTACK_NOUNS | frozenset(
    {"raid", "airstrike", "strike", "shelling", "bombardment", "bombing", "shell", "attack"}
)
# Nouns for a part of an armed group: "a unit of X", "elements of X" are X's.
_PART_NOUNS = frozenset(
    """unit units element elements member members cell cells detachment squad battalion
    brigade brigades division company platoon wing faction""".split()
)
_TIME_NOUNS = frozenset(
    """beginning start end outset time dawn dusk noon midnight night morning evening afternoon
    hour hours day eve""".split()
)
_OBJECT_PRONOUNS = frozenset({"them", "him", "her"})
# What a claim of an attack claims: "claimed responsibility/credit for", "claimed the bombing".
_CLAIMED = _STRIKE_NOUNS | frozenset(
    {"responsibility", "credit", "bombing", "explosion", "blast", "operation", "killing"}
)
_CLAIM_WINDOW = 2  # sentences after the event's in which its claim may come
# Place score from which a place in the draft's sentence beats the document's country.
_SURE_PLACE = 1.2
# How deep _verb_roles and _noun_roles may call each other.
_MAX_DEPTH = 3
# Nouns for what is left of people: "the bodies of 2 civilians" names the victims.
_REMAINS_NOUNS = frozenset({"body", "bodies", "corpse", "corpses", "remains"})
_CLIMB_DEPS = ("xcomp", "conj", "advcl", "ccomp", "pcomp", "prep")
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
_SPEAKER_WINDOW = 2
SPEECH_VERBS = frozenset(
    """say confirm state announce warn threaten declare vow pledge stress affirm add explain claim
    tell report reveal disclose note insist deny accuse condemn promise""".split()
)
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
)  # sentences back in which a quote's speaker may be named


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
    verbal = event_type is None or getattr(draft, "plover", None) in VERBAL_PLOVER
    roles = read_roles(state, draft.sentence, draft.trigger.start, dictionary, verbal=verbal)
    actor1, actor2 = roles.actor1, roles.actor2
    assoc1, assoc2 = list(roles.assoc1), list(roles.assoc2)
    if event_type is None:
        # "Ankara condemned": a country's name making a statement is its government.
        actor1, actor2 = _as_government(actor1, dictionary), _as_government(actor2, dictionary)
    if (
        actor2 is not None
        and _is_social(actor2, dictionary)
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
    if actor1 is None and event_type in VIOLENT_TYPES:
        actor1 = _claimant(state, draft.sentence, dictionary)
    if actor1 is None and sub_event_type == "Government regains territory":
        # By definition the state's forces retake it ("the recapture of a key air base").
        actor1 = _generic(
            state, dictionary, "{military}", country, draft.trigger.start, draft.trigger.start
        )
    if actor1 is None and event_type in VIOLENT_TYPES:
        actor1 = _generic(
            state,
            dictionary,
            "Unidentified Armed Group ({country})",
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
    if actor2 is not None and actor1 is not None and actor2.span == actor1.span:
        actor2 = None
    # A person acts for their organisation: the actor's words are the organisation's name; the
    # person stays in `state.actors` (kind "person") for attribution.
    actor1, actor2 = _organisation_of(state, actor1), _organisation_of(state, actor2)

    draft.actor1 = draft.actor1 or _with_inter(actor1, dictionary, country)
    draft.actor2 = draft.actor2 or _with_inter(actor2, dictionary, country)
    if isinstance(draft, EventDraft):
        if not draft.assoc_actor_1:
            draft.assoc_actor_1 = _distinct(assoc1, draft.actor1, dictionary, country)
        if not draft.assoc_actor_2:
            draft.assoc_actor_2 = _distinct(assoc2, draft.actor2, dictionary, country)


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
        return actor1, assoc1
    named = actor1 if actor1 is not None and actor1.kind != "state" else None
    if named is not None and named.actor.inter in (1, 8):
        named = None  # "The government imposed a curfew": not the crowd
    start, end = (
        (named.span.start, named.span.end) if named else (draft.trigger.start, draft.trigger.start)
    )
    crowd = _generic(state, dictionary, template, country, start, end)
    if crowd is None:
        return actor1, assoc1
    if named is not None and (named.actor.inter is None or named.actor.inter in (2, 3, 4)):
        assoc1 = [named, *assoc1]
    return crowd, assoc1


def _is_social(mention: ActorMention, dictionary: ActorDictionary) -> bool:
    # Social groups and parties: ACLED codes their members hit by violence as civilians with the
    # group associated (train notes: "Civilians (Turkey)" with "HDP: Peoples Democratic Party").
    entry = dictionary.entry(mention.actor.name)
    return entry is not None and entry.kind in ("social", "party")


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
            if entry is not None and entry.kind in _STATE_KINDS and m.kind != "state":
                return m
    if country is None or not default:
        return None
    return _generic(
        state, dictionary, "{police}", country, draft.trigger.start, draft.trigger.start
    )


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
        # "Early this morning in northern Iraq, U.S. personnel were targeted" in an article
        # about the United States: a well-resolved place in the sentence wins.
        return best.place.country
    return document_country(state)


def document_country(state: DocState) -> str | None:
    """The document's country: the places extractor's hint, else the country of most places,
    else the country of most actors named (state names first: "Lebanese army", "Iraq")."""
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
    return None


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
    speaker = _speaker(trigger) if verbal else None
    if speaker is not None:
        # "an official in X confirmed that operations against Y will continue": X speaks, Y is
        # targeted.
        roles.actor1, roles.assoc1 = _phrase_mentions(speaker, mentions, dictionary)
        roles.actor2 = _statement_target(trigger, mentions, roles.actor1, dictionary)
        if roles.actor1 is not None:
            return roles
    agents, patients = _syntactic_roles(trigger)
    agents, patients = _device_roles(agents, patients)
    patients += _casualties(sent, trigger)
    for token in agents:
        primary, others = _phrase_mentions(token, mentions, dictionary)
        if primary is not None:
            roles.actor1, roles.assoc1 = primary, others
            break
    misread = _adjacent_subject(trigger, mentions, None) if roles.actor1 is None else None
    for token in patients:
        lo, hi = _phrase_bounds(token)
        if misread is not None and lo <= misread.span.start < hi:
            continue  # the subject misread into an earlier phrase ("at the start of Ramadan, X")
        primary, others = _phrase_mentions(token, mentions, dictionary)
        if primary is not None and primary is not roles.actor1:
            roles.actor2, roles.assoc2 = primary, others
            break
        if roles.victim is None and (_is_civilian(token) or _is_property(token)):
            roles.victim = ((_left(token).idx, token.idx + len(token)), _is_civilian(token))
    if roles.actor2 is None and roles.victim is None and not verbal:
        _later_casualties(state, sentence, dictionary, roles)
    if roles.actor1 is None:
        # "the Resistance confirming it had conducted 11 operations": the governing subject.
        for token in _governing_subjects(trigger):
            primary, others = _phrase_mentions(token, mentions, dictionary)
            if primary is not None and primary is not roles.actor2:
                roles.actor1, roles.assoc1 = primary, others
                break
    if roles.actor1 is None:
        roles.actor1 = _fallback_agent(trigger, mentions, roles.actor2)
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


def _later_casualties(
    state: DocState, sentence: int, dictionary: ActorDictionary, roles: Roles
) -> None:
    """Who was hit, named in the next sentence of the paragraph ("… hurled rocks at the army.
    21 soldiers were injured.", "The man was subjected to torture"), unless that sentence holds
    an event of its own at the harm word."""
    if sentence + 1 >= len(state.sentences) or _paragraph_break(state, sentence):
        return
    sent = state.spacy_sentence(sentence + 1)
    if sent is None:
        return
    own_triggers = {d.trigger.start for d in state.events if d.sentence == sentence + 1}
    mentions = [m for m in state.actors if sent.start_char <= m.span.start < sent.end_char]
    for token in sent:
        lemma = token.lemma_.lower()
        if token.pos_ != "VERB" or token.idx in own_triggers:
            continue
        if lemma in HARM_VERBS or lemma == "subject":
            deps: tuple[str, ...] = _PASSIVE_SUBJECTS
        elif lemma == "die":
            deps = _SUBJECTS
        else:
            continue
        for subject in (c for c in token.children if c.dep_ in deps):
            primary, others = _phrase_mentions(subject, mentions, dictionary)
            if primary is not None and primary is not roles.actor1:
                if roles.actor1 is None or primary.actor.name != roles.actor1.actor.name:
                    roles.actor2, roles.assoc2 = primary, others
                    return
            elif primary is None and _is_civilian(subject):
                roles.victim = ((_left(subject).idx, subject.idx + len(subject)), True)
                return


def _claimant(state: DocState, sentence: int, dictionary: ActorDictionary) -> ActorMention | None:
    """Who claimed the attack, in its sentence or the next two of its paragraph ("Kataib
    Hezbollah and affiliated groups … claimed credit for the attack")."""
    for index in range(sentence, min(sentence + _CLAIM_WINDOW + 1, len(state.sentences))):
        if index > sentence and _paragraph_break(state, index - 1):
            break
        sent = state.spacy_sentence(index)
        if sent is None:
            continue
        mentions = [m for m in state.actors if sent.start_char <= m.span.start < sent.end_char]
        for token in sent:
            if token.lemma_.lower() != "claim" or token.pos_ != "VERB":
                continue
            objects = [c.lemma_.lower() for c in token.children if c.dep_ == "dobj"]
            if not any(o in _CLAIMED for o in objects):
                continue
            for subject in (c for c in token.children if c.dep_ in _SUBJECTS):
                primary, _ = _phrase_mentions(subject, mentions, dictionary)
                if primary is not None and primary.kind != "state":
                    return primary
    return None


def _paragraph_break(state: DocState, sentence: int) -> bool:
    """Whether a paragraph ends after sentence `sentence`."""
    end = state.sentences[sentence].end
    nxt = state.sentences[sentence + 1].start
    return "\n\n" in state.text[end:nxt] or any(
        p.start <= state.sentences[sentence].start < p.end and p.end <= nxt
        for p in state.paragraphs
    )


def _token_at(sent: SpacySpan, offset: int) -> Token | None:
    for token in sent:
        if token.idx <= offset < token.idx + max(len(token), 1):
            return token
    return None


def _device_roles(agents: list[Token], patients: list[Token]) -> tuple[list[Token], list[Token]]:
    """ "An IED planted in a QSD vehicle by an unknown group exploded": who planted it acts, what it
    was planted in or on is the target."""
    agents_out: list[Token] = []
    extra_patients: list[Token] = []
    for token in agents:
        for acl in (
            c for c in token.children if c.dep_ == "acl" and c.lemma_.lower() not in _SUPPORT_LEMMAS
        ):
            for child in acl.children:
                if child.dep_ == "agent":
                    agents_out.extend(c for c in child.children if c.dep_ == "pobj")
                elif child.dep_ == "prep" and child.lower_ in ("in", "on", "under", "inside"):
                    extra_patients.extend(c for c in child.children if c.dep_ == "pobj")
        agents_out.append(token)
    return agents_out, patients + extra_patients


def _casualties(sent: SpacySpan, trigger: Token) -> list[Token]:
    """Who was hit, from the sentence's harm clauses ("…, killing a woman", "targeting a QSD
    vehicle")."""
    found: list[Token] = []
    for token in sent:
        if token.i == trigger.i or token.lemma_.lower() not in HARM_VERBS:
            continue
        if token.pos_ not in ("VERB", "AUX"):
            continue
        for child in token.children:
            if child.dep_ in _OBJECTS or (child.dep_ in _PASSIVE_SUBJECTS and token.i > trigger.i):
                found.append(child)
            elif child.dep_ == "prep" and child.lower_ in ("on", "at"):
                found.extend(c for c in child.children if c.dep_ == "pobj")
    return found


def _syntactic_roles(trigger: Token) -> tuple[list[Token], list[Token]]:
    """Candidate agent and patient tokens, best first."""
    agents: list[Token] = []
    patients: list[Token] = []
    verbs = [trigger]
    # "shot and killed a fighter": conjoined verbs share the subject and add objects.
    verbs += [c for c in trigger.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    if trigger.pos_ in ("NOUN", "PROPN"):
        _noun_roles(trigger, agents, patients)
    elif trigger.lemma_.lower() in REPEL_VERBS:
        # "A repelled a B attack": ACLED's notes mostly keep A as actor1, B as actor2.
        _verb_roles(trigger, agents, [], descend=False)
        for obj in (c for c in trigger.children if c.dep_ in _OBJECTS):
            _noun_roles(obj, patients, patients, climb=False)
    else:
        for verb in verbs:
            _verb_roles(verb, agents, patients)
        if (
            trigger.dep_ == "conj"
            and trigger.head.pos_ == "VERB"
            and any(p.lower_ in _OBJECT_PRONOUNS for p in patients)
        ):
            # "chased Palestinian fishermen … and fired rubber bullets at them": "them" are the
            # first verb's objects.
            patients.extend(c for c in trigger.head.children if c.dep_ in _OBJECTS)
    # An infinitive or participle takes its governing subject ("began to shell", "killing").
    head = trigger
    while not agents and head.dep_ in _CLIMB_DEPS and head.head.i != head.i and not _reported(head):
        head = head.head
        _verb_roles(head, agents, [], descend=False)
        for subject in (c for c in head.children if c.dep_ in _PASSIVE_SUBJECTS + _SUBJECTS):
            if not agents and subject.lemma_.lower() in _STRIKE_NOUNS:
                # "coalition air raids were reported on X, killing four": the raids' author.
                _noun_roles(subject, agents, [], climb=False)
    if trigger.tag_ == "VBN" and not any(c.dep_ in _PASSIVE_SUBJECTS for c in trigger.children):
        # "a man was found dead, killed by gunmen": the participle's patient is the clause subject.
        if trigger.dep_ in ("advcl", "conj", "xcomp") and trigger.head.pos_ in ("VERB", "AUX"):
            patients.extend(
                c for c in trigger.head.children if c.dep_ in _PASSIVE_SUBJECTS + _SUBJECTS
            )
    if not agents:
        # "shelling exchange with machine guns between A and B": the sides further down the phrase.
        between = next(
            (t for t in trigger.subtree if t.dep_ == "prep" and t.lower_ == "between"), None
        )
        if between is not None:
            _between(between, agents, patients)
    if not agents:
        # "an IED planted by PKK militants detonated": an agent phrase inside the trigger's clause.
        agents.extend(_nested_agents(trigger))
    if trigger.dep_ in ("acl", "relcl") and trigger.head.pos_ in ("NOUN", "PROPN"):
        # "gunmen who attacked", "gunmen firing at …", "militants killed a soldier" (misparsed as
        # a participle, but it has an object): the modified noun acts; "a man killed by …" is hit.
        active = (
            trigger.dep_ == "relcl"
            or trigger.tag_ == "VBG"
            or any(c.dep_ in _OBJECTS for c in trigger.children)
        )
        (agents if active else patients).insert(0, trigger.head)
        # "a roadside explosive planted by PKK militants detonated": the device's planter acts.
        planters = [
            pobj
            for sibling in trigger.head.children
            if sibling.dep_ == "acl"
            and sibling.i != trigger.i
            and sibling.lemma_.lower() not in _SUPPORT_LEMMAS | SPEECH_VERBS | {"report"}
            for agent in sibling.children
            if agent.dep_ == "agent"
            for pobj in agent.children
            if pobj.dep_ == "pobj"
        ]
        agents[:0] = planters
    return agents, patients


def _reported(token: Token) -> bool:
    """The clause is what someone says ("X reported that …"); its teller is not its agent."""
    head = token.head
    return token.dep_ in ("ccomp", "parataxis") and head.lemma_.lower() in SPEECH_VERBS - {"claim"}


def _governing_subjects(trigger: Token) -> list[Token]:
    found: list[Token] = []
    token = trigger
    for _ in range(5):
        if token.head.i == token.i or token.dep_ not in (*_CLIMB_DEPS, "dobj", "pobj"):
            break
        if _reported(token):
            break  # "Iran reported one of its generals had been killed": Iran did not kill him
        token = token.head
        found.extend(c for c in token.children if c.dep_ in _SUBJECTS and c.i < trigger.i)
    return found


def _nested_agents(trigger: Token) -> list[Token]:
    found: list[Token] = []
    for token in trigger.subtree:
        if (
            token.dep_ == "agent"
            and token.head.i != trigger.i
            and token.head.lemma_.lower() not in _SUPPORT_LEMMAS
        ):
            found.extend(c for c in token.children if c.dep_ == "pobj")
    return found


def _verb_roles(
    verb: Token,
    agents: list[Token],
    patients: list[Token],
    descend: bool = True,
    depth: int = 0,
) -> None:
    if depth > _MAX_DEPTH:
        return  # _verb_roles and _noun_roles call each other: stop on odd (cyclic-looking) parses
    for child in verb.children:
        dep = child.dep_
        if dep in _SUBJECTS:
            agents.append(child)
        elif dep in _PASSIVE_SUBJECTS:
            patients.append(child)
        elif dep == "agent":
            agents.extend(c for c in child.children if c.dep_ == "pobj")
        elif dep in _OBJECTS or dep == "dative":
            patients.append(child)
            # "carried out airstrikes on X": the light verb's object carries the target.
            if descend and child.pos_ == "NOUN":
                _noun_roles(child, [], patients, climb=False, depth=depth + 1)
        elif dep == "prep" and child.lower_ == "between":
            _between(child, agents, patients)
        elif dep == "prep" and child.lower_ in _TARGET_PREPS:
            # "at the beginning of Ramadan", "at dawn": a time, not a target.
            patients.extend(
                c
                for c in child.children
                if c.dep_ == "pobj" and c.lemma_.lower() not in _TIME_NOUNS
            )


def _between(prep: Token, agents: list[Token], patients: list[Token]) -> None:
    # "clashes between A and B": A is actor1, B actor2.
    for pobj in (c for c in prep.children if c.dep_ == "pobj"):
        agents.append(pobj)
        patients.extend(c for c in pobj.children if c.dep_ == "conj")
        # "between A against B"
        for p in (c for c in pobj.children if c.dep_ == "prep" and c.lower_ in ("against", "with")):
            patients.extend(c for c in p.children if c.dep_ == "pobj")


def _noun_roles(
    noun: Token,
    agents: list[Token],
    patients: list[Token],
    climb: bool = True,
    depth: int = 0,
) -> None:
    if depth > _MAX_DEPTH:
        return
    modifiers = list(noun.children)
    if noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
        # "Saudi rocket and artillery shelling": the first conjunct's modifiers are shared.
        modifiers += [c for c in noun.head.children if c.dep_ in ("amod", "compound", "poss")]
    for child in modifiers:
        dep = child.dep_
        if dep in ("poss", "compound", "amod", "nmod") and child.pos_ in ("PROPN", "NOUN", "ADJ"):
            agents.append(child)
        elif dep == "prep" and (
            child.lower_ == "by" or (child.lower_ == "of" and noun.lemma_.lower() in _ATTACK_NOUNS)
        ):
            agents.extend(c for c in child.children if c.dep_ == "pobj")
        elif dep == "prep" and child.lower_ == "between":
            _between(child, agents, patients)
        elif dep == "prep" and child.lower_ in _TARGET_PREPS:
            patients.extend(c for c in child.children if c.dep_ == "pobj")
        elif dep == "prep" and child.lower_ == "of" and noun.lemma_.lower() in _REMAINS_NOUNS:
            # "the bodies of 2 civilians were found": whose remains they are was hit.
            patients.extend(c for c in child.children if c.dep_ == "pobj")
        elif dep == "acl":
            _verb_roles(child, [], patients, descend=False, depth=depth + 1)
    if not climb:
        return
    # "X carried out airstrikes", "Israeli airstrikes targeted Y".
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in REPEL_VERBS:
        # "A thwarted a B attack": A first, B (the attack's modifiers) second.
        patients.extend(agents)
        agents.clear()
        _verb_roles(head, agents, [], descend=False, depth=depth + 1)
    elif noun.dep_ == "pobj" and head.dep_ == "agent" and head.head.pos_ in ("VERB", "AUX"):
        # "a civilian was injured by a landmine": the device acts on the passive subject.
        patients.extend(c for c in head.head.children if c.dep_ in _PASSIVE_SUBJECTS)
    elif noun.dep_ in ("dobj", "pobj", "conj", "appos") and head.pos_ in ("VERB", "AUX"):
        _verb_roles(head, agents, [], descend=False, depth=depth + 1)
    elif noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        _verb_roles(head.head, agents, [], descend=False, depth=depth + 1)
    elif noun.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        # "Israeli airstrikes targeted Y", "clashes took place between A and B".
        patients.extend(c for c in head.children if c.dep_ in _OBJECTS)
        for prep in (c for c in head.children if c.dep_ == "prep"):
            if prep.lower_ == "between":
                _between(prep, agents, patients)
            elif prep.lower_ in _TARGET_PREPS:
                patients.extend(c for c in prep.children if c.dep_ == "pobj")


def _left(token: Token) -> Token:
    return token.left_edge


def _phrase_mentions(
    token: Token, mentions: list[ActorMention], dictionary: ActorDictionary
) -> tuple[ActorMention | None, list[ActorMention]]:
    """The actor a noun phrase names (the one at its head, else its first) and co-named actors."""
    owner = _owner(token)
    if owner is not token:
        # "a special forces unit of the 5th brigade of the Southern Resistance": the owner acts.
        primary, others = _phrase_mentions(owner, mentions, dictionary)
        if primary is not None:
            return primary, others
    lo, hi = _phrase_bounds(token)
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
        text = token.doc.text
        umbrella = next(
            (
                m
                for m in mentions
                if primary.span.end <= m.span.start <= hi + 24
                and _is_umbrella(m, dictionary)
                and _UNDER_BEFORE.match(text[primary.span.end : m.span.start])
            ),
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
        and m.kind not in ("person", "state", "pronoun")
        and m.actor.name != primary.actor.name
        and (m in at_head or _supports(token.doc, m, primary))
    ]
    if umbrella is None:
        # "Turkish and Russian forces", "QSD and regime forces": the side named first leads.
        first = min([primary, *others], key=lambda m: m.span.start)
        if first is not primary and _coordinated(token.doc.text, first, primary):
            others = [primary, *[m for m in others if m is not first]]
            primary = first
    return primary, others


def _owner(token: Token) -> Token:
    """The end of a "part of" chain: "elements of the 22nd Brigade" → "Brigade"."""
    for _ in range(3):
        if token.lemma_.lower() not in _PART_NOUNS:
            break
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if pobj is None:
            break
        token = pobj
    return token


def _coordinated(text: str, first: ActorMention, second: ActorMention) -> bool:
    between = text[first.span.end : second.span.start].strip().lower()
    return between in ("and", ",", "&", "as well as", "together with", "along with")


def _phrase_bounds(token: Token) -> tuple[int, int]:
    # The phrase stops before a relative clause or a second event ("…, killing a civilian").
    tokens = [token]
    for child in token.children:
        if child.dep_ in ("relcl", "advcl") or (
            child.dep_ == "acl" and child.tag_ == "VBG" and child.i > token.i + 3
        ):
            continue
        tokens.extend(child.subtree)
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last)


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


def _is_civilian(token: Token) -> bool:
    if token.lemma_.lower() in _QUANTITY_NOUNS:
        # "a number of young men", "dozens of residents"
        of = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"]
        token = next((c for p in of for c in p.children if c.dep_ == "pobj"), token)
    return token.lemma_.lower() in CIVILIAN_WORDS or token.lower_ in CIVILIAN_WORDS


def _is_property(token: Token) -> bool:
    return token.lemma_.lower() in CIVILIAN_PROPERTY or token.lower_ in CIVILIAN_PROPERTY


def _fallback_agent(
    trigger: Token, mentions: list[ActorMention], patient: ActorMention | None
) -> ActorMention | None:
    """The first actor before the trigger that is not inside a prepositional phrase.

    The parser often misreads headline-style clauses ("a regime sniper shot …", "IS militants
    killed …"); an actor named before the trigger outside any "in/on/at …" phrase still acts,
    and so does one directly before a subjectless verb ("… military forces reportedly forcibly
    disappeared a citizen", the subject misread as the object of an earlier "of").
    """
    adjacent = _adjacent_subject(trigger, mentions, patient)
    if adjacent is not None:
        return adjacent
    for m in mentions:
        if m.span.start >= trigger.idx or m is patient or m.kind in ("state", "facility"):
            continue
        span = trigger.doc.char_span(m.span.start, m.span.end, alignment_mode="expand")
        if span is None:
            continue
        token, inside_prep = span.root, False
        while token.head.i != token.i:
            if token.dep_ in ("pobj", "prep", "agent", "dobj", "nsubjpass"):
                inside_prep = True
                break
            token = token.head
        if not inside_prep:
            return m
    return None


def _adjacent_subject(
    trigger: Token, mentions: list[ActorMention], patient: ActorMention | None
) -> ActorMention | None:
    """The actor right before a verb without a subject, only adverbs between ("military forces
    reportedly forcibly disappeared")."""
    if trigger.pos_ != "VERB" or any(
        c.dep_ in _SUBJECTS + _PASSIVE_SUBJECTS for c in trigger.children
    ):
        return None
    before = [m for m in mentions if m.span.end <= trigger.idx and m is not patient]
    last = max(before, key=lambda m: m.span.end, default=None)
    if last is None or last.kind in ("state", "facility"):
        return None
    gap = trigger.doc.text[last.span.end : trigger.idx]
    gap_tokens = trigger.doc.char_span(last.span.end, trigger.idx, alignment_mode="expand")
    if not gap.strip() or (
        gap_tokens is not None and all(t.pos_ in ("ADV", "PART") for t in gap_tokens)
    ):
        return last
    return None


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


def _speaker(trigger: Token) -> Token | None:
    """The subject of the reporting verb the trigger's clause depends on ("X said that …")."""
    token = trigger
    for _ in range(4):
        if token.lemma_.lower() in SPEECH_VERBS:
            subjects = [c for c in token.children if c.dep_ in _SUBJECTS]
            if subjects:
                return subjects[0]
        if (
            token.dep_ not in ("ccomp", "xcomp", "conj", "advcl", "parataxis")
            or token.head.i == token.i
        ):
            return None
        token = token.head
    return None


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
