"""Which language a document is written in, so text sitrep cannot code is skipped, not miscoded.

The detector is py3langid (a fork of langid.py): its 4.5 MB naive-Bayes model ships inside the
wheel, loads in about half a second and classifies a 4,000-character article in about 3 ms, with
no download at run time. On the 4,485 English ACLED training notes no note is assigned another
language with a confidence above 0.48 (bench: `docs/robustness.md`), so only a confident verdict
for another language, or a text written mostly outside the Latin script, makes a document
uncodable; short or ambiguous text is given the benefit of the doubt and coded.

Loading that model is most of the cost of reading a first document, so a text that is plainly
English (`plainly_english`: enough frequent English words that no other Latin-script language
shares) is taken as English without it; on the ACLED notes and the article sets that is 97-100 %
of texts, and no sentence of another language passes the test.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

CODABLE_LANGUAGES = frozenset({"en"})  # the languages the extractors' rules and lexicons cover
UNDETERMINED = "und"  # ISO 639-2 for "cannot tell"
MIN_LETTERS = 20  # fewer letters than this and the detector is guessing
SKIP_CONFIDENCE = 0.6  # above the highest non-English score any English training note gets (0.48)
NON_LATIN_SHARE = 0.8  # a text this much in other scripts is not English whatever the model says
SAMPLE_CHARS = 20_000  # the opening of a long text decides; classifying all of it adds nothing

# Frequent words of English news that are not words of French, Spanish, Portuguese, Italian,
# German, Dutch, the Scandinavian languages, Turkish or Indonesian ("also", "over", "under",
# "will", "was", "in", "on", "by", "forces", "april", "august" are, so they are not here).
ENGLISH_MARKERS = frozenset(
    "the of and were with that said says told from has have had which been being their they "
    "this after before are its would who there into against during near when while where about "
    "than other more between according reported two three four five people men women children "
    "killed city village town district area groups members around unknown outside found took "
    "shelled fired wounded injured casualties civilian military protesters protested "
    "demonstrated staged january february june july october".split()
)
MIN_MARKERS = 2  # and at least this share of the words:
MIN_MARKER_SHARE = 0.08  # English prose runs at 20-30 %, an ACLED note at 10-20 %
# A text with less Latin script than this is left to the model. Half, not more: Middle East news
# embeds tweets and quotes in Arabic or Hebrew, and the model then names the embedded language
# for an article that is mostly English prose (the marker test still has to pass on all words).
PLAIN_LATIN_SHARE = 0.5
_WORD = re.compile(r"[^\W\d_]+")


@cache
def _identifier() -> Any | None:
    try:
        from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
    except ImportError:
        log.warning("py3langid is not installed: language detection falls back to the script")
        return None
    from sitrep.knowledge.tablecache import mapped_table

    # The model is LZMA-compressed: 1-2 s to unpack in every process. Unpacked, its arrays
    # (68 MB) are memory-mapped from the table cache: a copy of them took 0.35-0.45 s a process.
    fields = mapped_table(
        "py3langid",
        lambda: _model_fields(LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)),
        files=(),
        modules=("py3langid.langid", __name__),
        paths=(Path(MODEL_DIR) / MODEL_FILE,),
    )
    identifier = LanguageIdentifier.__new__(LanguageIdentifier)
    for name, value in fields.items():
        setattr(identifier, name, value)
    # Its state machine is read a byte at a time as Python ints, as the array.array it was.
    identifier.tk_nextmove = memoryview(fields["tk_nextmove"])
    return identifier


def _model_fields(identifier: Any) -> dict[str, Any]:
    """The identifier's fields, its state-machine table (an `array.array`, which pickles as one
    bytes object) as a numpy array, so that every large part can be mapped."""
    import numpy as np

    fields = {name: getattr(identifier, name) for name in type(identifier).__slots__}
    table = fields["tk_nextmove"]
    fields["tk_nextmove"] = np.frombuffer(table, dtype=np.dtype(table.typecode)).copy()
    return fields


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


def plainly_english(text: str) -> bool:
    """Whether `text` is mostly Latin script and enough of its words are frequent English words
    found in no other language sitrep meets in that script to call it English without the model.
    """
    sample = text[:SAMPLE_CHARS]
    words = _WORD.findall(sample.lower())
    hits = sum(map(ENGLISH_MARKERS.__contains__, words))
    if hits < MIN_MARKERS or hits < MIN_MARKER_SHARE * len(words):
        return False
    if sample.isascii():
        return sum(map(len, words)) >= MIN_LETTERS
    letters, latin = _letters(sample)
    return letters >= MIN_LETTERS and latin >= PLAIN_LATIN_SHARE * letters


def document_language(text: str) -> tuple[str | None, str | None]:
    """The language to record for a document (None: not sure) and a warning if it is not codable.

    A document is uncodable when the detector confidently names a language sitrep does not code,
    or when most of its letters are in a non-Latin script.
    """
    if plainly_english(text):
        return "en", None
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
