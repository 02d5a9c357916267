"""What the assembly stage reads off one event draft: one mention of a happening.

A draft is one sentence's mention. Before mentions are joined, each is described by what kind of
happening it names (`happenings.csv`), how firmly it is dated (a date of its own sentence, one
borrowed from its paragraph, or only the publication day) and placed (a place of its own
sentence, or one borrowed from the paragraph or the document), which weapon its words name, who
its named actors are, and whether it took place (occurred, claimed, denied) or is only talk of
it (threatened, feared, planned …).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from sitrep.extract.state import ActorMention, EventDraft
from sitrep.knowledge.actors import unidentified
from sitrep.knowledge.gazetteer import distance_km
from sitrep.knowledge.happenings import happening
from sitrep.records import DateSpan, Place

# Modalities of a happening that took place (whoever tells or denies it).
REAL_MODALITIES = frozenset({"occurred", "claimed", "denied"})
# Places that hold others: a district, a governorate, a country, a named region.
COARSE_FEATURES = frozenset({"admin1", "admin2", "country", "region"})
WEAPON_EVENT_TYPE = "Explosions/Remote violence"
# Two fine places this close are one place told two ways (a town and the camp beside it).
SAME_PLACE_KM = 15.0
# A happening the text does not date is news of the report's last days (ACLED: the report day,
# or the day before; coders treat anything older as background).
RECENT_DAYS = 3
# Date origins, firmest first.
DATE_STRENGTH = {"sentence": 0, "paragraph": 1, "publication": 2}


@dataclass(frozen=True, slots=True)
class Mention:
    """One draft as the assembly stage sees it."""

    draft: EventDraft
    kind: str  # happenings.csv kind, with the PLOVER mode for kinds the mode splits
    real: bool  # occurred, claimed or denied
    date_from: str  # sentence, paragraph or publication
    place_from: str  # sentence, loose, paragraph or document (extract/places/location.py)
    order: int  # position in the document
    published: date | None = None
    actors: tuple[ActorMention, ...] = ()  # every named actor its sentence mentions
    trigger_lemma: str = ""
    # The trigger as the word lists spell it: its lemma, a hyphenated word joined ("shoot-out",
    # which the tokenizer splits into shoot, -, out, is "shootout")
    trigger_word: str = ""
    another: bool = False  # told as one more happening ("also struck", "another strike")
    more_casualties: bool = False  # more dead or wounded of it ("nine were also killed")
    only_dead: bool = False  # its clause names the dead and no doer ("two soldiers died")
    doer_dead: bool = False  # … and the side read off it is the dead themselves
    named_weapon: str | None = None  # the sub-type a weapon word of its phrase gives ("drone raid")
    by_aircraft: bool = False  # its trigger's subject flies ("an aircraft struck the launcher")
    # The named place whose "where" clause tells it ("… including Northtown, where two were
    # killed"), and the words of its sentence
    where_site: str | None = None
    said: str = ""
    # told in someone's quoted words, or by a noun that retells it ("a video of the attack"):
    # not the outlet's own telling of a deed
    retold: bool = False

    @property
    def day(self) -> DateSpan | None:
        """Its date when words of its own sentence or paragraph give one (not the default)."""
        when = self.draft.when
        if self.date_from == "publication" or when is None or when.start is None:
            return None
        return when

    @property
    def spot(self) -> Place | None:
        """Its place when its own sentence names one (hanging off its trigger or not)."""
        if self.place_from not in ("sentence", "loose") or self.draft.where is None:
            return None
        return self.draft.where.place

    @property
    def attached(self) -> bool:
        """Its place hangs off its trigger in the parse (or was named for its site)."""
        return self.place_from == "sentence" and self.spot is not None

    @property
    def fine(self) -> bool:
        """Placed, by its trigger's own words, at a town or site (not a region or country)."""
        return self.attached and is_fine(self.spot)

    @property
    def weapon(self) -> str | None:
        """The explosive sub-type its trigger words name outright (one candidate in the trigger
        lexicon: "airstrike", "shelling"), or None when the words leave the weapon open."""
        d = self.draft
        if d.event_type != WEAPON_EVENT_TYPE or d.extra.get("type_source") != "trigger lexicon":
            return None
        return d.sub_event_type

    @property
    def doer(self) -> ActorMention | None:
        return named(self.draft.actor1)

    @property
    def target(self) -> ActorMention | None:
        return named(self.draft.actor2)


