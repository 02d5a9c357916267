"""The model's rule lemmatizer, with every answer kept per word form, part of speech and morphology.

spaCy's `Lemmatizer` caches a rule lemma by (form, POS, morphology), but only when the rules ran:
a word in its base form (a singular noun, an infinitive, a positive adjective: 70 % of the words
of a note) is recognised anew every time through `is_base_form`, which builds a dict of the
token's morphology. On 3,000 notes that was 1.2 s of CPU, as much as the parser. The stock
component's answer is a function of those three values alone (its tables never change while it
runs), so `FastLemmatizer` asks it once per distinct combination, keeps the lemma, and sets every
token's lemma from one `Doc.to_array` pass: the same lemma, token for token
(`tests/nlp/test_lemmatizer.py` compares it with the stock pipeline's).

A lemmatizer in another mode than "rule", or one that overwrites lemmas set before it, keeps the
stock component in place.
"""

from __future__ import annotations

import logging
from typing import Any

import numpy as np
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

log = logging.getLogger(__name__)

STOCK_NAME = "lemmatizer"
FAST_NAME = "sitrep_lemmatizer"

_ARRAY_ATTRS = [ORTH, POS, MORPH, LEMMA]
_MEMO_LIMIT = 500_000  # distinct (form, POS, morphology) combinations kept; then started afresh


class FastLemmatizer:
    """Sets the stock lemmatizer's lemmas from a table of its answers, one array pass per doc."""

    def __init__(self, stock: Any):
        """`stock`: the model's `Lemmatizer` (its `lemmatize` answers what the table lacks)."""
        self.stock = stock
        self.strings = stock.vocab.strings
        # The base-form test must read only the part of speech and the morphology (it is kept
        # per pair of them): true of spaCy's own and of its English lemmatizer's.
        base_test = getattr(type(stock), "is_base_form", None)
        self.supports = (
            stock.mode == "rule"
            and not stock.overwrite
            and base_test in (Lemmatizer.is_base_form, EnglishLemmatizer.is_base_form)
        )
        self._lemmas: dict[tuple[int, int, int], int] = {}
        self._base: dict[tuple[int, int], bool] = {}
        if self.supports:
            # The rules test each candidate form for membership in the word list of its part of
            # speech, which the model ships as a list (57,000 nouns, read one by one): the same
            # list, answering `in` from a set, says the same. Still a list, it serialises as the
            # model's own (the stock component is this pipeline's, and runs only here).
            index = stock.lookups.get_table("lemma_index", {})
            for pos, forms in list(index.items()):
                if type(forms) is list:
                    index[pos] = WordList(forms)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        if not self.stock._validated:
            self.stock._validate_tables(Errors.E1004)
        rows = doc.to_array(_ARRAY_ATTRS)
        lemmas = self._lemmas
        if len(lemmas) > _MEMO_LIMIT:
            lemmas.clear()
        out = []
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma == 0:  # the stock component leaves a lemma set before it as it is
                key = (orth, pos, morph)
                lemma = lemmas.get(key)
                if lemma is None:
                    lemma = self._lemma(doc, i, orth, pos, morph)
                    if pos:  # no POS warns in spaCy (W108): asked again, as the stock does
                        lemmas[key] = lemma
            out.append(lemma)
        column: Any = np.array(out, dtype=np.uint64).reshape(-1, 1)
        doc.from_array([LEMMA], column)
        return doc

    def _lemma(self, doc: Doc, i: int, orth: int, pos: int, morph: int) -> int:
        """The stock `rule_lemmatize`'s first answer, its base-form test asked once per (POS,
        morphology): a word in its base form is its own lower case, as the stock says."""
        if pos in _LOWERED:
            return self.strings.add(self.strings[orth].lower())
        if pos:
            base = self._base.get((pos, morph))
            if base is None:
                base = self._base[(pos, morph)] = bool(self.stock.is_base_form(doc[i]))
            if base:
                return self.strings.add(self.strings[orth].lower())
        return self.strings.add(self.stock.lemmatize(doc[i])[0])


class WordList(list[str]):
    """A list of words that answers `in` from a set (the list is not changed afterwards)."""

    def __init__(self, words: list[str]):
        super().__init__(words)
        self._members = frozenset(words)

    def __contains__(self, word: object) -> bool:
        return word in self._members


# Parts of speech the stock lemmatizer lower-cases without reading its tables ("eol", "space").
_LOWERED = frozenset(POS_IDS[p] for p in ("EOL", "SPACE") if p in POS_IDS)


@Language.factory(FAST_NAME)
def make_fast_lemmatizer(nlp: Language, name: str) -> FastLemmatizer:
    """The table-driven lemmatizer over the (disabled) stock `lemmatizer` of the same pipeline."""
    return FastLemmatizer(nlp.get_pipe(STOCK_NAME))


def speed_up_lemmatizer(nlp: Language) -> bool:
    """Put the table-driven lemmatizer in the stock one's place (same output); False if not."""
    if STOCK_NAME not in nlp.pipe_names:
        return False
    if not FastLemmatizer(nlp.get_pipe(STOCK_NAME)).supports:
        log.info("lemmatizer mode or overwrite setting not supported: kept as it is")
        return False
    nlp.add_pipe(FAST_NAME, after=STOCK_NAME)
    nlp.disable_pipe(STOCK_NAME)
    return True
