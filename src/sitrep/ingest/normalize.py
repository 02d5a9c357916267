"""Normalising article text: one Unicode form, one newline style, no site furniture.

Evidence offsets point into the normalised text, so every reader must pass through here.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from sitrep.knowledge.loader import read_csv

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@cache
def _boilerplate() -> re.Pattern[str]:
    rows = read_csv("boilerplate.csv", required=["pattern"])
    return re.compile("|".join(f"(?:{r['pattern']})" for r in rows), re.IGNORECASE)


def is_boilerplate(line: str) -> bool:
    return bool(_boilerplate().fullmatch(line.strip()))


def normalize_text(text: str) -> str:
    """NFC, `\\n` newlines, single spaces, no control characters or boilerplate lines."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", _CONTROL.sub("", text))
    lines = []
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
