"""The coding pipeline: raw documents in, coded `Document` records out.

The extractor list below is the whole pipeline, read top to bottom; `registry.check_order`
verifies from each extractor's declared inputs and outputs that the order is sound.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import importlib
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from typing import TYPE_CHECKING

from sitrep.errors import SitrepError
from sitrep.extract.assembly.document import assemble_document
from sitrep.extract.registry import ExtractorSpec, check_order
from sitrep.extract.state import DocState
from sitrep.ingest.language import skip_reason
from sitrep.ingest.text import cap_length
from sitrep.knowledge.loader import knowledge_version
from sitrep.nlp.segment import blank_remarks, keep_text, release_tokens
from sitrep.records import Document, RawDocument
from sitrep.scale.heap import keep_freed_memory
from sitrep.scale.prefilter import SKIP_REASON, default_prefilter

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

# Fewer documents to parse than this and forking parse processes costs more than it saves.
PARALLEL_MIN = 256


def free_core_parse_processes() -> int:
    """Parse processes for a long run on this machine: 2 when its load average leaves at least
    half a core idle, else 1, in-process. On two cores at load 0-1.5 the parse and the
    extractors overlap (3,000 notes: 0.99-1.02 x a bare parse by the clock against 1.59-1.80 in
    one process); on cores already busy (load 5-9) the forked parse only adds its CPU (issue 18)."""
    cores = os.cpu_count() or 1
    return 2 if cores >= 2 and os.getloadavg()[0] <= cores - 0.5 else 1

DEFAULT_EXTRACTORS: tuple[str, ...] = (
    "segment",  # sentences and paragraphs
    "times",  # time expressions, resolved against the publication date
    "places",  # place names, resolved in the gazetteer
    "actors",  # actor mentions, normalised through the actor dictionary
    "events",  # candidate events: trigger, type, sub-type, PLOVER, CAMEO
    "factuality",  # modality of each candidate (occurred, simulated, threatened, …)
    "tallies",  # aggregate statements become tallies, not events
    "attribution",  # who says so, per sentence, event and tally
    "roles",  # actor1 / actor2 / associated actors per event and tally
    "dates",  # the date governing each event and tally
    "locations",  # the place of each event and tally
    "quantities",  # fatalities, injuries, damage
    "loaded_terms",  # partisan wording normalised away
    "assemble",  # one event per happening: mentions clustered across the document
    "remarks",  # ACLED's own coding remarks in a note ("fatalities coded as 3")
    "actor_names",  # actors named as ACLED named them on each event's date
)

# Importing these modules registers the built-in extractors.
_BUILTIN_MODULES = (
    "sitrep.nlp.segment",
    "sitrep.extract.time.mentions",
    "sitrep.extract.places.resolve",
    "sitrep.extract.places.location",
    "sitrep.extract.actors.mentions",
    "sitrep.extract.events.candidates",
    "sitrep.extract.statements.factuality",
    "sitrep.extract.statements.tallies",
    "sitrep.extract.statements.attribution",
    "sitrep.extract.events.quantities",
    "sitrep.extract.statements.loaded",
    "sitrep.extract.assembly.stage",
    "sitrep.extract.events.remarks",
    "sitrep.extract.actors.names",
)


def document_id(text: str) -> str:
    """Stable id of a normalised text: the same article read twice gets the same id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class Pipeline:
    """Runs the spaCy parse and the registered extractors over documents."""

    def __init__(
        self,
        extractors: Sequence[str] = DEFAULT_EXTRACTORS,
        *,
        strict: bool = False,
        prefilter: bool | Callable[[str], bool] = False,
        lazy: bool = False,
        freeze: bool = False,
        parse_processes: int = 1,
    ):
        """`prefilter=True` skips documents without conflict vocabulary (`scale/prefilter.py`)
        before the parse; they come out with `skipped` set and no events. A callable is used as
        the relevance test instead.

        `lazy=True` leaves spaCy and the extractors unloaded until the first document that needs
        a parse: a run whose documents the prefilter all skips never imports spaCy (issue 18).

        `freeze=True` is for a process that exists to code (the command line, the API's coding
        workers): what its first parsed batch loads (the spaCy model, the extractors, their
        knowledge tables: some 130,000 objects) stays until the process ends, so it is moved out
        of the cyclic garbage collector's sight (`gc.freeze()`) instead of being walked again by
        every full collection, the ones at exit included (0.2-0.3 s of a one-document run). It
        freezes everything the process holds at that moment, so a host application should not
        ask for it. Such a process also keeps the memory the parse frees for its next batch
        (`scale/heap.py`) rather than returning it to the system.

        `parse_processes=N` (N > 1) parses in N forked processes while this one runs the
        extractors, when `run_many` has at least `PARALLEL_MIN` documents to parse: the parse
        and the extractors each take about half of a run's CPU, so on two free cores the run
        takes about the longer of the two rather than their sum (issue 18). The documents come
        back through spaCy's own serialisation (`Doc.to_bytes`), attribute for attribute what
        the parse made, so the output is the same; it costs some CPU more, so it is for long
        runs on a machine with cores to spare (`sitrep extract`).
        """
        self._extractors = tuple(extractors)
        self._specs: list[ExtractorSpec] | None = None
        self._nlp: Language | None = None
        self.strict = strict
        self._freeze = freeze
        self.parse_processes = parse_processes
        self.prefilter: Callable[[str], bool] | None = (
            default_prefilter() if prefilter is True else prefilter or None
        )
        if not lazy:
            _ = self.specs, self.nlp

    @property
    def specs(self) -> list[ExtractorSpec]:
        """The extractors in order (importing the built-in ones registers them)."""
        if self._specs is None:
            for module in _BUILTIN_MODULES:
                importlib.import_module(module)
            self._specs = check_order(self._extractors)
        return self._specs

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline (loaded on first use; evaluation swaps in a parse cache)."""
        if self._nlp is None:
            from sitrep.nlp.model import load_nlp

            self._nlp = load_nlp()
        return self._nlp

    @nlp.setter
    def nlp(self, value: Language) -> None:
        self._nlp = value

    def __call__(self, raw: RawDocument) -> Document:
        return next(iter(self.run_many([raw])))

    def run_many(self, raws: Iterable[RawDocument], batch_size: int = 64) -> Iterator[Document]:
        """Code documents in order; a failing document yields a record with a warning, no crash."""
        if self.parse_processes > 1:
            raws = [cap_length(raw) for raw in raws]  # spaCy raises past nlp.max_length
            reasons = [self._skip_reason(raw) for raw in raws]
            if sum(why is None for why in reasons) >= PARALLEL_MIN:
                yield from self._run_parallel(raws, reasons, batch_size)
            else:
                for i in range(0, len(raws), batch_size):
                    end = i + batch_size
                    yield from self._run_batch(raws[i:end], reasons[i:end])
            return
        batch: list[RawDocument] = []
        for raw in raws:
            batch.append(cap_length(raw))  # spaCy raises past nlp.max_length
            if len(batch) >= batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(
        self, raws: list[RawDocument], reasons: list[str | None] | None = None
    ) -> Iterator[Document]:
        """Code a batch of documents already cut to the parser's length (`reasons`: why each is
        skipped, when `run_many` has them)."""
        if reasons is None:
            reasons = [self._skip_reason(raw) for raw in raws]
        texts = [r.text for r, why in zip(raws, reasons, strict=True) if not why]
        # A batch the prefilter skipped whole needs neither spaCy nor the extractors.
        docs = iter(self.nlp.pipe([blank_remarks(t) for t in texts])) if texts else iter(())
        specs = self.specs if texts else []
        if texts and self._freeze:
            gc.freeze()  # the model and the extractor modules, before the tables load
            keep_freed_memory()  # the parse's arrays reuse their pages batch after batch
        for raw, why in zip(raws, reasons, strict=True):
            if why:
                yield self._skipped(raw, why)
                continue
            yield self._coded(raw, next(docs), specs)
        if texts and self._freeze:
            gc.freeze()  # the tables the batch loaded
            self._freeze = False

    def _run_parallel(
        self, raws: list[RawDocument], reasons: list[str | None], batch_size: int
    ) -> Iterator[Document]:
        """`run_many` with the parse in `parse_processes` forked processes, all texts in one
        stream so that the parse runs ahead while the extractors work."""
        nlp, specs = self.nlp, self.specs
        if self._freeze:
            gc.freeze()  # before the fork too: the children then never walk these objects
            keep_freed_memory()
        texts = (blank_remarks(r.text) for r, why in zip(raws, reasons, strict=True) if not why)
        docs = iter(nlp.pipe(texts, batch_size=batch_size, n_process=self.parse_processes))
        for n, (raw, why) in enumerate(zip(raws, reasons, strict=True), start=1):
            if why:
                yield self._skipped(raw, why)
                continue
            yield self._coded(raw, next(docs), specs)
            if self._freeze and n >= batch_size:
                gc.freeze()  # the tables the first batch loaded
                self._freeze = False

    def _coded(self, raw: RawDocument, parsed: Doc, specs: list[ExtractorSpec]) -> Document:
        """The record of a parsed document, through every extractor."""
        keep_text(parsed, raw.text)
        state = DocState(
            text=raw.text,
            published=raw.published,
            outlet=raw.outlet,
            title=raw.title,
            doc=parsed,
        )
        state.warnings.extend(raw.warnings)
        try:
            for spec in specs:
                spec.func(state)
        except SitrepError:
            raise
        except Exception as exc:
            if self.strict:
                raise
            log.exception("extractor failed on %s", raw.input_id or raw.source)
            state.events, state.tallies = [], []
            state.warnings.append(f"extraction failed: {type(exc).__name__}: {exc}")
        document = assemble_document(raw, state, document_id(raw.text), knowledge_version())
        release_tokens(parsed)
        return document

    def _skip_reason(self, raw: RawDocument) -> str | None:
        """Why a document is not coded: a language the rules do not cover, or nothing to code."""
        if why := skip_reason(raw.language):
            return why
        if self.prefilter is not None and not self.prefilter(raw.text):
            return SKIP_REASON
        return None

    def _skipped(self, raw: RawDocument, reason: str) -> Document:
        """The record of a document that was read and identified but not coded."""
        state = DocState(text=raw.text, published=raw.published, outlet=raw.outlet, title=raw.title)
        state.warnings.extend(raw.warnings)
        document = assemble_document(raw, state, document_id(raw.text), knowledge_version())
        return dataclasses.replace(document, skipped=reason)


_DEFAULT: Pipeline | None = None


def default_pipeline() -> Pipeline:
    """The process-wide pipeline with the default extractors (built on first use)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT


def extract(
    text_or_html: str,
    *,
    published: str | date | None = None,
    outlet: str | None = None,
    title: str | None = None,
    url: str | None = None,
) -> Document:
    """Code one article (plain text, with or without the `date …` header, or an HTML page)."""
    from sitrep.ingest.readers import read_string

    raw = read_string(text_or_html, published=published, outlet=outlet, title=title, url=url)
    return default_pipeline()(raw)


def extract_many(items: Iterable[str | RawDocument]) -> Iterator[Document]:
    """Code many articles (strings or `RawDocument`s) in batches, in order."""
    from sitrep.ingest.readers import read_string

    raws = (i if isinstance(i, RawDocument) else read_string(i) for i in items)
    return default_pipeline().run_many(raws)
