"""The dependency-tree walks behind the roles extractor: agent and patient tokens of a trigger.

Used by `extract/actors/roles.py`, which maps the tokens found here to actor mentions. Nothing here
reads the document state or the actor dictionary: only spaCy tokens and word lists.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitrep.nlp.accusation import accusing_verb
from sitrep.nlp.opening import hung_subject
from sitrep.nlp.segment import doc_text, span_tokens

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from sitrep.extract.state import ActorMention

# People ACLED codes as civilians when they are the target and no group is named.
CIVILIAN_WORDS = frozenset(
    """man men woman women child children boy boys girl girls civilian civilians resident residents
    shepherd shepherds farmer farmers people person family families citizen citizens villager
    villagers driver drivers youth youths teenager teenagers infant baby elderly body bodies corpse
    student students worker workers doctor doctors nurse nurses journalist journalists fisherman
    fishermen merchant trader passenger passengers pedestrian mukhtar teacher displaced refugee
    refugees activist activists individual individuals head mukhtar prisoner prisoners detainee
    detainees vendor shopkeeper elder elders kid kids minor minors worshipper worshippers
    worshiper worshipers cowherd cowherds herder herders forester foresters businessman
    businessmen pilgrim pilgrims customer customers employee employees father mother son
    daughter wife husband brother sister""".split()
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
SUBJECTS = ("nsubj", "csubj")
PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")
_OBJECTS = ("dobj", "attr", "oprd")
# Verbs with no passive ("forces clashed with rebels"): as a participle on a noun, the noun acts.
_INTRANSITIVE = frozenset({"clash", "skirmish", "brawl", "scuffle"})
TARGET_PREPS = frozenset(
    {"on", "against", "at", "upon", "toward", "towards", "into", "with", "targeting", "between"}
)
# Verbs whose subject fends off the attack they name as object ("thwarted an attack").
REPEL_VERBS = frozenset(
    {"thwart", "repel", "repulse", "foil", "abort", "counter", "intercept", "rebuff", "halt"}
)
# Verbs of a fight with another side ("clashed with B"), conjoined to a repelling verb.
_CLASH_VERBS = frozenset({"clash", "fight", "engage", "battle", "exchange", "skirmish"})
# Verbs whose object is who or what an attack hit.
HARM_VERBS = frozenset(
    {
        "kill",
        "injure",
        "wound",
        "maim",
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
# Hedging participles before a target ("presumed", "suspected") the parse reads as verbs.
_HEDGES = frozenset({"presume", "suspect", "allege", "believe", "suppose"})
# Attack nouns whose "of" names the attacker ("an attack of pro-Houthi forces").
_ATTACK_NOUNS = frozenset(
    {"attack", "attacks", "incursion", "offensive", "assault", "infiltration", "advance"}
)
# Nouns naming an attack whose modifiers name its author ("Saudi-led coalition air raids").
STRIKE_NOUNS = _ATTACK_NOUNS | frozenset(
    {"raid", "airstrike", "strike", "shelling", "bombardment", "bombing", "shell", "attack"}
)
# Nouns for a part of an armed group: "a unit of X", "elements of X" are X's.
_PART_NOUNS = frozenset(
    """unit units element elements member members cell cells detachment squad battalion
    brigade brigades division company platoon wing faction command personnel officers
    servicemen agents operatives commandos staff""".split()
)
_TIME_NOUNS = frozenset(
    """beginning start end outset time dawn dusk noon midnight night morning evening afternoon
    hour hours day eve""".split()
)
_OBJECT_PRONOUNS = frozenset({"them", "him", "her"})
# Participles whose hyphenated modifier names who put the device there ("Taliban-planted").
_PLACED_BY = frozenset({"plant", "lay", "place", "launch", "fire"})
_POSSESSIVE_PRONOUNS = frozenset({"their", "its", "his", "her"})
# Verbs whose subject runs into an explosive device it did not use: "an army vehicle struck an
# IED", "a shepherd stepped on a landmine", "a truck ran over a mine".
_DEVICE_CONTACT_VERBS = frozenset({"strike", "hit", "step", "run", "drive"})
_DEVICES = frozenset({"ied", "landmine", "mine", "bomb", "device", "explosive", "ordnance", "uxo"})
# Words opening a clause that tells when a harm happened; "while" tells what the harmed were doing.
_WHEN_WORDS = frozenset({"when", "as", "after"})
# "killed after the army left the village": those who went away are not who did it.
_GOING_AWAY = frozenset({"leave", "depart", "vacate", "abandon", "evacuate"})
# How deep verb_roles and noun_roles may call each other.
MAX_DEPTH = 3
# Nouns for what is left of people: "the bodies of 2 civilians" names the victims.
# "killed in/during/following an operation by X": the preposition and nouns that put a harm in
# someone's operation.
_OPERATION_PREPS = frozenset({"in", "during", "following", "after", "amid"})
_OPERATION_NOUNS = frozenset({"operation", "ambush", "offensive", "raid", "airstrike", "strike"})
_REMAINS_NOUNS = frozenset({"body", "bodies", "corpse", "corpses", "remains"})
_CLIMB_DEPS = ("xcomp", "conj", "advcl", "ccomp", "pcomp", "prep")
SPEECH_VERBS = frozenset(
    """say confirm state announce warn threaten declare vow pledge stress affirm add explain claim
    tell report reveal disclose note insist deny accuse condemn promise""".split()
)


def device_roles(agents: list[Token], patients: list[Token]) -> tuple[list[Token], list[Token]]:
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


def casualties(sent: SpacySpan, trigger: Token) -> list[Token]:
    """Who was hit, from the sentence's harm clauses ("…, killing a woman", "targeting a QSD
    vehicle")."""
    found: list[Token] = []
    for token in span_tokens(sent):
        if token.i > trigger.i and token.lemma_.lower() in DEATH_VERBS:
            # "X shelled the town, as a result of which a civilian died": who died was hit.
            found.extend(c for c in token.children if c.dep_ in SUBJECTS)
            continue
        if token.i == trigger.i or token.lemma_.lower() not in HARM_VERBS:
            continue
        if token.pos_ not in ("VERB", "AUX"):
            continue
        for child in token.children:
            if child.dep_ in _OBJECTS or (child.dep_ in PASSIVE_SUBJECTS and token.i > trigger.i):
                found.append(child)
            elif child.dep_ == "prep" and child.lower_ in ("on", "at"):
                found.extend(c for c in child.children if c.dep_ == "pobj")
    return found


