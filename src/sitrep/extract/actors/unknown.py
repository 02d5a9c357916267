"""ACLED's name for an attacker or victim the text does not name, chosen by a classifier.

The roles give an unnamed attacker `Unidentified Armed Group (<country>)`. ACLED's coders use
other names by country and circumstance: unclaimed killings of drug traffickers in Mexico are by an
`Unidentified Gang`, in Brazil by `Unidentified Gang and/or Police Militia`, feuds in Somalia by an
`Unidentified Clan Militia`, village fights in Nigeria by an `Unidentified Communal Militia`; and
they attribute what nobody claimed from circumstance (shelling observed near a front-line village
to the side facing it). No rule tells these apart; the unknown-actor classifier
(`unknown_actor_classifier.npz`, trained on the 2,561 train-note actors that are unidentified or
armed actors the note does not name, `sitrep.evaluate.training.fit_unknown_actor_classifier`)
reads the paragraph, the country and the role, and the paragraph's words joined to the country
(`unknown_actor_text`), and its choice replaces the default when it is at least `MIN_PROBABILITY`
sure and is not the event's other side. 5-fold cross-validation over those actors
(`python scripts/train_unknown_actor_classifier.py`): the default is right for 41.3 %, the
classifier's first choice for 82.8 %, its choice from p >= 0.35 for 82.3 %. `MIN_PROBABILITY`
is set on the pipeline's 5-fold CV over all notes (0.35: actor 1 +0.1 point over 0.5; 0.2 no
better).

A battle's unnamed second side (`roles.second_sides`) that the classifier leaves unidentified, or
names as the side already coded, is the one armed party (inter 1-4 or 8) the note names
elsewhere, when it names exactly one that is not the battle's other side ("the rebels fired
mortars at the army's positions near X. Monitors counted 75 explosions in both directions near
X": the exchange is the rebels' with the army). 5-fold CV gaz off: actor 1 87.06 -> 87.21 %,
actor 2 85.50 -> 85.91 %, inter 1 91.99 -> 92.13 % (non-state groups only: 87.14, 85.76,
92.06). Applied to every unnamed side read from a sentence (before assembly), the same fallback
lost as much as it won (actor 1 won 36, lost 26): a note's other group is often not who
attacked.

When the classifier's first choice is the event's other side, its next choice is measured against
what is left ("explosions in both directions near X", the rebels coded first at 0.7: the army at
0.2 is two thirds of the rest), not against the whole. Stop 35, 5-fold CV gaz off: actor 2
+6/−0 (OSCE-observed exchanges that kept an unidentified second side), nothing else moved.

An unnamed kind (`Unidentified Gang`, `Unidentified Clan Militia` …) stays a choice when the
other side already has it: rival gangs, two clans fight each other. A battle's second side that
would repeat the first's kind is the note's one named armed party when there is one (the
military police's shoot-out with an unnamed gang). 5-fold CV gaz off: actor 2 +24/-2, inter 1
+1/-0, actor 1 unchanged (without the named-party exception actor 1 lost 4 Brazilian notes).

A side the classifier leaves at the armed-group default, in a paragraph that calls the violence a
gang's ("a gang-related shooting", "gangland reprisal", "rival gangs", "a criminal group"), is the
country's `Unidentified Gang`: train notes so worded code 73 of 76 unidentified sides as a gang
kind. Stop 40, 5-fold CV gaz off: actor 1 +10/-1 (Trinidad and Tobago, Belize, Jamaica, Haiti,
Brazil's rival gangs, El Salvador, Mexico; lost a Colombian "criminal groups" note), nothing else
moved. The same for clan and tribal words ("a clan feud", "inter-clan clashes", "tribesmen", "a
tribal dispute": the clan or tribal militia; train notes so worded: 16 of 16 and 14 of 14
unidentified sides), words inside a named actor's mention ("Gulf Clan") not counting: actor 1
+4/-0, actor 2 +4/-1, inter 1 +5/-0 (Ethiopia, Philippines, Iraq, Syria, Pakistan). Communal and
ethnic words do not name a kind (1 of 7, 0 of 2 unidentified sides in train notes so worded).
"""

from __future__ import annotations

import dataclasses
import re

from sitrep.extract.state import ActorMention, DocState, EventDraft, TallyDraft
from sitrep.knowledge.actors import ARMED_INTER, ActorDictionary, normalise_name, unidentified
from sitrep.knowledge.classifiers import load_unknown_actor_classifier, unknown_actor_text

