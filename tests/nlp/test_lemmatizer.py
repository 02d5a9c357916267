"""The table-driven lemmatizer gives the stock lemmatizer's lemmas, token for token."""

from __future__ import annotations

import json
from pathlib import Path

from spacy.attrs import LEMMA, LOWER, MORPH, ORTH, POS

from sitrep.nlp.lemmatizer import FAST_NAME, STOCK_NAME, FastLemmatizer
from sitrep.nlp.model import load_stock_nlp

ATTRS = [ORTH, LOWER, POS, MORPH, LEMMA]

# Base forms, inflections, exceptions ("went", "mice", "better"), proper nouns, numbers, spaces,
# line breaks, a word first met capitalised then lower-cased, and the same form as two parts of
# speech ("the attack" / "they attack").
INVENTED = [
    "The gunmen went to the village and attacked it; two mice were better off than the oxen.",
    "They attack at dawn. The attack failed.  Attacks resumed on 3 May.\n\nFighters regrouped.",
    "Saying nothing, the wardens had been waiting; BETTER days, they hoped, were coming.",
    "Workers staged a sit-in after a woman was raped.",
    "",
    " ",
    "\n",
    "12 killed, 3.5 km away, 1990s.",
]


def test_sitrep_runs_the_table_in_place_of_the_stock_lemmatizer(pipelines) -> None:
    fast, stock = pipelines
    assert FAST_NAME in fast.pipe_names and STOCK_NAME not in fast.pipe_names
    assert fast.pipe_names.index("sitrep_lemma_exceptions") == fast.pipe_names.index(FAST_NAME) + 1
    assert FastLemmatizer(load_stock_nlp().get_pipe(STOCK_NAME)).supports


def _same(fast, stock, texts: list[str]) -> None:
    for text, a, b in zip(texts, fast.pipe(texts), stock.pipe(texts), strict=True):
        assert (a.to_array(ATTRS) == b.to_array(ATTRS)).all(), text[:80]
        assert [t.lemma_ for t in a] == [t.lemma_ for t in b], text[:80]


def test_same_lemmas_as_the_stock_lemmatizer_on_invented_text(pipelines) -> None:
    fast, stock = pipelines
    _same(fast, stock, INVENTED)
    _same(fast, stock, INVENTED)  # answers from the table the first pass filled


def test_same_lemmas_as_the_stock_lemmatizer_on_the_dev_notes(pipelines, shared: Path) -> None:
    fast, stock = pipelines
    notes = (shared / "data" / "dev" / "acled_notes_dev.jsonl").read_text(encoding="utf-8")
    _same(fast, stock, [json.loads(line)["text"] for line in notes.splitlines() if line])


def test_a_lemma_set_before_the_lemmatizer_is_kept(pipelines) -> None:
    fast, _ = pipelines
    doc = fast.make_doc("The raiders fled.")
    doc[1].lemma_ = "raider-set-before"
    for _name, component in fast.pipeline:
        doc = component(doc)
    assert doc[1].lemma_ == "raider-set-before"
    assert doc[2].lemma_ == "flee"


def test_another_lemmatizer_mode_keeps_the_stock_component() -> None:
    stock = load_stock_nlp().get_pipe(STOCK_NAME)
    stock.overwrite = True
    assert not FastLemmatizer(stock).supports


def test_the_pipeline_still_serialises_as_the_model_does(pipelines) -> None:
    # The word lists answer `in` from a set but stay lists: the lemmatizer's tables serialise
    # byte for byte as the stock model's (a set would not serialise at all).
    fast, _ = pipelines
    tables = fast.get_pipe(STOCK_NAME).lookups.to_bytes()
    assert tables == load_stock_nlp().get_pipe(STOCK_NAME).lookups.to_bytes()
    assert fast.to_bytes()