def mention_of(
    draft: EventDraft,
    order: int,
    published: date | None = None,
    actors: tuple[ActorMention, ...] = (),
    trigger_lemma: str = "",
    another: bool = False,
    named_weapon: str | None = None,
    by_aircraft: bool = False,
    more_casualties: bool = False,
    only_dead: bool = False,
    doer_dead: bool = False,
    trigger_word: str = "",
    where_site: str | None = None,
    said: str = "",
    retold: bool = False,
) -> Mention:
    key = draft.sub_event_type or draft.plover
    row = happening(key)
    kind = row.kind if row else (key or "")
    if kind in ("posture", "other"):
        # An exercise and a weapons airlift are both Change to group/activity: the mode tells them.
        kind = f"{kind}:{draft.plover_mode or ''}"
    dated = draft.when is not None and bool(draft.when.text)
    return Mention(
        draft=draft,
        kind=kind,
        real=draft.modality in REAL_MODALITIES,
        date_from=str(draft.extra.get("date_from", "sentence" if dated else "publication")),
        place_from=str(draft.extra.get("place_from", "sentence" if draft.where else "document")),
        order=order,
        published=published,
        actors=tuple(a for a in actors if named(a) is not None),
        trigger_lemma=trigger_lemma,
        trigger_word=trigger_word or trigger_lemma,
        another=another,
        named_weapon=named_weapon,
        by_aircraft=by_aircraft,
        more_casualties=more_casualties,
        only_dead=only_dead,
        doer_dead=doer_dead,
        where_site=where_site,
        said=said,
        retold=retold,
    )


def named(actor: ActorMention | None) -> ActorMention | None:
    """The actor, unless it is missing or ACLED's stand-in for an unnamed one ("Unidentified …")."""
    if actor is None or unidentified(actor.actor.name):
        return None
    return actor


def guessed(actor: ActorMention) -> bool:
    """A side no words of the mention name: a default the unknown-actor classifier filled in."""
    return actor.kind == "implicit" and actor.span.start == actor.span.end


def same_actor(a: ActorMention, b: ActorMention) -> bool:
    """One actor: the same name, a unit of the other ("Military Forces of Iran (1989-)" and
    "Military Forces of Iran (1989-) Islamic Revolutionary Guard Corps"), or one state's forces
    and government (ACLED inter 1 of one country)."""
    x, y = a.actor, b.actor
    if x.name == y.name or x.name.startswith(y.name) or y.name.startswith(x.name):
        return True
    if _rivals(x.name, y.name):
        return False
    return x.inter == 1 and y.inter == 1 and x.country is not None and x.country == y.country


# ACLED's period of an actor: "Military Forces of Libya (2016-) Government of National Accord".
_PERIOD = re.compile(r"^(?P<base>.+?) \((?P<start>\d{4})-(?P<end>\d{4})?\)")


def _rivals(one: str, other: str) -> bool:
    """Two forces of one state, both open-ended and begun in different years, hold the state at
    the same time: rival governments' forces (Libya's Government of National Accord, since 2016,
    and the Haftar faction, since 2014), not one side."""
    x, y = _PERIOD.match(one), _PERIOD.match(other)
    return (
        x is not None
        and y is not None
        and x["base"] == y["base"]
        and x["end"] is None
        and y["end"] is None
        and x["start"] != y["start"]
    )


def is_fine(place: Place | None) -> bool:
    """A town or site (ACLED precision 1–2), not a district, governorate, country or region."""
    return (
        place is not None
        and place.feature not in COARSE_FEATURES
        and (place.geo_precision or 3) <= 2
    )


def place_key(place: Place) -> tuple[str | None, str | None, str | None]:
    return (place.location, place.admin1, place.country)


def places_agree(a: Place, b: Place) -> bool:
    """The same place, two fine places within `SAME_PLACE_KM`, or a region holding the other."""
    if place_key(a) == place_key(b):
        return True
    if a.country != b.country:
        return False
    if is_fine(a) and is_fine(b):
        if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
            return False
        return distance_km(a.latitude, a.longitude, b.latitude, b.longitude) <= SAME_PLACE_KM
    return holds(a, b) or holds(b, a)


def holds(region: Place, place: Place) -> bool:
    """Whether `region` is a coarse place that contains `place` (same country assumed)."""
    if is_fine(region):
        return False
    if region.feature == "country" or ((region.geo_precision or 0) >= 3 and region.admin1 is None):
        return True
    if region.admin1 != place.admin1:
        return False
    return region.feature != "admin2" or region.admin2 == place.admin2


def dates_agree(a: DateSpan, b: DateSpan) -> bool:
    """The same day, or one is a span (a week, a month) that holds the other's day."""
    if a.start is None or b.start is None or a.start == b.start:
        return True
    if (a.precision or 1) > 1 and _within(a, b.start):
        return True
    return (b.precision or 1) > 1 and _within(b, a.start)


def is_recent(when: DateSpan, published: date | None) -> bool:
    """Whether a date reaches into the last `RECENT_DAYS` before publication (or after it)."""
    if when.start is None or published is None:
        return True
    return (when.end or when.start) >= published - timedelta(days=RECENT_DAYS)


def date_firmness(m: Mention) -> tuple[int, int, int]:
    """Sort key of dated mentions, firmest first: a day before a week or a month, then a date of
    the mention's own sentence before one borrowed from its paragraph, then the earliest told."""
    precision = m.day.precision if m.day is not None and m.day.precision else 4
    return (precision, DATE_STRENGTH[m.date_from], m.order)


def _within(span: DateSpan, day: date) -> bool:
    end = span.end or span.start
    return span.start is not None and end is not None and span.start <= day <= end