def _own_clause(trigger: Token, conj: Token) -> bool:
    """ "The gunmen opened fire at the soldiers, and the soldiers killed them": a conjoined verb
    with a subject of its own, after a trigger with one, is another clause with another doer."""
    return any(c.dep_ in SUBJECTS for c in trigger.children) and any(
        c.dep_ in SUBJECTS + PASSIVE_SUBJECTS for c in conj.children
    )


def syntactic_roles(trigger: Token) -> tuple[list[Token], list[Token]]:
    """Candidate agent and patient tokens, best first."""
    agents: list[Token] = []
    patients: list[Token] = []
    verbs = [trigger]
    # "shot and killed a fighter": conjoined verbs share the subject and add objects.
    verbs += [
        c
        for c in trigger.children
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and not _own_clause(trigger, c)
    ]
    if trigger.pos_ in ("NOUN", "PROPN"):
        noun_roles(trigger, agents, patients)
    elif trigger.lemma_.lower() in REPEL_VERBS:
        _repelled_roles(trigger, agents, patients)
    elif (
        trigger.dep_ == "conj"
        and trigger.lemma_.lower() in _CLASH_VERBS
        and trigger.head.lemma_.lower() in REPEL_VERBS
        and not any(c.dep_ in _OBJECTS for c in trigger.head.children)
    ):
        # "A repelled and clashed with B": the repelling verb shares the clash's other side.
        _repelled_roles(trigger.head, agents, patients)
    else:
        for verb in verbs:
            verb_roles(verb, agents, patients)
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
        if accused := accused_of(head):
            # "X accused Y of killing Z": Y is the doer as told, X only the source.
            agents.extend(accused)
            break
        head = head.head
        if head.lemma_.lower() in REPEL_VERBS:
            # "troops repelled attacks by X, killing six": X attacked, and comes first.
            _repelled_roles(head, agents, patients)
            break
        verb_roles(head, agents, [], descend=False)
        for subject in (c for c in head.children if c.dep_ in PASSIVE_SUBJECTS + SUBJECTS):
            if not agents and subject.lemma_.lower() in STRIKE_NOUNS:
                # "coalition air raids were reported on X, killing four": the raids' author.
                noun_roles(subject, agents, [], climb=False)
    if not agents and head.pos_ == "VERB" and not any(c.dep_ == "auxpass" for c in head.children):
        # "On 3 May, in X, Y, armed men stormed …": the subject the parse hung on the place list.
        hung = hung_subject(head)
        if hung is not None:
            agents.append(hung)
    patients.extend(_hit_in_main_clause(trigger))
    if trigger.tag_ == "VBN" and not any(c.dep_ in PASSIVE_SUBJECTS for c in trigger.children):
        # "a man was found dead, killed by gunmen": the participle's patient is the clause subject.
        if trigger.dep_ in ("advcl", "conj", "xcomp") and trigger.head.pos_ in ("VERB", "AUX"):
            patients.extend(
                c for c in trigger.head.children if c.dep_ in PASSIVE_SUBJECTS + SUBJECTS
            )
    if not agents:
        # "shelling exchange with machine guns between A and B": the sides further down the phrase.
        between = next(
            (t for t in trigger.subtree if t.dep_ == "prep" and t.lower_ == "between"), None
        )
        if between is not None:
            _between(between, agents, patients)
    if not agents and any(c.dep_ in PASSIVE_SUBJECTS for c in trigger.children):
        _when_clause_sides(trigger, agents, patients)
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
            # "X forces, backed by jets, clashed with Y" misparsed with the verb on its subject;
            # not a noun inside a phrase or an object ("men from the faction clashed", "forces
            # conducting an operation clashed": the men, the forces, found further up)
            or (trigger.lemma_.lower() in _INTRANSITIVE and trigger.head.dep_ in ("nsubj", "ROOT"))
        )
        (agents if active else patients).insert(0, trigger.head)
        if (
            trigger.tag_ == "VBG"
            and trigger.head.dep_ == "pobj"
            and trigger.head.head.dep_ == "agent"
            and trigger.head.head.head.pos_ in ("VERB", "AUX")
        ):
            # "boys were hurt by X army shelling": the shelling hit them.
            patients.extend(passive_hit(trigger.head.head.head))
        # "an explosive planted by rebels detonated": the device's planter acts.
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


