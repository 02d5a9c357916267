"""The evaluation gate's four yardsticks, their bounds in baseline.json, and how bounds move.

- **articles**: the 60 hand-coded news items of ../shared/data/articles/dev, scored as their
  README says (`sitrep.evaluate.articles`). Articles are what users feed sitrep.
- **corpus**: the corpus articles (../shared/corpus) against their hand-coded golden files in
  tests/golden (`golden_corpus.py`): events found, and every coded field on the found events.
- **cv**: a fixed cross-validation split of the train notes: fold 0 of `sitrep eval --folds 5`
  (`sitrep.evaluate.crossval`: a note's fold is a hash of its id), the classifiers retrained on the
  other four folds exactly as cross-validation retrains them, and a fixed sample of the held-out
  fold scored (the first CV_SAMPLE notes in the cross-validation's hash order). No rule or model
  in the product has seen these notes as training data.
- **dev**: the 150 dev notes. Rules were tuned on them for a long time, so they are a reported
  figure with a loose floor, never a target.

Each bound sits a margin under (or, for error rates, over) the figure measured when it was set, so
a trade-off that moves a few items does not fail the suite while a real drop does. The data's
hash is pinned: changed gold data fails until the bounds are measured again.

Bounds move only through this script, whose diff is reviewed like code:

    python tests/gate.py            # measure and print figures against the bounds
    python tests/gate.py --write    # raise bounds the figures now clear (never lowers)
    python tests/gate.py --reset    # set every bound from the figures, lowering too
                                    # (after a reviewed trade-off or changed gold data)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).parent))
from copied_text import SHARED  # noqa: E402

BASELINE = Path(__file__).parent / "evaluate" / "baseline.json"
ARTICLES = SHARED / "data" / "articles" / "dev"
TRAIN = (
    SHARED / "data" / "train" / "acled_notes_train.jsonl",
    SHARED / "data" / "train" / "acled_2022_train.jsonl",
)
DEV = SHARED / "data" / "dev" / "acled_notes_dev.jsonl"
CORPUS = SHARED / "corpus"
CV_FOLDS = 5
CV_FOLD = 0
CV_SAMPLE = 600
PREFILTER_MINED = "train-"  # ids of acled_notes_train.jsonl; acled_2022_train.jsonl's are train22-
YARDSTICKS = ("articles", "corpus", "cv", "dev")
# How far under the measured figure a floor sits: a share of the figure's denominator, but never
# fewer than MIN_ITEMS items of it (a small denominator moves in large steps).
MARGINS = {"articles": 0.02, "corpus": 0.03, "cv": 0.02, "dev": 0.05}
MIN_ITEMS = 2
# The note scorer's fields the gate bounds (all "of gold": a missed note counts as wrong).
NOTE_FIELDS = (
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "event_date",
    "fatalities",
    "inter1",
)


@dataclass(frozen=True, slots=True)
class Figure:
    """One measured figure: its value, what it is a share of, and which way is better."""

    value: float
    n: int  # the denominator: items, events or notes
    higher_is_better: bool = True

    def bound(self, margin: float) -> float:
        slack = max(margin, MIN_ITEMS / self.n) if self.n else margin
        if self.higher_is_better:
            # Rounded first: 0.70 - 0.03 is 0.6699999… in floating point.
            return max(0.0, math.floor(round((self.value - slack) * 1000, 6)) / 1000)
        return math.ceil(round((self.value + slack) * 1000, 6)) / 1000

    def clears(self, bound: float) -> bool:
        return self.value >= bound if self.higher_is_better else self.value <= bound


@dataclass(frozen=True, slots=True)
class Measurement:
    yardstick: str
    data_sha256: str
    figures: dict[str, Figure]
    report: dict[str, Any]


def _sha256(paths: Sequence[Path]) -> str:
    h = hashlib.sha256()
    for path in paths:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def article_files() -> list[Path]:
    gold = json.loads((ARTICLES / "gold.json").read_text(encoding="utf-8"))
    return [ARTICLES / "gold.json", *(ARTICLES / f"{stem}.txt" for stem in sorted(gold))]


def measure_articles(pipeline: Any) -> Measurement:
    from sitrep.evaluate.articles import evaluate_articles
    from sitrep.ingest.text import read_text

    summary = evaluate_articles(ARTICLES, pipeline=pipeline).summary()
    items, fields = summary["per_item"], summary["fields"]

    def total(name: str) -> int:
        return sum(int(item[name]) for item in items)

    found = total("found")
    denominators = {
        "recall": total("required"),
        "precision": found + total("false_positives"),
        "sub_event_type": found,
        "fatalities": total("fatalities_checked"),
        "modality": found,
        "tallies": total("tallies"),
        "threat": len(items),
    }
    figures = {
        name: Figure(fields[name], n)
        for name, n in denominators.items()
        if fields[name] is not None
    }
    gold = json.loads((ARTICLES / "gold.json").read_text(encoding="utf-8"))
    reporting = [
        stem for stem, g in gold.items() if any(e.get("required", True) for e in g["events"])
    ]
    figures["prefilter.recall"] = prefilter_recall(
        [read_text((ARTICLES / f"{s}.txt").read_text(encoding="utf-8")).text for s in reporting]
    )
    return Measurement("articles", _sha256(article_files()), figures, summary)


def note_figures(summary: dict[str, Any]) -> dict[str, Figure]:
    """The bounded figures of a note-scorer summary (`evaluate.score.Scores.summary`)."""
    fields = summary["fields"]
    n = fields["event detected"]["n"]
    figures = {
        # ("event detected.precision" is left out: every note holds an event, so it is always 1.)
        "event detected.recall": Figure(fields["event detected"]["recall"], n),
        **{f"{name}.of_gold": Figure(fields[name]["of_gold"], n) for name in NOTE_FIELDS},
        "distance.within_10km": Figure(fields["distance"]["within_10km"], n),
        "distance.within_50km": Figure(fields["distance"]["within_50km"], n),
        # Error rates: lower is better, the bound is a ceiling.
        "extra_events_per_record": Figure(summary["extra_events_per_record"], n, False),
    }
    violent = summary.get("violent_on_non_violent") or {}
    if violent.get("rate") is not None:
        figures["violent_on_non_violent"] = Figure(violent["rate"], violent["n"], False)
    return {name: f for name, f in figures.items() if f.value is not None}


def prefilter_recall(texts: Sequence[str]) -> Figure:
    """The share of texts that report an event which the relevance prefilter lets through."""
    from sitrep.scale.prefilter import default_prefilter

    prefilter = default_prefilter()
    return Figure(round(sum(prefilter(t) for t in texts) / len(texts), 4), len(texts))


def _sentences_state(text: str, published: date | None = None) -> Any:
    """A document state with naive sentences and no parse: what the place finder reads."""
    import re

    from sitrep.extract.state import DocState

    state = DocState(text=text, published=published, outlet=None)
    state.paragraphs.append(state.span(0, len(text)))
    for m in re.finditer(r"[^.!?]+[.!?]?", text):
        if m.group().strip():
            lo = m.start() + len(m.group()) - len(m.group().lstrip())
            state.sentences.append(state.span(lo, m.end()))
    return state


def place_figures(notes: Sequence[dict[str, Any]]) -> dict[str, Figure]:
    """The place finder alone, on each note's text: given the gold country, whether the most
    specific place has the gold admin1 and lies within 50 km of the gold point (the country's
    point when nothing is found); from the text alone, the document's country and admin1."""
    from sitrep.extract.places.location import most_specific
    from sitrep.extract.places.resolve import find_places, resolve_places
    from sitrep.knowledge.gazetteer import distance_km, load_gazetteer

    gaz = load_gazetteer()
    admin1 = near50 = country = admin1_from_text = 0
    for note in notes:
        gold, text = note["gold"], note["text"]
        # Admin names as ACLED spelled them on the note's date (they changed in 2021).
        published = date.fromisoformat(note["published"]) if note.get("published") else None
        best = most_specific(
            resolve_places(text, country=gold["country"], published=published),
            country=gold["country"], text=text,
        )
        if best is not None:
            lat, lon, a1 = best.place.latitude, best.place.longitude, best.place.admin1
        else:
            code = gaz.country_code(gold["country"])
            fallback = gaz.country_place(code) if code else None
            lat, lon = (fallback.latitude, fallback.longitude) if fallback else (0.0, 0.0)
            a1 = None
        admin1 += a1 == gold["admin1"]
        if gold.get("latitude") is not None:
            near50 += distance_km(lat, lon, gold["latitude"], gold["longitude"]) <= 50
        state = _sentences_state(text, published)
        find_places(state)
        found = most_specific(state.places, country=state.country_hint, text=text)
        country += state.country_hint == gold["country"]
        admin1_from_text += found is not None and found.place.admin1 == gold["admin1"]
    n = len(notes)
    return {
        "places.admin1_given_country": Figure(round(admin1 / n, 4), n),
        "places.within_50km_given_country": Figure(round(near50 / n, 4), n),
        "places.country_from_text": Figure(round(country / n, 4), n),
        "places.admin1_from_text": Figure(round(admin1_from_text / n, 4), n),
    }


