"""Which language a document is written in, so text sitrep cannot code is skipped, not miscoded.

The detector is py3langid (a fork of langid.py): its 4.5 MB naive-Bayes model ships inside the
wheel, loads in about half a second and classifies a 4,000-character article in about 3 ms, with
no download at run time. On the 4,485 English ACLED training notes no note is assigned another
language with a confidence above 0.48 (bench: `docs/robustness.md`), so only a confident verdict
for another language, or a text written mostly outside the Latin script, makes a document
uncodable; short or ambiguous text is given the benefit of the doubt and coded.
"""

from __future__ import annotations

import logging
import unicodedata
from functools import cache
from typing import Any

log = logging.getLogger(__name__)

CODABLE_LANGUAGES = frozenset({"en"})  # the languages the extractors' rules and lexicons cover
UNDETERMINED = "und"  # ISO 639-2 for "cannot tell"
MIN_LETTERS = 20  # fewer letters than this and the detector is guessing
SKIP_CONFIDENCE = 0.6  # above the highest non-English score any English training note gets (0.48)
NON_LATIN_SHARE = 0.8  # a text this much in other scripts is not English whatever the model says
SAMPLE_CHARS = 20_000  # the opening of a long text decides; classifying all of it adds nothing


@cache
def _identifier() -> Any | None:
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier
    except ImportError:
        log.warning("py3langid is not installed: language detection falls back to the script")
        return None
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _letters(text: str) -> tuple[int, int]:
    """Letters in `text`, and how many of them are Latin-script letters."""
    letters = latin = 0
    for ch in text:
        if ch.isalpha():
            letters += 1
            if ch < "\u0250" or "LATIN" in unicodedata.name(ch, ""):
                latin += 1
    return letters, latin


def detect_language(text: str) -> tuple[str, float]:
    """The ISO 639-1 code of `text`'s language and the detector's confidence (0–1).

    Returns `("und", 0.0)` when the text has too few letters to tell.
    """
    sample = text[:SAMPLE_CHARS]
    letters, latin = _letters(sample)
    if letters < MIN_LETTERS:
        return UNDETERMINED, 0.0
    identifier = _identifier()
    if identifier is None:
        # Without the model only the script can speak: mostly Latin is taken as English.
        return ("en", 0.5) if latin / letters >= 1 - NON_LATIN_SHARE else (UNDETERMINED, 0.0)
    code, confidence = identifier.classify(sample)
    return str(code), round(float(confidence), 3)


def document_language(text: str) -> tuple[str | None, str | None]:
    """The language to record for a document (None: not sure) and a warning if it is not codable.

    A document is uncodable when the detector confidently names a language sitrep does not code,
    or when most of its letters are in a non-Latin script.
    """
    code, confidence = detect_language(text)
    if code == UNDETERMINED:
        return None, None
    if code in CODABLE_LANGUAGES:
        return code, None
    letters, latin = _letters(text[:SAMPLE_CHARS])
    mostly_other_script = letters and (letters - latin) / letters >= NON_LATIN_SHARE
    if confidence >= SKIP_CONFIDENCE or mostly_other_script:
        return code, f"language detected as {code!r} (confidence {confidence:.2f})"
    return None, None


def skip_reason(language: str | None) -> str | None:
    """Why a document in `language` is not coded, or None when it can be coded.

    `None` (undetermined) is coded: a short English text must not be dropped for being short.
    """
    if language is None or language in CODABLE_LANGUAGES:
        return None
    return f"language {language!r}: sitrep codes {', '.join(sorted(CODABLE_LANGUAGES))} text only"