def _hit_in_main_clause(verb: Token) -> list[Token]:
    """Who the main clause says was hit ("2 children were killed when a landmine exploded"), also
    in its first conjunct ("2 civilians were wounded and houses were damaged when …")."""
    if verb.dep_ != "advcl" or verb.head.lemma_.lower() not in HARM_VERBS:
        return []
    main = verb.head
    found = [c for c in main.children if c.dep_ in PASSIVE_SUBJECTS]
    if main.dep_ == "conj" and main.head.lemma_.lower() in HARM_VERBS:
        found += [c for c in main.head.children if c.dep_ in PASSIVE_SUBJECTS]
    return found


def passive_hit(verb: Token) -> list[Token]:
    """Who a passive harm verb whose agent is the trigger hit: its passive subject; "three
    fighters died and 5 were hurt by a strike" (5 names no one): its first conjunct's too; "an
    officer was hurt as he was hit by a mine": the main clause's; "troops took losses after
    being hit by a bomb": the subject of the verb the participle hangs on."""
    found = [c for c in verb.children if c.dep_ in PASSIVE_SUBJECTS]
    if verb.dep_ == "conj" and verb.head.lemma_.lower() in HARM_VERBS:
        found += [c for c in verb.head.children if c.dep_ in PASSIVE_SUBJECTS]
    found += _hit_in_main_clause(verb)
    if (
        not found
        and verb.dep_ == "pcomp"
        and any(c.dep_ == "auxpass" for c in verb.children)
        and verb.head.dep_ == "prep"
        and verb.head.head.pos_ in ("VERB", "AUX")
    ):
        found += [c for c in verb.head.head.children if c.dep_ in SUBJECTS]
    return found


# Verbs whose subject supposes the clause it governs ("police believe he was killed over a debt").
BELIEF_VERBS = frozenset("believe suspect think presume assume".split())


