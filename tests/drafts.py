"""Building extractor inputs by hand: a parsed, segmented `DocState` and drafts on chosen words.

Shared by the extractor tests that check one extractor on drafts they place themselves (import it
as `drafts`: pytest puts `tests/` on the path for its root conftest).
"""

from __future__ import annotations

import re

from spacy.language import Language

from sitrep.extract.state import DocState, EventDraft
from sitrep.nlp.segment import segment


def parsed(nlp: Language, text: str) -> DocState:
    """`text` parsed and split into sentences, with no publication date or outlet."""
    state = DocState(text=text, published=None, outlet=None, doc=nlp(text))
    segment(state)
    return state


def draft_on(state: DocState, word: str, **fields) -> EventDraft:
    """An event draft triggered by the first whole-word `word`, added to `state.events`."""
    m = re.search(rf"(?<!\w){re.escape(word)}(?!\w)", state.text)
    assert m, word
    draft = EventDraft(
        trigger=state.span(m.start(), m.end()), sentence=state.sentence_of(m.start()), **fields
    )
    state.events.append(draft)
    return draft
