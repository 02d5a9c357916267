"""The record of an input that could not be read: where it came from and why."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ReadFailure:
    source: str  # file path, `path:line` for JSONL, `path#entry` for feeds
    reason: str
