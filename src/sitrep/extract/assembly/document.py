"""Freezing a document's drafts into the output records, with stable ids and generated notes."""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from datetime import date

from sitrep.extract.actors.mentions import document_year
from sitrep.extract.assembly.notes import event_notes
from sitrep.extract.state import ActorMention, DocState, EventDraft, TallyDraft
from sitrep.knowledge.actors import STATE_INTER, actor_dictionary
from sitrep.knowledge.admin2names import acled_admin2
from sitrep.knowledge.adminparts import in_part
from sitrep.knowledge.gazetteer import capital_admin1
from sitrep.records import Document, Event, Place, RawDocument, Source, Tally


def assemble_document(raw: RawDocument, state: DocState, doc_id: str, kb_version: str) -> Document:
    events = _copies_folded([
        _event(d, state, _stable_id(doc_id, "e", d.trigger.start, i))
        for i, d in enumerate(sorted(state.events, key=lambda d: d.trigger.start))
    ])
    tallies = tuple(
        _tally(t, state, _stable_id(doc_id, "t", t.trigger.start, i))
        for i, t in enumerate(sorted(state.tallies, key=lambda t: t.trigger.start))
    )
    return Document(
        doc_id=doc_id,
        text=raw.text,
        input_id=raw.input_id,
        source=raw.source,
        title=raw.title,
        published=raw.published,
        outlet=raw.outlet,
        url=raw.url,
        language=raw.language or "en",
        events=events,
        tallies=tallies,
        warnings=tuple(dict.fromkeys(state.warnings)),
        knowledge_version=kb_version,
    )


# What an ACLED record holds: two codable events equal on all of it are one record told twice.
_RECORD_FIELDS = (
    "event_type", "sub_event_type", "actor1", "assoc_actor_1", "actor2", "assoc_actor_2",
    "interaction", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
    "date_start", "date_end", "time_precision", "fatalities", "modality", "background",
)


def _copies_folded(events: list[Event]) -> tuple[Event, ...]:
    """A codable event equal to one told before it on every field of an ACLED record is that
    record again: its evidence and sources join the first one's. The clustering and the
    assembly's own place-and-day fold keep such pairs apart while a side, a toll or a name is
    still open ("two women were found shot … Another body was found … 3 fatalities": the
    remark gives both the note's toll; a riot's second sentence whose crowd and foe the actor
    stages name alike only after the assembly)."""
    kept: list[Event] = []
    first_of: dict[tuple[object, ...], int] = {}  # a codable record -> where it was first kept
    for event in events:
        key = tuple(getattr(event, f) for f in _RECORD_FIELDS)
        same = first_of.get(key) if event.acled_codable else None
        if same is None:
            if event.acled_codable:
                first_of.setdefault(key, len(kept))
            kept.append(event)
            continue
        kept[same] = _told_again(kept[same], event)
    return tuple(_self_fights_folded(kept))


def _told_again(first: Event, again: Event) -> Event:
    """`first` with the evidence, sources and loaded terms of `again`, a retelling of it."""
    evidence = set(first.evidence) | set(again.evidence)
    return replace(
        first,
        evidence=tuple(sorted(evidence, key=lambda s: s.start)),
        sources=tuple(dict.fromkeys(first.sources + again.sources)),
        loaded_terms=tuple(dict.fromkeys(first.loaded_terms + again.loaded_terms)),
    )


def _self_fights_folded(events: list[Event]) -> list[Event]:
    """A codable event whose actor 1 is its own actor 2, after an event of the same type in the
    same province that this actor fought with someone named, is that event told again ("X
    attacked a checkpoint of Y … Y's post came under fire", the retold fire given the only side
    its sentence names on both sides): its evidence and sources join the first one's. After an
    event with one side only, a crowd fighting a crowd of the same name ("a scuffle with
    counter-demonstrators") is a record of its own."""
    kept: list[Event] = []
    for event in events:
        first = next(
            (
                i for i, e in enumerate(kept)
                if event.acled_codable and e.acled_codable
                and event.actor1 is not None and event.actor1 == event.actor2
                and event.actor1 in (e.actor1, e.actor2)
                and e.actor1 is not None and e.actor2 is not None and e.actor1 != e.actor2
                and (e.event_type, e.sub_event_type, e.country, e.admin1)
                == (event.event_type, event.sub_event_type, event.country, event.admin1)
            ),
            None,
        )  # fmt: skip
        if first is None:
            kept.append(event)
            continue
        kept[first] = _told_again(kept[first], event)
    return kept


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _stable_id(doc_id: str, kind: str, offset: int, index: int) -> str:
    return hashlib.sha256(f"{doc_id}:{kind}:{offset}:{index}".encode()).hexdigest()[:16]


def _name(mention: ActorMention | None) -> str | None:
    return mention.actor.name if mention else None


def _names(mentions: list[ActorMention]) -> str | None:
    names = list(dict.fromkeys(m.actor.name for m in mentions))
    return "; ".join(names) if names else None


