"""The model as sitrep loads it beside spaCy's stock model with sitrep's own additions: the
table-driven components must give every token the stock pipeline's attributes."""

from __future__ import annotations

import pytest

from sitrep.nlp.model import load_nlp, load_stock_nlp


@pytest.fixture(scope="module")
def pipelines():
    fast = load_nlp()
    stock = load_stock_nlp()
    stock.add_pipe("sitrep_line_breaks", before="parser")
    stock.add_pipe("sitrep_lemma_exceptions", after="lemmatizer")
    return fast, stock
