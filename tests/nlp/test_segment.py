"""Sentences as `segment` gives them: the parser's, mended where its cuts are no sentences."""

from __future__ import annotations

import spacy

from sitrep.extract.state import DocState
from sitrep.nlp.segment import segment


def _cut(text: str, starts: list[str]) -> DocState:
    """`text` tokenized with sentences starting at the words `starts` (as a parser might cut)."""
    doc = spacy.blank("en")(text)
    for tok in doc:
        tok.is_sent_start = tok.i == 0 or tok.text in starts
    state = DocState(text=text, published=None, outlet=None, doc=doc)
    segment(state)
    return state


def test_a_lone_number_cut_off_the_words_it_counts_joins_them() -> None:
    # "… near the dam. 14 | AB/CD militants were killed.": the figure is the next sentence's
    text = "Troops clashed with rebels near the dam. 14 AB/CD militants were killed."
    state = _cut(text, ["14", "AB"])
    assert [s.text for s in state.sentences] == [
        "Troops clashed with rebels near the dam.",
        "14 AB/CD militants were killed.",
    ]
    state = _cut("Troops clashed near the dam. Three HM rebels died.", ["Three", "HM"])
    assert [s.text for s in state.sentences][1] == "Three HM rebels died."


def test_a_one_word_sentence_that_is_no_number_stays() -> None:
    state = _cut("Troops clashed near the dam. Nearby villagers fled.", ["Nearby", "villagers"])
    assert [s.text for s in state.sentences][1:] == ["Nearby", "villagers fled."]
