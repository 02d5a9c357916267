"""The working state extractors read and fill while one document goes through the pipeline.

Extractors communicate only through `DocState`: mention lists found in the text, and mutable
`EventDraft`/`TallyDraft` objects that later extractors complete. `pipeline.assemble` freezes the
drafts into `records.Event`/`records.Tally`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from sitrep.records import Actor, DateSpan, Place, Quantity, Source, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan


@dataclass(slots=True)
class TimeMention:
    """A time expression in the text and what it resolves to."""

    span: Span
    value: DateSpan
    kind: str = "date"  # date, period, future, recurring
    form: str = ""  # the grammar's form: day, month, range, since, past_n, period, …


@dataclass(slots=True)
class PlaceMention:
    """A place name in the text and the place it resolves to (the best candidate)."""

    span: Span
    place: Place
    score: float = 1.0


@dataclass(slots=True)
class ActorMention:
    """An actor named (or referred to) in the text, normalised through the actor dictionary."""

    span: Span
    actor: Actor
    kind: str = "org"  # org, person, facility (owner's actor), pronoun


@dataclass(slots=True)
class EventDraft:
    """A candidate event while extractors fill its fields; frozen by the pipeline at the end."""

    trigger: Span  # the word(s) that name the happening
    sentence: int  # index into DocState.sentences
    evidence: list[Span] = field(default_factory=list)
    event_type: str | None = None
    sub_event_type: str | None = None
    disorder_type: str | None = None
    acled_codable: bool = True
    plover: str | None = None
    plover_mode: str | None = None
    cameo: str | None = None
    confidence: float = 0.5
    modality: str = "occurred"
    is_tally: bool = (
        False  # an aggregate statement: the tallies extractor turns it into a TallyDraft
    )
    actor1: ActorMention | None = None
    actor2: ActorMention | None = None
    assoc_actor_1: list[ActorMention] = field(default_factory=list)
    assoc_actor_2: list[ActorMention] = field(default_factory=list)
    when: DateSpan | None = None
    where: PlaceMention | None = None
    fatalities: Quantity = field(default_factory=lambda: Quantity(None, "unknown"))
    injuries: Quantity = field(default_factory=lambda: Quantity(None, "unknown"))
    material_damage: bool = False
    sources: list[Source] = field(default_factory=list)
    loaded_terms: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)  # extractor-private notes


@dataclass(slots=True)
class TallyDraft:
    """An aggregate statement while extractors fill its fields."""

    trigger: Span
    sentence: int
    counted: str
    counted_event_type: str | None = None
    count: Quantity = field(default_factory=lambda: Quantity(None, "unknown"))
    evidence: list[Span] = field(default_factory=list)
    modality: str = "occurred"
    actor1: ActorMention | None = None
    actor2: ActorMention | None = None
    period: DateSpan | None = None
    where: PlaceMention | None = None
    fatalities: Quantity = field(default_factory=lambda: Quantity(None, "unknown"))
    injuries: Quantity = field(default_factory=lambda: Quantity(None, "unknown"))
    material_damage: bool = False
    sources: list[Source] = field(default_factory=list)
    loaded_terms: list[str] = field(default_factory=list)


@dataclass(slots=True)
class DocState:
    """Everything known about one document while it is being coded."""

    text: str
    published: date | None
    outlet: str | None
    title: str | None = None
    doc: Doc | None = None  # the spaCy parse of `text`
    sentences: list[Span] = field(default_factory=list)
    paragraphs: list[Span] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    sentence_sources: dict[int, list[Source]] = field(default_factory=dict)
    events: list[EventDraft] = field(default_factory=list)
    tallies: list[TallyDraft] = field(default_factory=list)
    country_hint: str | None = None  # the document's main country (name as in the gazetteer)
    # the country classifier's top country however unsure (name as in the gazetteer): the last
    # resort of a text that names no place and no actor of a country
    country_guess: str | None = None
    warnings: list[str] = field(default_factory=list)

    def span(self, start: int, end: int) -> Span:
        """A `Span` over the document text (the only way extractors should build one)."""
        return Span(self.text[start:end], start, end)

    def names_place(self, start: int, end: int) -> bool:
        """Whether a resolved place mention overlaps the characters `start`..`end`."""
        return any(m.span.start < end and start < m.span.end for m in self.places)

    def sentence_text(self, index: int) -> str:
        """The text of sentence `index`, or "" where there is none."""
        return self.sentences[index].text if 0 <= index < len(self.sentences) else ""

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence holding character `offset` (the last one if past the end)."""
        for i, s in enumerate(self.sentences):
            if s.start <= offset < s.end:
                return i
        return max(len(self.sentences) - 1, 0)

    def paragraph_at(self, offset: int) -> Span | None:
        """The paragraph holding character `offset` (None without paragraphs)."""
        return next((p for p in self.paragraphs if p.start <= offset < p.end), None)

    def spacy_sentence(self, index: int) -> SpacySpan | None:
        """The spaCy sentence at `index`, for extractors that walk the dependency tree."""
        if self.doc is None:
            return None
        s = self.sentences[index]
        return self.doc.char_span(s.start, s.end, alignment_mode="expand")
