"""Modality of each candidate event (occurred, claimed, planned, …) from cues governing its trigger.

A cue counts only when it is in scope of the trigger in the dependency parse: a governing word
(an ancestor: "fears ground attacks", "exercises simulating such attacks"), a modifier of the
trigger itself ("hypothetical attacks", "no attacks", "did not target"), a modal or subordinator
on the trigger's own clause ("will continue", "if … would"), or a speaker who says it did the act
itself ("the militia saying it had carried out 9 operations" → claimed). Walking from the
trigger up to the sentence root, the nearest cue wins, so "simulate responding to hypothetical
attacks" is hypothetical while "exercises simulating such attacks" is simulated. Cues are data
(`knowledge/data/modality_cues.csv`, `reporting_verbs.csv`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sitrep.extract.places.location import is_dateline
from sitrep.extract.registry import extractor
from sitrep.extract.state import DocState
from sitrep.knowledge.lexicons import ModalityCue, modality_cues, reporting_verbs
from sitrep.records import Span

if TYPE_CHECKING:
    from spacy.tokens import Token

log = logging.getLogger(__name__)

# Children that modify the trigger word itself ("hypothetical attacks", "no attack", "did not hit").
_MODIFIER_DEPS = frozenset({"amod", "det", "neg", "advmod", "compound", "preconj", "nmod"})
# Path labels through which a governing verb's negation reaches the trigger: "did not carry out
# attacks" (dobj), "did not try to attack" (xcomp), "the attack was not carried out" (nsubjpass).
_NEGATION_PATH = frozenset({"dobj", "xcomp", "nsubjpass", "attr", "oprd"})
_NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor"})
# Clauses that carry what a speaker says or what is embedded under a control verb.
_COMPLEMENT_DEPS = frozenset({"ccomp", "xcomp", "pcomp"})
# Subjects that refer back to the speaker of the governing reporting verb.
_SPEAKER_PRONOUNS = frozenset({"it", "they", "we", "he", "she", "i"})
_PERSONAL_PRONOUNS = frozenset({"he", "she", "i"})
_SPEAKER_POSSESSIVES = frozenset({"its", "their", "our", "his", "her", "my"})
_WILL = frozenset({"will", "shall", "'ll", "wo"})


@dataclass(frozen=True, slots=True)
class ModalityFinding:
    """The modality of a trigger and the cue word that decided it (None when it occurred)."""

    modality: str
    cue: Token | None = None


OCCURRED = ModalityFinding("occurred")


def trigger_token(state: DocState, trigger: Span) -> Token | None:
    """The syntactic head of the trigger span in the document's parse."""
    if state.doc is None:
        return None
    span = state.doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


def modality_of(trigger: Token) -> ModalityFinding:
    """The modality of the happening named by `trigger`, from the nearest cue in its scope."""
    cues = modality_cues()
    found = _own_modifier(trigger, cues)
    if found:
        return found
    clause_checked = False
    child: Token | None = None
    node = trigger
    while True:
        if child is not None:
            found = _governor(node, child, trigger, cues)
            if found:
                return found
        if not clause_checked and node.pos_ in ("VERB", "AUX"):
            clause_checked = True
            found = _clause_modal(node, child, trigger, cues)
            if found:
                return found
        if node.head.i == node.i or node.dep_ == "ROOT":
            return OCCURRED
        child, node = node, node.head


def _own_modifier(
    trigger: Token, cues: dict[str, tuple[ModalityCue, ...]]
) -> ModalityFinding | None:
    for tok in trigger.children:
        if tok.dep_ not in _MODIFIER_DEPS:
            continue
        for cue in cues.get(tok.lower_, ()) + cues.get(tok.lemma_.lower(), ()):
            if cue.scope == "modifier":
                return ModalityFinding(cue.modality, tok)
    return None


