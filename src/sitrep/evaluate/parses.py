"""A disk cache of spaCy parses for evaluation runs, keyed by the model and the text's hash.

The parse is about three quarters of the time sitrep spends on a note; cross-validation codes the
same 13,000 notes after every change to the rules, which never changes a parse. Parses are kept
as spaCy `DocBin`s in 256 shards (by the first byte of the text's sha256) under
`$XDG_CACHE_HOME/sitrep/parses/<key>/`, where the key covers spaCy's version, the model's name and
version, the pipeline's components and the source of `nlp/` (which adds components), so a changed
parser never serves an old parse. Each shard is one file written atomically (text hashes and the
DocBin together), so two runs sharing the cache can lose each other's additions but never mix them.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import spacy
import srsly
from spacy.language import Language
from spacy.tokens import Doc, DocBin

log = logging.getLogger(__name__)

CACHE_FORMAT = 1


def cache_root() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sitrep"


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parser_key(nlp: Language) -> str:
    """What a parse depends on: spaCy, the model, its components and sitrep's own nlp code."""
    import sitrep.nlp

    parts = [
        f"format {CACHE_FORMAT}",
        spacy.__version__,
        str(nlp.meta.get("name")),
        str(nlp.meta.get("version")),
        ",".join(nlp.pipe_names),
    ]
    for path in sorted(Path(next(iter(sitrep.nlp.__path__))).glob("*.py")):
        parts.append(hashlib.sha256(path.read_bytes()).hexdigest())
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


class ParseCache:
    """Stands in for `nlp` where only `pipe` is used: cached parses, the model for the rest."""

    def __init__(self, nlp: Language, root: Path | None = None):
        self.nlp = nlp
        self.vocab = nlp.vocab
        self.folder = (root or cache_root() / "parses") / parser_key(nlp)
        self._shards: dict[str, dict[str, Doc]] = {}
        self.hits = 0
        self.misses = 0

    def _shard(self, name: str) -> dict[str, Doc]:
        if name not in self._shards:
            docs: dict[str, Doc] = {}
            path = self.folder / f"{name}.msgpack"
            if path.is_file():
                try:
                    blob: dict[str, Any] = srsly.msgpack_loads(path.read_bytes())
                    parsed = DocBin().from_bytes(blob["docbin"]).get_docs(self.vocab)
                    docs = dict(zip(blob["hashes"], parsed, strict=True))
                except Exception as exc:  # a torn or foreign file is reparsed, not trusted
                    log.warning("parse cache shard %s unreadable (%s): reparsing", path, exc)
                    docs = {}
            self._shards[name] = docs
        return self._shards[name]

    def _write(self, name: str) -> None:
        docs = self._shards[name]
        blob = srsly.msgpack_dumps(
            {"hashes": list(docs), "docbin": DocBin(docs=docs.values()).to_bytes()}
        )
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(blob)
        os.replace(tmp, self.folder / f"{name}.msgpack")

    def pipe(self, texts: Iterable[str], **kwargs: Any) -> Iterator[Doc]:
        """The parse of every text, in order."""
        texts = list(texts)
        keys = [text_hash(t) for t in texts]
        missing = {k: t for k, t in zip(keys, texts, strict=True) if k not in self._shard(k[:2])}
        self.hits += len(texts) - len(missing)
        self.misses += len(missing)
        if missing:
            changed = set()
            for key, doc in zip(missing, self.nlp.pipe(missing.values(), **kwargs), strict=True):
                self._shard(key[:2])[key] = doc
                changed.add(key[:2])
            for name in sorted(changed):
                self._write(name)
        for key in keys:
            # A copy, so extractors never see another run's changes to a cached doc.
            yield self._shard(key[:2])[key].copy()
