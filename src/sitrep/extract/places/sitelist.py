"""Lists of sites after a trigger ("at the Qasrak and Tell Baidar bases … and the Conoco base").

ACLED codes one event per location, so one sentence naming several sites for one activity becomes
one draft per site. This reads the token sequence after the trigger: the locative phrase is cut into
coordinated segments and each segment's first proper name that is not inside an "of" phrase ("the
countryside of al-Hasakah" only says where the site is) is a site.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sitrep.extract.time.timex import calendar_names
from sitrep.nlp.segment import span_tokens

LOCATIVE = frozenset(
    {"at", "in", "on", "over", "near", "inside", "around", "across", "into", "outside"}
)
SEPARATORS = frozenset({"and", ",", "or", "as well as"})
STOP_WORDS = frozenset(
    {
        "between",  # "the road between Qamishli and Amuda" is one place, not two sites
        "from",
        "until",
        "till",
        "since",
        "during",
        "after",
        "before",
        "as",
        "amid",
        "while",
        "when",
        "which",
        "who",
        "that",
        "where",
        "because",
        "following",
        "according",
        "with",
        "by",
        ";",
        "(",
        ".",
    }
)
NAME_PARTICLES = frozenset(
    {"al", "el", "ad", "as", "ash", "ar", "az", "ez", "-", "de", "bin", "abu", "um", "umm"}
)
# Calendar words are capitalised but never site names ("at the base on Friday").
NOT_NAMES = calendar_names("weekday") | calendar_names("month")


@dataclass(frozen=True, slots=True)
class Site:
    """A site name in the text (character offsets) and the site noun it goes with ("base")."""

    start: int
    end: int
    head: str | None


def site_list(
    sent: SpacySpan, trigger: Token, is_place: Callable[[int, int], bool] | None = None
) -> list[Site]:
    """Sites in the locative phrase of `trigger` or its clause verb; none if fewer than two.
    `is_place(start, end)` says whether a name resolved to a place: a segment's site is then its
    first name that did ("the rebel-held Red Sea port of Hodeidah" is at Hodeidah)."""
    anchors = (
        {trigger.i, trigger.head.i}
        if trigger.dep_ in ("dobj", "nsubj", "nsubjpass")
        else {trigger.i}
    ) | _targets(trigger)
    # "attacks, including on the air base in Iraq and three positions in Syria": the list the
    # trigger's "including" opens
    doc = sent.doc
    anchors |= {c.i for a in list(anchors) for c in doc[a].children if c.lower_ == "including"}
    tokens = [t for t in span_tokens(sent) if t.i > trigger.i]
    k = next(
        (
            j
            for j, t in enumerate(tokens)
            if t.lower_ in LOCATIVE
            and t.head.i in anchors
            and not any(c.ent_type_ in ("DATE", "TIME") for c in t.children)  # "on Friday"
        ),
        None,
    )
    if k is None:
        return []
    segments: list[list[Token]] = [[]]
    depth = 0
    joined = False  # a list names its last site after "and"/"or"
    for t in tokens[k + 1 :]:
        # "in Northtown (the capital), Easton province …": a parenthesis glosses, the list goes on.
        depth += (t.text == "(") - (t.text == ")")
        if depth > 0 or t.text == ")":
            continue
        if (
            t.lower_ in STOP_WORDS
            or (t.pos_ == "VERB" and not _namey(t))
            or t.ent_type_ in ("DATE", "TIME")
        ):
            break
        if t.lower_ in SEPARATORS:
            segments.append([])
            joined = joined or t.lower_ != ","
            continue
        segments[-1].append(t)
    if not joined:
        return []  # "in Old Quarter town, Easton", "in Green Valley, Westby": a place, its holder
    sites: list[Site] = []
    for seg in segments:
        name = _first_site_name(seg, is_place)
        if name is not None:
            head = next((t.lower_ for t in seg if t.pos_ == "NOUN" and not _namey(t)), None)
            sites.append(Site(name[0].idx, name[-1].idx + len(name[-1]), head))
    if len(sites) < 2:
        return []
    # "the Qasrak and Tell Baidar bases": the first conjunct shares the later site noun.
    shared = next((s.head for s in sites if s.head), None)
    return [Site(s.start, s.end, s.head or shared) for s in sites]


_TARGET_PREPS = frozenset({"against", "on", "at", "targeting", "of"})


def _targets(trigger: Token) -> set[int]:
    """The nouns naming what the trigger hit: "raids on a depot in Easton and a camp in Westby",
    "shelling of the positions of the militia in Northtown, …": their locative phrase lists
    the sites as the trigger's own would."""
    out: set[int] = set()
    frontier = [trigger]
    while frontier:
        tok = frontier.pop()
        for c in tok.children:
            if c.i <= trigger.i:
                continue
            if c.dep_ == "prep" and c.lower_ in _TARGET_PREPS:
                frontier.append(c)
            elif c.dep_ in ("pobj", "dobj", "conj") and c.pos_ in ("NOUN", "PROPN"):
                out.add(c.i)
                frontier.append(c)
    return out


def _namey(t: Token) -> bool:
    return (t.is_title or t.pos_ == "PROPN") and t.lower_ not in NOT_NAMES and t.is_alpha


def _first_site_name(
    seg: list[Token], is_place: Callable[[int, int], bool] | None = None
) -> list[Token] | None:
    """The segment's first proper name not inside an "of" phrase; with `is_place`, its first name
    that is a place, an "of" phrase's included when no name before it is one."""
    if is_place is None:
        return _first_name(seg)
    j = 0
    while j < len(seg):
        name = _first_name(seg[j:], after_of=True)
        if name is None:
            return None
        if is_place(name[0].idx, name[-1].idx + len(name[-1])):
            return name
        j = seg.index(name[-1]) + 1
    return None


def _first_name(seg: list[Token], after_of: bool = False) -> list[Token] | None:
    j = 0
    while j < len(seg):
        t = seg[j]
        if _namey(t) or (
            t.lower_ in NAME_PARTICLES and j + 1 < len(seg) and _namey_or_hyphen(seg[j + 1])
        ):
            before = seg[j - 1] if j > 0 else None  # the segment skips parentheses: by position
            name = [t]
            while j + 1 < len(seg) and (_namey(seg[j + 1]) or seg[j + 1].lower_ in NAME_PARTICLES):
                j += 1
                name.append(seg[j])
            while name and name[-1].lower_ in NAME_PARTICLES:
                name.pop()
            if name and (after_of or not (before is not None and before.lower_ == "of")):
                return name
        j += 1
    return None


def _namey_or_hyphen(t: Token) -> bool:
    return _namey(t) or t.lower_ == "-"


# How a name hangs inside the noun phrase that holds it: "the Easton, Westby and Northtown areas".
_IN_PHRASE = frozenset({"compound", "conj", "appos", "nmod", "amod"})


def sites_listed_with(
    sent: SpacySpan, start: int, is_place: Callable[[int, int], bool] | None = None
) -> list[Site]:
    """The site list the name at character `start` is one of, read as the list of the word its
    locative phrase hangs on ("… the hideouts lay in the Easton, Westby and Northtown areas"); none
    when the name is in no such list."""
    tok = next((t for t in span_tokens(sent) if t.idx <= start < t.idx + len(t)), None)
    while tok is not None and not (tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE):
        tok = tok.head if tok.dep_ in _IN_PHRASE and tok.head is not tok else None
    if tok is None or tok.head.head.i >= tok.head.i:
        return []
    sites = site_list(sent, tok.head.head, is_place)
    return sites if any(s.start <= start < s.end for s in sites) else []
