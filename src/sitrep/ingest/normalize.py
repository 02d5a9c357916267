"""Normalising article text: one Unicode form, one newline style, no site furniture.

Evidence offsets point into the normalised text, so every reader must pass through here.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from functools import cache
from typing import Any

from sitrep.knowledge.loader import read_csv

log = logging.getLogger(__name__)

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# Invisible characters, bidirectional embeddings and overrides among them: in English text they
# carry nothing, and an override can make the web view show evidence other than what was coded.
_ZERO_WIDTH = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# ANSI terminal sequences (colour, cursor, window title) from text scraped out of terminals.
_TERMINAL_ESCAPE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]"
)
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@cache
def _boilerplate() -> re.Pattern[str]:
    rows = read_csv("boilerplate.csv", required=["pattern"])
    return re.compile("|".join(f"(?:{r['pattern']})" for r in rows), re.IGNORECASE)


@cache
def _ftfy() -> tuple[Any, Any] | None:
    try:
        import ftfy
    except ImportError:
        log.warning("ftfy is not installed: mojibake is not repaired")
        return None
    # Only the encoding repairs: curly quotes, ligatures, widths and line breaks are the
    # article's own and the later normalisation decides about them.
    config = ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        remove_control_chars=False,
        normalization=None,
        explain=True,
    )
    return ftfy.fix_and_explain, config


def repair_mojibake(text: str) -> tuple[str, str | None]:
    """`text` with UTF-8-read-as-Latin-1/cp1252 mojibake undone (ftfy), and a warning if it was.

    ftfy only re-decodes a stretch when the result is far more plausible than the input, so
    correct accented or non-Latin text passes through unchanged.
    """
    if text.isascii():  # nothing to repair, and no need to import ftfy (a tenth of a second)
        return text, None
    fixer = _ftfy()
    if fixer is None:
        return text, None
    fix_and_explain, config = fixer
    fixed, steps = fix_and_explain(text, config)
    if fixed == text:
        return text, None
    encodings = [enc for step, enc in (steps or []) if step == "encode"]
    if not encodings:
        return fixed, "repaired broken Unicode (surrogates or stray control characters)"
    encoding = encodings[0].removeprefix("sloppy-")
    return fixed, f"repaired mojibake (UTF-8 that had been read as {encoding})"


def clean_field(value: str | None) -> str | None:
    """A metadata value (title, outlet, id) on one line, without control or invisible characters
    (PostgreSQL refuses NUL in text), or None if nothing is left."""
    if value is None:
        return None
    value = _SURROGATE.sub("\ufffd", _ZERO_WIDTH.sub("", strip_terminal_escapes(value)))
    value = unicodedata.normalize("NFC", " ".join(_CONTROL.sub("", value).split()))
    return value or None


def strip_terminal_escapes(text: str) -> str:
    """`text` without ANSI escape sequences (whose ESC alone the control filter would leave)."""
    return _TERMINAL_ESCAPE.sub("", text) if "\x1b" in text else text


def is_boilerplate(line: str) -> bool:
    return bool(_boilerplate().fullmatch(line.strip()))


def normalize_text(text: str) -> str:
    """NFC, `\\n` newlines, single spaces, no control characters or boilerplate lines."""
    ascii_only = text.isascii()  # then NFC, zero-width characters and surrogates cannot apply
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", strip_terminal_escapes(text))
    if not ascii_only:
        text = _ZERO_WIDTH.sub("", text)
        text = _SURROGATE.sub("\ufffd", text)  # a lone surrogate cannot be encoded or stored
        # NFC last: a removed character may have stood between a letter and its accent
        text = unicodedata.normalize("NFC", text)
    lines: list[str] = []
    for line in text.split("\n"):
        line = _SPACES.sub(" ", line).strip()
        if line and is_boilerplate(line):
            continue
        if not line and (not lines or not lines[-1]):
            continue  # collapse runs of blank lines
        lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)