def _governor(
    node: Token, child: Token, trigger: Token, cues: dict[str, tuple[ModalityCue, ...]]
) -> ModalityFinding | None:
    """A cue on an ancestor of the trigger, entered from `child`."""
    lemma = node.lemma_.lower()
    objects = {c.lemma_.lower() for c in node.children if c.dep_ in ("dobj", "nsubjpass")}
    has_will = _has_will(node)
    for cue in cues.get(lemma, ()):
        if cue.scope != "governor" or (cue.via and child.dep_ != cue.via):
            continue
        if cue.condition and cue.condition.startswith("head:"):
            if node.head.lemma_.lower() not in cue.condition[5:].split("|"):
                continue
        elif not cue.holds(has_will, objects):
            continue
        return ModalityFinding(cue.modality, node)
    if _claims_own_act(node, child, trigger):
        return ModalityFinding("claimed", node)
    if _negation_reaches(trigger, node):
        for tok in node.children:
            if tok.dep_ in ("neg", "det", "advmod") and tok.lower_ in _NEGATORS:
                return ModalityFinding("negated", tok)
    return None


def _clause_modal(
    verb: Token, child: Token | None, trigger: Token, cues: dict[str, tuple[ModalityCue, ...]]
) -> ModalityFinding | None:
    """A modal auxiliary or subordinator on the first verb above (or at) the trigger."""
    # "The attack could lead to escalation" says nothing about whether the attack happened;
    # only aspect verbs ("the operations will continue") pass a modal on to their subject.
    if child is not None and child.dep_ in ("nsubj", "nsubjpass"):
        aspect = any(c.scope == "aspect" for c in cues.get(verb.lemma_.lower(), ()))
        if not aspect:
            return None
    # "will attack and destroy": a conjunct shares its head verb's modal.
    verbs = [verb, verb.head] if verb.dep_ == "conj" else [verb]
    for v in verbs:
        for tok in v.children:
            if tok.dep_ in ("aux", "auxpass"):
                for cue in cues.get(tok.lower_, ()):
                    if cue.scope == "aux":
                        return ModalityFinding(cue.modality, tok)
            elif tok.dep_ == "mark":
                for cue in cues.get(tok.lower_, ()):
                    if cue.scope == "mark":
                        return ModalityFinding(cue.modality, tok)
    if child is None or verb.i == trigger.i:
        for tok in verb.children:
            if tok.dep_ == "neg" or (tok.dep_ == "advmod" and tok.lower_ == "never"):
                return ModalityFinding("negated", tok)
    return None


def _claims_own_act(speaker_verb: Token, child: Token, trigger: Token) -> bool:
    """Whether a reporting verb's speaker says it did the act itself ("IS said it carried out")."""
    claim = reporting_verbs().get(speaker_verb.lemma_.lower())
    if not claim or child.dep_ not in _COMPLEMENT_DEPS:
        return False
    # The act must be the complement verb itself or its direct object: "confirming it had
    # conducted 11 operations", not "witnesses said they saw an airstrike hit".
    if trigger.i != child.i and not _is_object_of(trigger, child) and not _done_by(trigger, child):
        return False
    # A wire dateline's place ("GAZA, June 3 (Agency) - Israeli forces opened fire …, Gaza's
    # civil defence said") can parse as a second subject of the lead's verb: it names no doer.
    subjects = [
        c
        for c in child.children
        if c.dep_ == "nsubj" and not is_dateline(c.doc.text, c.idx)
    ]
    if not subjects:
        return child.dep_ in ("xcomp", "pcomp")  # "announced launching attacks"
    subject = subjects[0]
    speakers = [c for c in speaker_verb.children if c.dep_ == "nsubj"]
    if subject.pos_ == "PRON" and subject.lower_ in _SPEAKER_PRONOUNS:
        # "he"/"she" refer back to a person only: "the statement said he had led …" is not a claim.
        if subject.lower_ in _PERSONAL_PRONOUNS:
            return bool(speakers) and speakers[0].ent_type_ == "PERSON"
        return True
    # "The HPG said its fighters carried out a raid": the speaker's own people did it.
    if any(c.dep_ == "poss" and c.lower_ in _SPEAKER_POSSESSIVES for c in subject.children):
        return True
    if not speakers:
        return False
    # The doer's own voice: "…, the rebels said", "…, the group said", "…, the group's (the
    # rebels', their) spokesman (Ali Hamid) said".
    owner = _title_owner(speakers[0])
    if any(
        who.lemma_.lower() == subject.lemma_.lower()
        or who.lower_ in ("its", "their")
        or _back_reference(who)
        for who in (speakers[0], owner) if who is not None
    ):  # fmt: skip
        return True
    # "… the group's spokesman Ali Hamid said. Hamid said the group also targeted …": a name
    # the text introduced as the doer's spokesman speaks for it when named again.
    earlier = _earlier_owner(speakers[0])
    return earlier is not None and (
        earlier.lemma_.lower() == subject.lemma_.lower() or _back_reference(subject)
    )


