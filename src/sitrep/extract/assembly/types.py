"""The type of a happening from the types of its mentions, by ACLED's decision rules.

- A demonstration's stage is told by what was done to it: mentions whose word is an act
  ("arrested", "beat", "dispersed") typed as an intervention or as excessive force are voted
  among themselves, over words that only name the protest ("protested", "a rally") (ACLED:
  arrests or force at a protest make it a Protest with intervention, however peaceful the
  protest's own sentence reads). Otherwise the mentions are voted. The arrest a protest was
  about is not one of its mentions: what a protest is about holds no trigger
  (`triggers.protest_topics`).
- Property destroyed or looted during violence is part of it (ACLED: Looting/property destruction
  only "outside a larger violent event").
- An interception is Disrupted weapons use only when no mention tells of a hit, a death or an
  injury, nor of a weapon other than those stopped, nor of fighting between two sides (what is
  seized or downed in a clash is the battle's); then it is the weapon's type.
- ACLED types by the weapon: when a mention names an explosive or remote weapon the happening is
  Explosions/Remote violence, whatever general words ("attack", "killed") other mentions use —
  unless a mention names ground fighting outright ("clashed", "exchanged fire":
  `battle_words.csv`), when the weapons were used in a battle. A weapon word in a mention's own
  phrase ("killed in a drone raid", "a bomb drone exploded": `weapon_words.csv`) turns an Attack
  typed from the general word into the weapon's sub-type, an IED or grenade into the missile's
  or drone's sub-type ("missile attacks"), and an Armed clash into an air strike
  when the weapon flies (a fight with shells or grenades stays a battle); a shelling, attack or
  clash whose trigger's subject is an aircraft is an air strike.
- Among what is left, the types are voted by their mentions' confidence, ties going to the
  precedence in `happenings.csv`; but a happening told first as fighting between two sides
  ("clashed", "exchanged fire", "a shoot-out": `battle_words.csv`, mutual) stays an Armed clash
  when the harm or the shelling told after it votes Attack or Shelling (ACLED counts the
  civilians hurt in a battle in the battle, and codes a fight one side shells in as a clash;
  five-fold CV: 4 notes won, none lost); and a
  shelling or attack whose mentions say the fire went both ways ("fired back", "returned fire",
  "explosions in both directions": `type_rules.fire_returned`) is an Armed clash, an exchange of
  fire whatever the weapons. A bomb, mine or grenade told with mutual fighting ("the blast was
  followed by an exchange of gunfire", also when another trigger speaks for that sentence: "they
  sprang an ambush and an exchange of fire went on", `type_rules.fought`) is the battle it
  opened; and a happening told first as a clash whose own phrase names its weapons ("rebels
  fired rifles and a heavy gun at the hill post") stays one when only the explosions counted
  after it vote Shelling. A happening told first as a clash between two named armed sides
  stays one when the air strikes told after it vote Air/drone strike.
"""

from __future__ import annotations

from functools import cache

from sitrep.extract.assembly.mentions import WEAPON_EVENT_TYPE, Mention
from sitrep.extract.events.triggers import lexicon, names_a_demonstration
from sitrep.extract.events.type_rules import AIR, GROUND_FIGHT, IED, INTERCEPTED
from sitrep.knowledge.actors import ARMED_INTER, STATE_INTER, normalise_name, unidentified
from sitrep.knowledge.happenings import battle_words, happening, mutual_battle_words, weapon_of

LOOTING = "Looting/property destruction"
POLICED = frozenset({"Protest with intervention", "Excessive force against protesters"})
RIOTED = "Violent demonstration"
DEMONSTRATION = "demonstration"
# General types a weapon named beside the general word overrides (not abduction, sexual violence,
# territory taken): an attack by any remote weapon, a "clash" only by air (one side fights).
ATTACK, CLASH = "Attack", "Armed clash"
SHELLING = "Shelling/artillery/missile attack"
# Hand-delivered explosives a missile or drone named beside them overrides ("a suicide drone").
HAND_PLACED = frozenset({IED, "Grenade", "Suicide bomb"})
# Thrown or planted explosives the armed men they were aimed at can answer with fire, which makes
# the happening a battle (a suicide bombing stays one whatever follows it).
ANSWERABLE = (IED, "Grenade")
# Words of shooting told of the answering side ("reacted with gunfire", "opened fire", "fired").
FIRING = frozenset({"gunfire", "fire", "shoot", "shooting", "shootout", "gunshot"})
CIVILIANS = 7
# The type rule that reads a trigger's target as armed men ("attacked a militia position").
ARMED_TARGET = "rule: armed target"