def interaction_code(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction: the two inter codes, smaller first (10×inter1 alone when no actor 2)."""
    if inter1 is None:
        return None
    if not inter2:
        return inter1 * 10
    lo, hi = sorted((inter1, inter2))
    return lo * 10 + hi


def _sources(draft_sources: list[Source], outlet: str | None) -> tuple[Source, ...]:
    if draft_sources:
        return tuple(dict.fromkeys(draft_sources))
    return (Source(outlet, "outlet"),) if outlet else ()


def _inter_in(mention: ActorMention | None, country: str | None, state: DocState) -> int | None:
    """The actor's inter code in the country the event is coded in: the roles read it against the
    country known then (a dateline's, "DAKAR - Burkinabe soldiers killed …"), the place found
    later may be the state force's own country (1) or another (8)."""
    if mention is None:
        return None
    inter = mention.actor.inter
    if inter not in STATE_INTER or country is None:
        return inter
    dictionary = actor_dictionary(document_year(state))
    entry = dictionary.entry(mention.actor.name)
    return dictionary.inter_for(entry, country) if entry is not None else inter


def _event(d: EventDraft, state: DocState, event_id: str) -> Event:
    when = d.when
    where = _coded_place(d, state)
    coded_country = where.country if where else None
    inter1 = _inter_in(d.actor1, coded_country, state)
    inter2 = _inter_in(d.actor2, coded_country, state)
    evidence = tuple(
        sorted(set(d.evidence) or {state.sentences[d.sentence]}, key=lambda s: s.start)
    )
    fields = dict(
        event_id=event_id,
        event_date=when.start.isoformat() if when and when.start else None,
        date_start=when.start.isoformat() if when and when.start else None,
        date_end=_iso(when.end or when.start) if when else None,
        time_precision=when.precision if when else None,
        event_type=d.event_type if d.acled_codable else None,
        sub_event_type=d.sub_event_type if d.acled_codable else None,
        disorder_type=d.disorder_type if d.acled_codable else None,
        acled_codable=d.acled_codable,
        plover=d.plover,
        plover_mode=d.plover_mode,
        cameo=d.cameo,
        actor1=_name(d.actor1),
        assoc_actor_1=_names(d.assoc_actor_1),
        actor2=_name(d.actor2),
        assoc_actor_2=_names(d.assoc_actor_2),
        actor1_text=d.actor1.span.text if d.actor1 else None,
        actor2_text=d.actor2.span.text if d.actor2 else None,
        inter1=inter1,
        inter2=inter2,
        interaction=interaction_code(inter1, inter2),
        country=where.country if where else None,
        iso3=where.iso3 if where else None,
        admin1=where.admin1 if where else None,
        admin2=acled_admin2(where.admin2) if where else None,
        admin3=where.admin3 if where else None,
        location=where.location if where else None,
        location_text=d.where.span.text if d.where else None,
        latitude=where.latitude if where else None,
        longitude=where.longitude if where else None,
        geo_precision=where.geo_precision if where else None,
        fatalities=d.fatalities.value,
        fatalities_qualifier=d.fatalities.qualifier,
        injuries=d.injuries.value,
        injuries_qualifier=d.injuries.qualifier,
        material_damage=d.material_damage,
        modality=d.modality,
        sources=_sources(d.sources, state.outlet),
        outlet=state.outlet,
        evidence=evidence,
        loaded_terms=tuple(dict.fromkeys(d.loaded_terms)),
        confidence=round(d.confidence, 3),
        notes="",
        background=bool(d.extra.get("background", False)),
    )
    event = Event(**fields)  # type: ignore[arg-type]
    return Event(**{**fields, "notes": event_notes(event)})  # type: ignore[arg-type]


# A sea or ocean the sentence names: a country-only event there lies off its coast.
_AT_SEA = re.compile(r"\b(?:[A-Z][a-z]+ Sea|Sea of [A-Z][a-z]+|[A-Z][a-z]+ Ocean|"
                     r"the (?:high )?seas?|the ocean|(?:territorial|international) waters)\b")


def _coded_place(draft: EventDraft | TallyDraft, state: DocState) -> Place | None:
    """The draft's place as coded: a split admin1 area's part, from the point or as its
    sentence names it (`in_part`)."""
    if draft.where is None:
        return None
    place = draft.where.place
    if (place.feature == "country" and place.admin1 is None
            and not _AT_SEA.search(state.sentence_text(draft.sentence) or "")):  # fmt: skip
        # At the capital, in the capital's area, as ACLED codes a country-wide event; an event
        # at sea ("in the Aegean Sea", "towards the ocean") is in no admin1 area.
        place = replace(place, admin1=capital_admin1(place.country, state.published))
    return in_part(place, state.published, state.sentence_text(draft.sentence))


def _tally(t: TallyDraft, state: DocState, tally_id: str) -> Tally:
    period = t.period
    where = _coded_place(t, state)
    return Tally(
        tally_id=tally_id,
        counted=t.counted,
        counted_event_type=t.counted_event_type,
        count=t.count.value,
        count_qualifier=t.count.qualifier,
        actor1=_name(t.actor1),
        actor2=_name(t.actor2),
        actor1_text=t.actor1.span.text if t.actor1 else None,
        actor2_text=t.actor2.span.text if t.actor2 else None,
        period_start=period.start.isoformat() if period and period.start else None,
        period_end=period.end.isoformat() if period and period.end else None,
        time_precision=period.precision if period else None,
        country=where.country if where else None,
        admin1=where.admin1 if where else None,
        fatalities=t.fatalities.value,
        fatalities_qualifier=t.fatalities.qualifier,
        injuries=t.injuries.value,
        injuries_qualifier=t.injuries.qualifier,
        material_damage=t.material_damage,
        modality=t.modality,
        sources=tuple(dict.fromkeys(t.sources)),
        evidence=tuple(sorted(set(t.evidence) or {t.trigger}, key=lambda s: s.start)),
        loaded_terms=tuple(dict.fromkeys(t.loaded_terms)),
    )
