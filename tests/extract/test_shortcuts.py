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
