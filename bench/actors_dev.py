"""Actor finding and role assignment measured on ACLED notes (gold actor1/actor2/inter1).

Until the events extractor creates drafts, each note gets one draft whose trigger is the main verb
of its first sentence and whose event type is the gold one (what the events extractor should give);
the country hint is the gold country (what the places extractor should give). Prints accuracies
and the commonest confusions. Usage:
    .venv/bin/python bench/actors_dev.py [/work/shared/data/dev/acled_notes_dev.jsonl] [--show N]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from datetime import date

from sitrep.extract.actors.mentions import assign_roles, find_actors
from sitrep.extract.state import DocState, EventDraft
from sitrep.knowledge.actors import normalise_name
from sitrep.nlp.model import load_nlp
from sitrep.nlp.segment import segment

DEFAULT = "/work/shared/data/dev/acled_notes_dev.jsonl"


# Stand-in for the events extractor's trigger: the first event word of the first sentence.
TRIGGER_LEMMAS = frozenset(
    """attack airstrike strike shell shelling clash clashes fight kill shoot fire raid bomb bombard
    explode detonate target ambush assassinate abduct kidnap arrest detain loot burn destroy seize
    protest demonstrate gather rally march riot storm besiege incursion offensive assault
    infiltration
    advance capture deploy patrol reinforce establish announce""".split()
)


def main_verb(state: DocState):  # type: ignore[no-untyped-def]
    sent = state.spacy_sentence(0)
    return sent.root


def trigger_token(state: DocState):  # type: ignore[no-untyped-def]
    sent = state.spacy_sentence(0)
    for token in sent:
        if token.lemma_.lower() in TRIGGER_LEMMAS or token.lower_ in TRIGGER_LEMMAS:
            return token
    return sent.root


def baseline_actor1(state: DocState) -> str | None:
    """First actor mention that is (inside) the subject of the first sentence's main verb."""
    root = main_verb(state)
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    for subject in subjects:
        lo, hi = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)
        for m in state.actors:
            if lo <= m.span.start < hi:
                return m.actor.name
    return None


def same(a: str | None, b: str | None) -> bool:
    return normalise_name(a or "") == normalise_name(b or "")


def run(path: str, show: int) -> None:
    rows = [json.loads(line) for line in open(path, encoding="utf-8")]
    nlp = load_nlp()
    t0 = time.perf_counter()
    scores: Counter[str] = Counter()
    confusions: dict[str, Counter[tuple[str, str]]] = {"actor1": Counter(), "actor2": Counter()}
    misses = []
    for row, doc in zip(rows, nlp.pipe(r["text"] for r in rows), strict=True):
        gold = row["gold"]
        state = DocState(
            text=row["text"], published=date.fromisoformat(row["published"]), outlet=None, doc=doc
        )
        state.country_hint = gold["country"]
        segment(state)
        find_actors(state)
        trigger = trigger_token(state)
        draft = EventDraft(
            trigger=state.span(trigger.idx, trigger.idx + len(trigger)),
            sentence=0,
            event_type=gold["event_type"],
            sub_event_type=gold["sub_event_type"],
            evidence=[state.span(0, len(state.text))],
        )
        state.events = [draft]
        assign_roles(state)
        a1 = draft.actor1.actor.name if draft.actor1 else None
        a2 = draft.actor2.actor.name if draft.actor2 else None
        i1 = draft.actor1.actor.inter if draft.actor1 else None
        scores["actor1"] += same(a1, gold["actor1"])
        scores["actor2"] += same(a2, gold["actor2"])
        scores["inter1"] += i1 == gold["inter1"]
        scores["baseline_actor1"] += same(baseline_actor1(state), gold["actor1"])
        found = {normalise_name(m.actor.name) for m in state.actors}
        scores["gold_actor1_mentioned"] += normalise_name(gold["actor1"]) in found
        if not same(a1, gold["actor1"]):
            confusions["actor1"][(gold["actor1"], a1 or "-")] += 1
        if not same(a2, gold["actor2"]):
            confusions["actor2"][(gold["actor2"] or "-", a2 or "-")] += 1
        if not (same(a1, gold["actor1"]) and same(a2, gold["actor2"])):
            misses.append((row["id"], gold["actor1"], a1, gold["actor2"], a2, row["text"][:160]))
    elapsed = time.perf_counter() - t0
    n = len(rows)
    print(f"{n} notes from {path} in {elapsed:.1f}s")
    for key in ("actor1", "actor2", "inter1", "baseline_actor1", "gold_actor1_mentioned"):
        print(f"  {key:24s} {scores[key] / n:6.1%}  ({scores[key]}/{n})")
    for role, counter in confusions.items():
        print(f"worst {role} confusions (gold -> predicted):")
        for (g, p), k in counter.most_common(10):
            print(f"  {k:3d}  {g} -> {p}")
    for miss in misses[:show]:
        print(" ", miss)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=DEFAULT)
    parser.add_argument("--show", type=int, default=0, help="print this many misses")
    args = parser.parse_args()
    run(args.path, args.show)