def measure_dev(pipeline: Any) -> Measurement:
    from sitrep.evaluate.crossval import read_notes
    from sitrep.evaluate.run import evaluate

    summary = evaluate(DEV, pipeline=pipeline).summary()
    notes = read_notes([DEV])
    figures = {
        **note_figures(summary),
        **place_figures(notes),
        "prefilter.recall": prefilter_recall([n["text"] for n in notes]),
    }
    return Measurement("dev", _sha256([DEV]), figures, summary)


def cv_split() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(training notes, scored notes) of the fixed split: every note outside fold CV_FOLD, and
    the first CV_SAMPLE notes of the fold in the cross-validation's own fixed order."""
    from sitrep.evaluate.crossval import fold_of, read_notes, select

    notes = read_notes(TRAIN)
    train = [n for n in notes if fold_of(n["id"], CV_FOLDS) != CV_FOLD]
    held = [n for n in select(notes) if fold_of(n["id"], CV_FOLDS) == CV_FOLD]
    return train, held[:CV_SAMPLE]


@contextmanager
def fold_models(train: Sequence[dict[str, Any]]) -> Iterator[None]:
    """Every classifier retrained on `train` and installed, as cross-validation does per fold
    (fold models are cached by their training notes and code, shared with `sitrep eval --folds`)."""
    from sitrep.evaluate.crossval import train_cached
    from sitrep.evaluate.training import TRAINERS
    from sitrep.knowledge.classifiers import installed_models, load_model

    models = {
        name: load_model(name, train_cached(name, fit, train)) for name, fit in TRAINERS.items()
    }
    with installed_models(models):
        yield