DEFAULT = "Unidentified Armed Group ({country})"
MIN_PROBABILITY = 0.35
GANG = "Unidentified Gang ({country})"
CLAN = "Unidentified Clan Militia ({country})"
TRIBAL = "Unidentified Tribal Militia ({country})"
COMMUNAL = "Unidentified Communal Militia ({country})"
# Words calling the violence a gang's ("a gang-related shooting", "gangland reprisal", "a
# shoot-out between rival gangs", "members of an organised criminal group"): train notes with
# such words code an unnamed side as a gang (73 of 76 unidentified sides), not ACLED's
# armed-group default. Not "gang-raped" (sexual violence by any doer).
_GANG_WORDS = re.compile(
    r"\bgang(?:land|[- ]related|s)\b|\bgang (?:violence|war|rivalry|feud|shooting)"
    r"|\b(?:criminal|drug[- ]trafficking) (?:gangs?|groups?|organi[sz]ations?)\b",
    re.IGNORECASE,
)
# Words calling the violence a clan's or a tribe's ("a clan feud", "inter-clan clashes", "two
# rival clans", "tribesmen ambushed", "unknown tribal militants", "a tribal dispute"): train
# notes with them code an unnamed side as ACLED's clan or tribal militia (16 of 16, 14 of 14
# unidentified sides). Not a victim's or a place's clan or tribe ("a man from the X clan").
# Communal and ethnic words do not mark a kind (1 of 7, 0 of 2 unidentified sides).
_CLAN_WORDS = re.compile(
    r"\b(?:inter|sub)-?clan\b|\bclansmen\b|\b(?:rival|warring|two) (?:sub-?)?clans\b"
    r"|\bclan[- ](?:based|militi\w+|fighters|feuds?|clashes|violence|conflict|disputes?|war)\b",
    re.IGNORECASE,
)
_TRIBAL_WORDS = re.compile(
    r"\b(?:inter-?)?tribesmen\b|\binter-?tribal\b|\b(?:rival|warring|two) tribes\b"
    r"|\btribal (?:militi\w+|militants?|groups?|fighters|gunmen|clashes|disputes?|feuds?"
    r"|(?:blood )?vendettas?|conflict|war|fighting)\b",
    re.IGNORECASE,
)
# Words calling an unnamed side a community's armed men ("armed pastoralists", "two armed
# families", "local militiamen", "a communal militia"): ACLED codes them as a
# communal or ethnic militia (inter 4), named after their place or people, which the text
# seldom spells as ACLED does; the country's unidentified communal militia gets the inter code.
_COMMUNAL_WORDS = re.compile(
    r"\barmed (?:\w+ )?(?:pastoralists|herders|herdsmen|families)\b"
    r"|\b(?:local|communal|ethnic) (?:militi\w+|vigilantes?)\b"
    r"|\bmilitiamen from\b",
    re.IGNORECASE,
)
# The kind an unnamed side is when its paragraph has the kind's words, first listed first.
_KIND_WORDS = (
    (GANG, _GANG_WORDS),
    (CLAN, _CLAN_WORDS),
    (TRIBAL, _TRIBAL_WORDS),
    (COMMUNAL, _COMMUNAL_WORDS),
)


def named_unknown(
    state: DocState,
    draft: EventDraft | TallyDraft,
    mention: ActorMention | None,
    role: str,
    dictionary: ActorDictionary,
    country: str | None,
    other: ActorMention | None = None,
    *,
    sole_party: bool = False,
) -> ActorMention | None:
    """ACLED's name for the unidentified actor `mention` stands for (`_classified`); a side left
    at the armed-group default whose paragraph calls the violence a gang's, a clan's or a
    tribe's is the country's unidentified gang, clan or tribal militia. Words inside a named
    actor's mention ("the Gulf Clan") name that group, not a kind."""
    named = _classified(
        state, draft, mention, role, dictionary, country, other, sole_party=sole_party
    )
    default = dictionary.generic(DEFAULT, country)
    if named is None or default is None or named.actor.name != default.name:
        return named
    kind = _kind_named(state, draft, named, role)
    generic = dictionary.generic(kind, country) if kind is not None else None
    if generic is None:
        return named
    actor = dataclasses.replace(
        named.actor, name=generic.name, inter=generic.inter, parent=generic.parent
    )
    return dataclasses.replace(named, actor=actor)


def _kind_named(
    state: DocState, draft: EventDraft | TallyDraft, side: ActorMention, role: str
) -> str | None:
    """The unidentified kind (`_KIND_WORDS`) the draft's paragraph calls its violence, outside the
    mentions of actors the dictionary names. Communal words name only the attacker (actor 1), and
    only when they are its own words or it is unnamed: "gunmen attacked X and clashed with a
    local militia" tells what the gunmen fought, not who they are, and a battle's defaulted second
    side is whoever the first fought, which the words seldom tell."""
    para = state.paragraph_at(draft.trigger.start)
    start = para.start if para is not None else 0
    text = paragraph_of(state, draft)
    named = [
        (m.span.start, m.span.end) for m in state.actors if not unidentified(m.actor.name)
    ]
    for template, words in _KIND_WORDS:
        for hit in words.finditer(text):
            at, end = start + hit.start(), start + hit.end()
            if any(s < end and at < e for s, e in named):
                continue
            own = side.span.start < end and at < side.span.end
            if template != COMMUNAL or (role == "actor1" and (own or side.kind == "implicit")):
                return template
    return None