def happening_type(members: list[Mention]) -> str | None:
    """The sub-event type of the happening the members tell (None when none is typed)."""
    typed = [m for m in members if m.draft.sub_event_type is not None]
    if not typed:
        return None
    if typed[0].kind == DEMONSTRATION:
        if any(m.draft.sub_event_type == RIOTED and _a_crowd_s_deed(m) for m in typed):
            # "… gathered outside the house. When they started to storm it, guards fired into
            # the air", "journalists were beaten up by demonstrators": violence the crowd did,
            # told in a sentence of its own, makes the demonstration violent however calmly its
            # opening sentence names it (ACLED: a Violent demonstration takes precedence over
            # the intervention and over the peaceful gathering it began as)
            return RIOTED
        done_to_it = [
            m for m in typed if m.draft.sub_event_type in POLICED and _an_act(m.trigger_lemma)
        ]
        return _vote(done_to_it or typed)
    if any(m.draft.sub_event_type != LOOTING for m in typed):
        typed = [m for m in typed if m.draft.sub_event_type != LOOTING]
    intercepts = [m for m in typed if m.draft.sub_event_type == INTERCEPTED]
    if (
        intercepts
        and not _hit(members)
        and not _got_through(intercepts, typed)
        and not _fought_between(typed)
    ):
        return INTERCEPTED
    typed = [m for m in typed if m.draft.sub_event_type != INTERCEPTED] or typed
    fought = any(m.trigger_lemma in battle_words() for m in typed)
    weapons = [m for m in typed if m.draft.event_type == WEAPON_EVENT_TYPE]
    voters = weapons if weapons and not fought else typed
    best = _vote(voters)
    if best in (SHELLING, ATTACK, *ANSWERABLE) and any(
        m.draft.extra.get("fire_returned") for m in typed
    ):
        # "fired two artillery shells … the PDF fired back", "explosions in both directions":
        # an exchange of fire, whatever the weapons, is a battle (ACLED)
        return CLASH
    if best in (ATTACK, SHELLING) and _fought_first(typed):
        # "forces clashed with rebels … two civilians were shot": ACLED codes the battle, its
        # civilian casualties counted in it
        return CLASH
    if best == ATTACK and _armed_target_first(typed):
        # "militants attacked a volunteer fighters' position. A civilian was killed": the
        # happening told first as an attack on armed men is a battle, and the harm told after
        # it is the battle's toll (ACLED counts the civilians killed in a battle in it)
        return CLASH
    if best in ANSWERABLE and any(
        m.draft.sub_event_type == CLASH
        and (m.trigger_word in mutual_battle_words() or m.draft.extra.get("fought"))
        for m in typed
    ):
        # "a roadside bomb hit the convoy … the blast was followed by an exchange of gunfire",
        # also "… rebels then sprang an ambush and an exchange of fire went on", a grenade too:
        # the bomb opened a fight between the two sides, which ACLED codes as the battle (the
        # fighting read as one: "a mine exploded where fighting occurred in the 1980s" is not)
        return CLASH
    if best in ANSWERABLE and _answered_with_fire(typed, best):
        # "militants threw a grenade at a checkpoint … soldiers reacted with gunfire", "attacked
        # the convoy with mines … the military fired along the road": the armed men the weapon
        # was aimed at fired back, and ACLED codes the exchange as the battle it became
        return CLASH
    if best == SHELLING and _armed_fire_first(typed):
        # "rebels fired rifles and a heavy gun at the hill post … monitors counted seven
        # explosions": the weapons told with the doers were read as a
        # fight; the explosions counted after it are that fire's, not a shelling of their own
        return CLASH
    if best == AIR and _fight_between_named_sides_first(typed):
        # "PKK militants attacked Turkish soldiers … Turkish helicopters carried out airstrikes
        # in the same area": one side's air strikes told after a ground fight between two named
        # armed sides are that battle's weapons (ACLED: an Armed clash unless one side only uses
        # remote weapons)
        return CLASH
    ground = any(m.draft.extra.get("type_source") == GROUND_FIGHT for m in typed)
    named = [m.named_weapon for m in typed if m.named_weapon and not fought and not ground]
    if best == SHELLING and _fired_from_the_air(voters):
        return AIR
    if best in (SHELLING, ATTACK, CLASH) and any(m.by_aircraft for m in typed) and not fought:
        # "an aircraft struck the launcher" read as shelling from the rockets around, "warplanes
        # raided the farm" as an attack on the civilians it killed: what flies strikes from the air
        return AIR
    if best == CLASH:
        named = [w for w in named if w == AIR]  # a fight with shells or grenades is a battle
    elif best in HAND_PLACED:
        # "missile attacks" read as a bomb: a missile or a drone named decides (not the other way:
        # a grenade launcher or a bomb dropped from a drone is no grenade or IED)
        named = [w for w in named if w in (AIR, SHELLING)]
    elif best in (AIR, SHELLING):
        # read as the other from the words around: the weapon its own phrase names decides,
        # when the phrases agree (a drone and its missile are an air strike, above)
        named = [w for w in named if w in (AIR, SHELLING)]
        if len(set(named)) > 1:
            named = []
    elif best != ATTACK:
        named = []
    if named:
        # "killed in a drone raid": a weapon named in a mention's own phrase decides (ACLED)
        return max(named, key=lambda w: (named.count(w), -named.index(w)))
    return best


