"""Event-date accuracy of the time grammar on the ACLED dev notes (prints figures and misses).

Until the event extractor creates drafts, each note's event is stood in for by the root verb of its
first sentence; the date governing it (`governing_time` in extract/time/mentions.py) is compared
with the gold `event_date` and `time_precision`. Usage: python bench/time_dev.py [NOTES.jsonl]
"""

from __future__ import annotations

import json
import sys
import time
from datetime import date
from pathlib import Path

from sitrep.extract.state import DocState, EventDraft
from sitrep.extract.time.mentions import attach_dates, find_times
from sitrep.nlp.model import load_nlp
from sitrep.nlp.segment import segment

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "dev" / "acled_notes_dev.jsonl"


def main(path: Path) -> None:
    notes = [json.loads(line) for line in path.open(encoding="utf-8")]
    nlp = load_nlp()
    exact = prec_ok = 0
    misses = []
    t0 = time.perf_counter()
    docs = list(nlp.pipe(n["text"] for n in notes))
    t_parse = time.perf_counter() - t0
    t0 = time.perf_counter()
    for note, doc in zip(notes, docs, strict=True):
        state = DocState(
            text=note["text"], published=date.fromisoformat(note["published"]), outlet=None, doc=doc
        )
        segment(state)
        find_times(state)
        root = next(doc.sents).root
        trigger = state.span(root.idx, root.idx + len(root.text))
        state.events = [EventDraft(trigger=trigger, sentence=0)]
        attach_dates(state)
        when = state.events[0].when
        got = when.start.isoformat() if when and when.start else None
        gold = note["gold"]
        ok_date = got == gold["event_date"]
        ok_prec = when is not None and when.precision == gold["time_precision"]
        exact += ok_date
        prec_ok += ok_date and ok_prec
        if not (ok_date and ok_prec):
            misses.append(
                (
                    note["id"],
                    note["published"],
                    gold["event_date"],
                    gold["time_precision"],
                    got,
                    when.precision if when else None,
                    note["text"][:110],
                )
            )
    t_time = time.perf_counter() - t0
    n = len(notes)
    print(f"notes: {n}")
    print(f"event_date exact: {exact}/{n} = {exact / n:.1%}")
    print(f"event_date and time_precision both right: {prec_ok}/{n} = {prec_ok / n:.1%}")
    print(f"time: parse {t_parse:.2f}s, segment+times+dates {t_time * 1000 / n:.2f} ms/note")
    for m in misses:
        print("MISS", *m, sep=" | ")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
