"""Who says so: sources per sentence from reporting verbs and their subjects, carried forward.

"Informed sources told Al Mayadeen that …" gives Source("informed sources", "anonymous");
"They added …", "The sources revealed …" and a following quoted sentence carry the last source
forward; "confirmed, in a statement on Telegram," gives the channel. Each event and tally draft
gets the sources of its sentence (or of its evidence sentences). With no source found the list
stays empty and the assembler names the outlet.
"""

from __future__ import annotations

import logging
import re
from functools import cache
from typing import TYPE_CHECKING

from sitrep.extract.registry import extractor
from sitrep.extract.state import ActorMention, DocState, EventDraft, TallyDraft
from sitrep.knowledge.lexicons import SourceWord, reporting_verbs, source_words, tally_nouns
from sitrep.nlp.segment import span_tokens
from sitrep.records import SOURCE_TYPES, Source

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

log = logging.getLogger(__name__)

_PRONOUNS = frozenset({"they", "he", "she", "it", "we", "i"})
_DEFINITE = frozenset({"the", "this", "these", "that", "those"})
# Entities that name no one: days, times, amounts.
_NOT_SPEAKERS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
_STRIP_LEFT = frozenset({"det", "poss", "punct", "cc", "predet"})
_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "parataxis", "conj", "relcl"})
_QUOTES = re.compile(r"[\"“”]")
# ACLED inter codes → the source type of an actor speaking for itself: state forces and external
# forces are officials; rebels, militias, rioters and protesters are parties; civilians witnesses.
_INTER_TYPE = {
    1: "official",
    2: "party",
    3: "party",
    4: "party",
    5: "party",
    6: "party",
    7: "witness",
    8: "official",
}
_TYPE_ORDER = ("anonymous", "monitor", "outlet", "witness", "party", "official")
_MAX_NAME_TOKENS = 8


def sentence_sources(state: DocState) -> dict[int, list[Source]]:
    """Sources of every sentence that has one, carrying pronoun/definite/quote references on."""
    result: dict[int, list[Source]] = {}
    last: list[Source] = []
    for i in range(len(state.sentences)):
        sent = state.spacy_sentence(i)
        if sent is None:
            continue
        found: list[Source] = []
        for subject, verb in _speakers(sent):
            source = _source(subject, verb, state, last)
            if source is not None and source not in found:
                found.append(source)
        # A quoted sentence with no speaker of its own continues the previous speaker's words.
        if not found and i - 1 in result and _QUOTES.search(state.sentences[i].text):
            found = list(result[i - 1])
        if found:
            result[i] = found
            last = found
    return result


def _speakers(sent: SpacySpan) -> list[tuple[Token, Token | None]]:
    """(subject, reporting verb) pairs: "X said", "X told …", "according to X"."""
    verbs = reporting_verbs()
    nouns = tally_nouns()
    pairs: list[tuple[Token, Token | None]] = []
    for tok in span_tokens(sent):
        if tok.lower_ == "according":
            for to in tok.children:
                pairs.extend((c, None) for c in to.children if c.dep_ == "pobj")
            continue
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in verbs:
            continue
        # "the Qasrak and Tell Baidar bases": a capitalised word inside a name is not a verb.
        if tok.ent_type_ or (
            tok.is_title and tok.i != sent.start and tok.doc[tok.i - 1].text not in '"“'
        ):
            continue
        subjects = [c for c in tok.children if c.dep_ == "nsubj"]
        if not subjects and tok.dep_ == "conj":  # "… said X and added that …"
            subjects = [c for c in tok.head.children if c.dep_ == "nsubj"]
        # "the shelling had claimed 49 lives" is a toll, not a claim.
        if any(c.dep_ == "dobj" and c.lemma_.lower() in ("life", "lives") for c in tok.children):
            continue
        # "the attack claimed …", "cases … recorded": things do not speak. When the parse gives
        # a subject that cannot speak ("27 people, …, the Observatory said"), try the words
        # right before the verb.
        subjects = [s for s in subjects if s.lemma_.lower() not in nouns and _can_speak(s)]
        if not subjects:
            subjects = [
                s
                for s in _subject_before(tok, sent)
                if s.lemma_.lower() not in nouns and _can_speak(s)
            ]
        # A misparse can give several subjects for one verb ("station al - Mayadeen"): one speaker.
        for subject in subjects[:1]:
            pairs.append((subject, tok))
            # "state TV and a monitor said": two sources.
            pairs.extend((c, tok) for c in subject.children if c.dep_ == "conj" and _can_speak(c))
    return pairs


