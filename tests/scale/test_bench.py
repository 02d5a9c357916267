"""The benchmark corpus is what bench/run.py says it is: real texts and other news, reproducibly."""

from __future__ import annotations

import corpus
import nonconflict
import pytest


def test_corpus_mixes_real_texts_and_other_news_reproducibly(shared):
    a = corpus.build(200, 0.5, seed=3)
    b = corpus.build(200, 0.5, seed=3)
    assert len(a.docs) == 200 and sum(a.conflict) == 100
    assert [d.text for d in a.docs] == [d.text for d in b.docs]
    real = {d.text for d in corpus.real_conflict_texts()}
    assert all(d.text in real for d in a.conflict_docs)
    assert not any(d.text in real for d in a.other_docs)
    # Both forms of other news are there: one-paragraph items and headed articles.
    assert {("\n\n" in d.text) for d in a.other_docs} == {True, False}


def test_corpus_repeats_the_real_texts_to_reach_the_size(shared):
    n_real = len(corpus.real_conflict_texts())
    bc = corpus.build(3 * n_real, 0.0)
    assert len({d.text for d in bc.docs}) == n_real


@pytest.mark.parametrize("kind", [nonconflict.paragraph, nonconflict.headline, nonconflict.article])
def test_generator_is_deterministic_and_varied(kind):
    first = list(nonconflict.generate(50, seed=9, kind=kind))
    assert first == list(nonconflict.generate(50, seed=9, kind=kind))
    assert len(set(first)) >= 45
