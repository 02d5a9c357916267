"""ACLED's name for an attacker or victim the text does not name, chosen by a classifier.

The roles give an unnamed attacker `Unidentified Armed Group (<country>)`. ACLED's coders use
other names by country and circumstance: unclaimed killings of drug traffickers in Mexico are by an
`Unidentified Gang`, in Brazil by `Unidentified Gang and/or Police Militia`, feuds in Somalia by an
`Unidentified Clan Militia`, village fights in Nigeria by an `Unidentified Communal Militia`; and
they attribute what nobody claimed from circumstance (shelling observed near a front-line village
to the side facing it). No rule tells these apart; the unknown-actor classifier
(`unknown_actor_classifier.npz`, trained on the 2,605 train-note actors that are unidentified or
armed actors the note does not name, `sitrep.evaluate.training.fit_unknown_actor_classifier`)
reads the paragraph, the country and the role, and its choice replaces the default when it is at
least `MIN_PROBABILITY` sure and is not the event's other side. 5-fold cross-validation over those
actors (`python scripts/train_unknown_actor_classifier.py`): the default is right for 43.3 %, the
classifier's first choice for 80.8 %, its choice from p >= 0.5 for 78.5 %. `MIN_PROBABILITY`
is set on the pipeline's 5-fold CV over all notes (0.35: actor 1 +0.1 point over 0.5; 0.2 no
better).
"""

from __future__ import annotations

import dataclasses

from sitrep.extract.state import ActorMention, DocState, EventDraft, TallyDraft
from sitrep.knowledge.actors import ActorDictionary, normalise_name
from sitrep.knowledge.classifiers import load_unknown_actor_classifier, unknown_actor_text

DEFAULT = "Unidentified Armed Group ({country})"
MIN_PROBABILITY = 0.35


def named_unknown(
    state: DocState,
    draft: EventDraft | TallyDraft,
    mention: ActorMention | None,
    role: str,
    dictionary: ActorDictionary,
    country: str | None,
    other: ActorMention | None = None,
) -> ActorMention | None:
    """The mention with ACLED's name for the unidentified actor it stands for, when the
    classifier prefers another name to the default; otherwise the mention itself. A name the
    event's other side already has is not taken: who wounded the soldiers of a force is not that
    force."""
    default = dictionary.generic(DEFAULT, country)
    if mention is None or default is None or mention.actor.name != default.name:
        return mention
    clf = load_unknown_actor_classifier()
    if clf is None:
        return mention
    template, p = clf.predict(unknown_actor_text(paragraph_of(state, draft), country, role)).best()
    if template == DEFAULT or p < MIN_PROBABILITY:
        return mention
    entry = dictionary.generic(template, country) or dictionary.entry(template)
    if entry is None or (
        other is not None and normalise_name(other.actor.name) == normalise_name(entry.name)
    ):
        return mention
    actor = dataclasses.replace(
        mention.actor, name=entry.name, inter=entry.inter, parent=entry.parent
    )
    return dataclasses.replace(mention, actor=actor)


def paragraph_of(state: DocState, draft: EventDraft | TallyDraft) -> str:
    """The text of the paragraph holding the draft's trigger (the whole text without paragraphs)."""
    para = state.paragraph_at(draft.trigger.start)
    return state.text[para.start : para.end] if para is not None else state.text
