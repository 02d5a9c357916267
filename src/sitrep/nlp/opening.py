"""The subject the parse hung on the place list opening a sentence.

Notes open "On DATE, in PLACE, ADMIN, <subject> <verb> …"; the parser often reads the subject as
one more name of the place list (an apposition or conjunct of the last place name), so the verb
is left without a subject. Both the event layer (who claims, who is armed) and the actor layer
(who acted) read that subject through `hung_subject`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

_SUBJECTS = ("nsubj", "nsubjpass")
_AUXILIARIES = ("aux", "auxpass")


def hung_subject(
    verb: Token, passive: bool = False, named_subject: bool = False, second_object: bool = False
) -> Token | None:
    """The phrase right before a subjectless `verb` (only adverbs between) that the parse hung on
    the words before it: "in Springfield, Illinois, teachers marched" (teachers, an apposition
    of Illinois), "in Y township, Z state, troops of the 5th battalion torched" (troops). The
    phrase's head is returned; None when the verb has a subject or nothing was so hung. With
    `passive`, the verb's own auxiliaries may stand between too ("in X, Y, a police officer was
    shot": the officer, the passive verb's patient, not its doer). With `named_subject`, a
    subject that is a name may stand: the parse took the opening place for it ("in Tijuana, Baja
    California, a police officer was shot", Tijuana the subject, the officer hung on California;
    or the opening day's number: "Around 8 May, in X, Y, sacks … were found", 8 the subject). With
    `second_object`, the phrase may also be a second object of the opening place's preposition
    ("in X township (Y district) some 600 villagers were displaced": one preposition, two
    objects, the second the verb's)."""
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
    if subjects and not (
        named_subject and all(c.pos_ in ("PROPN", "NUM") for c in subjects)
    ):
        return None
    start = verb.sent.start
    tail = verb.i - 1
    while tail > start and (
        verb.doc[tail].pos_ in ("ADV", "PART")
        or (passive and verb.doc[tail].dep_ in _AUXILIARIES and verb.doc[tail].head.i == verb.i)
    ):
        tail -= 1
    if tail < start:
        return None
    node = verb.doc[tail]
    while not _hung(node, second_object) and node.head.i != node.i and node.head.i < verb.i:
        node = node.head
    if not _hung(node, second_object) or node.right_edge.i != tail:
        return None
    return node


def _hung(node: Token, second_object: bool = False) -> bool:
    """Hung on a word before it: an apposition, or a conjunct of a name ("Illinois, and
    teachers"); with `second_object`, a preposition's object after another of its objects (no
    preposition takes two: "in X township some 600 villagers")."""
    if node.head.i >= node.i:
        return False
    if second_object and node.dep_ == "pobj" and any(
        c.dep_ == "pobj" and c.i < node.i for c in node.head.children
    ):
        return True
    return node.dep_ == "appos" or (node.dep_ == "conj" and node.head.pos_ == "PROPN")