def _subject_before(verb: Token, sent: SpacySpan) -> list[Token]:
    """The noun right before the verb, when the parse ran the sentence over a line break."""
    i = verb.i - 1
    while i >= sent.start and verb.doc[i].dep_ in ("advmod", "aux", "neg"):
        i -= 1
    if i < sent.start:
        return []
    tok = verb.doc[i]
    if tok.ent_type_ in _NOT_SPEAKERS:
        return []  # "the protesters on Friday stressed …": a day says nothing
    if tok.ent_type_:
        ent = next((e for e in verb.doc.ents if e.start <= i < e.end), None)
        if ent is not None and ent.start >= sent.start:
            return [ent.root]
    return [tok] if tok.pos_ in ("NOUN", "PROPN", "PRON") else []


def _dateline(tok: Token) -> bool:
    """ "BAGHDAD, Jan. 25 (Xinhua) --", "GAZA —": the place a report is filed from opens the line
    in capitals; it says nothing."""
    doc = tok.doc
    return (
        tok.is_upper
        and len(tok.text) > 2
        and _opens_sentence(tok)
        and tok.i + 1 < len(doc)
        and doc[tok.i + 1].text in (",", "—", "–", "-", "--")
    )


def _can_speak(subject: Token) -> bool:
    """Pronouns, names, organisations, and common nouns the source lexicon knows ("officials")."""
    if _dateline(subject):
        return False
    if subject.pos_ == "PRON":
        return subject.lower_ in _PRONOUNS
    if not any(ch.isalpha() for ch in subject.text):  # "-" in a hyphenated name
        return False
    if subject.pos_ == "PROPN" or subject.ent_type_ in ("ORG", "PERSON", "NORP", "GPE"):
        return True
    words = source_words()
    if subject.lower_ in words or subject.lemma_.lower() in words:
        return True
    # "a rescue worker": the lexicon may know the compound only.
    local = (
        " ".join(t.lower_ for t in subject.lefts if t.dep_ in ("compound", "amod"))
        + " "
        + subject.lower_
    )
    return any(" " in m.group(1) for m in _source_phrases().finditer(local))


def _source(
    subject: Token, verb: Token | None, state: DocState, last: list[Source]
) -> Source | None:
    channel = _channel(verb, subject) if verb is not None else None
    if subject.pos_ == "PRON":
        if subject.lower_ in _PRONOUNS and last:
            return _with_channel(last[0], channel)
        return None
    earlier = _earlier_reference(subject, last)
    if earlier is not None:
        return _with_channel(earlier, channel)
    name, kind = _name_and_type(subject, state)
    if not name:
        return None
    return Source(name, kind, channel)


def _with_channel(source: Source, channel: str | None) -> Source:
    return Source(source.name, source.type, channel) if channel and not source.channel else source


def _earlier_reference(subject: Token, last: list[Source]) -> Source | None:
    """ "The sources" after "Informed sources"; "Al-Askari" after "Abu Ali al-Askari"."""
    head = subject.lower_
    definite = any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in subject.children)
    for source in last:
        words = [w.lower() for w in re.split(r"[\s-]+", source.name) if w]
        if not words:
            continue
        if definite and (head == words[-1] or subject.lemma_.lower() == words[-1]):
            return source
        if subject.pos_ == "PROPN" and head == words[-1] and len(list(subject.subtree)) <= 6:
            return source
    return None


def _name_and_type(subject: Token, state: DocState) -> tuple[str, str]:
    name, kind = _named(subject, state)
    return " ".join(name.split()), kind  # "UK PM\n\n": a name has no line breaks


# Documents that speak for whoever issued them: "a statement from X", "a Reuters report".
_DOCUMENT_NOUNS = frozenset({"statement", "report", "reports", "website"})