def measure_cv(pipeline: Any) -> Measurement:
    from sitrep.evaluate.crossval import CrossValidation
    from sitrep.evaluate.parses import ParseCache
    from sitrep.ingest.text import read_text

    train, held = cv_split()
    result = CrossValidation(folds=CV_FOLDS, train_notes=len(train))
    result.fold_sizes[CV_FOLD] = len(held)
    raws = [
        read_text(
            n["text"],
            published=date.fromisoformat(n["published"]) if n.get("published") else None,
            input_id=n["id"],
            source=n["id"],
        )
        for n in held
    ]
    nlp = pipeline.nlp
    pipeline.nlp = nlp if isinstance(nlp, ParseCache) else ParseCache(nlp)
    try:
        with fold_models(train):
            for note, doc in zip(held, pipeline.run_many(raws), strict=True):
                result.add(note, [e.to_dict() for e in doc.events])
            places = place_figures(held)  # the country model is a fold model too
    finally:
        pipeline.nlp = nlp
    summary = result.summary()
    # The prefilter's words were mined from the 2020 train notes (scripts/build_prefilter_terms.py):
    # its recall is measured on the held-out notes of the other file only.
    unseen = [n["text"] for n in held if not n["id"].startswith(PREFILTER_MINED)]
    figures = {**note_figures(summary), **places, "prefilter.recall": prefilter_recall(unseen)}
    return Measurement("cv", _sha256(list(TRAIN)), figures, summary)


def corpus_measurement(corpus: Any) -> Measurement:
    """The figures of the corpus articles scored against their golden files (golden_corpus.py)."""
    from golden_corpus import cases

    figures = {
        name: Figure(round(part / whole, 4), whole)
        for name, (part, whole) in corpus.totals().items()
        if whole
    }
    # The gold is the articles and the hand-coded fields; re-anchored offsets do not change it.
    h = hashlib.sha256()
    for case in cases():
        golden = json.loads(case.read_text(encoding="utf-8"))
        h.update((CORPUS / golden["article"]).read_bytes())
        coded = {
            key: [{k: v for k, v in e.items() if not k.startswith("evidence")} for e in golden[key]]
            for key in ("events", "optional")
        }
        h.update(json.dumps(coded, sort_keys=True).encode())
    return Measurement("corpus", h.hexdigest(), figures, corpus.report())


def measure_corpus(pipeline: Any) -> Measurement:
    from golden_corpus import code_corpus

    return corpus_measurement(code_corpus(pipeline, CORPUS)[0])


MEASURES: dict[str, Callable[[Any], Measurement]] = {
    "articles": measure_articles,
    "corpus": measure_corpus,
    "cv": measure_cv,
    "dev": measure_dev,
}


def read_baseline(path: Path = BASELINE) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def bound_kind(figure: Figure) -> str:
    return "floor" if figure.higher_is_better else "ceiling"