def _title_owner(speaker: Token) -> Token | None:
    """Whose title the speaker bears: "group" in "the group's spokesman (Ali Hamid)"."""
    titles = [speaker, *(c for c in speaker.children if c.dep_ in ("compound", "appos"))]
    return next((c for t in titles for c in t.children if c.dep_ == "poss"), None)


def _earlier_owner(speaker: Token) -> Token | None:
    """The owner of the title a proper name bore where the text named it before."""
    if speaker.pos_ != "PROPN" or _title_owner(speaker) is not None:
        return None
    for tok in reversed(speaker.doc[: speaker.sent.start]):
        if tok.lower_ == speaker.lower_ and tok.pos_ == "PROPN":
            # "the group's spokesman Ali Hamid", "its spokesman, Ali Hamid,": the name or its
            # title in apposition
            owner = _title_owner(tok.head if tok.dep_ == "appos" else tok)
            if owner is not None:
                return owner
    return None


# A bare "the group" in a reported-speech clause names the doer told before it.
_BACK_REFERENCES = frozenset({"group", "movement", "organisation", "organization", "militia"})


def _back_reference(noun: Token) -> bool:
    words = [c.lower_ for c in noun.children if c.dep_ != "case"]
    return noun.lemma_.lower() in _BACK_REFERENCES and words == ["the"]


def _is_object_of(trigger: Token, verb: Token) -> bool:
    """The trigger is the verb's direct object, possibly inside "a series of …", "dozens of …"."""
    tok = trigger
    while tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.i != tok.head.i:
        tok = tok.head.head
    return tok.dep_ == "dobj" and tok.head.i == verb.i


def _done_by(trigger: Token, verb: Token) -> bool:
    """The act is the means the verb names ("it retaliated by launching two attacks")."""
    means = trigger.head
    return (
        means.dep_ == "pcomp"
        and means.head.lower_ == "by"
        and means.head.head.i == verb.i
        and (trigger.i == means.i or _is_object_of(trigger, means))
    )


def _negation_reaches(trigger: Token, verb: Token) -> bool:
    """A negated verb negates the trigger only as its object or subject-of-passive, directly or
    through control verbs and "of" ("did not try to carry out any of the attacks"); not "a motive
    for the attack was not given"."""
    tok = trigger
    while tok.i != verb.i:
        via_of = tok.dep_ == "pobj" and tok.head.lower_ == "of"
        if not (
            tok.dep_ in _NEGATION_PATH or via_of or (tok.dep_ == "prep" and tok.lower_ == "of")
        ):
            return False
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return True


def _has_will(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in _WILL for c in verb.children)


# Statements coded as events: a threat is threatened whatever its verb's tense.
_STATEMENT_MODALITY = {"THREATEN": "threatened"}


@extractor("factuality", requires=("events",), assigns=("events.modality",))
def assign_modality(state: DocState) -> None:
    """Set `modality` on every draft still at the default from cues in scope of its trigger."""
    if state.doc is None:
        return
    for draft in state.events:
        if draft.modality != "occurred":
            continue  # the events extractor already knew better
        if draft.plover in _STATEMENT_MODALITY:
            draft.modality = _STATEMENT_MODALITY[draft.plover]
            continue
        token = trigger_token(state, draft.trigger)
        if token is None:
            continue
        finding = modality_of(token)
        draft.modality = finding.modality
        if finding.cue is not None:
            cue = finding.cue
            draft.extra["modality_cue"] = (cue.idx, cue.idx + len(cue.text))
    changed = sum(d.modality != "occurred" for d in state.events)
    log.debug("factuality: %d of %d drafts not 'occurred'", changed, len(state.events))