def _fought_between(typed: list[Mention]) -> bool:
    """Whether a mention tells of fighting between two sides ("clashed", "exchanged fire").

    What was seized or downed in a fight ("police recovered bomb material from the site of the
    clash", "explosives were seized" after a chase with an exchange of fire) is the battle's
    (ACLED: Disrupted weapons use is weapons taken out of use outside a battle; none of the
    train notes of the type tells of a clash, an exchange of fire or fighting)."""
    return any(
        m.draft.sub_event_type == CLASH
        and (
            m.trigger_word in mutual_battle_words()
            or m.trigger_lemma in mutual_battle_words()
            or m.draft.extra.get("fought")
        )
        for m in typed
    )


def _got_through(intercepts: list[Mention], typed: list[Mention]) -> bool:
    """A weapon other than those stopped was fired ("a rocket and drone attack … defences downed
    two drones": the rockets were not stopped)."""
    stopped = {m.named_weapon for m in intercepts if m.named_weapon}
    fired = {
        m.named_weapon for m in typed if m.draft.sub_event_type != INTERCEPTED and m.named_weapon
    }
    return bool(stopped) and bool(fired - stopped)


def _an_act(lemma: str) -> bool:
    """A trigger word that tells something done ("arrested", "beat", "stormed"), not one that
    only names a protest or riot ("protested", "rally", "demonstrators")."""
    entries = lexicon().lemmas.get(lemma, ())
    return bool(entries) and not all(names_a_demonstration(e) for e in entries)


def _a_crowd_s_deed(m: Mention) -> bool:
    """A mention whose word tells a deed a crowd does in a riot: a cue of ACLED's rule for
    Violent demonstration ("stormed", "pelted", "torched": `triggers.csv` role=rule), an act
    whose trigger row allows one ("beat", "destroyed"), or a word a type rule read as the
    demonstrators' violence ("… started to storm the house"). Not a word that only names a
    riot ("riot", "mob"), nor harm told with no doer ("one person was killed": maybe the
    police's)."""
    lemma = m.trigger_lemma
    if lemma in _riot_cues() or (
        _an_act(lemma) and str(m.draft.extra.get("type_source", "")).startswith("rule:")
    ):
        return True
    return _an_act(lemma) and any(RIOTED in e.candidates for e in lexicon().lemmas.get(lemma, ()))


@cache
def _riot_cues() -> frozenset[str]:
    return frozenset(
        r.pattern[0] for r in lexicon().rules if not r.phrase and r.candidates == {RIOTED}
    )


def _fought_first(typed: list[Mention]) -> bool:
    """The happening is told first as fighting between two sides ("clashed", "exchanged fire",
    "a shoot-out", by its joined word: the tokenizer splits it, its lemma is "shoot"), the harm or
    the shells after it ("… two civilians were shot", "the army fired artillery at them"): what
    follows tells the fight's toll or its weapons."""
    first = min(typed, key=lambda m: m.order)
    return first.draft.sub_event_type == CLASH and first.trigger_word in mutual_battle_words()


def _armed_target_first(typed: list[Mention]) -> bool:
    """The happening's first mention was typed an Armed clash because its trigger aims at armed
    men ("attacked police forces and farmers", "shot a gang member": `type_rules._target_kind`)."""
    first = min(typed, key=lambda m: m.order)
    return (
        first.draft.sub_event_type == CLASH
        and first.draft.extra.get("type_source") == ARMED_TARGET
    )