def _issuer(subject: Token) -> Token:
    """The one who issued "a statement from X", "an X report", "the X website"; else the subject."""
    if subject.lower_ not in _DOCUMENT_NOUNS:
        return subject
    for prep in subject.children:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "by", "of"):
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.pos_ == "PROPN":
                    return obj
    names = [t for t in subject.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
    return names[-1] if names else subject


def _named(subject: Token, state: DocState) -> tuple[str, str]:
    subject = _issuer(subject)
    tokens = _subject_tokens(subject)
    person = _person(subject, tokens)
    actor = _actor(state, tokens)
    kind = _type(subject, tokens, actor)
    # A known actor speaks under its canonical name ("the Resistance" → its dictionary name),
    # even when NER calls the word a person.
    if actor is not None and actor.kind not in ("pronoun", "person") and _covers(actor, subject):
        return actor.actor.name, kind
    if person is not None:
        return person, kind
    org = _organisation(subject)
    if org is not None:
        return org, kind
    return _noun_phrase(subject, tokens), kind


def _subject_tokens(subject: Token) -> list[Token]:
    """The subject's subtree inside its sentence, without the clauses hanging off it."""
    sent = subject.sent
    tokens = [t for t in subject.subtree if sent.start <= t.i < sent.end]
    clauses = {
        t.i for c in subject.children if c.dep_ in ("relcl", "acl", "conj", "cc") for t in c.subtree
    }
    tokens = [t for t in tokens if t.i not in clauses]
    # The line-break parse can hang the previous line onto the subject: keep the part touching it.
    lo = hi = tokens.index(subject)
    while (
        lo > 0 and tokens[lo - 1].i == tokens[lo].i - 1 and "\n" not in tokens[lo - 1].text_with_ws
    ):
        lo -= 1
    while hi + 1 < len(tokens) and tokens[hi + 1].i == tokens[hi].i + 1:
        hi += 1
    return tokens[lo : hi + 1]


def _person(subject: Token, tokens: list[Token]) -> str | None:
    """A named person in the subject: "a senior official in …, Abu Ali al-Askari"."""
    for tok in tokens:
        if tok.ent_type_ == "PERSON" and tok.ent_iob_ == "B":
            ent = next((e for e in tok.doc.ents if e.start == tok.i), None)
            if ent is not None:
                return ent.text
    for tok in tokens:  # the parser often finds the apposition when NER does not
        if (
            tok.dep_ == "appos"
            and tok.pos_ == "PROPN"
            and tok.i != subject.i
            and tok.ent_type_ in ("", "PERSON")
        ):
            words = [t for t in tok.subtree if t.dep_ != "punct" or t.text == "-"]
            return "".join(t.text_with_ws for t in words).strip(" ,")
    return None


def _organisation(subject: Token) -> str | None:
    """The named organisation the subject heads: "the Syrian Observatory for Human Rights"."""
    if subject.ent_type_ not in ("ORG", "NORP", "GPE"):
        return None
    ent = next((e for e in subject.doc.ents if e.start <= subject.i < e.end), None)
    if ent is None:
        return None
    return re.sub(r"^the\s+", "", ent.text.strip(), flags=re.IGNORECASE) or None


def _actor(state: DocState, tokens: list[Token]) -> ActorMention | None:
    if not tokens or not state.actors:
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    inside = [m for m in state.actors if start <= m.span.start and m.span.end <= end]
    return inside[0] if inside else None


def _covers(mention: ActorMention, subject: Token) -> bool:
    """The mention holds the subject's head, or the name set beside it ("the militant group
    Islamic State")."""
    heads = [subject, *(c for c in subject.children if c.dep_ == "appos" and c.pos_ == "PROPN")]
    return any(mention.span.start <= t.idx < mention.span.end for t in heads)


def _type(subject: Token, tokens: list[Token], actor: ActorMention | None) -> str:
    words = source_words()
    # The head noun decides first: "hospital sources" are anonymous, "the observatory" a monitor;
    # a longer known phrase ending in it decides over the bare word ("civil defence agency" is no
    # news agency).
    head = _head_phrase(subject) or words.get(subject.lower_) or words.get(subject.lemma_.lower())
    # A party's own word for itself ("Yemen's rebels", "Iraqi armed groups") tells a party too,
    # whatever state the words before it name.
    if head is not None and head.kind in ("anonymous", "monitor", "outlet", "witness", "party"):
        return head.kind
    if actor is not None and actor.actor.inter in _INTER_TYPE:
        return _INTER_TYPE[actor.actor.inter]
    text = " ".join(t.lower_ for t in tokens)
    kinds = {words[m.group(1)].kind for m in _source_phrases().finditer(text)}
    for kind in _TYPE_ORDER:
        if kind in kinds:
            return kind
    return "official"


def _head_phrase(subject: Token) -> SourceWord | None:
    """The longest multiword source phrase that ends in the subject's head noun, if any."""
    inside = {t.i for t in subject.subtree}
    i = subject.i
    while i - 1 in inside and subject.doc[i - 1].dep_ in ("compound", "amod"):
        i -= 1
    lefts = [t.lower_ for t in subject.doc[i : subject.i]]
    words = source_words()
    for i in range(len(lefts)):
        entry = words.get(" ".join([*lefts[i:], subject.lower_]))
        if entry is not None:
            return entry
    return None


@cache
def _source_phrases() -> re.Pattern[str]:
    """One alternation of every source-type phrase, longest first, on word boundaries."""
    keys = sorted(
        (k for k in source_words() if not k.startswith("channel:")), key=len, reverse=True
    )
    return re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, keys)) + r")(?![\w-])")