def tells(verb: Token) -> bool:
    """A verb of saying or believing whose subject tells the clause it governs; not "gunmen
    believed to be IS attacked" nor "armed men (assumed a militia) attacked", misparsed with the
    attack as the belief's clause."""
    lemma = verb.lemma_.lower()
    if lemma in BELIEF_VERBS:
        return not any(c.dep_ in ("xcomp", "dobj", "oprd") for c in verb.children)
    return lemma in SPEECH_VERBS - {"claim"}


def _reported(token: Token) -> bool:
    """The clause is what someone says or believes ("X reported that …", "police believe he was
    killed …"); its teller is not its agent."""
    return token.dep_ in ("ccomp", "parataxis") and tells(token.head)


def accused_of(trigger: Token) -> list[Token]:
    """ "the ministry accused Israeli forces of killing three fishermen": the one accused of the
    deed is its doer as told, not the accuser."""
    verb = accusing_verb(trigger)
    if verb is None:
        return []
    held = trigger.head.head
    if held.dep_ == "dobj" and held.head.i == verb.i:
        return [held]  # the parse hung "of killing" on the accused
    return [c for c in verb.children if c.dep_ == "dobj"]


def governing_subjects(trigger: Token) -> list[Token]:
    found: list[Token] = []
    token = trigger
    for _ in range(5):
        if accused := accused_of(token):
            return found or accused  # "accused X of killing Y in an attack": X, not the accuser
        if token.head.i == token.i or token.dep_ not in (*_CLIMB_DEPS, "dobj", "pobj"):
            break
        if _reported(token):
            break  # "Iran said one of its officers had been killed": Iran did not kill him
        token = token.head
        if ran_into_device(token):
            break  # "a patrol struck an IED, wounding two": the patrol was hit
        found.extend(c for c in token.children if c.dep_ in SUBJECTS and c.i < trigger.i)
    return found


def _repelled_roles(verb: Token, agents: list[Token], patients: list[Token]) -> None:
    """"A repelled a B attack", "A thwarted an attack by B", "A repelled and clashed with B": B
    attacked and comes first, A second, as ACLED codes most such notes (the attacker first in
    about 40 of 52 train notes, all of 2022); an attack by no one named leaves A first."""
    defenders: list[Token] = []
    verb_roles(verb, defenders, [], descend=False)
    attackers: list[Token] = []
    for obj in (c for c in verb.children if c.dep_ in _OBJECTS):
        noun_roles(obj, attackers, patients, climb=False)
    if not attackers and not any(c.dep_ in _OBJECTS for c in verb.children):
        # "A thwarted and clashed with B": whom A fended off is the conjoined verb's other side.
        # ("A intercepted and shot down a missile" is no clash: the missile's author stays out.)
        for conj in (c for c in verb.children if c.dep_ == "conj" and c.lemma_ in _CLASH_VERBS):
            verb_roles(conj, [], attackers, descend=False)
    if attackers:
        agents.extend(attackers)
        patients[:0] = defenders
    else:
        agents.extend(defenders)


def _when_clause_sides(verb: Token, agents: list[Token], patients: list[Token]) -> None:
    """"four militants were killed when police raided their hideout": the subject of the clause
    saying when the passive harm happened did it. "… were killed when troops repulsed their
    attack": the attack was the harmed side's, which comes first, as `_repelled_roles` orders."""
    # "15 militants were killed and 5 were wounded when …": the clause may hang off a conjunct.
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj")]
    for clause in (c for v in verbs for c in v.children if c.dep_ == "advcl"):
        if not any(
            c.dep_ in ("mark", "advmod") and c.lower_ in _WHEN_WORDS for c in clause.children
        ):
            continue
        # A deed done to someone ("raided a hideout", "fired on a crowd"), not "as they were
        # present"; "they" are the harmed themselves.
        subjects = [c for c in clause.children if c.dep_ in SUBJECTS and c.pos_ != "PRON"]
        if (
            not subjects
            or clause.lemma_.lower() in _GOING_AWAY
            or not any(
                c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in TARGET_PREPS)
                for c in clause.children
            )
        ):
            continue
        if clause.lemma_.lower() in REPEL_VERBS and _own_attack(clause):
            harmed = [c for c in verb.children if c.dep_ in PASSIVE_SUBJECTS]
            agents.extend(harmed)
            patients[:] = subjects + [p for p in patients if p not in harmed]
        else:
            agents.extend(subjects)
        return


