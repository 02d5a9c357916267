"""The relevance prefilter: documents with no conflict vocabulary skip the expensive spaCy parse.

One Aho-Corasick pass over the lower-cased text finds cue words from four knowledge files: the
mined conflict vocabulary (`prefilter_terms.csv`), the event detector's triggers (`triggers.csv`,
inflected from their lemmas), the actor dictionary (`actor_aliases.csv` with `actors.csv`'s kinds)
and the curated military sites (`sites.csv`). Each distinct cue adds its weight; a document is
relevant once the score reaches 1.0. Strong cues (1.0: "shelling", "militants", "Hezbollah") pass
a document alone; weak cues (0.5: "police", "fired", "attack", "Turkish forces", a base) need a
second one, because ordinary news uses them too ("the attack scored twice", "police closed the
road"), and in a long text the two must meet in one sentence. Gazetteer towns and regions are
deliberately not cues: every news text names places, so a place is no evidence that there is
anything to code. Recall and pass rates: docs/performance.md.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache

import ahocorasick

from sitrep.errors import KnowledgeDataError
from sitrep.knowledge.loader import read_csv
from sitrep.knowledge.tablecache import cached_table

log = logging.getLogger(__name__)

STRONG, WEAK = 1.0, 0.5
THRESHOLD = 1.0
# A text shorter than this (an ACLED-style note, a wire brief) passes on one weak cue: its parse
# costs a few milliseconds, so rejecting it saves little, and one cue is all a one-line event has.
SHORT_TEXT = 400
# In a text this long (several paragraphs: longer than 99 % of ACLED notes) the cues count per
# sentence: a report of violence says it in one sentence ("police fired tear gas at protesters"),
# while a match report or a local round-up scatters its "attack", "shot" and "police" over
# different ones.
LONG_TEXT = 700
# A sentence ends at . ! or ? (and any closing quote or bracket) before white space, or at a line.
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s+|\n")
MIN_TRIGGER_WEIGHT = 0.6  # triggers.csv weights below this name a happening only in context
# A trigger that needs an object is a weak cue in its past forms only ("struck", "stormed",
# "beaten"): its base, -s and -ing forms are also the nouns and sport or weather words ("a
# storm", "City beat United", "striking workers"). Other context conditions (an aircraft subject
# for "fly", "signed" for "agreement") are not met by the word at all.
PAST_ONLY_REQUIRES = "object"
SKIP_REASON = "prefilter: no conflict vocabulary"

TERMS_FILE = "prefilter_terms.csv"
TRIGGERS_FILE = "triggers.csv"
IRREGULAR_FILE = "irregular_verbs.csv"
ACTORS_FILE = "actors.csv"
ALIASES_FILE = "actor_aliases.csv"
COUNTRIES_FILE = "actor_countries.csv"
SITES_FILE = "sites.csv"

# Actor kinds (actors.csv) whose mention is a conflict cue: armed non-state groups are strong,
# state forces weak (armies and police also appear in parades, sport and traffic news).
_STRONG_KINDS = frozenset({"rebel", "militia", "coalition"})
_WEAK_KINDS = frozenset({"military", "police"})
# Alias targets written as templates: "{military}", "{military:Turkey} Gendarmerie", "{police}".
_TEMPLATE_TIERS = {"{military": WEAK, "{police": WEAK}
_ACRONYM = re.compile(r"^[A-Z][A-Z/]{1,7}$")  # "SDF", "YPG/PKK": matched case-sensitively


@dataclass(frozen=True, slots=True)
class Cue:
    """A phrase the prefilter looks for, its weight and the knowledge file it came from."""

    phrase: str
    weight: float
    source: str


@dataclass(frozen=True, slots=True)
class Verdict:
    """Whether a document is worth coding, its score (capped once it passes) and the cues seen."""

    relevant: bool
    score: float
    cues: tuple[str, ...]


class Prefilter:
    """Scores a text by the distinct conflict cues in it; `prefilter(text)` is the yes/no."""

    def __init__(
        self, cues: Iterable[Cue], threshold: float = THRESHOLD, short_text: int = SHORT_TEXT,
        long_text: int = LONG_TEXT,
    ):
        self.threshold = threshold
        self.short_text = short_text
        self.long_text = long_text
        folded: dict[str, float] = {}
        exact: dict[str, float] = {}
        for cue in cues:
            phrase = " ".join(cue.phrase.split())
            if not phrase:
                continue
            table, key = (exact, phrase) if _ACRONYM.match(phrase) else (folded, phrase.lower())
            table[key] = max(cue.weight, table.get(key, 0.0))
        self.size = len(folded) + len(exact)
        self._folded = _automaton(folded)
        self._exact = _automaton(exact)

    def check(self, text: str) -> Verdict:
        """The verdict on `text`, stopping at the first cue that takes the score over the line.

        The score is the sum of the distinct cues' weights: in the whole text, or, in a long
        text, in its best sentence."""
        line = WEAK if len(text) < self.short_text else self.threshold
        hits: Iterable[tuple[int, str, float]] = _hits(
            self._folded, text.lower(), self._exact, text
        )
        ends: list[int] = []  # where sentences end; none: the whole text is one
        if len(text) >= self.long_text:
            hits = list(hits)
            if len(hits) > 1:  # one cue is in one sentence; the sentences matter from two on
                ends = [m.end() for m in _SENTENCE_END.finditer(text)]
        seen: dict[int, set[str]] = {}  # sentence -> its distinct cues
        scores: dict[int, float] = {}
        for start, key, weight in hits:
            sentence = bisect.bisect_right(ends, start)
            keys = seen.setdefault(sentence, set())
            if key in keys:
                continue
            keys.add(key)
            scores[sentence] = scores.get(sentence, 0.0) + weight
            if scores[sentence] >= line:
                return Verdict(True, scores[sentence], _distinct(seen))
        return Verdict(False, max(scores.values(), default=0.0), _distinct(seen))

    def __call__(self, text: str) -> bool:
        return self.check(text).relevant


def _distinct(seen: dict[int, set[str]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(key for keys in seen.values() for key in keys))


def _automaton(table: dict[str, float]) -> ahocorasick.Automaton | None:
    if not table:
        return None
    automaton = ahocorasick.Automaton()
    for key, weight in table.items():
        automaton.add_word(key, (key, weight))
    automaton.make_automaton()
    return automaton


def _hits(
    folded: ahocorasick.Automaton | None, lower: str, exact: ahocorasick.Automaton | None, text: str
) -> Iterator[tuple[int, str, float]]:
    """Whole-word matches (start, cue, weight): case-folded phrases in `lower`, then acronyms in
    the original `text`."""
    for automaton, haystack in ((folded, lower), (exact, text)):
        if automaton is None:
            continue
        n = len(haystack)
        for end, (key, weight) in automaton.iter(haystack):
            start = end - len(key) + 1
            # A cue inside a longer word is not the cue ("arms" in "farms", "riot" in "patriot").
            if start > 0 and haystack[start - 1].isalnum():
                continue
            if end + 1 < n and haystack[end + 1].isalnum():
                continue
            yield start, key, weight


@cache
def _irregular_forms() -> dict[str, tuple[str, ...]]:
    rows = _optional_csv(IRREGULAR_FILE, ("lemma", "forms"))
    return {r["lemma"]: tuple(f for f in r["forms"].split("|") if f) for r in rows}


def past_forms(lemma: str) -> set[str]:
    """The past tense and participle forms of a verb lemma that differ from the lemma itself."""
    irregular = set(_irregular_forms().get(lemma, ()))
    regular = {f for f in inflections(lemma) if f.endswith("ed")} if not irregular else set()
    return (irregular | regular) - {lemma}


def inflections(lemma: str) -> set[str]:
    """English forms of a verb or noun lemma: regular ones ("shell" → shells, shelled, shelling)
    and the irregular past forms of `irregular_verbs.csv` ("strike" → struck, stricken)."""
    forms = {lemma, *_irregular_forms().get(lemma, ())}
    if " " in lemma or "-" in lemma or not lemma.isalpha():
        return forms
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms |= {lemma + "s", stem + "ed", stem + "ing"}
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(lemma + "es")
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    # A final consonant after one short vowel doubles: "stab" → stabbed, "rob" → robbing.
    if len(lemma) <= 5 and re.search(r"[^aeiou][aeiou][bdgmnprt]$", lemma):
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


def _optional_csv(name: str, required: tuple[str, ...]) -> list[dict[str, str]]:
    """Rows of a knowledge file another module owns; absent or not yet in shape = no rows."""
    try:
        return read_csv(name, required=required)
    except KnowledgeDataError as exc:
        log.info("prefilter: not using %s (%s)", name, exc)
        return []


def mined_cues() -> list[Cue]:
    """The conflict vocabulary mined from the train notes (always shipped with sitrep)."""
    return [
        Cue(r["term"], STRONG if r["tier"] == "strong" else WEAK, TERMS_FILE)
        for r in read_csv(TERMS_FILE, required=("term", "tier"))
    ]


def trigger_cues() -> list[Cue]:
    """Event triggers (role `trigger`): weak, since many are everyday words ("drill", "warn").

    Triggers the event detector accepts only in a context the word alone does not show (an
    aircraft subject, a signature) or with a low weight ("hit", "march", "flight") are left out:
    without the context they match sport, weather and the month of March.
    """
    cues: list[Cue] = []
    for r in _optional_csv(TRIGGERS_FILE, ("pattern", "match")):
        requires = r.get("requires", "")
        if r.get("role", "trigger") != "trigger" or requires not in ("", PAST_ONLY_REQUIRES):
            continue
        try:
            if float(r.get("weight") or 1.0) < MIN_TRIGGER_WEIGHT:
                continue
        except ValueError:
            continue
        if r["match"] != "lemma":
            forms = {r["pattern"]} if not requires else set()
        else:
            forms = past_forms(r["pattern"]) if requires else inflections(r["pattern"])
        cues.extend(Cue(f, WEAK, TRIGGERS_FILE) for f in forms)
    return cues


def actor_cues() -> list[Cue]:
    """Names and aliases of armed actors (strong for armed groups, weak for state forces)."""
    tiers: dict[str, float] = {}
    for r in _optional_csv(ACTORS_FILE, ("name",)):
        kind = r.get("kind", "")
        if kind in _STRONG_KINDS or kind in _WEAK_KINDS:
            tiers[r["name"]] = STRONG if kind in _STRONG_KINDS else WEAK
    demonyms = [
        d for r in _optional_csv(COUNTRIES_FILE, ("country",))
        for d in r.get("demonyms", "").split(";") if d
    ]
    cues: list[Cue] = []
    for name, tier in tiers.items():
        # "Islamic State ({country})" is written "Islamic State"; "{military:Turkey} …" is no text.
        bare = re.sub(r"\s*\(.*?\)", "", name).strip()
        if not bare or "{" in bare:
            continue
        # ACLED writes "QSD: Syrian Democratic Forces"; texts say "QSD" or the name.
        cues.extend(Cue(part.strip(), tier, ACTORS_FILE) for part in bare.split(": ", 1))
    for r in _optional_csv(ALIASES_FILE, ("alias", "name")):
        target = r["name"]
        weight = tiers.get(target) or next(
            (t for template, t in _TEMPLATE_TIERS.items() if target.startswith(template)), None
        )
        if weight is None:
            continue
        alias = r["alias"]
        if r.get("context") and alias.islower() and " " not in alias.strip():
            # A one-word alias bound to a country names the force only in that country's texts
            # ("rangers" are Thailand's there, a football club elsewhere): no cue on its own.
            continue
        if "{demonym}" in alias:
            cues.extend(Cue(alias.replace("{demonym}", d), weight, ALIASES_FILE) for d in demonyms)
        elif "{" not in alias:
            cues.append(Cue(alias, weight, ALIASES_FILE))
    return cues


def site_cues() -> list[Cue]:
    """Curated military sites (bases, airports used as bases): weak, a site alone is no event."""
    cues: list[Cue] = []
    for r in _optional_csv(SITES_FILE, ("name",)):
        names = [r["name"], *r.get("aliases", "").split("|")]
        cues.extend(Cue(n, WEAK, SITES_FILE) for n in names if n.strip())
    return cues


def load_cues() -> list[Cue]:
    """Every cue from the knowledge files that exist now."""
    return mined_cues() + trigger_cues() + actor_cues() + site_cues()


@cache
def default_prefilter() -> Prefilter:
    """The process-wide prefilter over the shipped knowledge files (built once, then loaded
    from the table cache while the files and this module are unchanged)."""
    prefilter = cached_table(
        "prefilter",
        lambda: Prefilter(load_cues()),
        files=(TERMS_FILE, TRIGGERS_FILE, IRREGULAR_FILE, ACTORS_FILE, ALIASES_FILE,
               COUNTRIES_FILE, SITES_FILE),
        modules=(__name__,),
    )
    log.debug("prefilter built with %d cues", prefilter.size)
    return prefilter


def is_relevant(text: str) -> bool:
    """Whether `text` has enough conflict vocabulary to be worth a parse."""
    return default_prefilter()(text)
