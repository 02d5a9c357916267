"""ACLED's name for an attacker or victim nobody identified, chosen by a classifier.

The roles give an unnamed attacker `Unidentified Armed Group (<country>)`. ACLED's coders use
other names by country and circumstance: unclaimed killings of drug traffickers in Mexico are by an
`Unidentified Gang`, in Brazil by `Unidentified Gang and/or Police Militia`, feuds in Somalia by an
`Unidentified Clan Militia`, village fights in Nigeria by an `Unidentified Communal Militia`. No
rule tells these apart; the unknown-actor classifier (`unknown_actor_classifier.npz`, trained on the
1,777 train-note actors of these kinds, `sitrep.evaluate.training.fit_unknown_actor_classifier`)
reads the paragraph, the country and the role, and its choice replaces the default when it is at
least `MIN_PROBABILITY` sure. 5-fold cross-validation over those actors
(`python scripts/train_unknown_actor_classifier.py`): the default is right for 59.5 %, the
classifier's first choice for 85.3 %, its choice from p >= 0.5 for 84.0 %.
"""

from __future__ import annotations

import dataclasses

from sitrep.extract.state import ActorMention, DocState, EventDraft, TallyDraft
from sitrep.knowledge.actors import ActorDictionary
from sitrep.knowledge.classifiers import load_unknown_actor_classifier, unknown_actor_text

DEFAULT = "Unidentified Armed Group ({country})"
MIN_PROBABILITY = 0.5


def named_unknown(
    state: DocState,
    draft: EventDraft | TallyDraft,
    mention: ActorMention | None,
    role: str,
    dictionary: ActorDictionary,
    country: str | None,
) -> ActorMention | None:
    """The mention with ACLED's name for the unidentified actor it stands for, when the
    classifier prefers another name to the default; otherwise the mention itself."""
    default = dictionary.generic(DEFAULT, country)
    if mention is None or default is None or mention.actor.name != default.name:
        return mention
    clf = load_unknown_actor_classifier()
    if clf is None:
        return mention
    template, p = clf.predict(unknown_actor_text(_paragraph(state, draft), country, role)).best()
    if template == DEFAULT or p < MIN_PROBABILITY:
        return mention
    entry = dictionary.generic(template, country) or dictionary.entry(template)
    if entry is None:
        return mention
    actor = dataclasses.replace(
        mention.actor, name=entry.name, inter=entry.inter, parent=entry.parent
    )
    return dataclasses.replace(mention, actor=actor)


def _paragraph(state: DocState, draft: EventDraft | TallyDraft) -> str:
    at = draft.trigger.start
    for para in state.paragraphs:
        if para.start <= at < para.end:
            return state.text[para.start : para.end]
    return state.text
