"""Clustering the mentions of one happening across headline, lead, body and quotes.

A news article tells its main happening several times: the headline ("Drone strike kills three near
a border town"), the lead with the day and the place, a quote, a closing summary. Two mentions are
one happening when they name the same kind of happening (`happenings.csv`), both took place (or
both are only talk of one), no weapon named outright differs, their sides do not conflict, and
where both are dated and placed, the day and the place agree (the same place, two names a few
kilometres apart, or a region holding the other). A mention with no date of its own is news of the
report's last days: it joins no happening the text dates further back.

Mentions are read firmest first — placed at a town or site, then placed at all, then dated, then by
confidence — so each cluster is seeded by its most specific mention. A mention that fits several
clusters joins the nearest when it names a town of its own, or the one told in the sentence just
before it when it names neither place nor date ("… came under rocket fire on Monday. Two rockets
were downed"); otherwise it tells of all of them ("the allied strikes across the country" beside
strikes on three named cities): it is shared as evidence, and its toll goes to none.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sitrep.extract.assembly.mentions import (
    DATE_STRENGTH,
    WEAPON_EVENT_TYPE,
    Mention,
    date_firmness,
    dates_agree,
    guessed,
    is_fine,
    is_recent,
    named,
    place_key,
    places_agree,
    same_actor,
)
from sitrep.extract.assembly.types import AIR, INTERCEPTED
from sitrep.extract.events.type_rules import MOB, VIOLENT_TYPES
from sitrep.extract.state import ActorMention
from sitrep.knowledge.happenings import battle_words
from sitrep.records import DateSpan, Place

VAC = "Violence against civilians"

BATTLES = "Battles"
ATTACK = "Attack"


@dataclass(slots=True)
class Cluster:
    """The mentions of one happening (`members`) and those it shares with others (`shared`)."""

    members: list[Mention] = field(default_factory=list)
    shared: list[Mention] = field(default_factory=list)

    @property
    def seed(self) -> Mention:
        return self.members[0]

    def date(self) -> DateSpan | None:
        """The date of the firmest dated member (`date_firmness`)."""
        dated = [m for m in self.members if m.day is not None]
        return min(dated, key=date_firmness).day if dated else None

    def place(self) -> Place | None:
        """The most specific place a member names in its own sentence."""
        placed = [m for m in self.members if m.spot is not None]
        if not placed:
            return None
        return min(placed, key=_place_firmness).spot

    def doers(self) -> list[ActorMention]:
        return [a for m in self.members if (a := m.doer) is not None]

    def targets(self) -> list[ActorMention]:
        return [a for m in self.members if (a := m.target) is not None]


def cluster_mentions(mentions: list[Mention]) -> list[Cluster]:
    """Group mentions into happenings (see the module docstring)."""
    clusters: list[Cluster] = []
    for m in sorted(mentions, key=firmness):
        fitting = [c for c in clusters if fits(c, m)]
        if not fitting:
            clusters.append(Cluster([m]))
        elif len(fitting) == 1:
            fitting[0].members.append(m)
        elif m.fine:
            min(fitting, key=lambda c: _closeness(c, m)).members.append(m)
        elif (told := _told_just_before(fitting, m)) is not None:
            told.members.append(m)
        elif (alike := _placed_alike(fitting, m)) is not None:
            alike.members.append(m)
        elif (fight := _the_fight(fitting, m)) is not None:
            fight.members.append(m)
        else:
            for c in fitting:
                c.shared.append(m)
    return clusters


def absorb_summaries(clusters: list[Cluster]) -> list[Cluster]:
    """A happening told only at a country or region ("jets bombed positions across Ruritania")
    beside happenings of its kind, day and sides placed at towns inside it ("bombs fell on
    Northtown, Easton and the port of Westby") sums them up: its mentions become their shared
    evidence, its toll goes to none (7 summaries in 6 of the 60 dev articles; on the Middle East
    train notes it removes a governorate-level copy of the event in about 50 notes). A summary
    of one happening, with no more dead than that one, is that happening told at a coarser
    place: its mentions, toll and all, join it."""
    fine = [c for c in clusters if _placed_fine(c)]
    kept = []
    for c in clusters:
        held = [f for f in fine if f is not c and _summarises(c, f)] if not _placed_fine(c) else []
        if not held:
            kept.append(c)
            continue
        if len(held) == 1 and (not _toll(held[0]) or _toll(c) <= _toll(held[0])):
            # The one happening it tells, at a coarser place (and no more dead than that one's).
            held[0].members.extend(c.members)
            continue
        for f in held:
            f.shared.extend(c.members)
    return kept


def _toll(c: Cluster) -> int:
    return max((m.draft.fatalities.value or 0 for m in c.members), default=0)


def _told_apart(cluster: Cluster, m: Mention) -> bool:
    """ "also targeted", "another strike", "earlier in the day": one more happening, not the same
    again as any told before it (and what is told before such a mention is not it either)."""
    if m.another and all(c.draft.sentence < m.draft.sentence for c in cluster.members):
        return True
    return any(c.another and m.draft.sentence < c.draft.sentence for c in cluster.members)


def _placed_fine(c: Cluster) -> bool:
    return any(is_fine(m.draft.where.place if m.draft.where else None) for m in c.members)


def _summarises(summary: Cluster, c: Cluster) -> bool:
    seed, own = summary.seed, c.seed
    crowd = {seed.draft.sub_event_type, own.draft.sub_event_type} == {MOB, ATTACK}
    if (seed.kind != own.kind and not crowd) or seed.real != own.real:
        return False  # (a mob's attack on a town, told once as a riot and once as an attack)
    if not seed.draft.acled_codable:
        return False
    if own.draft.event_type != seed.draft.event_type and own.draft.sub_event_type != ATTACK:
        # "the army shelled the region" does not sum up a battle fought in one of its towns;
        # a plain attack may be one of the strikes it sums up (its weapon is the summary's).
        return False
    if not own.draft.acled_codable or any(_told_apart(c, m) for m in summary.members):
        return False
    day, other = summary.date(), c.date()
    if day is not None and other is not None and not dates_agree(day, other):
        return False
    if (day is None) != (other is None) and not is_recent(day or other, own.published):  # type: ignore[arg-type]
        return False
    wide = next((m.draft.where.place for m in summary.members if m.draft.where), None)
    here = next((m.draft.where.place for m in c.members
                 if m.draft.where and is_fine(m.draft.where.place)), None)  # fmt: skip
    if wide is None or here is None or not places_agree(wide, here):
        return False
    # "US and British jets struck …" names both as doers, whichever is actor 1.
    doers, own_doers = summary.doers() + _partners(summary), c.doers() + _partners(c)
    return not own_doers or not doers or any(
        same_actor(a, b) for a in doers for b in own_doers + c.targets()
    )


def _partners(c: Cluster) -> list[ActorMention]:
    """The named associates of the cluster's actors 1."""
    return [a for m in c.members for a in m.draft.assoc_actor_1 if named(a) is not None]


def firmness(m: Mention) -> tuple[bool, bool, bool, bool, int, float, int]:
    """Sort key, firmest first: placed at a town or site by its trigger's words, at a town or
    site by its sentence, placed at all, dated, then confidence."""
    return (
        not m.fine,
        not is_fine(m.spot),
        m.spot is None,
        m.day is None or DATE_STRENGTH[m.date_from] > 0,
        date_firmness(m)[0],
        -m.draft.confidence,
        m.order,
    )


def fits(cluster: Cluster, m: Mention) -> bool:
    """Whether `m` can be one more mention of the cluster's happening."""
    seed = cluster.seed
    if m.kind != seed.kind or m.real != seed.real:
        return False
    if m.more_casualties and seed.draft.event_type not in VIOLENT_TYPES:
        return False  # more dead of a happening that kills, not of an interception or a protest
    if m.draft.acled_codable != seed.draft.acled_codable:
        return False
    if not m.draft.acled_codable:
        return _same_statement(cluster, m)
    if _other_site_of_a_list(cluster, m) or _other_weapon(cluster, m):
        return False
    if _air_and_ground(cluster, m) or _other_named_site(cluster, m):
        return False
    if _told_apart(cluster, m):
        return False
    if not _days_fit(cluster, m):
        return False
    if not _places_fit(cluster, m):
        return False
    return sides_agree(cluster, m)


def _places_fit(cluster: Cluster, m: Mention) -> bool:
    """The places agree. A place the mention's sentence names away from its trigger counts only
    against another town: the country in "shells fired from across the border" holds nothing
    apart."""
    here = cluster.place()
    if m.spot is None or here is None:
        return True
    if not m.attached and not (is_fine(m.spot) and is_fine(here)):
        return True
    return places_agree(m.spot, here)


def _days_fit(cluster: Cluster, m: Mention) -> bool:
    """Dated mentions agree on the day. A mention dated by nothing but the publication is news of
    the last days: it fits no happening the text dates further back ("the 2011 bombing"), and a
    cluster of such mentions takes no mention dated further back."""
    day = cluster.date()
    if m.day is not None:
        return dates_agree(m.day, day) if day is not None else is_recent(m.day, m.published)
    return day is None or is_recent(day, m.published)


def sides_agree(cluster: Cluster, m: Mention) -> bool:
    """No conflict of sides. A named actor 1 of the mention is among the cluster's actors, or a
    named actor 1 of the cluster among the mention's (the roles of one happening are often
    swapped in some sentence); but a mention whose target is the actor 1 of the cluster's
    firmest mention and whose own actor 1 is unnamed tells of the answer to it ("the militia's
    rocket attack on the garrison" and "strikes on two depots used by the militia") —
    unless it is a battle (both sides fight) or names the very town of the cluster (then a role
    was read the wrong way round)."""
    doers = cluster.doers()
    # a toll's sentence ("7 people were killed") whose side is only the unknown-actor model's
    # guess is no conflict; other guessed sides still keep their happenings apart. Nor is the
    # side read, before its verb, off a clause that names only the dead and no place ("a
    # civilian died": the dead themselves; a side named after the verb is a doer, and a clause
    # that names its place may tell a strike of its own)
    # (the wounded of armed violence count as the dead do: "Russian forces shelled Northtown. 1
    # civilian was injured"; the injured of a demonstration may be another happening's, the
    # force used on it)
    hurt = m.kind == "armed" and bool(m.draft.injuries.value)
    toll = m.draft.fatalities.value is not None or hurt
    # Nor is a guessed side of a battle told with no one named on either side ("the two sides
    # traded fire" after "militants raided an army post"): both sides fight in a battle, and
    # the guess may name either.
    fight = BATTLES == m.draft.event_type == cluster.seed.draft.event_type and m.target is None
    if m.doer is None or ((toll or fight or _retold_hit(cluster, m)) and guessed(m.doer)) or (
        toll and m.doer_dead and m.spot is None
    ):
        target, first = m.target, cluster.seed.doer
        if toll and target is not None and guessed(target):
            target = None  # (the unknown-actor model's guess names no one hit)
        answers = target is not None and first is not None and same_actor(target, first)
        return not (answers and _answer_possible(cluster, m))
    own = m.doer
    if (cluster.seed.draft.sub_event_type == INTERCEPTED and not cluster.targets()
            and m.draft.modality == "claimed"):  # fmt: skip
        # "Two drones targeting the base were downed by its defences" names the side that
        # stopped them; whoever claims to have sent them is the other side of the same happening.
        return True
    if not doers:
        # The cluster names no one for the act: a named actor of the mention that its sentences
        # do not name at all, beside others they do name, acts elsewhere ("the army shelled the
        # valley" beside "tribal fighters clashed with a rival clan near the dam").
        # A country's name read as its state ("a shell fired from Ruritania") names no one.
        named_there = [a for c in cluster.members for a in c.actors if a.kind != "state"]
        return not named_there or any(same_actor(own, a) for a in named_there)
    if any(same_actor(own, x) for x in doers):
        return True
    # A guess is no telling that the side hit fired back: a mention that names no one (its doer
    # the unknown-actor model's guess, no target: "explosions were observed near X") and one of
    # another type that names who was hit ("rebels fired small arms at the army's positions near
    # X") are not one happening through the guess alone.
    hit = [c.target for c in cluster.members if c.target is not None and not _guess_only(c, m)]
    if any(same_actor(own, x) for x in hit):
        return True
    return m.target is not None and any(
        same_actor(c.doer, m.target)
        for c in cluster.members
        if c.doer is not None and not _guess_only(c, m)
    )


def _retold_hit(cluster: Cluster, m: Mention) -> bool:
    """The mention tells again what the cluster's happening did to the side it hit, naming no
    doer and no place of its own ("militiamen beat two farmers in X village. The farmers were
    beaten because …"): the unknown-actor model's guess at its doer is no other happening.
    Violence against civilians only: a crowd's deeds told again may be another crowd's (5
    riots in the CV split when their guessed sides joined)."""
    if m.spot is not None or m.target is None or m.another:
        return False
    if m.draft.event_type != VAC:
        return False
    if m.draft.sub_event_type != cluster.seed.draft.sub_event_type:
        return False
    return any(c.target is not None and same_actor(c.target, m.target) for c in cluster.members)


def _guess_only(one: Mention, other: Mention) -> bool:
    """Of two mentions of different types, one names no one: its doer is the unknown-actor
    model's guess and it has no target. Not when that one says the fire went both ways
    ("explosions in both directions", "fire was returned") after a shelling or a fight: the side
    hit fired back, the exchange ACLED codes as the battle (train notes: the monitors' counts
    beside one side's mortar fire are coded Armed clash)."""
    if one.draft.event_type == other.draft.event_type:
        return False
    return any(
        x.doer is not None
        and x.doer.kind == "implicit"
        and x.target is None
        and not _returned_fire_of(x, y)
        for x, y in ((one, other), (other, one))
    )


def _returned_fire_of(told: Mention, other: Mention) -> bool:
    """`told` says the fire went both ways, beside `other`'s shelling or fight."""
    return bool(told.draft.extra.get("fire_returned")) and other.draft.event_type in (
        BATTLES,
        WEAPON_EVENT_TYPE,
    )


def _answer_possible(cluster: Cluster, m: Mention) -> bool:
    if BATTLES in (m.draft.event_type, cluster.seed.draft.event_type):
        return False
    if cluster.seed.draft.sub_event_type == INTERCEPTED:
        # "US forces shot down a drone near the base" and "the attempted drone attack on US
        # forces": the side that stopped a weapon is the one it was fired at, not a side that
        # answers it
        return False
    here = cluster.place()
    return not (m.fine and m.spot is not None and here is not None and places_agree(m.spot, here))


def _same_statement(cluster: Cluster, m: Mention) -> bool:
    """A statement ACLED does not code is one per speaker and day, wherever its words point."""
    day = cluster.date()
    if m.day is not None and day is not None and not dates_agree(m.day, day):
        return False
    speakers = {s.name for c in cluster.members for s in c.draft.sources}
    if speakers & {s.name for s in m.draft.sources}:
        return True
    doers = cluster.doers()
    return m.doer is None or not doers or any(named(d) and same_actor(m.doer, d) for d in doers)


def _other_site_of_a_list(cluster: Cluster, m: Mention) -> bool:
    """Sites listed in one sentence ("drills at the Qasrak and Tell Baidar bases") are one
    happening each, even when the gazetteer resolves two of them to the same town."""
    span = m.draft.extra.get("place_span")
    if span is None:
        return False
    return any(
        c.draft.sentence == m.draft.sentence
        and "place_span" in c.draft.extra
        and c.draft.extra["place_span"] != span
        for c in cluster.members
    )


def _other_weapon(cluster: Cluster, m: Mention) -> bool:
    """Two weapons named outright ("air strikes" and "mortar fire") are two happenings; a
    sub-type the classifier chose for a general word ("attack", "missile") names no weapon."""
    own = m.weapon
    return own is not None and any(c.weapon not in (None, own) for c in cluster.members)


def _other_named_site(cluster: Cluster, m: Mention) -> bool:
    """A toll told in a "where" clause of a named place ("struck several areas of the town,
    including Northtown, where one was killed") is a strike of its own when the happening's
    sentences never name that place and tell another toll (nine killed at a house in Westby)."""
    tolls = {t for c in cluster.members if (t := c.draft.fatalities.value) is not None}
    for one, others in ((m, cluster.members), *((c, [m]) for c in cluster.members)):
        toll = one.draft.fatalities.value
        site = one.where_site
        if site is None or toll is None:
            continue
        other_tolls = tolls if one is m else {m.draft.fatalities.value} - {None}
        if other_tolls and toll not in other_tolls and not any(site in o.said for o in others):
            return True
    return False


def _flies(m: Mention) -> bool:
    """An air or drone strike named outright and delivered (a drone shot down during a battle is
    part of that battle)."""
    return AIR in (m.weapon, m.named_weapon) and m.draft.sub_event_type != INTERCEPTED


def _fought_on_the_ground(m: Mention) -> bool:
    """A battle named by a word of ground fighting ("clash", "shoot-out"), dated and placed by
    its own words (a clash word in passing, with neither, tells no fight of its own)."""
    if m.draft.event_type != BATTLES or m.day is None or not m.attached:
        return False
    return m.trigger_word in battle_words()


def _air_and_ground(cluster: Cluster, m: Mention) -> bool:
    """A raid told by its weapon ("warplanes raided the valley") and a dated fight on the ground
    ("a shoot-out with smugglers at the border on Monday") are two happenings, even on one day
    and place: the strike's toll is not the fight's."""
    if _flies(m):
        return any(_fought_on_the_ground(c) for c in cluster.members)
    if _fought_on_the_ground(m):
        return any(_flies(c) for c in cluster.members)
    return False


def _closeness(cluster: Cluster, m: Mention) -> tuple[bool, int]:
    here = cluster.place()
    same = here is not None and m.spot is not None and place_key(here) == place_key(m.spot)
    return (not same, min(abs(c.order - m.order) for c in cluster.members))


def _placed_alike(fitting: list[Cluster], m: Mention) -> Cluster | None:
    """A mention whose sentence names a place away from its trigger ("four were killed in the
    attack, the region's security council said") tells the one happening it fits placed there."""
    if m.spot is None:
        return None
    alike = [c for c in fitting if (here := c.place()) is not None and places_agree(m.spot, here)]
    return alike[0] if len(alike) == 1 else None


def _the_fight(fitting: list[Cluster], m: Mention) -> Cluster | None:
    """A battle's toll that fits a raid from the air and a fight on the ground of one day
    ("warplanes struck targets after a shoot-out at the border … the army said it killed several
    smugglers") is the fight's: a strike's toll is not the fight's (`_air_and_ground`)."""
    if m.draft.event_type != BATTLES or _flies(m) or m.draft.fatalities.value is None:
        return None
    grounded = [c for c in fitting if not any(_flies(o) for o in c.members)]
    return grounded[0] if len(grounded) == 1 and len(grounded) < len(fitting) else None


def _told_just_before(fitting: list[Cluster], m: Mention) -> Cluster | None:
    """A mention with no place and no date of its own that follows a sentence of one of the
    happenings it fits goes on telling that happening."""
    if m.spot is not None or m.day is not None:
        return None
    before = [
        c for c in fitting if any(0 < m.draft.sentence - o.draft.sentence <= 1 for o in c.members)
    ]
    return before[0] if len(before) == 1 else None


def _place_firmness(m: Mention) -> tuple[bool, bool, int, int]:
    precision = m.spot.geo_precision if m.spot is not None and m.spot.geo_precision else 3
    return (not m.attached, not is_fine(m.spot), precision, m.order)
