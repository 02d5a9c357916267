"""Modality, tallies, sources and fatalities on the ACLED dev notes: how often, and why.

Usage: python bench/factuality_dev.py [--notes PATH] [--show N]

Runs the whole pipeline up to (not including) `merge` on each note's text and counts, over notes,
those where some draft (event or tally) gets a modality other than `occurred`, those with a tally,
and those with a source found in the text, and compares the fatalities of each note's main
event with ACLED's. With --show N prints N such notes with the draft's
trigger, modality and the cue word, for review (docs/factuality.md). ACLED notes code events that
happened, so a non-'occurred' modality on a note's main event is usually an error.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from datetime import date

from events_dev import best_draft  # run as a script: bench/ is on the path

from sitrep.extract.state import DocState
from sitrep.pipeline import Pipeline


def run(pipeline: Pipeline, text: str, published: str | None) -> DocState:
    day = date.fromisoformat(published) if published else None
    state = DocState(text=text, published=day, outlet=None, doc=pipeline.nlp(text))
    for spec in pipeline.specs:
        if spec.name == "merge":
            break
        spec.func(state)
    return state


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--notes", default="/work/shared/data/dev/acled_notes_dev.jsonl")
    ap.add_argument("--show", type=int, default=0)
    args = ap.parse_args()
    rows = [json.loads(line) for line in open(args.notes, encoding="utf-8")]
    pipeline = Pipeline(strict=True)
    modal_notes, tally_notes, sourced_notes, with_drafts = [], 0, 0, 0
    modalities: Counter[str] = Counter()
    fatal_right, fatal_total, fatal_misses = 0, 0, []
    t0 = time.perf_counter()
    for row in rows:
        state = run(pipeline, row["text"], row.get("published"))
        drafts = [*state.events, *state.tallies]
        with_drafts += bool(drafts)
        tally_notes += bool(state.tallies)
        sourced_notes += any(d.sources for d in drafts)
        for d in drafts:
            modalities[d.modality] += 1
        main = best_draft(state)
        gold = row["gold"].get("fatalities")
        if main is not None and gold is not None:
            fatal_total += 1
            found = main.fatalities.value or 0
            fatal_right += found == gold
            if found != gold:
                fatal_misses.append((row["id"], gold, main.fatalities, row["text"][:160]))
        odd = [d for d in drafts if d.modality != "occurred"]
        if odd:
            modal_notes.append((row, state, odd))
    elapsed = time.perf_counter() - t0
    n = len(rows)
    print(f"notes: {n}  with drafts: {with_drafts}  ({n / elapsed:.1f} notes/s, whole pipeline)")
    share = len(modal_notes) / n
    print(f"notes with a modality other than 'occurred': {len(modal_notes)} ({share:.1%})")
    print(f"notes with a tally: {tally_notes}  notes with a source in the text: {sourced_notes}")
    print("draft modalities:", dict(modalities.most_common()))
    print(
        f"fatalities of the note's main event equal to ACLED's: {fatal_right}/{fatal_total}"
        f" ({fatal_right / max(fatal_total, 1):.1%}; no figure counts as 0)"
    )
    for miss in fatal_misses[: args.show]:
        print("   fatalities miss:", *miss)
    for row, state, odd in modal_notes[: args.show]:
        print(f"\n{row['id']} gold={row['gold']['event_type']} / {row['gold']['sub_event_type']}")
        print("  ", row["text"][:400])
        for d in odd:
            cue = d.extra.get("modality_cue") if hasattr(d, "extra") else None
            cue_text = state.text[cue[0] : cue[1]] if cue else "-"
            kind = "tally" if not hasattr(d, "extra") else "event"
            print(f"   {kind} trigger={d.trigger.text!r} modality={d.modality} cue={cue_text!r}")


if __name__ == "__main__":
    main()
