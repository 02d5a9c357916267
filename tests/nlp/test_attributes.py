"""The table-driven attribute ruler annotates as the stock ruler does, token for token."""

from __future__ import annotations

import json
from pathlib import Path

from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IS_SPACE, LEMMA, MORPH, POS, SENT_START, TAG

from sitrep.nlp.attributes import FAST_NAME, STOCK_NAME, FastAttributeRuler
from sitrep.nlp.model import load_nlp, load_stock_nlp

ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START, IS_SPACE]

# Every kind of rule the model has: tag map entries, exceptions on a word and a tag, on a word
# and a dependency, the two-token rules ("ai n't", "gon na", "let 's", "y' all") and spaces.
EXCEPTIONS = [
    "I ain't gonna do it, y'all. Let's go. C'mon!  There is a cat.\n  It gets got.",
    "Do you have it? I did. You do, and it does. Give it to me, not to you.",
    "That which they said was not what these protesters wanted.\n\n\nThere were 12 killed.",
    "",
    " ",
    "\n",
]


def test_sitrep_runs_the_table_in_place_of_the_stock_ruler(pipelines) -> None:
    fast, stock = pipelines
    assert FAST_NAME in fast.pipe_names and STOCK_NAME not in fast.pipe_names
    assert STOCK_NAME in stock.pipe_names
    assert FastAttributeRuler(stock.get_pipe(STOCK_NAME)).supports


def _texts(shared: Path) -> list[str]:
    notes = (shared / "data" / "dev" / "acled_notes_dev.jsonl").read_text(encoding="utf-8")
    texts = [json.loads(line)["text"] for line in notes.splitlines() if line]
    texts += [p.read_text(encoding="utf-8") for p in sorted((shared / "corpus").glob("*.txt"))]
    return texts + EXCEPTIONS


def test_same_annotations_as_the_stock_ruler(pipelines, shared: Path) -> None:
    fast, stock = pipelines
    texts = _texts(shared)
    for text, a, b in zip(texts, fast.pipe(texts), stock.pipe(texts), strict=True):
        assert (a.to_array(ATTRS) == b.to_array(ATTRS)).all(), text[:80]
        assert [str(t.morph) for t in a] == [str(t.morph) for t in b], text[:80]


def test_same_matches_as_the_stock_matcher(pipelines) -> None:
    fast, _ = pipelines
    table = fast.get_pipe(FAST_NAME)
    with fast.select_pipes(disable=[FAST_NAME, "lemmatizer", "sitrep_lemmatizer", "ner"]):
        docs = list(fast.pipe(EXCEPTIONS))
    for doc in docs:
        assert table.matches(doc) == table.stock.match(doc)
    assert any(end - start == 2 for doc in docs for _, _, start, end in table.matches(doc))


def test_patterns_the_table_cannot_read_keep_the_stock_ruler() -> None:
    stock = load_stock_nlp()
    ruler = stock.get_pipe(STOCK_NAME)
    ruler.add([[{"LOWER": "a"}, {"OP": "+"}]], {"LEMMA": "x"})
    assert not FastAttributeRuler(ruler).supports


def test_lemma_exceptions_correct_the_lemmatizer() -> None:
    nlp = load_nlp()
    doc = nlp("Workers staged a sit-in after a woman was raped.")
    assert [t.lemma_ for t in doc if t.lower_ in ("staged", "raped")] == ["stage", "rape"]
    stock = load_stock_nlp()
    assert [t.lemma_ for t in stock("Workers staged a sit-in.") if t.lower_ == "staged"] == ["stag"]
