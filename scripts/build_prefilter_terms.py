"""Build knowledge/data/prefilter_terms.csv: conflict vocabulary mined from the ACLED train notes.

Method (rerun with `python scripts/build_prefilter_terms.py [--check]`; needs `wordfreq`):
1. Mine candidates from the train notes' texts (shared/data/train/acled_notes_train.jsonl):
   words in at least 3 notes, written in lower case at least 60 % of the time (so not names), and at
   least 10**0.7 ≈ 5 times more frequent in the notes than in general English (wordfreq's `en` list;
   the log-ratio is the `llr` column).
2. Keep the candidates a reviewer judged to name violence, protest, armed actors, weapons, security
   operations or their results (the STRONG and WEAK sets below); drop register words of ACLED's note
   style ("size", "coded", "residents", "reportedly") and COVID-era vocabulary. STRONG words alone
   make a document worth parsing; WEAK words are common outside conflict news ("police", "fired",
   "attack") and count only when a second piece of evidence agrees.
3. Add each kept word's other number form (-s) when the notes use it too.
Only the derived word list is shipped (no note text); `df` is the number of train notes holding it.
"""

from __future__ import annotations

import argparse
import collections
import csv
import io
import json
import math
import os
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SITREP_SHARED") or REPO.parent / "shared")
TRAIN = SHARED / "data" / "train" / "acled_notes_train.jsonl"
OUT = REPO / "src/sitrep/knowledge/data/prefilter_terms.csv"
MIN_DF, MIN_LOWER, MIN_LLR = 3, 0.6, 0.7

STRONG = frozenset("""
protest protests protested protesters protester protestors protesting counterprotest
demonstration demonstrations demonstrators demonstrator
militants militant militias militia militiamen rebel rebels gunmen gunman assailants attackers
perpetrators perpetrator insurgents mercenaries commandos vigilante tribesmen separatists
shabaab shabab battalion brigades
grenade grenades launchers mortars mortar projectiles artillery machineguns missiles
landmine explosives explosive bombs bombardments airstrikes airstrike warplanes gunships
frontline shelled shelling clashes clashed firefight shoot-out shoot-outs gunfire gunshot
gunshots sniper ambush ambushed explosions explosion exploded detonated defused
abducted kidnapped kidnapping hostages beheaded tortured torture mutilated lynched assassinated
looted looting torched torching rioters riots riot rioted pelted pelting stoned teargas
curfew checkpoint checkpoints incursion airbase reconnaissance reinforcements repelled repulsed
ceasefire casualties wounded wounding killings soldiers soldier ammunition ammunitions
militant's fortifications insecurity detainees bystander
""".split())

WEAK = frozenset("""
forces police policemen policeman officers gendarme security guard guards personnel military
armed weapons guns arms rifles firearm pistol bullets machetes drone drones
attack attacks attacked assaulted assaulting stabbed raid raids raided stormed invaded seized
killed killing dead injured injuring injuries victims victim fatalities fatality civilians civilian
fired shot shots shells fire burned burnt destroyed damaged arson
arrested arrest detained detention detainee prisoners prison
clash mob tear disperse dispersed slogans chanted chanting rally rallied marched demanding
demanded denounce denouncing demonstrated demonstrating gathered
opposition regime dictatorship coalition factions patrol patrolling convoy cordon
displaced refugees fled flee blockade baton suspects suspected gang gangs robbery
""".split())

_WORD = re.compile(r"[A-Za-z]+(?:['-][A-Za-z]+)*")


def mine(lines: list[str]) -> list[dict[str, str]]:
    """Rows (term, tier, df, llr) for the reviewed words that the mining step proposes."""
    from wordfreq import word_frequency  # build-time only

    df: collections.Counter[str] = collections.Counter()
    lower: collections.Counter[str] = collections.Counter()
    tokens: collections.Counter[str] = collections.Counter()
    for line in lines:
        seen = set()
        for m in _WORD.finditer(json.loads(line)["text"]):
            word = m.group().lower()
            tokens[word] += 1
            lower[word] += m.group().islower()
            seen.add(word)
        df.update(seen)
    total = sum(tokens.values())

    def llr(word: str) -> float:
        return math.log10(tokens[word] / total) - math.log10(max(word_frequency(word, "en"), 1e-8))

    kept = {
        w for w in df
        if df[w] >= MIN_DF and lower[w] / tokens[w] >= MIN_LOWER and llr(w) >= MIN_LLR
        and (w in STRONG or w in WEAK)
    }
    # The other number form, when the notes use it: "grenade" kept → "grenades" too.
    for w in list(kept):
        other = w[:-1] if w.endswith("s") else w + "s"
        if df[other] and (other in STRONG or other in WEAK):
            kept.add(other)
    return [
        {"term": w, "tier": "strong" if w in STRONG else "weak", "df": str(df[w]),
         "llr": f"{llr(w):.2f}"}
        for w in sorted(kept)
    ]


HEADER = (
    "# Conflict vocabulary for the relevance prefilter (src/sitrep/scale/prefilter.py). Mined"
    " from the"
    " texts of the ACLED train notes (acled_notes_train.jsonl, 4,485 notes) by"
    " scripts/build_prefilter_terms.py: words in >= 3 notes, mostly lower case, >= 5x more frequent"
    " than in general English (wordfreq 3.1 'en'; llr = log10 of that ratio), then reviewed by the"
    " sitrep team (kept: violence, protest, armed actors, weapons, security operations; tier"
    " strong ="
    " enough alone, weak = needs a second cue). df = train notes holding the word. Only the derived"
    " word list is shipped, no note text.\n"
)


def render(rows: list[dict[str, str]]) -> str:
    buf = io.StringIO()
    buf.write(HEADER)
    writer = csv.DictWriter(buf, fieldnames=["term", "tier", "df", "llr"], lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the shipped file differs")
    args = parser.parse_args()
    text = render(mine(TRAIN.read_text(encoding="utf-8").splitlines()))
    if args.check:
        same = OUT.read_text(encoding="utf-8") == text
        sys.stderr.write(f"{OUT.name} is {'up to date' if same else 'out of date: rebuild it'}\n")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    sys.stderr.write(f"wrote {OUT} ({text.count(chr(10)) - 2} terms)\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