def _own_attack(repel_verb: Token) -> bool:
    """The repelled attack is named as the harmed side's own ("repulsed their attacks")."""
    return any(
        child.lower_ in _POSSESSIVE_PRONOUNS
        for obj in repel_verb.children
        if obj.dep_ in _OBJECTS
        for child in obj.children
        if child.dep_ == "poss"
    )


def enclosing_operation_agents(verb: Token) -> list[Token]:
    """Who carried out the operation a harm verb happened in: "soldiers were killed in an attack
    by X", "two men died during an operation by X forces", "killed following an Israeli raid"."""
    found: list[Token] = []
    # "two died and three were hurt after a raid by X": the phrase may hang off a conjunct;
    # "following" is sometimes parsed as a verb (xcomp) taking the noun as its object.
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj")]
    if verb.dep_ == "conj":
        verbs.append(verb.head)
    for clause in verbs:
        for prep in clause.children:
            if prep.dep_ not in ("prep", "xcomp", "advcl") or prep.lower_ not in _OPERATION_PREPS:
                continue
            for noun in (c for c in prep.children if c.dep_ in ("pobj", "dobj")):
                if noun.lemma_.lower() in STRIKE_NOUNS | _OPERATION_NOUNS:
                    noun_roles(noun, found, [], climb=False)
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


def verb_roles(
    verb: Token,
    agents: list[Token],
    patients: list[Token],
    descend: bool = True,
    depth: int = 0,
) -> None:
    if depth > MAX_DEPTH:
        return  # verb_roles and noun_roles call each other: stop on odd (cyclic-looking) parses
    # "weapons fired at around 5 am killed two civilians": the hour's "am" misread as a passive
    # auxiliary; the verb is active, so its "passive" subject acts.
    active = any(c.dep_ == "auxpass" and _is_hour(c) for c in verb.children)
    hit_by_device = ran_into_device(verb)
    for child in verb.children:
        dep = child.dep_
        if dep in SUBJECTS and hit_by_device:
            patients.append(child)
        elif dep in SUBJECTS or (dep in PASSIVE_SUBJECTS and active):
            agents.append(child)
        elif dep in PASSIVE_SUBJECTS:
            patients.append(child)
        elif dep == "agent":
            agents.extend(c for c in child.children if c.dep_ == "pobj")
        elif dep in _OBJECTS or dep == "dative":
            patients.append(child)
            # "carried out airstrikes on X": the light verb's object carries the target.
            if descend and child.pos_ == "NOUN":
                noun_roles(child, [], patients, climb=False, depth=depth + 1)
        elif dep == "prep" and child.lower_ == "between":
            _between(child, agents, patients)
        elif dep == "xcomp" and child.lemma_.lower() in _HEDGES:
            # "airstrikes targeting presumed X positions": the hedge misread as a verb whose
            # object is the target
            patients.extend(c for c in child.children if c.dep_ in _OBJECTS)
        elif dep == "prep" and child.lower_ in TARGET_PREPS:
            # "at the beginning of Ramadan", "at dawn": a time, not a target.
            patients.extend(
                c
                for c in child.children
                if c.dep_ == "pobj" and c.lemma_.lower() not in _TIME_NOUNS
            )


def ran_into_device(verb: Token) -> bool:
    """ "A patrol struck an IED", "a boy stepped on a mine": the subject was hit by a device that
    someone else laid (ACLED: the layer is actor 1, unidentified when unnamed)."""
    if verb.lemma_.lower() not in _DEVICE_CONTACT_VERBS:
        return False
    for child in verb.children:
        if child.dep_ in _OBJECTS and child.lemma_.lower() in _DEVICES:
            return True
        if child.dep_ == "ccomp" and any(
            c.dep_ in SUBJECTS + PASSIVE_SUBJECTS and c.lemma_.lower() in _DEVICES
            for c in child.children
        ):
            return True  # "struck an IED planted by X" misread as a clause: the IED was struck
        if (
            child.dep_ == "prep"
            and child.lower_ in ("on", "over", "into")
            and any(c.dep_ == "pobj" and c.lemma_.lower() in _DEVICES for c in child.children)
        ):
            return True
    return False


