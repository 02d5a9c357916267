"""Mine the train notes for the actor dictionary: which words name which ACLED actor, and when.

Usage:
    python scripts/mine_actors.py aliases [--min-notes 3] [--min-precision 0.8] [FILE ...]
    python scripts/mine_actors.py periods [FILE ...]

`aliases` lists word n-grams (1-5 words, as written) that occur in notes coded with a named actor
(actor1, actor2 or an associated actor) and rarely elsewhere: for each n-gram, the actor it goes
with most often, in how many notes (support) and in what share of the notes holding the n-gram
(precision), with the first and last event date. Generic names (Protesters, Civilians, Rioters,
unidentified groups), a country's forces without a named unit, and names the dictionary already
reads from the n-gram are skipped. The output
is for review: rows are added to `actors.csv`/`actor_aliases.csv` by hand, with the support count in
their source column, never copied wholesale.

`periods` lists, per country, the year suffixes of ACLED's state-force names ("Military Forces of
Pakistan (2018-2022)") with the first and last event date coded with each: the evidence for the
`period` column of `actor_countries.csv` (the change dates themselves are the dates governments
changed, stated there).

Only names, counts and dates are printed; no note text.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from sitrep.evaluate.crossval import read_notes

TRAIN = [
    "/work/shared/data/train/acled_notes_train.jsonl",
    "/work/shared/data/train/acled_2022_train.jsonl",
]
ACTOR_FIELDS = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")
GENERIC = re.compile(
    r"^(Protesters|Rioters|Civilians|Unidentified|Labour Group|Students|Women|Farmers|Teachers|"
    r"Health Workers|Journalists|Lawyers|Prisoners|Refugees/IDPs|Government of)"
)
STATE = re.compile(r"^(Military|Police) Forces of (?:the )?(.+?) \((\d{4})-(\d{4})?\)(.*)$")
WORD = re.compile(r"[A-Za-z][\w'’.-]*")


def actors_of(gold: dict) -> set[str]:
    names = set()
    for f in ACTOR_FIELDS:
        for part in (gold.get(f) or "").split("; "):
            if part:
                names.add(part)
    return names


def _plain_state(name: str) -> bool:
    """A country's forces without a named unit: read from demonyms, not mined as aliases."""
    m = STATE.match(name)
    return bool(m) and not m.group(5).strip()


def ngrams(text: str, high: int = 5) -> set[str]:
    words = WORD.findall(text)
    grams = set()
    for n in range(1, high + 1):
        for i in range(len(words) - n + 1):
            gram = words[i : i + n]
            if not gram[0][0].isupper():  # names start with a capital
                continue
            grams.add(" ".join(gram).strip(".,'’"))
    return grams


def mine_aliases(notes: list[dict], min_notes: int, min_precision: float) -> None:
    from sitrep.knowledge.actors import actor_dictionary, match_form

    dictionary = actor_dictionary(None)
    known = {match_form(a.alias) for a in dictionary.aliases}
    gram_notes: Counter[str] = Counter()
    pair: Counter[tuple[str, str]] = Counter()
    dates: dict[tuple[str, str], list[str]] = defaultdict(list)
    for n in notes:
        named = {a for a in actors_of(n["gold"]) if not GENERIC.match(a) and not _plain_state(a)}
        grams = ngrams(n["text"])
        gram_notes.update(grams)
        for g in grams:
            for a in named:
                pair[(g, a)] += 1
                dates[(g, a)].append(n["gold"]["event_date"])
    best: dict[str, tuple[str, int]] = {}
    for (g, a), c in pair.items():
        if c > best.get(g, ("", 0))[1]:
            best[g] = (a, c)
    rows = []
    for g, (a, c) in best.items():
        precision = c / gram_notes[g]
        if c >= min_notes and precision >= min_precision and match_form(g) not in known:
            rows.append((a, -c, g, precision, min(dates[(g, a)]), max(dates[(g, a)])))
    print("actor\tn-gram\tnotes\tprecision\tfirst\tlast")
    for a, neg, g, p, first, last in sorted(rows):
        print(f"{a}\t{g}\t{-neg}\t{p:.2f}\t{first}\t{last}")


def mine_periods(notes: list[dict]) -> None:
    seen: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for n in notes:
        for a in actors_of(n["gold"]):
            m = STATE.match(a)
            if m:
                period = f"{m.group(3)}-{m.group(4) or ''}" + (
                    f" {m.group(5).strip()}" if m.group(5) else ""
                )
                seen[m.group(2)][period].append(n["gold"]["event_date"])
    print("country\tperiod\tnotes\tfirst\tlast")
    for country, periods in sorted(seen.items()):
        for period, ds in sorted(periods.items(), key=lambda kv: min(kv[1])):
            print(f"{country}\t{period}\t{len(ds)}\t{min(ds)}\t{max(ds)}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", choices=("aliases", "periods"))
    ap.add_argument("files", nargs="*", default=TRAIN)
    ap.add_argument("--min-notes", type=int, default=3)
    ap.add_argument("--min-precision", type=float, default=0.8)
    args = ap.parse_args(argv)
    notes = read_notes([Path(f) for f in args.files])
    if args.what == "aliases":
        mine_aliases(notes, args.min_notes, args.min_precision)
    else:
        mine_periods(notes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