def _noun_phrase(subject: Token, tokens: list[Token]) -> str:
    """The subject's words without articles; common nouns lowercased ("informed sources")."""
    if len(tokens) > _MAX_NAME_TOKENS:
        tokens = [t for t in subject.lefts if t.dep_ in ("compound", "amod")] + [subject]
    while tokens and (tokens[0].dep_ in _STRIP_LEFT or tokens[0].lower_ in ("the", "a", "an")
                      or tokens[0].dep_ == "case"):  # fmt: skip
        if tokens[0].dep_ == "poss" and tokens[0].pos_ == "PROPN":
            break  # "Gaza's civil defence agency" keeps whose it is; "the city's hospital" not
        tokens = tokens[1:]
    text = "".join(t.text_with_ws for t in tokens).strip(" ,")
    # Lowercase only words written in lowercase (or capitalised only because they open the
    # sentence): "Informed sources" → "informed sources", but "ICRC" stays.
    if all(t.is_lower or (_opens_sentence(t) and t.is_title and t.pos_ != "PROPN")
           or not t.is_alpha for t in tokens):  # fmt: skip
        text = text.lower()
    return text


def _opens_sentence(tok: Token) -> bool:
    return tok.i == 0 or tok.is_sent_start or "\n" in tok.doc[tok.i - 1].text_with_ws


def _channel(verb: Token, subject: Token) -> str | None:
    """ "in a statement on Telegram", "on its Telegram channel", "via X"."""
    words = source_words()
    skip = {t.i for t in subject.subtree}
    for child in verb.children:
        if child.dep_ in _CLAUSE_DEPS:
            skip.update(t.i for t in child.subtree)
    for tok in verb.subtree:
        if tok.i in skip:
            continue
        entry = words.get(f"channel:{tok.lower_}")
        if entry is None:
            continue
        # A one-letter name ("X") only counts right after a preposition: "posted on X".
        if len(tok.text) == 1 and not (tok.i > 0 and tok.doc[tok.i - 1].pos_ == "ADP"):
            continue
        return entry.name or tok.text
    return None


@extractor(
    "attribution",
    requires=("events", "tallies"),
    assigns=("sentence_sources", "events.sources", "tallies.sources"),
)
def attribute_sources(state: DocState) -> None:
    """Fill `state.sentence_sources`, then each draft's sources from its sentence or evidence."""
    if state.doc is None:
        return
    state.sentence_sources = sentence_sources(state)
    drafts: list[EventDraft | TallyDraft] = [*state.events, *state.tallies]
    for draft in drafts:
        sources = list(state.sentence_sources.get(draft.sentence, []))
        if not sources:
            for span in draft.evidence:
                for source in state.sentence_sources.get(state.sentence_of(span.start), []):
                    if source not in sources:
                        sources.append(source)
        for source in sources:
            if source not in draft.sources and source.type in SOURCE_TYPES:
                draft.sources.append(source)
    log.debug(
        "attribution: %d of %d sentences attributed",
        len(state.sentence_sources),
        len(state.sentences),
    )
