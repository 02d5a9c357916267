"""Shortcuts taken for speed (issue 18) give what the plain computation gives."""

from __future__ import annotations

import pytest

from sitrep.nlp.model import load_nlp
from sitrep.nlp.segment import keep_text

TEXT = (
    "On 3 May, residents of Westby held a march against the closure of the mill. "
    "Police removed the marchers from the road. No one was hurt.\n"
    "Later that day a crowd gathered again near the town hall; a scuffle broke out between "
    "two groups and three people were hurt\nafter the police arrived. "
    "The mayor said the mill would reopen.\n\n"
    "Separately, on 4 May, gunmen shot a farmer dead in Eastby."
)


@pytest.fixture(scope="module")
def doc():
    nlp = load_nlp()
    parsed = nlp(TEXT)
    keep_text(parsed, TEXT)
    return parsed


def test_paragraph_sentences_are_the_sentences_of_the_paragraphs_words(doc):
    from sitrep.extract.events.type_rules import _paragraph, _paragraph_sentences

    sentences = list(doc.sents)
    assert len(sentences) > 4
    for sent in [*sentences, doc[2:5], doc[len(doc) - 1 : len(doc)]]:
        plain = list({t.sent.start: t.sent for t in _paragraph(sent)}.values())
        assert _paragraph_sentences(sent) == plain


def test_capitals_are_read_once_and_the_same(monkeypatch):
    from sitrep.knowledge import gazetteer as G

    G.load_gazetteer()
    real = G.read_json
    countries = ["FR", "KE", "PE", "NP"]
    plain = {cc: real(G.META_FILE)["countries"].get(cc, {}).get("capital") for cc in countries}
    reads: list[str] = []
    monkeypatch.setattr(G, "read_json", lambda name: reads.append(name) or real(name))
    G._capitals.cache_clear()
    G._capital_area.cache_clear()
    try:
        for cc in countries:
            G._capital_area(cc)
            assert G._capitals().get(cc) == plain[cc]
        assert reads.count(G.META_FILE) <= 1
    finally:
        G._capital_area.cache_clear()
