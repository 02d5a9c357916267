"""A doc's text is kept with it once: the same string spaCy's `Doc.text` would join again."""

from __future__ import annotations

from sitrep.nlp.model import load_nlp
from sitrep.nlp.segment import doc_text, keep_text

TEXTS = ["Gunmen shot two guards.\n\nPolice said  three more were hurt. ", "x", " \n"]


def test_the_text_kept_is_the_docs_text() -> None:
    for text, doc in zip(TEXTS, load_nlp().pipe(TEXTS), strict=True):
        keep_text(doc, text)
        assert doc_text(doc) == doc.text == text


def test_a_text_of_another_length_is_not_kept() -> None:
    doc = load_nlp()("Rebels shelled the town.")
    keep_text(doc, "Rebels shelled the town. And more.")
    assert doc_text(doc) == "Rebels shelled the town."


def test_without_a_kept_text_the_tokens_are_joined() -> None:
    doc = load_nlp()("Troops withdrew.")
    assert doc_text(doc) == "Troops withdrew."


def test_place_remarks_are_blanked_for_the_parser_at_their_offsets() -> None:
    from sitrep.nlp.segment import blank_remarks

    text = "Rebels (coded to Easton) shelled the town [Coded to Westby with GP2] (coded as pro-X)."
    blanked = blank_remarks(text)
    assert len(blanked) == len(text)
    assert blanked == "Rebels" + " " * 18 + " shelled the town" + " " * 27 + " (coded as pro-X)."
    doc = load_nlp()(blanked)
    keep_text(doc, text)
    assert doc_text(doc) == text  # what the extractors read keeps the remark