def _answered_with_fire(typed: list[Mention], best: str) -> bool:
    """A later mention tells armed men other than the weapon's users firing ("police responded
    with gunfire", "soldiers opened fire after the explosion"), at a happening whose weapon was
    not aimed at civilians."""
    weapon = min((m for m in typed if m.draft.sub_event_type == best), key=lambda m: m.order)
    user, aimed_at = weapon.draft.actor1, weapon.draft.actor2
    if aimed_at is not None and aimed_at.actor.inter == CIVILIANS:
        return False
    for m in typed:
        doer = m.draft.actor1
        if (
            m.order > weapon.order
            and (m.trigger_lemma in FIRING or m.trigger_word in mutual_battle_words())
            and doer is not None
            and doer.actor.inter in ARMED_INTER
            and not unidentified(doer.actor.name)
            and (user is None or normalise_name(doer.actor.name) != normalise_name(user.actor.name))
        ):
            return True
    return False


def _armed_fire_first(typed: list[Mention]) -> bool:
    """The happening is told first as a clash whose own phrase names the weapons fired (the
    sentence's weapons read as a battle's: small arms and machine guns beside the mortars), and
    no later mention names a weapon outright by its trigger ("shelled", "an airstrike")."""
    first = min(typed, key=lambda m: m.order)
    return (
        first.draft.sub_event_type == CLASH
        and first.named_weapon is not None
        and not any(m.weapon for m in typed if m is not first)
    )


def _fired_from_the_air(voters: list[Mention]) -> bool:
    """ "A drone struck a car … hit with a guided missile": a missile told beside the drone or jet
    that fired it is an air strike (ACLED's Air/drone strike holds missiles fired from the air);
    rockets, mortars and shells are not fired from aircraft."""
    shelling = [m for m in voters if m.draft.sub_event_type == SHELLING]
    return (
        all(m.trigger_lemma == "missile" for m in shelling)
        and any(weapon_of(m.trigger_lemma, "") == AIR for m in voters)
    )


def _vote(voters: list[Mention]) -> str:
    """The sub-type with the most confidence among the voters, ties by precedence."""
    votes: dict[str, float] = {}
    for m in voters:
        sub = m.draft.sub_event_type or ""
        votes[sub] = votes.get(sub, 0.0) + m.draft.confidence
    return min(votes, key=lambda k: (-round(votes[k], 6), precedence(k)))


def precedence(key: str) -> int:
    row = happening(key)
    return row.precedence if row else 99


def _hit(members: list[Mention]) -> bool:
    """Whether any mention tells of a death, an injury or damage by what was not intercepted."""
    return any(
        (m.draft.fatalities.value or 0) > 0
        or (m.draft.injuries.value or 0) > 0
        or (m.draft.sub_event_type != INTERCEPTED and m.draft.material_damage)
        for m in members
    )


# "assassinated", "assassination": a targeted killing, whose method the news often leaves untold.
TARGETED_KILLING = frozenset({"assassinate", "assassination"})


def killed_from_afar(members: list[Mention], doer_inter: int | None, doer_country: str | None,
                     country: str | None) -> bool:  # fmt: skip
    """A state's forces killing someone by name in another country, the method untold ("the
    Israeli army assassinated a commander in Lebanon"): ACLED codes these strikes across a
    border as air or drone strikes, the way nearly all of them are carried out; a weapon or
    ground fighting named in any mention decides instead."""
    return (
        doer_inter in STATE_INTER
        and doer_country is not None
        and country is not None
        and doer_country != country
        and any(m.trigger_lemma in TARGETED_KILLING for m in members)
        and not any(m.named_weapon or m.trigger_lemma in battle_words() for m in members)
    )


def _fight_between_named_sides_first(typed: list[Mention]) -> bool:
    """The happening is told first as a clash between two named armed sides ("PKK militants
    attacked Turkish soldiers with rifles"), with no weapon or aircraft of its own. Both sides
    named and armed: a fight told with an unnamed side ("fighting broke out near the town",
    then jets struck it) may be another happening than the strikes (article dev set: two false
    positives when any first clash was kept, stop 37)."""
    first = min(typed, key=lambda m: m.order)
    if (
        first.draft.sub_event_type != CLASH
        or first.named_weapon
        or first.weapon
        or first.by_aircraft
    ):
        return False
    a, b = first.doer, first.target
    return (
        a is not None and b is not None
        and a.actor.inter in ARMED_INTER and b.actor.inter in ARMED_INTER
        and normalise_name(a.actor.name) != normalise_name(b.actor.name)
    )
