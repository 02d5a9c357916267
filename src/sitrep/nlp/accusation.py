"""The verb of accusing a deed hangs on: "the ministry accused Israeli forces of killing …".

Both the event layer (the deed is a happening of its own) and the actor layer (the accused, not
the accuser, did it) read the accusation through `accusing_verb`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

ACCUSING = frozenset({"accuse", "blame"})


def accusing_verb(deed: Token) -> Token | None:
    """The accuse/blame verb whose "of"/"for" the deed's gerund completes, or None. The parse may
    hang "of killing" on the accused (the verb's object) rather than on the verb."""
    if deed.dep_ != "pcomp" or deed.head.lower_ not in ("of", "for"):
        return None
    head = deed.head.head
    if head.dep_ == "dobj" and head.head.lemma_.lower() in ACCUSING:
        return head.head
    return head if head.lemma_.lower() in ACCUSING else None