def _classified(
    state: DocState,
    draft: EventDraft | TallyDraft,
    mention: ActorMention | None,
    role: str,
    dictionary: ActorDictionary,
    country: str | None,
    other: ActorMention | None = None,
    *,
    sole_party: bool = False,
) -> ActorMention | None:
    """The mention with ACLED's name for the unidentified actor it stands for, when the
    classifier prefers another name to the default; otherwise the mention itself. A name the
    event's other side already has is not taken: who wounded the soldiers of a force is not that
    force; the classifier's next choice is, if it is sure enough of it (OSCE-observed fire near a
    front-line village: the side facing the one coded first). With `sole_party` (a battle's
    default second side), an unnamed side the classifier does not name, or names only by a kind
    (an unidentified gang), is the note's one other armed group, if it names exactly one (of that
    kind's inter code, for a kind)."""
    default = dictionary.generic(DEFAULT, country)
    if mention is None or default is None or mention.actor.name != default.name:
        return mention
    clf = load_unknown_actor_classifier()
    if clf is None:
        return mention
    prediction = clf.predict(unknown_actor_text(paragraph_of(state, draft), country, role))
    # The other side's name is no choice (who wounded a force's soldiers is not that force): the
    # classifier's most probable other label is, if sure enough. An unidentified kind stays a
    # choice: two unnamed groups of one kind fight each other (rival gangs, two clans).
    taken = normalise_name(other.actor.name) if other is not None else None
    template, p, barred = DEFAULT, 0.0, 0.0
    for label, q in zip(prediction.labels, prediction.probs, strict=True):
        if taken is None or unidentified(label) or _name_of(label, dictionary, country) != taken:
            template, p = label, q
            break
        barred += q
    if barred < 1.0:
        # Sure of the choice among those left: a side the event's other side rules out takes
        # its probability with it ("the rebels' positions … explosions in both directions",
        # the rebels 0.7 and coded first: the army at 0.3 is the one side left).
        p /= 1.0 - barred
    sole = _sole_armed_party(state, draft, mention, dictionary, other) if sole_party else None
    if template == DEFAULT or p < MIN_PROBABILITY:
        return sole or mention
    entry = dictionary.generic(template, country) or dictionary.entry(template)
    if entry is None or (sole is not None and normalise_name(entry.name) == taken):
        # a battle's other unnamed side of the same kind, unless the note names its one party
        return sole or mention
    if sole is not None and unidentified(entry.name) and sole.actor.inter == entry.inter:
        # the classifier guesses only a kind of unnamed group (a gang, a communal militia); the
        # note names its one armed party, of that kind (police raid a district gang X runs and
        # gunfire follows), not a force it names otherwise ("a police record")
        return sole
    actor = dataclasses.replace(
        mention.actor, name=entry.name, inter=entry.inter, parent=entry.parent
    )
    return dataclasses.replace(mention, actor=actor)



def _name_of(template: str, dictionary: ActorDictionary, country: str | None) -> str | None:
    """The normalised actor name a classifier label stands for in `country` (None if none)."""
    entry = dictionary.generic(template, country) or dictionary.entry(template)
    return normalise_name(entry.name) if entry is not None else None


def _sole_armed_party(
    state: DocState,
    draft: EventDraft | TallyDraft,
    mention: ActorMention,
    dictionary: ActorDictionary,
    other: ActorMention | None,
) -> ActorMention | None:
    """The armed party a note's other sentences name, for a side the event's own sentence
    leaves unnamed: the note's only armed party that is not the event's other side
    ("the rebels fired mortars at the army's positions near X. Monitors counted 75 explosions
    near X"); with none or several, None (the side stays unidentified)."""
    if mention.kind != "implicit":
        return None
    when = draft.when.start if isinstance(draft, EventDraft) and draft.when else None

    def key(name: str) -> str:
        # compared by the names in force on the event's day: "Taliban" from August 2021 is the
        # state's military, which may be the other side already
        return normalise_name(dictionary.name_on(name, when) if when is not None else name)

    taken = key(other.actor.name) if other is not None else None
    parties: dict[str, ActorMention] = {}
    for named in state.actors:
        actor = named.actor
        if (
            named.kind != "org"
            or actor.inter not in ARMED_INTER
            or unidentified(actor.name)
            or key(actor.name) == taken
        ):
            continue
        parties.setdefault(key(actor.name), named)
    if len(parties) != 1:
        return None
    (named,) = parties.values()
    return dataclasses.replace(mention, actor=named.actor)


def paragraph_of(state: DocState, draft: EventDraft | TallyDraft) -> str:
    """The text of the paragraph holding the draft's trigger (the whole text without paragraphs)."""
    para = state.paragraph_at(draft.trigger.start)
    return state.text[para.start : para.end] if para is not None else state.text