def failures(measurement: Measurement, baseline: dict[str, Any]) -> list[str]:
    """What the measurement fails in the baseline's bounds for its yardstick (empty: it passes)."""
    entry = baseline.get(measurement.yardstick)
    if entry is None:
        return [f"{measurement.yardstick}: no bounds in {BASELINE.name}"]
    if entry.get("data_sha256") != measurement.data_sha256:
        return [
            f"{measurement.yardstick}: the gold data changed since the bounds were set; "
            "measure again with `python tests/gate.py --reset` and review the diff"
        ]
    out = []
    for name, bound in sorted(entry["bounds"].items()):
        figure = measurement.figures.get(name)
        kind = "floor" if "floor" in bound else "ceiling"
        if figure is None:
            out.append(f"{measurement.yardstick} {name}: not measured (bounded at {bound})")
        elif not figure.clears(bound[kind]):
            out.append(
                f"{measurement.yardstick} {name}: {figure.value:.4f} is past its {kind} "
                f"{bound[kind]} (set on {entry['measured'].get(name)})"
            )
    return out


def updated(
    baseline: dict[str, Any], measurements: Sequence[Measurement], *, reset: bool = False
) -> tuple[dict[str, Any], list[str]]:
    """The baseline with bounds raised to the measured figures less their margin (never lowered
    unless `reset`), and one line per change."""
    new = json.loads(json.dumps(baseline))
    lines = []
    for m in measurements:
        entry = new.setdefault(m.yardstick, {"bounds": {}, "measured": {}})
        old_bounds = entry.get("bounds", {})
        changed_data = entry.get("data_sha256", m.data_sha256) != m.data_sha256
        if changed_data and not reset:
            lines.append(f"{m.yardstick}: gold data changed; bounds kept (use --reset)")
            continue
        if changed_data:
            lines.append(f"{m.yardstick}: bounds now for the changed gold data")
        bounds = {}
        for name, figure in sorted(m.figures.items()):
            kind = bound_kind(figure)
            proposed = figure.bound(MARGINS[m.yardstick])
            old = old_bounds.get(name, {}).get(kind)
            if old is None or reset:
                value = proposed
            else:
                value = max(old, proposed) if figure.higher_is_better else min(old, proposed)
            bounds[name] = {kind: value}
            if value != old:
                lines.append(
                    f"{m.yardstick} {name}: {kind} {old} -> {value} (measured {figure.value}, "
                    f"n={figure.n})"
                )
        for name in sorted(set(old_bounds) - set(bounds)):
            if reset:
                lines.append(f"{m.yardstick} {name}: bound {old_bounds[name]} dropped")
            else:
                bounds[name] = old_bounds[name]
        entry["bounds"] = bounds
        entry["measured"] = {name: f.value for name, f in sorted(m.figures.items())}
        entry["data_sha256"] = m.data_sha256
        entry["margin"] = MARGINS[m.yardstick]
    new["updated"] = f"{date.today().isoformat()}, python tests/gate.py"
    return new, lines


def write_baseline(baseline: dict[str, Any], path: Path = BASELINE) -> None:
    path.write_text(json.dumps(baseline, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="raise bounds the figures clear")
    parser.add_argument("--reset", action="store_true", help="set all bounds from the figures")
    parser.add_argument("yardsticks", nargs="*", help=f"some of {', '.join(YARDSTICKS)}")
    args = parser.parse_args(argv)
    if set(args.yardsticks) - set(YARDSTICKS):
        parser.error(f"yardsticks are {', '.join(YARDSTICKS)}")
    from sitrep.pipeline import Pipeline

    os.environ["SITREP_GAZETTEER"] = "off"  # the shipped gazetteer only, as the suite runs
    pipeline = Pipeline(strict=True)
    baseline = read_baseline() if BASELINE.is_file() else {}
    measurements = [MEASURES[name](pipeline) for name in args.yardsticks or YARDSTICKS]
    for m in measurements:
        entry = baseline.get(m.yardstick, {"bounds": {}})
        for name, figure in sorted(m.figures.items()):
            bound = entry["bounds"].get(name, {}).get(bound_kind(figure))
            mark = "" if bound is None or figure.clears(bound) else "  FAILS"
            print(f"{m.yardstick:8s} {name:28s} {figure.value:.4f}  n={figure.n:<5d} {bound}{mark}")
    new, lines = updated(baseline, measurements, reset=args.reset)
    print("\n".join(lines) or "bounds unchanged")
    if args.write or args.reset:
        write_baseline(new)
        print(f"wrote {BASELINE.relative_to(REPO)}: review the diff")
    return 1 if any(failures(m, baseline) for m in measurements if m.yardstick in baseline) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
