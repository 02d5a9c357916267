"""A doc's text, and its tokens, are kept with it once: the same string spaCy's `Doc.text` (or a
span's `Span.text`) would join again, the same tokens a walk would make again."""

from __future__ import annotations

from sitrep.nlp.model import load_nlp
from sitrep.nlp.segment import doc_text, keep_text, release_tokens, span_text, span_tokens

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


def test_a_spans_tokens_are_made_once_and_are_the_spans_tokens() -> None:
    doc = load_nlp()("Militants raided a depot.\n\nGuards fired back and two were hurt.")
    for sent in [*doc.sents, doc[2:5], doc[3:3]]:
        assert span_tokens(sent) == tuple(sent)
        assert all(a is b for a, b in zip(span_tokens(sent), span_tokens(sent), strict=True))


def test_released_tokens_leave_the_doc_and_are_made_again_on_asking() -> None:
    # the tokens point back at their doc: a coded doc must not keep them (a reference cycle)
    doc = load_nlp()("Militants raided a depot.")
    first = span_tokens(doc[:])
    release_tokens(doc)
    assert all(not isinstance(v, tuple) or not v for v in doc.user_data.values())
    again = span_tokens(doc[:])
    assert again == first and again[0] is not first[0]


def test_a_spans_text_is_cut_from_the_parsed_text_not_the_kept_one() -> None:
    from sitrep.nlp.segment import blank_remarks

    text = "Rioters (coded to Northam) burned two cars.  Police  came [coded to Southby]. "
    doc = load_nlp()(blank_remarks(text))
    keep_text(doc, text)
    assert doc_text(doc) == text
    for sent in [*doc.sents, doc[1:4], doc[0:0], doc[len(doc) : len(doc)], doc[:]]:
        assert span_text(sent) == sent.text  # the remark blanked, as the parser read it