def _is_hour(token: Token) -> bool:
    """"am" of "5 am": a time of day, not the verb "to be"."""
    return token.lower_ == "am" and token.i > 0 and token.nbor(-1).like_num


def _between(prep: Token, agents: list[Token], patients: list[Token]) -> None:
    # "clashes between A and B": A is actor1, B actor2.
    for pobj in (c for c in prep.children if c.dep_ == "pobj"):
        agents.append(pobj)
        other = _other_side(prep, pobj)
        if other is not None:
            # "between A and B on one side and C on the other": A and B are one side, C the
            # other (the parser hangs C on the verb).
            agents.extend(c for c in pobj.children if c.dep_ == "conj")
            patients.append(other)
            continue
        patients.extend(c for c in pobj.children if c.dep_ == "conj")
        # "between A against B"
        for p in (c for c in pobj.children if c.dep_ == "prep" and c.lower_ in ("against", "with")):
            patients.extend(c for c in p.children if c.dep_ == "pobj")


def _calibre(token: Token) -> bool:
    """ "mm" of "122mm" split off its number: a weapon's calibre the parse took for a noun."""
    return token.lower_ in ("mm", "mm.") and token.i > 0 and token.nbor(-1).like_num


def _other_side(prep: Token, pobj: Token) -> Token | None:
    """C of "between A and B on one side and C on the other": the noun "on the other" hangs
    on, when "on one side" follows the first side's words."""
    sent = prep.sent
    one = next((t for t in span_tokens(sent) if t.i > pobj.i and t.lower_ == "side" and any(
        c.lower_ == "one" for c in t.children) and t.head.lower_ == "on"), None)
    if one is None:
        return None
    for t in span_tokens(sent):
        if (
            t.i > one.i
            and t.lower_ == "other"
            and t.dep_ == "pobj"
            and t.head.lower_ == "on"
            and t.head.head.pos_ in ("NOUN", "PROPN")
            and t.head.head.i > one.i
        ):
            return t.head.head
    return None


# Verbs whose object a weapon named after "with" hit ("attacked a shop with a grenade").
_HIT_WITH = frozenset({"attack", "target", "hit", "strike", "injure", "wound", "kill"})


