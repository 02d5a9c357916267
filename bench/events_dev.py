"""Event detection and typing on the ACLED dev notes: detection rate, type and sub-type accuracy.

Usage: python bench/events_dev.py [--notes PATH] [--confusion]

Runs the spaCy parse, `segment`, `actors` and `events` on each note's text (the other extractors
do not
change types), takes the best non-aggregate ACLED-codable draft (highest confidence) and compares it
with ACLED's gold coding. Prints documents/s for the events extractor and for parse+events.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter

from sitrep.extract.actors.mentions import find_actors
from sitrep.extract.events.candidates import find_events
from sitrep.extract.state import DocState
from sitrep.knowledge.taxonomy import EVENT_TYPES
from sitrep.nlp.model import load_nlp
from sitrep.nlp.segment import segment


def best_draft(state: DocState):
    """The most confident draft of the first sentence having one (notes state their event first)."""
    drafts = [d for d in state.events if d.acled_codable and not d.is_tally]
    if not drafts:
        return None
    first = min(d.sentence for d in drafts)
    return max((d for d in drafts if d.sentence == first), key=lambda d: d.confidence)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--notes", default="/work/shared/data/dev/acled_notes_dev.jsonl")
    ap.add_argument("--confusion", action="store_true")
    ap.add_argument("--errors", action="store_true")
    args = ap.parse_args()
    rows = [json.loads(line) for line in open(args.notes, encoding="utf-8")]
    nlp = load_nlp()
    warm = DocState(text="Gunmen attacked a village.", published=None, outlet=None)
    warm.doc = nlp(warm.text)
    segment(warm)
    find_events(warm)  # loads the lexicon and the classifier outside the timing
    t0 = time.process_time()  # CPU time: stable when other jobs share the machine
    docs = list(nlp.pipe(r["text"] for r in rows))
    t_parse = time.process_time() - t0
    found = typ = sub = 0
    confusion: Counter = Counter()
    sub_errors: Counter = Counter()
    t0 = time.process_time()
    results = []
    for r, doc in zip(rows, docs, strict=True):
        state = DocState(text=r["text"], published=None, outlet=None, doc=doc)
        segment(state)
        find_actors(state)  # the arrest-by-a-non-state-group rule reads actor mentions
        find_events(state)
        results.append((r, best_draft(state)))
    t_events = time.process_time() - t0
    for r, d in results:
        gold = r["gold"]
        pred_type = d.event_type if d else "(none)"
        confusion[(gold["event_type"], pred_type)] += 1
        if d is None:
            if args.errors:
                print("MISS", r["text"][:200])
            continue
        found += 1
        typ += d.event_type == gold["event_type"]
        sub += d.sub_event_type == gold["sub_event_type"]
        if d.sub_event_type != gold["sub_event_type"]:
            sub_errors[(gold["sub_event_type"], d.sub_event_type)] += 1
        if args.errors and d.sub_event_type != gold["sub_event_type"]:
            print(
                f"{gold['sub_event_type']} -> {d.sub_event_type} "
                f"[{d.extra.get('type_source')}] {r['text'][:200]}"
            )
    n = len(rows)
    print(
        f"notes {n}: detected {found / n:.3f}  event_type {typ / n:.3f}  "
        f"sub_event_type {sub / n:.3f}"
    )
    print(
        f"CPU: events extractor {n / t_events:.0f} docs/s; "
        f"parse+events {n / (t_parse + t_events):.0f} docs/s"
    )
    if args.confusion:
        cols = [*EVENT_TYPES, "(none)"]
        short = {c: c.split()[0][:8] for c in cols}
        print("gold \\ predicted | " + " | ".join(short[c] for c in cols))
        for g in EVENT_TYPES:
            print(f"{short[g]:16s} | " + " | ".join(f"{confusion[(g, c)]:>8d}" for c in cols))
        print("sub-type errors (gold -> predicted: count):")
        for (g, p), k in sub_errors.most_common():
            print(f"  {g} -> {p}: {k}")


if __name__ == "__main__":
    main()
