"""The typed records sitrep produces: documents, events, tallies and the values they carry.

Field names are the output contract's field names (see docs/CONTRACT.md in the shared spec), so
`to_dict()` is a plain `dataclasses.asdict` with dates as ISO strings.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from typing import Any

MODALITIES = (
    "occurred",
    "claimed",
    "denied",
    "planned",
    "threatened",
    "simulated",
    "hypothetical",
    "feared",
    "negated",
)
SOURCE_TYPES = ("outlet", "anonymous", "official", "party", "witness", "monitor")
QUALIFIERS = ("exact", "at least", "about", "up to", "unknown")


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the document's normalised text: `doc.text[start:end] == text`."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Source:
    """Who says so: an outlet, an anonymous source, an official, a party, a witness or a monitor."""

    name: str
    type: str
    channel: str | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved location with ACLED's geo precision (1 site/town, 2 near/district, 3 region)."""

    country: str | None
    iso3: str | None
    admin1: str | None
    admin2: str | None
    admin3: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    feature: str = "town"  # town, site, admin1, admin2, country, region
    location_text: str | None = None


@dataclass(frozen=True, slots=True)
class DateSpan:
    """A resolved time: a day or a span, with ACLED's time precision (1 day, 2 week, 3 month)."""

    start: date | None
    end: date | None
    precision: int | None
    text: str = ""
    relative: bool = False  # resolved against the publication date


@dataclass(frozen=True, slots=True)
class Actor:
    """A normalised actor from the actor dictionary (or an unknown organisation found by NER)."""

    name: str
    inter: int | None
    country: str | None = None
    parent: str | None = None
    text: str = ""  # the words the article used
    loaded: bool = False  # the article's words are partisan wording


@dataclass(frozen=True, slots=True)
class Quantity:
    """A reported number of people: the value and how sure the text is about it."""

    value: int | None
    qualifier: str = "exact"


@dataclass(frozen=True, slots=True)
class Event:
    """One distinct codable happening at one location on one day, with the evidence for it."""

    event_id: str
    event_date: str | None
    date_start: str | None
    date_end: str | None
    time_precision: int | None
    event_type: str | None
    sub_event_type: str | None
    disorder_type: str | None
    acled_codable: bool
    plover: str | None
    plover_mode: str | None
    cameo: str | None
    actor1: str | None
    assoc_actor_1: str | None
    actor2: str | None
    assoc_actor_2: str | None
    actor1_text: str | None
    actor2_text: str | None
    inter1: int | None
    inter2: int | None
    interaction: int | None
    country: str | None
    iso3: str | None
    admin1: str | None
    admin2: str | None
    admin3: str | None
    location: str | None
    location_text: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    fatalities: int | None
    fatalities_qualifier: str
    injuries: int | None
    injuries_qualifier: str
    material_damage: bool
    modality: str
    sources: tuple[Source, ...]
    outlet: str | None
    evidence: tuple[Span, ...]
    loaded_terms: tuple[str, ...]
    confidence: float
    notes: str
    # Told as context: the text dates the happening before the report's last days ("the 2011
    # bombing"); it keeps its own date and is not the news of the document.
    background: bool = False

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(frozen=True, slots=True)
class Tally:
    """An aggregate statement ("85 attacks since October 18"): never expanded into events."""

    tally_id: str
    counted: str
    counted_event_type: str | None
    count: int | None
    count_qualifier: str
    actor1: str | None
    actor2: str | None
    actor1_text: str | None
    actor2_text: str | None
    period_start: str | None
    period_end: str | None
    time_precision: int | None
    country: str | None
    admin1: str | None
    fatalities: int | None
    fatalities_qualifier: str
    injuries: int | None
    injuries_qualifier: str
    material_damage: bool
    modality: str
    sources: tuple[Source, ...]
    evidence: tuple[Span, ...]
    loaded_terms: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read and coded: its normalised text and everything extracted from it."""

    doc_id: str
    text: str
    input_id: str | None = None
    source: str | None = None
    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = "en"
    events: tuple[Event, ...] = ()
    tallies: tuple[Tally, ...] = ()
    warnings: tuple[str, ...] = ()
    knowledge_version: str | None = None
    skipped: str | None = None  # why the document was not coded, if it was not

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(frozen=True, slots=True)
class RawDocument:
    """What a reader hands the pipeline: text (or HTML already reduced to text) and its metadata."""

    text: str
    input_id: str | None = None
    source: str | None = None
    title: str | None = None
    published: date | None = None
    outlet: str | None = None
    url: str | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)
    language: str | None = None  # ISO 639-1 code when detected with confidence (ingest/language.py)


# Field names per record class: every record written asked dataclasses.fields() for each of its
# ~15 nested dataclasses (a third of writing a skipped document's record, issue 18).
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _plain(value: Any) -> Any:
    """Dataclasses, tuples and dates as JSON-ready dicts, lists and ISO strings."""
    if value is None or isinstance(value, (str, int, float)):
        return value
    names = _FIELD_NAMES.get(type(value))
    if names is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _FIELD_NAMES[type(value)] = tuple(f.name for f in dataclasses.fields(value))
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value