def noun_roles(
    noun: Token,
    agents: list[Token],
    patients: list[Token],
    climb: bool = True,
    depth: int = 0,
) -> None:
    if depth > MAX_DEPTH:
        return
    modifiers = list(noun.children)
    if noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
        # "Saudi rocket and artillery shelling": the first conjunct's modifiers are shared.
        modifiers += [c for c in noun.head.children if c.dep_ in ("amod", "compound", "poss")]
    for child in modifiers:
        dep = child.dep_
        if dep in ("poss", "compound", "amod", "nmod") and child.pos_ in ("PROPN", "NOUN", "ADJ"):
            agents.append(child)
        elif dep == "amod" and child.lemma_.lower() in _PLACED_BY:
            # "a Taliban-planted IED", "a Houthi-launched drone": the modifier's own modifier.
            agents.extend(c for c in child.children if c.dep_ in ("npadvmod", "compound", "nmod"))
        elif dep == "prep" and (
            child.lower_ == "by" or (child.lower_ == "of" and noun.lemma_.lower() in _ATTACK_NOUNS)
        ):
            agents.extend(c for c in child.children if c.dep_ == "pobj")
        elif dep == "prep" and child.lower_ == "between":
            _between(child, agents, patients)
        elif dep == "prep" and child.lower_ in TARGET_PREPS:
            patients.extend(c for c in child.children if c.dep_ == "pobj")
        elif dep == "prep" and child.lower_ == "of" and noun.lemma_.lower() in _REMAINS_NOUNS:
            # "the bodies of 2 civilians were found": whose remains they are was hit.
            patients.extend(c for c in child.children if c.dep_ == "pobj")
        elif dep == "acl" and child.lemma_.lower() == "attribute":
            # "an attack attributed to ADF fighters"
            agents.extend(
                p for to in child.children if to.lower_ == "to" for p in to.children
                if p.dep_ == "pobj"
            )  # fmt: skip
        elif dep == "acl":
            verb_roles(child, [], patients, descend=False, depth=depth + 1)
            if child.lemma_.lower() in _PLACED_BY:
                # "an IED planted in a QSD vehicle by X exploded": what it was planted in was hit
                patients.extend(
                    c
                    for prep in child.children
                    if prep.dep_ == "prep" and prep.lower_ in ("in", "on", "under", "inside")
                    for c in prep.children
                    if c.dep_ == "pobj"
                )
    if not climb:
        return
    while noun.head.i != noun.i and (
        (noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN", "NUM"))
        or (noun.dep_ == "appos" and _calibre(noun.head))
    ):
        # "fired 120mm and 82mm mortars at X": a listed noun's clause is its first conjunct's;
        # "fired 122mm, 120mm mortars at X" parsed as "mortars" in apposition to a calibre.
        noun = noun.head
    # "X carried out airstrikes", "Israeli airstrikes targeted Y".
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in REPEL_VERBS:
        # "A thwarted a B attack": B attacked, A defended (see _repelled_roles).
        defenders: list[Token] = []
        verb_roles(head, defenders, [], descend=False, depth=depth + 1)
        (patients if agents else agents).extend(defenders)
    elif noun.dep_ == "pobj" and head.dep_ == "agent" and head.head.pos_ in ("VERB", "AUX"):
        # "a civilian was injured by a landmine": the device acts on the passive subject.
        patients.extend(passive_hit(head.head))
    elif noun.dep_ in ("dobj", "pobj", "conj", "appos") and head.pos_ in ("VERB", "AUX"):
        # (who ran into the device is hit by it: "a patrol struck an IED")
        hit = patients if ran_into_device(head) else []
        verb_roles(head, agents, hit, descend=False, depth=depth + 1)
        if noun.dep_ == "dobj":
            # "2 civilians were wounded when the army fired mortars": the fire's clause tells
            # when a harm happened, the main clause who it hit.
            patients.extend(_hit_in_main_clause(head))
            # "launched attacks against X", "ended its affiliation with X": the light verb's
            # preposition often carries the noun's target.
            patients.extend(
                c
                for prep in head.children
                if prep.dep_ == "prep" and prep.lower_ in TARGET_PREPS
                for c in prep.children
                if c.dep_ == "pobj" and c.lemma_.lower() not in _TIME_NOUNS
            )
            if not any(
                c.dep_ == "prep" and c.lower_ in TARGET_PREPS and c.i > noun.i
                for c in head.children
            ):
                # "fired mortars and grenade launchers at X", "grenade" misread as a second verb
                # without a subject of its own: its target is the first verb's.
                patients.extend(
                    c
                    for conj in head.children
                    if conj.dep_ == "conj"
                    and conj.pos_ == "VERB"
                    and not any(s.dep_ in SUBJECTS for s in conj.children)
                    for prep in conj.children
                    if prep.dep_ == "prep" and prep.lower_ in TARGET_PREPS
                    for c in prep.children
                    if c.dep_ == "pobj" and c.lemma_.lower() not in _TIME_NOUNS
                )
    elif noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        # "attacked a teacher with a grenade": the weapon's verb hit its object
        armed = head.lower_ == "with" and head.head.lemma_.lower() in _HIT_WITH
        hit = patients if ran_into_device(head.head) or armed else []
        if head.head.lemma_.lower() not in DEATH_VERBS:  # who "died in an airstrike" is hit
            verb_roles(head.head, agents, hit, descend=False, depth=depth + 1)
        patients.extend(_undergoers(head.head))
    elif (
        noun.dep_ == "pobj"
        and head.dep_ == "prep"
        and head.head.dep_ == "pobj"
        and head.head.head.dep_ == "prep"
        and head.head.head.head.pos_ == "VERB"
    ):
        # "a man died as a result of torture": who died underwent the torture.
        patients.extend(_undergoers(head.head.head.head))
    elif noun.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        # "Israeli airstrikes targeted Y", "clashes took place between A and B".
        if noun.dep_ == "nsubjpass" and head.lemma_.lower() not in _NOT_DOING:
            # "a grenade was thrown by X at the station", "the raid was carried out by X": who
            # did the passive verb to the trigger noun did the happening.
            agents.extend(
                c
                for agent in head.children
                if agent.dep_ == "agent"
                for c in agent.children
                if c.dep_ == "pobj"
            )
        patients.extend(c for c in head.children if c.dep_ in _OBJECTS)
        patients.extend(_hit_in_main_clause(head))
        for prep in (c for c in head.children if c.dep_ == "prep"):
            if prep.lower_ == "between":
                _between(prep, agents, patients)
            elif prep.lower_ in TARGET_PREPS:
                patients.extend(c for c in prep.children if c.dep_ == "pobj")


# Passive verbs whose agent tells, sees, fends off, undergoes or comes upon a happening rather
# than doing it ("the attack was condemned/observed/repelled by X", "the body was found by
# police").
_NOT_DOING = (SPEECH_VERBS - {"claim"}) | REPEL_VERBS | frozenset(
    """observe see witness record document monitor hear notice film photograph capture feel
    verify investigate criticise criticize denounce welcome follow precede prompt cause
    trigger spark find discover recover locate retrieve identify collect remove bury
    transport evacuate""".split()
)
# Verbs whose subject undergoes the harm their prepositional phrase names.
DEATH_VERBS = frozenset({"die", "perish", "succumb"})


def _undergoers(verb: Token) -> list[Token]:
    """Who a clause says underwent what its prepositional phrase names ("the man was subjected to
    torture", "a prisoner died of torture")."""
    deps = PASSIVE_SUBJECTS + (SUBJECTS if verb.lemma_.lower() in DEATH_VERBS else ())
    return [c for c in verb.children if c.dep_ in deps]


def left(token: Token) -> Token:
    return token.left_edge


def owner(token: Token) -> Token:
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


def phrase_bounds(token: Token) -> tuple[int, int]:
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


def is_civilian(token: Token) -> bool:
    if token.lemma_.lower() in _QUANTITY_NOUNS:
        # "a number of young men", "dozens of residents"
        of = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"]
        token = next((c for p in of for c in p.children if c.dep_ == "pobj"), token)
    if token.ent_type_ == "NORP" and token.tag_ in ("NNPS", "NNS"):
        return True  # "fired live bullets at two Palestinians"
    return token.lemma_.lower() in CIVILIAN_WORDS or token.lower_ in CIVILIAN_WORDS


def is_property(token: Token) -> bool:
    return token.lemma_.lower() in CIVILIAN_PROPERTY or token.lower_ in CIVILIAN_PROPERTY


def adjacent_subject(
    trigger: Token, mentions: list[ActorMention], patient: ActorMention | None
) -> ActorMention | None:
    """The actor right before a verb without a subject, only adverbs between ("military forces
    reportedly forcibly disappeared")."""
    if trigger.pos_ != "VERB" or any(
        c.dep_ in SUBJECTS + PASSIVE_SUBJECTS for c in trigger.children
    ):
        return None
    before = [m for m in mentions if m.span.end <= trigger.idx and m is not patient]
    last = max(before, key=lambda m: m.span.end, default=None)
    if last is None or last.kind in ("state", "facility"):
        return _appended_subject(trigger, before)
    gap = doc_text(trigger.doc)[last.span.end : trigger.idx]
    gap_tokens = trigger.doc.char_span(last.span.end, trigger.idx, alignment_mode="expand")
    if not gap.strip() or (
        gap_tokens is not None and all(t.pos_ in ("ADV", "PART") for t in gap_tokens)
    ):
        return last
    return _appended_subject(trigger, before)


def _appended_subject(trigger: Token, before: list[ActorMention]) -> ActorMention | None:
    """The subject misparsed as an apposition to the place list before it ("in X village, Y
    township, Z state, government troops from the 33rd battalion torched …": the troops)."""
    node = hung_subject(trigger)
    if node is None or node.dep_ != "appos":
        return None
    start, end = node.left_edge.idx, node.idx + len(node)
    inside = [
        m
        for m in before
        if start <= m.span.start and m.span.end <= end and m.kind not in ("state", "facility")
    ]
    return inside[0] if inside else None


def speaker(trigger: Token) -> Token | None:
    """The subject of the reporting verb the trigger's clause depends on ("X said that …")."""
    token = trigger
    for _ in range(4):
        if token.lemma_.lower() in SPEECH_VERBS:
            subjects = [c for c in token.children if c.dep_ in SUBJECTS]
            if subjects:
                return subjects[0]
        if (
            token.dep_ not in ("ccomp", "xcomp", "conj", "advcl", "parataxis")
            or token.head.i == token.i
        ):
            return None
        token = token.head
    return None
