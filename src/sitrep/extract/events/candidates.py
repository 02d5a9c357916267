"""Event detection and typing: triggers → EventDrafts with ACLED, PLOVER and CAMEO codes; merging.

`events` finds trigger words in the spaCy parse (lexicon in knowledge/data/triggers.csv), drops
mentions that are not happenings, groups the triggers of one sentence that describe one happening,
types each group with the statistical classifier restricted to the triggers' candidate sub-types and
ACLED's decision rules (type_rules.py), and splits a list of sites into one draft per site. The
drafts are mentions: the `assemble` stage (extract/assembly/) joins the mentions of one happening
across the document. Which mentions are skipped, and why, is written down in docs/events.md.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from sitrep.extract.actors.clauses import DEATH_VERBS
from sitrep.extract.actors.mentions import document_year
from sitrep.extract.actors.names import renamed
from sitrep.extract.events.remarks import crowd_size_noted
from sitrep.extract.events.triggers import (
    SEQUENCE_PREPS,
    Entry,
    Lexicon,
    Match,
    burns_a_symbol,
    count_of,
    family_of,
    frame_ancestor,
    governing_verb,
    governors,
    is_anchored_noun,
    is_corpse,
    is_definite,
    is_demonstration_word,
    is_future,
    is_hypothetical,
    is_intention,
    is_told_of_anyone,
    joined_with_own_subject,
    lexicon,
    names_a_demonstration,
    protest_told,
    protest_topics,
    sentence_triggers,
    set_beside,
    subjects_of,
)
from sitrep.extract.events.type_rules import (
    INTERVENED,
    PEACEFUL,
    VIOLENT_TYPES,
    TypeDecision,
    backing_tokens,
    decide_type,
    fire_returned,
    fought,
    paragraph_text,
)
from sitrep.extract.places.sitelist import Site, site_list
from sitrep.extract.registry import extractor
from sitrep.extract.state import DocState, EventDraft
from sitrep.extract.statements.factuality import modality_of
from sitrep.knowledge.actors import ARMED_INTER, NON_STATE_INTER, actor_dictionary
from sitrep.knowledge.classifiers import load_classifier
from sitrep.knowledge.happenings import weapon_of
from sitrep.knowledge.lexicons import reporting_verbs
from sitrep.knowledge.taxonomy import category
from sitrep.nlp.accusation import accusing_verb
from sitrep.nlp.numbers import read_number
from sitrep.nlp.opening import hung_subject
from sitrep.nlp.segment import doc_text, span_text, span_tokens
from sitrep.records import Place, Span

log = logging.getLogger(__name__)

_HEADER = re.compile(r"\s*date \d{4}-\d{2}-\d{2}\b")
_Seen = list[tuple[str, list[EventDraft]]]


@dataclass(slots=True)
class _Group:
    """Triggers of one family in one sentence: one happening (or one tally)."""

    sentence: int
    family: str
    matches: list[Match] = field(default_factory=list)
    count: tuple[int, int] | None = None  # token range of the count, for tallies
    statement: str | None = None  # PLOVER statement category when violence became a threat


# Where the actors stage found armed groups that are no state force (ACLED inter 2-4: rebels,
# political and identity militias, gangs): "members of the cartel delivered food packages" are
# armed men as "soldiers" are, though no word of theirs says so.
ARMED_GROUPS_KEY = "sitrep.events.armed_groups"


@extractor("events", requires=("sentences", "times", "places", "actors"), assigns=("events",))
def find_events(state: DocState) -> None:
    """Candidate events for every sentence (see the module docstring)."""
    if state.doc is None:
        return
    lex = lexicon()
    seen: _Seen = []  # trigger lemma → drafts, for anaphora
    state.doc.user_data[ARMED_GROUPS_KEY] = [
        (a.span.start, a.span.end) for a in state.actors if a.actor.inter in NON_STATE_INTER
    ]
    for i, sent_span in enumerate(state.sentences):
        if _HEADER.match(sent_span.text):
            continue  # the "date YYYY-MM-DD <title>" line is metadata; the body tells the events
        sent = state.doc.char_span(sent_span.start, sent_span.end, alignment_mode="expand")
        if sent is None:
            continue
        groups = _groups(sent, i, lex, seen)
        typed = [(group, _drafts(group, sent, state, lex)) for group in groups]
        violent = _tells_violence(sent, [d for _, drafts in typed for d in drafts], state.events)
        for group, drafts in typed:
            if violent:
                drafts = [d for d in drafts if d.sub_event_type != MOVEMENT]
            state.events.extend(drafts)
            for m in group.matches:
                seen.append((state.doc[m.head].lemma_.lower(), drafts))
    if not any(d.acled_codable for d in state.events):
        state.events.extend(_crowd_remarked(state, lex))
    if not any(d.acled_codable for d in state.events):
        state.events.extend(_lead_told(state, lex))
    _attach_coreferent_evidence(state, state.events)
    log.debug("%d event drafts", len(state.events))


# What a gathering whose size ACLED noted can be: a demonstration or a riot.
CROWD_KEYS = frozenset(
    {"Peaceful protest", "Protest with intervention", "Violent demonstration", "Mob violence"}
)


def _crowd_remarked(state: DocState, lex: Lexicon) -> list[EventDraft]:
    """A gathering told in words no trigger names, in a paragraph holding ACLED's crowd-size
    remark ("residents forced a supermarket to close … [size=no report]", "employees of the
    hospital in front of its building demanding salaries. [size=no report]"): ACLED notes a
    crowd's size only for demonstration events (1,955 of the 1,964 train notes with the remark
    are Protests or Riots), so the paragraph's first sentence tells one, typed by the classifier
    among those sub-types. News text carries no such remark."""
    assert state.doc is not None
    for i, sent_span in enumerate(state.sentences):
        if _HEADER.match(sent_span.text):
            continue
        sent = state.doc.char_span(sent_span.start, sent_span.end, alignment_mode="expand")
        if sent is None or not crowd_size_noted(paragraph_text(sent)):
            continue
        root = sent.root
        entry = Entry(
            pattern=(root.lower_,), phrase=False, pos="ANY", role="trigger",
            candidates=CROWD_KEYS, plover=None, plover_mode=None, weight=0.5, requires="",
            family=family_of(CROWD_KEYS),
        )  # fmt: skip
        group = _Group(i, entry.family, [Match(root.i, root.i + 1, root.i, entry)])
        return _drafts(group, sent, state, lex)
    return []


# What a dated lead no trigger names can tell: the non-violent sub-types (a development or a
# protest); violence has words of its own, which a sentence without any would not hold.
LEAD_KEYS = frozenset({
    "Peaceful protest", "Protest with intervention", "Agreement", "Arrests",
    "Change to group/activity", "Headquarters or base established",
    "Looting/property destruction", "Non-violent transfer of territory", "Other",
})
# ACLED's own lead: the text opens with the event's day ("On 9 May 2021, …", "Around 3 March
# 2022 (as reported), …", "As reported on 2 May 2020, …"; a label may come first: "Looting: …").
_DATED_LEAD = re.compile(
    r"\s*(?:[A-Z][A-Za-z /]{0,40}:\s*)?(?:On|Around|As reported on|Reported on|Between|"
    r"On or around|On or about|Since|During|Overnight on|Late on|Early on|From)\s+"
    r"\d{1,2}(?:st|nd|rd|th)?(?:\s*-\s*\d{1,2})?\s+[A-Z][a-z]+\s+\d{4}\b"
)


# Requirements whose failure says the sentence tells no happening ACLED codes: leaflets dropped
# (no weapon), a statement or a prisoner released (no people moved), the police arriving (no
# troops), goods delivered by people who are no armed group.
_NO_HAPPENING = frozenset(
    {"weapon", "people", "migrants", "troops", "founded", "unprotested", "stops_weapon"}
)


def lead_sentence(state: DocState) -> Span | None:
    """The text's first sentence where it opens with ACLED's dated lead (a note's shape)."""
    first = next((s for s in state.sentences if not _HEADER.match(s.text)), None)
    if first is None or first.start != 0 or not _DATED_LEAD.match(first.text):
        return None
    return first


def _shows_banner(tok: Token, lex: Lexicon) -> bool:
    """The word's object is a thing people hang up to be read (a banner): "dropped a banner over
    an overpass" shows a message, a deed the lead tells, where "dropped leaflets" from the air
    does not."""
    return any(
        c.dep_ in ("dobj", "obj", "nsubjpass") and lex.is_cue(c, "banner") for c in tok.children
    )


def _lead_told(state: DocState, lex: Lexicon) -> list[EventDraft]:
    """A text that opens with ACLED's dated lead ("On 9 May 2021, the council banned …") tells
    one event in that sentence even when no trigger names it (a lockdown declared, banners
    dropped, a group's training, an organisation closed): the sentence's root, typed by the
    classifier among the non-violent sub-types. Only when nothing codable was found: a
    sentence with no violent word tells no violence, so a violent prediction gives way to the
    classifier's best non-violent one, and what soldiers or an armed group did is no protest.
    News text opens with a headline or a place line, not with such a lead."""
    assert state.doc is not None
    first = lead_sentence(state)
    if first is None:
        return []
    sent = state.doc.char_span(first.start, first.end, alignment_mode="expand")
    if sent is None:
        return []
    found, claimed = sentence_triggers(sent, lex)
    if claimed or any(
        (m.entry.requires in _NO_HAPPENING and not _shows_banner(sent.doc[m.head], lex))
        or _requirements_met(sent.doc[m.head], m.entry.requires, lex)
        for m in found
    ):
        # a word of the lexicon the detector read and set aside: it knows better. A word whose
        # requirement fails is not the lexicon's word here ("conducted sweeping operations"
        # names no attack on anyone, "a head was found" is no body found): the lead tells the
        # event, unless the failed reading says what it told is no happening at all.
        return []
    root = sent.root
    keys = LEAD_KEYS
    armed = [(a.span.start, a.span.end) for a in state.actors if a.actor.inter in ARMED_INTER]
    if any(
        lex.is_cue(w, "armed") or any(s <= w.idx < e for s, e in armed)
        for subject in subjects_of(root)
        for w in subject.subtree
    ):
        keys = LEAD_KEYS - PROTEST_KEYS  # what soldiers or a militia did is no protest
    entry = Entry(
        pattern=(root.lower_,), phrase=False, pos="ANY", role="trigger",
        candidates=keys, plover=None, plover_mode=None, weight=0.5, requires="",
        family=family_of(keys),
    )  # fmt: skip
    group = _Group(state.sentences.index(first), entry.family,
                   [Match(root.i, root.i + 1, root.i, entry)])  # fmt: skip
    drafts = _drafts(group, sent, state, lex)[:1]
    for d in drafts:
        # one event for the note, placed by its sentence (sites listed are the measure's scope:
        # "a lockdown in A, B and C")
        d.extra.pop("place_span", None)
        d.extra.pop("site_head", None)
    clf = load_classifier()
    for d in drafts:
        if d.sub_event_type in keys or clf is None:
            continue
        # the classifier went past the keys (violence, a riot, the soldiers' "protest"): its
        # best among them
        prediction = clf.predict(span_text(sent))
        if (para := paragraph_text(sent)) != span_text(sent):
            prediction = prediction.mixed(clf.predict(para))
        key, p = prediction.best(keys)
        cat = category(key)
        d.event_type, d.sub_event_type = cat.event_type, cat.sub_event_type
        d.disorder_type, d.acled_codable = cat.disorder_type, cat.acled_codable
        d.plover, d.plover_mode, d.cameo = cat.plover, cat.plover_mode, cat.cameo
        d.extra["cameo_code"] = cat.cameo_code
        d.confidence = round(0.4 + 0.3 * p, 3)
    return [d for d in drafts if d.sub_event_type in keys]


PROTEST_KEYS = frozenset({PEACEFUL, INTERVENED})


ARREST_KEYS = frozenset({"Arrests", "Abduction/forced disappearance", "Protest with intervention"})


def _act_of_the_arrested(tok: Token, arrests: set[int]) -> bool:
    """Violence told in a relative clause about people arrested ("police said they had
    detained three men who bombed a shop"): what they did is a happening of its own."""
    if tok.i in arrests:
        return False
    clause = next((t for t in (tok, *tok.ancestors) if t.dep_ == "relcl"), None)
    if clause is None:
        return False
    t = clause.head
    while t.dep_ in ("dobj", "pobj", "prep", "conj", "appos", "nsubjpass") and t.head.i != t.i:
        t = t.head
        if t.i in arrests:
            return True
    return False


_DAYS_BEFORE = re.compile(r"\b(?:hours?|days?|weeks?|months?)\s*$", re.IGNORECASE)


def _days_apart(tok: Token) -> bool:
    """In a clause told as "days after …" or "weeks before …": another happening, at another
    time ("the raid came a day after the army launched an assault")."""
    verb = tok
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in ("after", "before")),
                None)  # fmt: skip
    if mark is None:
        return False
    return _DAYS_BEFORE.search(doc_text(tok.doc), max(0, mark.idx - 12), mark.idx) is not None


_PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
# Prepositions that say where: "at the border", "in the south", "near the dam".
_WHERE_PREPS = frozenset({"at", "in", "near", "along", "inside", "outside", "across"})


def _followed_by_own(tok: Token) -> bool:
    """ "Warplanes struck targets in the south after a shoot-out with smugglers at the border":
    a happening named as what the sentence's verb came after (or before), each told with a
    place of its own, is another happening, not more of the verb's. (With one place for both,
    "following a skirmish in the district, troops fired drones at the fighters", it is one.)"""
    if not (
        tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ in SEQUENCE_PREPS
    ):
        return False
    verb = tok.head.head
    return verb.pos_ == "VERB" and _says_where(tok) and _says_where(verb)


def _says_where(tok: Token) -> bool:
    """A place phrase of its own hangs off `tok` ("in the south", not "in the morning")."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in _WHERE_PREPS
        and any(o.dep_ == "pobj" and o.ent_type_ not in _TIME_ENTITIES for o in c.children)
        for c in tok.children
    )


_TIME_ENTITIES = frozenset({"DATE", "TIME"})


def _while_elsewhere(tok: Token) -> bool:
    """ "A drone exploded over the capital, while a ship was hit off the coast", "one drone hit a
    field in the north and another struck a depot west of the city": a clause with its own
    subject and its own place, set beside the main one or joined to it, tells another
    happening."""
    verb = governing_verb(tok)
    if verb is None or not (set_beside(verb) or joined_with_own_subject(verb)):
        return False
    clause = {t.i for t in verb.subtree}
    here = {t.text for t in verb.subtree if t.ent_type_ in _PLACE_ENTITIES}
    main = {t.text for t in tok.sent if t.ent_type_ in _PLACE_ENTITIES and t.i not in clause}
    return bool(here) and bool(main) and not here & main


MOVEMENT = "Change to group/activity"


def _tells_violence(sent: SpacySpan, drafts: list[EventDraft], earlier: list[EventDraft]) -> bool:
    """The sentence tells a violent happening, its own or one told before ("The raid involved the
    deployment of 80 vehicles", "soldiers on patrol came under fire"): troops moving or patrolling
    in it are part of that happening, not a Change to group/activity of their own."""
    return any(d.event_type in VIOLENT_TYPES and not d.is_tally for d in drafts) or any(
        d.event_type in VIOLENT_TYPES and sent.start_char in d.extra.get("coreferent_sentences", ())
        for d in earlier
    )


def _groups(sent: SpacySpan, i: int, lex: Lexicon, seen: _Seen) -> list[_Group]:
    doc = sent.doc
    kept: list[tuple[Match, str | None, tuple[int, int] | None]] = []
    matches, claimed = sentence_triggers(sent, lex)
    if claimed:
        deeds = {m.head for m in claimed}  # ("blocked the road to demand …" is no "Other")
        matches = sorted([m for m in matches if m.head not in deeds] + claimed,
                         key=lambda m: m.start)  # fmt: skip
    # "students joined the nationwide protest", "residents joined in the march": taking part in a
    # protest is protesting (ACLED codes the joiners' demonstration; 35 of the 37 train notes
    # telling people joining a protest are Protests), not a change to a group; the protest word
    # names it
    matches = [
        m for m in matches
        if not (m.entry.candidates == _JOINING and joins_a_protest(doc[m.head], lex, people=False))
    ]  # fmt: skip
    trigger_heads = {m.head for m in matches}
    since_clauses = {
        c.head.i for c in span_tokens(sent) if c.dep_ == "mark" and c.lower_ == "since"
    }
    coreferent: set[int] = set()  # tokens found to name an earlier happening
    # "retaliated by launching two attacks": a trigger whose requirement fails here (a threat word
    # in the past) names nothing, so it does not take in the happenings it governs
    live = [m for m in matches if _requirements_met(doc[m.head], m.entry.requires, lex)]
    for m in matches:
        tok = doc[m.head]
        entry = m.entry
        if any(c.i in coreferent for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")):
            continue  # "The attack wounded three": the verb tells more of the same happening
        if not _requirements_met(tok, entry.requires, lex):
            continue
        if _nobody_did(tok) or _denied(tok):
            continue  # "no one was injured": the sentence says a harm did not happen
        if _only_violence(entry) and _aimed_at_words(tok, lex):
            continue  # "leaders attacked the proposal": words fought with words
        if _only_violence(entry) and _in_play(tok, lex):
            continue  # "the pace attack ripped through the batting line-up": a game
        if _seen_as_reason(tok):
            continue  # "after seeing comrades being injured": why they acted, not a happening
        if (
            burns_a_symbol(tok, lex)
            and not names_a_demonstration(entry)
            and any(names_a_demonstration(m.entry) for m in matches)
        ):
            # "protested and burned effigies of the minister", "burned the flag during a
            # protest": a protest's gesture ("people burned a flag and sprayed graffiti", with no
            # protest told, is destruction)
            continue
        if _names_a_kind_of_thing(tok, trigger_heads, lex):
            continue  # "missile systems", "rocket launcher": equipment, not a happening
        if entry.family != "statement" and _since_what(tok, since_clauses):
            continue  # "since war erupted after the assault of October 7": when a stretch began
        count = count_of(tok, sent, lex) if entry.family != "statement" else None
        if count is None:
            held_in = _held_in_a_demonstration(tok, lex)
            frame = None if held_in else frame_ancestor(tok, lex)
            if frame is not None and not _told_by_denial(tok, frame):
                continue  # feared, simulated, prevented, a campaign or topic: not a happening
            if _under_other_family(tok, entry.family, live, doc) and not _accused_deed(
                tok, matches, lex
            ):
                continue  # "attacked a checkpoint", "threatened to attack": part of the other one
            statement = None
            if is_hypothetical(tok):
                continue  # "any siege would target …": conditional, not a happening
            if entry.family != "statement" and (is_future(tok) or is_told_of_anyone(tok)):
                if not _in_speech(tok, lex):
                    continue  # a plan or forecast, not a happening; ACLED codes neither
                # future violence announced by a speaker is a threat, and so is one it makes
                # the condition of what will come ("anyone who attacks us will pay")
                statement = "THREATEN"
            elif (
                tok.pos_ in ("NOUN", "PROPN")
                and is_definite(tok)
                and not _in_sequence(tok)
                and _refers_back(tok, seen, sent.start_char, entry.family, i)
            ):
                coreferent.add(tok.i)
                continue  # "the exercises": found before; this sentence is more evidence
            elif (
                tok.pos_ in ("NOUN", "PROPN")
                and not is_anchored_noun(tok, lex)
                and not _reported_at(tok)
                and not _presupposed(tok, i, seen, lex)
            ):
                continue  # "attacks have had an impact": a topic, not a happening
            elif (
                not held_in
                and is_intention(tok, lex)
                and not (entry.requires == "people" and _made_to(tok))
                and not any(a.i in trigger_heads for a in tok.ancestors)
            ):
                continue  # "racing to execute operations": an intention, not a happening
            kept.append((m, statement, None))
        else:
            kept.append((m, None, count))
    # what a protest is about ("protested over the looting of …") is its grievance, not more of
    # the protest nor a happening this sentence tells
    about = protest_topics(sent, lex, matches)
    kept = [
        k
        for k in kept
        if not _target_of_violence(doc[k[0].head], matches, doc, lex)
        and not _inside_coreferent(doc[k[0].head], coreferent)
        and not (
            k[0].head in about
            and k[0].entry.family != "statement"
            and not (names_a_demonstration(k[0].entry) and _can_be_peaceful(k[0].entry))
        )
    ]
    if any(names_a_demonstration(m.entry) for m in matches):
        # "staged protests over … the arrest of party leaders", "demonstrated after a warrant of
        # arrest was issued", "to demand … house arrest": an arrest named by its noun beside a
        # protest is what the protest is about, not a deed done to it (ACLED codes the arrest of
        # protesters, told by its verb: in the 5-fold CV all 5 protests an arrest noun beside
        # them made interventions were Peaceful protests, and none of the interventions found
        # rested on one)
        kept = [k for k in kept if not _arrest_named(doc[k[0].head], k[0].entry, lex)]
    groups: dict[tuple[str, bool, bool], _Group] = {}
    ordered: list[_Group] = []
    arrests = {m.head for m in matches if m.entry.candidates and m.entry.candidates <= ARREST_KEYS}
    for m, statement, count in kept:
        family = "statement" if statement else m.entry.family
        own = family == "violence" and (
            not m.entry.candidates
            or any(category(c).event_type in VIOLENT_TYPES for c in m.entry.candidates)
        )
        tok = doc[m.head]
        apart = own and (
            _act_of_the_arrested(tok, arrests)
            or _days_apart(tok)
            or _while_elsewhere(tok)
            or _followed_by_own(tok)
        )
        key = (family, count is not None, apart)
        if key not in groups:
            groups[key] = _Group(i, family, statement=statement)
            ordered.append(groups[key])
        g = groups[key]
        g.matches.append(m)
        g.count = g.count or count
        g.statement = g.statement or statement
    backing = backing_tokens(sent) if len(kept) > 1 else frozenset()
    for g in ordered if backing else ():
        # "rebels, covered by mortar fire and drones, stormed the post", "the militia raided the
        # camp with rifles, in conjunction with the army's shelling": the weapons that backed
        # the deed are not the deed the sentence tells, nor its trigger (ACLED codes a ground
        # assault backed from the air or by guns from afar as a battle)
        deed = [m for m in g.matches if m.head not in backing]
        if deed and len(deed) < len(g.matches) and not g.statement:
            g.matches[:] = deed
    return ordered


def _arrest_named(tok: Token, entry: Entry, lex: Lexicon) -> bool:
    """An arrest word used as a noun ("the arrest of", "house arrest"), not one a light verb
    makes a deed ("made several arrests")."""
    return (
        bool(entry.candidates)
        and entry.candidates <= ARREST_KEYS
        and tok.pos_ == "NOUN"
        and not (tok.dep_ in ("dobj", "nsubjpass") and lex.is_cue(tok.head, "support"))
    )


_JOINING = frozenset({"Change to group/activity"})
_AT = frozenset({"in", "at", "near", "across", "around", "outside"})


def _can_be_peaceful(entry: Entry) -> bool:
    """A protest word ("sit-in", "rally") told in what a protest is about is more of the protest;
    a riot word ("riot", "mob") there is its grievance: "protested against the riot of last
    month", "demanded justice for a man who was killed by a mob"."""
    return "Peaceful protest" in entry.candidates


def _held_in_a_demonstration(tok: Token, lex: Lexicon) -> bool:
    """ "locked the school … in a demonstration to demand teachers", "employees in a protest in
    front of the office called for their pay": what people did or said in a protest tells that
    the protest was held; what the sentence's verb is (prevented, called for, a purpose clause)
    does not make it a plan. So does the bare idiom "in protest (against …)": what was done
    ("blocked the road to prevent MPs from attending, in protest against the law") was the
    protest."""
    return (
        tok.dep_ == "pobj"
        and tok.head.lower_ == "in"
        and tok.tag_ == "NN"
        and is_demonstration_word(tok, lex)
        and all(c.lower_ in ("a", "an") for c in tok.children if c.dep_ == "det")
    )


def _inside_coreferent(tok: Token, coreferent: set[int]) -> bool:
    """ "Their fighters were targeted in the attack": a verb told inside a happening named before
    tells more of it, as "the attack wounded three" does."""
    return tok.pos_ == "VERB" and any(
        c.dep_ == "prep" and c.lower_ in ("in", "during") and any(
            g.dep_ == "pobj" and g.i in coreferent for g in c.children)
        for c in tok.children
    )  # fmt: skip


def _target_of_violence(tok: Token, matches: list[Match], doc, lex: Lexicon) -> bool:
    """A protest word inside what a violent verb acted on ("destroyed a gathering of fighters",
    "hit their gathering places", "fired on a rally"): the target, not a demonstration of its own.
    The verb's happening is the event; ACLED types it by what was done. People ("fired on
    protesters") stay: force used on demonstrators is itself a protest sub-type."""
    if not is_demonstration_word(tok, lex) or lex.is_cue(tok, "agent"):
        return False
    verbs = {
        m.head
        for m in matches
        if doc[m.head].pos_ == "VERB" and not is_demonstration_word(doc[m.head], lex)
    }
    t, listed = tok, False
    while t.dep_ in _WITHIN_OBJECT and t.head.i != t.i:
        listed = listed or t.lower_ == "including"
        child, t = t, t.head
        if t.i in verbs:
            return listed or child.dep_ == "dobj" or child.lower_ in _AT_TARGET
    return False


# Links that keep a word inside a verb's object ("hit targets, including gathering places of …"),
# not in a clause of its own ("blocked the road, protesting against …"); what a verb is done to is
# its direct object, a phrase after one of _AT_TARGET, or a list of targets ("including …").
_WITHIN_OBJECT = frozenset({"dobj", "pobj", "prep", "conj", "appos", "compound", "amod", "nmod"})
_AT_TARGET = frozenset({"on", "against", "at"})


def _since_what(tok: Token, since_clauses: set[int]) -> bool:
    """Inside a "since" clause or phrase: the happening that starts a stretch of time the
    sentence speaks of ("protests have gone on since the war started"), a time reference, not
    news told by the sentence. `since_clauses`: the sentence's verbs marked by "since" (found
    once: looking through every ancestor's children is quadratic on a long run-on sentence)."""
    for t in (tok, *tok.ancestors):
        if t.dep_ == "pobj" and t.head.lower_ == "since":
            return True
        if t is not tok and t.i in since_clauses:
            return True  # (the clause's own verb may be news: "since militants attacked …")
    return False


def _names_a_kind_of_thing(tok: Token, trigger_heads: set[int], lex: Lexicon) -> bool:
    """A trigger noun modifying a noun of equipment or industry ("air defense missile systems",
    "a rocket launcher", "the drone factory"): it says what kind of thing, not that anything
    happened ("artillery rounds", "protest action": the head still tells a happening)."""
    return (
        tok.dep_ == "compound"
        and tok.pos_ in ("NOUN", "PROPN")
        and tok.head.i not in trigger_heads
        and lex.is_cue(tok.head, "equipment")
    )


def _reported_at(tok: Token) -> bool:
    """ "Strikes are reported in the capital and the port", "clashes were reported near the
    dam", "air raids were reported on the district", "… between the army and the rebels": a
    happening reported at places or between sides, told as the subject of the reporting verb."""
    head = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass") or head.lemma_.lower() not in reporting_verbs():
        return False
    return any(
        c.dep_ == "prep" and (c.lower_ in _AT or c.lower_ in ("between", "on"))
        and any(g.dep_ == "pobj" for g in c.children)
        for c in head.children
    )  # fmt: skip


def _in_sequence(tok: Token) -> bool:
    """ "The first raid …", "the second rocket attack …": one happening of several told before
    together ("two separate raids"), told now on its own: a new mention, not a reference back to
    the earlier one."""
    head = tok.head if tok.dep_ == "compound" else tok
    if head.dep_ == "attr":
        return False  # "it was the first raid on the town": said of the happening just told
    return any(c.dep_ == "amod" and c.ent_type_ == "ORDINAL" or c.lower_ in _SEQUENCE_WORDS
               for c in head.children)  # fmt: skip


_SEQUENCE_WORDS = frozenset({"first", "second", "third", "fourth", "fifth", "latter", "former"})


# Words for what a territorial take names beside the territory cues ("a number of sites").
_HELD_PLACES = frozenset({"site", "stronghold", "position", "locality", "part", "outpost", "post"})


def _takes_a_place(tok: Token, lex: Lexicon) -> bool:
    """ "took control of the town", "… of Gasiza village", "… over nine sites": what the take
    is of or over is a place, not a ship's bridge, a hospital or an industry."""
    def a_place(noun: Token) -> bool:
        # (the noun's own phrase: "control of an oil truck seized in X" took no place)
        told = {w.i for c in noun.children if c.dep_ in ("acl", "relcl") for w in c.subtree}
        return any(
            w.pos_ == "PROPN" or lex.is_cue(w, "territory") or w.lemma_.lower() in _HELD_PLACES
            for w in noun.subtree
            if w.i not in told
        )

    for t in tok.doc[tok.i + 1 : min(tok.i + 4, tok.sent.end)]:
        if t.lower_ in ("of", "over"):
            for c in t.children:
                if c.dep_ == "pobj":
                    return a_place(c)
            if t.dep_ == "prt":
                continue  # "took over control of X", "took over X": the verb's particle
            return False
    if any(c.dep_ == "prt" for c in tok.children):
        # "took over Kaheku village", not "took over a toll booth"
        return any(a_place(c) for c in tok.children if c.dep_ == "dobj")
    return True  # "the rebels took control": what they took is told elsewhere


def _requirements_met(tok: Token, requires: str, lex: Lexicon) -> bool:
    if not requires:
        return True
    if requires == "against":
        return (
            any(c.dep_ == "prep" and c.lower_ in ("against", "on") for c in tok.children)
            or any(c.dep_ == "nummod" for c in tok.children)
        )
    if requires == "aircraft":
        return any(
            lex.is_cue(c, "aircraft") for c in tok.children if c.dep_ in ("nsubj", "compound")
        )
    if requires == "future":
        return is_future(tok)
    if requires == "signed":
        # a sentence's root only where the sentence says something ("Ceasefire in Gaza" alone is a
        # section heading, a topic)
        return any(lex.is_cue(a, "support") for a in tok.ancestors) or (
            tok.dep_ == "ROOT" and any(t.pos_ in ("VERB", "AUX") for t in tok.sent)
        )
    if requires in ("active", "agentive"):
        # "houses were hit and razed by shells": the second verb of a passive is passive too
        verbs = (tok, tok.head) if tok.dep_ == "conj" else (tok,)
        if tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for v in verbs for c in v.children):
            return False
        # "Indian-occupied Kashmir", "the damaged houses": a participle before its noun says
        # what state the thing is in (passive too), not who did anything
        if tok.tag_ == "VBN" and tok.dep_ == "amod" and tok.i < tok.head.i:
            return False
        return requires == "active" or not _said_of_a_thing(tok)
    if requires == "intransitive":
        # "protesters demonstrated in the square", not "the attacks demonstrate to its leaders
        # that a war would be costly" (showing that something is so: a clause of its own).
        # A clause before the verb is no object of it ("Around 5 May (as reported), workers
        # demonstrated …").
        return not any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children)
    if requires == "doing":
        # "soldiers on patrol encountered gunmen": a state they were in, not a happening (none
        # of the 11 train notes saying "on patrol" is coded for the patrol)
        return not (tok.dep_ == "pobj" and tok.head.lower_ == "on")
    if requires == "territorial":
        return _takes_a_place(tok, lex)
    if requires == "corpse":
        return is_corpse(tok)
    if requires == "dead":
        return _found_dead(tok)
    if requires == "troops":
        return _troops_moved(tok, lex)
    if requires == "from":
        # "300 people were evacuated from X", "people from X were evacuated": moved out of a
        # place; the wounded "evacuated to a hospital" are part of the violence that hurt them
        return any(t.lower_ == "from" for t in tok.subtree)
    if requires == "weapon":
        return _weapon_subject(tok) and not _drops_a_handout(tok, lex)
    if requires == "shooting":
        return _shots_fired(tok)
    if requires == "military":
        return _military_unit(tok, lex)
    if requires == "unprotested":
        return not protest_told(tok)
    if requires == "left":
        return _left_dead(tok)
    if requires == "founded":
        return _armed_group_formed(tok, lex)
    if requires == "hostile":
        return _met_armed_men(tok, lex)
    if requires == "people":
        return _people_moved(tok, lex) and not _release_of_the_taken(tok, lex)
    if requires == "migrants":
        return _migrants_held(tok, lex)
    if requires == "held":
        return _held_by_someone(tok, lex)
    if requires == "object":
        # "revenue hit a snag", "struck a deal": an object in a figure of speech is no patient
        if any(c.dep_ == "dobj" and lex.is_cue(c, "figure") for c in tok.children):
            return False
        # "was tied up and beaten by police": a passive told with its doer has a patient;
        # "beat and molested him": the object of the verb it is joined to is its own
        return any(
            c.dep_ in ("dobj", "nsubjpass", "prep", "pobj", "prt", "agent") for c in tok.children
        ) or tok.dep_ in ("amod", "acl") or any(
            c.dep_ == "conj" and c.pos_ == "VERB" and any(g.dep_ == "dobj" for g in c.children)
            for c in tok.children
        )
    return True


def joins_a_protest(tok: Token, lex: Lexicon, people: bool = True) -> bool:
    """What the verb joins (its object, or its "in" object) is a protest: "students joined the
    march", "residents joined in the demonstration" (with `people`, also its people: "joined the
    demonstrators")."""
    joined = [c for c in tok.children if c.dep_ == "dobj"] + [
        o for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"
        for o in c.children if o.dep_ == "pobj"
    ]  # fmt: skip
    return any(
        "Peaceful protest" in e.candidates
        for o in joined
        # (not "joined the movement in protest against …": what they did it as)
        if people or not (lex.is_cue(o, "agent") or (o.dep_ == "pobj" and not _determined(o)))
        for e in lex.lemmas.get(o.lemma_.lower(), ())
    )


def _determined(noun: Token) -> bool:
    return any(c.dep_ in ("det", "poss") for c in noun.children)


# A state of affairs, not someone: "the crisis threatens to spread" says what may happen (it is
# likely to), no one threatens anyone.
_STATES_OF_AFFAIRS = frozenset({
    "situation", "crisis", "conflict", "war", "escalation", "violence", "tension", "instability",
    "unrest", "chaos", "fighting", "standoff", "stalemate", "deadlock", "vacuum", "shortage",
    "move", "decision", "development", "policy", "dispute",
})
# Nouns of a quality or state ("vulnerability", "weakness", "extremism") name no one, but a few
# with those endings name people or bodies ("the authorities threatened …").
_QUALITY_ENDINGS = ("ity", "ness", "ism")
_BODIES = frozenset({
    "authority", "community", "municipality", "majority", "minority", "entity", "university",
    "fraternity", "charity", "personality", "celebrity", "highness", "witness",
})


def _said_of_a_thing(tok: Token) -> bool:
    """Whether the subject of a verb of threatening is a state of affairs or a quality, not
    someone: "its weakness threatens to deepen the crisis" (a forecast, no threat)."""
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    if not subjects and tok.dep_ == "conj":
        subjects = [c for c in tok.head.children if c.dep_ == "nsubj"]
    if len(subjects) != 1:
        return False
    head = subjects[0]
    if head.pos_ != "NOUN" or head.ent_type_:
        return False
    lemma = head.lemma_.lower()
    return lemma in _STATES_OF_AFFAIRS or (
        lemma.endswith(_QUALITY_ENDINGS) and lemma not in _BODIES
    )


def _hung_patient(verb: Token) -> Token | None:
    """The subject or patient the parse hung on the place list opening the sentence, of a verb
    left without a subject of its own or with the opening day or place taken for it ("Around 8
    May, in X, Y, sacks holding remains were found"; "in X township (Y district) some 600
    villagers were displaced"): a common noun."""
    hung = hung_subject(verb, passive=True, named_subject=True, second_object=True)
    return hung if hung is not None and hung.pos_ == "NOUN" else None


_REMAINS = frozenset({"body", "corpse", "remains", "cadaver", "skeleton"})


def _found_dead(tok: Token) -> bool:
    """ "a man died and was later found rolled in a sack", "three dead women were found on the
    road", "bags that held human remains were found": what was found (the verb's passive
    subject or object, or the subject of the verb it is joined to) is a dead person or their
    remains."""
    if any(c.dep_ == "agent" for c in tok.children):
        return False  # "found by police officers": the finder did not kill (the body tells it)
    found = [c for c in tok.children if c.dep_ in ("nsubjpass", "dobj")]
    if tok.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        if tok.head.lemma_.lower() == "die":
            return True  # "a man died and was found …"
        found += [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if (hung := _hung_patient(tok)) is not None:
        found.append(hung)  # "in X, Y, six sacks holding remains were found"
    return any(
        w.lemma_.lower() in _REMAINS
        or (w.pos_ == "NOUN" and w.lower_ in _REMAINS)  # (the tagger's lemma: "remain")
        or (w.pos_ in ("NOUN", "PROPN") and any(
            a.dep_ == "amod" and a.lower_ in ("dead", "lifeless") for a in w.children))
        for f in found
        for w in f.subtree
    )  # fmt: skip


# armed words for a place or for the police, who arrive at a scene as part of what they do there
_NOT_TROOPS = frozenset({
    "police", "policeman", "policewoman", "officer", "position", "base", "checkpoint",
    "outpost", "barracks", "patrol",
})


# verbs whose object (or the object of their to/under) is fire shot at someone
_FIRE_VERBS = frozenset({"exchange", "trade", "return", "open", "respond", "come"})
_FIRE_MODIFIERS = frozenset({"heavy", "sniper", "live", "intense", "sporadic", "indiscriminate"})


def _shots_fired(tok: Token) -> bool:
    """ "rebels exchanged heavy fire", "responded to the militia's fire", "came under fire",
    "sniper fire", "artillery fire": fire shot at someone, not a fire that burns ("a fire broke
    out in the market")."""
    head = tok.head
    if tok.dep_ == "dobj" and head.lemma_.lower() in _FIRE_VERBS:
        return True
    if tok.dep_ == "pobj" and head.lower_ in ("to", "under") and (
        head.head.lemma_.lower() in _FIRE_VERBS
    ):
        return True
    return any(
        c.dep_ in ("amod", "compound")
        and (c.lower_ in _FIRE_MODIFIERS or weapon_of(c.lemma_.lower(), c.pos_) is not None)
        for c in tok.children
    )


def _armed_group_formed(tok: Token, lex: Lexicon) -> bool:
    """ "a new armed group announced its formation", "rebels recruited men for the formation of
    two brigades": the subject of the verb told with the formation names armed men or an armed
    group, not "protesters opposed the formation of a government"."""
    verb = tok.head
    while verb.pos_ not in ("VERB", "AUX") and verb.dep_ != "ROOT":
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    groups = tok.doc.user_data.get(ARMED_GROUPS_KEY, ())
    return any(
        lex.is_cue(w, "armed") or w.lower_ == "armed" or any(s <= w.idx < e for s, e in groups)
        for s in subjects
        for w in s.subtree
    )


def _met_armed_men(tok: Token, lex: Lexicon) -> bool:
    """ "troops encountered LeT militants", "X had an encounter with rebels": who was met (the
    verb's object, the noun's or its light verb's "with") names armed men or an armed group; not
    "a patrol encountered 30 migrants"."""
    holders = [tok] + ([tok.head] if tok.pos_ == "NOUN" and tok.dep_ == "dobj" else [])
    met = [c for h in holders for c in h.children if c.dep_ == "dobj" and h.pos_ == "VERB"]
    met += [
        p
        for h in holders
        for prep in h.children
        if prep.dep_ == "prep" and prep.lower_ == "with"
        for p in prep.children
        if p.dep_ == "pobj"
    ]
    groups = tok.doc.user_data.get(ARMED_GROUPS_KEY, ())
    return any(
        lex.is_cue(w, "armed") or any(s <= w.idx < e for s, e in groups)
        for m in met
        for w in m.subtree
    )


def _left_dead(tok: Token) -> bool:
    """ "the raid left 3 fighters dead", "clashes erupted, leaving five people dead": the dead
    are what a happening left behind, told after the verb 'leave' that governs them."""
    for anc in tok.ancestors:
        if anc.pos_ in ("VERB", "AUX") and not anc.is_upper:  # ("3 IS militants": no verb)
            return anc.lemma_.lower() == "leave" and anc.i < tok.i
    return False


def _military_unit(tok: Token, lex: Lexicon) -> bool:
    """ "a new Turkish column with military vehicles", "a US military column": a column of
    forces (told by a nationality or an armed word before it), not a newspaper's column. A
    column whose own words tell violence ("a column coming from X clashed with rebels", parsed
    under it) is that violence's side, not a movement."""
    if any(
        e.family == "violence" for w in tok.subtree for e in lex.lemmas.get(w.lemma_.lower(), ())
    ):
        return False
    return any(
        c.dep_ in ("amod", "compound", "nmod")
        and (c.ent_type_ == "NORP" or lex.is_cue(c, "armed") or c.lower_ == "military")
        for c in tok.children
    )


def _troops_moved(tok: Token, lex: Lexicon) -> bool:
    """ "7 trucks full of soldiers arrived at the town", "90 soldiers crossed the river into
    X", "troops were stationed at the pagoda": the verb's subject names armed men (not the
    police, who arrive at a scene as part of what they do there)."""
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")] or subjects_of(tok)
    groups = tok.doc.user_data.get(ARMED_GROUPS_KEY, ())
    return any(
        (lex.is_cue(w, "armed") and w.lemma_.lower() not in _NOT_TROOPS)
        or any(start <= w.idx < end for start, end in groups)
        for s in subjects
        for w in s.subtree
    )


_HELD = frozenset({"prisoner", "detainee", "inmate", "captive"})
_HOLDING = frozenset({"hold", "detain", "imprison", "jail"})
# a mass release from prison is a development; one from custody ends an arrest told with it
_PRISONS = frozenset({"prison", "jail", "gaol"})


def _people_moved(tok: Token, lex: Lexicon) -> bool:
    """ "3,000 villagers fled", "families were forced to flee", "released 52 prisoners": the
    verb's subject (or object, or the subject of the verb it completes) is a group of civilians
    or of people held, told by their word or counted, or told as held ("soldiers held as
    prisoners", "30 soldiers were released from rebel prisons"); not "the gunmen fled", "released a
    statement"."""
    verb = tok.head if tok.dep_ == "xcomp" else tok
    people = [c for v in (tok, verb) for c in v.children
              if c.dep_ in ("nsubj", "nsubjpass", "dobj")]  # fmt: skip
    if tok.dep_ in ("relcl", "acl"):
        people.append(tok.head)  # "civilians who fled", "1,000 villagers displaced by …"
    elif tok.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        # "families gathered their belongings and fled": the first verb's subject did it too
        people += [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    elif (hung := _hung_patient(verb)) is not None:
        people.append(hung)  # "in X township (Y district) some 600 villagers were displaced"

    def counted(p: Token) -> bool:
        return (p.tag_ == "NNS" and not lex.is_cue(p, "armed")) and any(
            c.dep_ == "nummod" or c.lower_ == "all" for c in p.children
        )

    def held(p: Token) -> bool:
        # "30 soldiers held as prisoners": people told as held are prisoners whatever they were
        return p.lemma_.lower() in _HELD or any(
            c.dep_ == "acl" and c.lemma_.lower() in _HOLDING for c in p.children
        )

    from_prison = any(
        c.dep_ == "prep" and c.lower_ == "from"
        and any(g.lemma_.lower() in _PRISONS for g in c.children)
        for v in (tok, verb) for c in v.children
    )  # fmt: skip
    return (from_prison and any(p.tag_ == "NNS" for p in people)) or any(
        lex.is_cue(p, "civilian") or lex.is_cue(p, "displaced") or held(p) or counted(p)
        for p in people
    )  # fmt: skip


def _held_by_someone(tok: Token, lex: Lexicon) -> bool:
    """ "the graduation ceremony of the batch was held", "the brigade held a graduation": the
    noun (or the noun it names a kind of) is what a light verb's doer held; "a strike during a
    graduation", "an attack on a graduation ceremony" tell where other violence happened."""
    noun = tok.head if tok.dep_ == "compound" else tok
    return noun.dep_ in ("dobj", "nsubjpass") and lex.is_cue(noun.head, "support")


def _migrants_held(tok: Token, lex: Lexicon) -> bool:
    """ "coast guards rescued 40 migrants", "40 migrants were rescued": the verb's patient (its
    object or passive subject) is migrants or refugees; not "migrants rescued a fisherman"."""
    patients = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    # "intercepted a boat carrying 40 migrants": the people the stopped vessel carried
    patients += [
        o
        for p in patients
        for v in p.children
        if v.dep_ in ("acl", "relcl")
        for o in v.children
        if o.dep_ == "dobj"
    ]
    return any(lex.is_cue(c, "displaced") and c.pos_ in ("NOUN", "PROPN") for c in patients)


_RELEASE = frozenset({"release", "free"})


def _release_of_the_taken(tok: Token, lex: Lexicon) -> bool:
    """ "… abducted a driver. The driver was later released.": the release ends a taking told
    before it, part of that happening, not one of its own."""
    if tok.lemma_.lower() not in _RELEASE:
        return False
    return any(
        lex.is_cue(t, "taken") and t.lemma_.lower() not in _RELEASE
        for t in tok.doc[: tok.sent.start]
    )


_MADE_TO = frozenset({"force", "compel", "oblige"})


def _made_to(tok: Token) -> bool:
    """ "villagers were forced to flee", "families were compelled to leave": a passive verb of
    compelling tells that its to-infinitive was done, not planned."""
    head = tok.head
    return (
        tok.dep_ == "xcomp"
        and head.lemma_.lower() in _MADE_TO
        and any(c.dep_ == "auxpass" for c in head.children)
    )


_NOBODY = frozenset({"nobody", "none", "noone", "no-one"})


def _nobody_did(tok: Token) -> bool:
    """ "No one was injured", "nobody was hurt", "no casualties were reported killed": the verb's
    subject (or the subject of the verb it completes) is a negative quantifier, so it tells that
    the harm did not happen, not a happening."""
    if tok.pos_ != "VERB":
        return False
    verb = tok
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children
    ):
        # "no one was injured or killed", "no people were reported injured or killed": a verb
        # joined to another without a subject of its own shares that verb's subject
        verb = verb.head
    verb = verb.head if verb.dep_ in ("xcomp", "oprd", "acomp") else verb
    return any(
        s.dep_ in ("nsubj", "nsubjpass")
        and (s.lower_ in _NOBODY or any(d.dep_ == "det" and d.lower_ == "no" for d in s.children))
        for s in verb.children
    )


def _denied(tok: Token) -> bool:
    """ "no clash took place", "there were no clashes or violence", "no further clash": a
    happening noun under "no" (or joined to one) is said not to have happened."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    nouns = [tok, tok.head] if tok.dep_ == "conj" else [tok]
    return any(
        c.dep_ == "det" and c.lower_ == "no" for n in nouns if n.pos_ == "NOUN" for c in n.children
    )


def _told_by_denial(tok: Token, frame: Token) -> bool:
    """ "the army denied shelling the village", "rebels denied responsibility for the attack": an
    act a party denies is still told, with the contract's modality 'denied' (factuality reads the
    same cue); a denied report or claim of it ("denied reports of shelling") says it did not
    happen (negated) and tells nothing. A stance held over time ("has repeatedly denied ...")
    or a deed done to a kind of thing ("denied hitting civilian targets") names no one act."""
    if frame.lemma_.lower() != "deny" or modality_of(tok).modality != "denied":
        return False
    below = tok
    while below.head.i != frame.i and below.head.i != below.i:
        below = below.head
    if below.dep_ not in _DENIED_CONTENT:
        return False  # "denied this connection, arguing that forces were not deployed": a reason
    if any(c.dep_ == "advmod" and c.lower_ in _HABITUAL for c in frame.children):
        return False
    return not any(
        c.dep_ == "dobj" and c.tag_ == "NNS" and not any(d.dep_ in ("det", "poss", "nummod")
                                                          for d in c.children)
        for c in tok.children
    )  # fmt: skip


# How what is denied hangs off the verb of denying: "denied shelling", "denied that it shelled",
# "denied responsibility for".
_DENIED_CONTENT = frozenset({"xcomp", "ccomp", "dobj"})
# Adverbs of a denial that is a standing position, not a reply about one act.
_HABITUAL = frozenset(
    {"previously", "repeatedly", "always", "consistently", "routinely", "regularly", "often",
     "long", "frequently", "systematically"}
)  # fmt: skip


_PERCEIVING = frozenset({"see", "watch", "witness"})


def _seen_as_reason(tok: Token) -> bool:
    """ "after seeing their comrades being injured", "assaulted him after witnessing him steal":
    what someone is told to have seen, in a gerund clause, is the reason for what they did or
    felt (ACLED codes the mob's assault, not the theft it saw); a finite "witnesses saw gunmen
    shoot" tells the happening itself."""
    t = tok
    while t.dep_ in ("ccomp", "xcomp", "acl", "dobj", "conj") and t.head.i != t.i:
        t = t.head
        if t.tag_ == "VBG" and t.lemma_.lower() in _PERCEIVING:
            return True
    return False


def _weapon_subject(tok: Token) -> bool:
    """ "three bombs went off", "a grenade that went off", "warplanes dropped …", "dropped
    grenades": the verb's subject or object (or the noun its clause describes) is a weapon
    (`weapon_words.csv`), so the verb tells an explosion or a strike."""
    subjects = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    if tok.dep_ in ("relcl", "acl"):
        subjects.append(tok.head)
    return any(
        weapon_of(w.lemma_.lower(), w.pos_) is not None
        for s in subjects
        for w in (s, *(c for c in s.children if c.dep_ == "compound"))
    )


def _only_violence(entry: Entry) -> bool:
    """A trigger row that names violence and no protest or riot ("attack", "clash"; not
    "protest", whose object is what the protest was against)."""
    return entry.family == "violence" and not any(
        category(c).event_type in ("Protests", "Riots") for c in entry.candidates
    )


def _aimed_at_words(tok: Token, lex: Lexicon) -> bool:
    """ "opposition leaders attacked the proposal", "hit out at the ruling": a verb of violence
    whose direct object is a figure of speech or a thing said or decided (a plan, a remark, a
    bill) tells a quarrel, not a happening."""
    return tok.pos_ == "VERB" and any(
        c.dep_ == "dobj" and lex.is_cue(c, "figure") for c in tok.children
    )


def _in_play(tok: Token, lex: Lexicon) -> bool:
    """ "Pakistan's pace attack ripped through England's batting line-up", "the spinners launched
    an assault on the tail": a word of violence in a sentence of a game (a `sport` cue) that tells
    no harm to anyone, no crowd and no policing is a figure of the game. Fans who clash after a
    match hurt someone or meet the police."""
    words = list(tok.sent)
    if not any(lex.is_cue(w, "sport") for w in words):
        return False
    return not any(
        w.i != tok.i
        and (lex.is_cue(w, "harm") or lex.is_cue(w, "crowd") or lex.is_cue(w, "policing")
             or w.lemma_.lower() in DEATH_VERBS)
        for w in words
    )  # fmt: skip


def _drops_a_handout(tok: Token, lex: Lexicon) -> bool:
    """ "a helicopter dropped leaflets over the town", "planes dropped food": what the verb lets
    fall is a thing to be read or to relieve need, so its aircraft subject strikes no one."""
    return any(
        c.dep_ in ("dobj", "obj", "nsubjpass") and lex.is_cue(c, "handout") for c in tok.children
    )


def _under_other_family(tok: Token, family: str, matches: list[Match], doc) -> bool:
    """A trigger inside another family's trigger phrase, or a statement whose subject happens."""
    # what people fled from ("fled an assault on the city") is a happening of its own
    other = {
        m.head
        for m in matches
        if m.entry.family != family and not lexicon().is_cue(doc[m.head], "displaced")
    }
    if is_demonstration_word(tok, lexicon()):
        # "staged a demonstration …, they also demanded …": a demand told with a protest is what
        # the protest was about (the parse may hang the protest on it), not a plan of one
        other -= {m.head for m in matches if m.entry.candidates == _DEMAND}
    for a in governors(tok):
        if a.i in other and not _is_subject_of(tok, a):
            return True  # a statement's subject ("protesters demanded") is its speaker
    # "protesters demanded …": the demand is what the protest was about
    return family == "statement" and any(
        c.i in other for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")
    )


_DEMAND = frozenset({"REQUEST"})


def _accused_deed(tok: Token, matches: list[Match], lex: Lexicon) -> bool:
    """ "the ministry accused Israeli forces of killing three fishermen": the deed a speaker
    accuses someone of, told as done to someone, is a happening of its own (the accusation is
    no ACLED event, the killing is), unless a protest in the sentence makes it the protest's
    grievance."""
    if tok.pos_ != "VERB" or tok.tag_ != "VBG":
        return False
    verb = accusing_verb(tok)
    if verb is None:
        return False
    if verb.dep_ != "ROOT" or not any(c.dep_ == "nsubj" for c in verb.children):
        return False  # "a man accused of killing his wife" is who was arrested, not news
    if not any(c.dep_ == "dobj" for c in tok.children):
        return False
    return not any(names_a_demonstration(m.entry) for m in matches)


def _is_subject_of(tok: Token, head: Token) -> bool:
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(tok.i == s.i or tok in s.subtree for s in subjects)


def _in_speech(tok: Token, lex: Lexicon) -> bool:
    in_quotes = span_text(tok.sent).count('"') >= 1
    return in_quotes or any(lex.is_cue(a, "speech") for a in tok.ancestors)


def _refers_back(tok: Token, seen: _Seen, sent_start: int, family: str, sentence: int) -> bool:
    """A definite mention ("the exercises", "the attack") of a happening found earlier: add this
    sentence as evidence. The same word anywhere before, or any violent happening of the last three
    sentences for a singular violence noun ("… targeted by a drone. The attack wounded three")."""
    lemma = tok.lemma_.lower()
    hits = [drafts for lem, drafts in seen if lem == lemma]
    # Another word for it only with "the/this/that": "the group's assault on Israel" is theirs.
    if not hits and family == "violence" and tok.tag_ in ("NN", "NNP") and not _possessed(tok):
        hits = [
            drafts
            for _, drafts in seen
            if drafts
            and not drafts[0].is_tally
            and drafts[0].acled_codable
            and categories_family(drafts[0]) == "violence"
            and sentence - drafts[0].sentence <= 3
        ]
    if not hits:
        return False
    sent = tok.sent
    for drafts in hits[-1:]:
        for d in drafts:
            span_ok = d.evidence and d.evidence[0].start != sent.start_char
            if span_ok:
                d.extra.setdefault("coreferent_sentences", []).append(sent_start)
                # for dating: "the attack occurred on Wednesday" dates the happening told before
                d.extra.setdefault("referred_to_by", []).append((tok.idx, tok.idx + len(tok)))
    return True


def _presupposed(tok: Token, sentence: int, seen: _Seen, lex: Lexicon) -> bool:
    """ "Teachers closed the entrances of the mall. The motive of the protest is unknown.": "the
    protest", told after the first sentence of a text that has named no happening before it,
    is the deed told before, which no word of its own named a protest."""
    return (
        sentence > 0
        and tok.tag_ == "NN"
        and is_demonstration_word(tok, lex)
        and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
        and not any(d.acled_codable for _, drafts in seen for d in drafts)
    )


def _possessed(tok: Token) -> bool:
    return any(c.dep_ == "poss" for c in tok.children)


def categories_family(draft: EventDraft) -> str:
    return category(draft.sub_event_type or draft.plover or "THREATEN").family


def _drafts(group: _Group, sent: SpacySpan, state: DocState, lex: Lexicon) -> list[EventDraft]:
    doc = sent.doc
    primary = max(group.matches, key=lambda m: (m.entry.weight, -m.start))
    first = doc[primary.start : primary.end]
    trigger = state.span(first.start_char, first.end_char)
    evidence = [state.span(sent.start_char, sent.end_char)]
    decision = _type_group(group, sent, lex, state)
    cat = category(decision.key)
    draft = EventDraft(
        trigger=trigger,
        sentence=group.sentence,
        evidence=evidence,
        event_type=cat.event_type,
        sub_event_type=cat.sub_event_type,
        disorder_type=cat.disorder_type,
        acled_codable=cat.acled_codable,
        plover=primary.entry.plover or cat.plover,
        plover_mode=primary.entry.plover_mode if primary.entry.plover else cat.plover_mode,
        cameo=cat.cameo,
        confidence=decision.confidence,
        is_tally=group.count is not None,
    )
    draft.extra["cameo_code"] = cat.cameo_code
    draft.extra["triggers"] = [
        (doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1])) for m in group.matches
    ]
    draft.extra["type_source"] = decision.source
    if fire_returned(sent, group.matches):
        draft.extra["fire_returned"] = True
    if fought(sent, group.matches):
        # "rebels then sprang an ambush and an exchange of fire went on": a word of its
        # sentence says both sides fought, whichever trigger speaks for it
        draft.extra["fought"] = True

    # Where places were resolved, only their names are sites: "in support of the STC's
    # declaration" lists no places.
    sites = [
        site
        for site in site_list(sent, doc[primary.head], state.names_place if state.places else None)
        if not state.places or state.names_place(site.start, site.end)
    ]
    # "a shell landed on Northtown, Ruritania", "a rally in the Old Quarter district, Easton":
    # a country, governorate or district listed beside a place inside it holds it.
    places = [_site_place(state, x) for x in sites]
    kept = [
        (x, here) for x, here in zip(sites, places, strict=True)
        if not any(_holds(here, other) for other in places if other is not here)
    ]  # fmt: skip
    sites = [x for x, _ in kept]
    if group.count is not None:
        lo, hi = group.count
        number = read_number(doc, hi - 1)
        if len(sites) < 2 or number is None or number.quantity.value != len(sites):
            draft.extra["count_span"] = (doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1]))
            draft.extra["counted_span"] = (trigger.start, trigger.end)
            return [draft]
        # "three raids on a depot in Easton, a camp in Westby and a post in Northtown": counted
        # happenings, one at each listed site, are those events, not a tally.
        draft.is_tally = False
    if len(sites) < 2:
        return [draft]
    # Sites in several countries ("strikes in Iraq and Syria … killing nearly 40"): the toll
    # is theirs together (the assembly stage gives it to none of them).
    countries = {here.country for _, here in kept if here is not None and here.feature == "country"}
    draft.extra["countries_told"] = len(countries)
    drafts = []
    for site in sites:
        d = EventDraft(
            **{f: getattr(draft, f) for f in draft.__slots__ if f not in ("extra", "evidence")}
        )
        d.evidence = list(evidence)
        d.extra = dict(draft.extra, place_span=(site.start, site.end), site_head=site.head)
        drafts.append(d)
    return drafts


def _site_place(state: DocState, site: Site) -> Place | None:
    return next(
        (m.place for m in state.places if m.span.start < site.end and site.start < m.span.end),
        None,
    )


_COARSE = {"country": 0, "admin1": 1, "region": 1, "admin2": 2}


def _holds(region: Place | None, place: Place | None) -> bool:
    """Whether `region` is a country, governorate or district that holds `place`."""
    if region is None or place is None or region.feature not in _COARSE:
        return False
    if place.feature in _COARSE and _COARSE[place.feature] <= _COARSE[region.feature]:
        return False
    if region.country != place.country:
        return False
    if region.feature == "country":
        return True
    if region.feature in ("admin1", "region"):
        return region.admin1 is not None and region.admin1 == place.admin1
    return region.admin2 is not None and region.admin2 == place.admin2


def _type_group(group: _Group, sent: SpacySpan, lex: Lexicon, state: DocState) -> TypeDecision:
    if group.statement:
        return TypeDecision(group.statement, 0.6, "future violence in reported speech")
    # Each actor as named on the report's day: the Taliban who detain journalists in 2022 are
    # the state's forces (actor_names.csv), whose detentions are Arrests, not an armed group's
    # abductions
    dictionary = actor_dictionary(document_year(state))
    actors = [
        renamed(a, state.published, dictionary) or a
        for a in state.actors
        if sent.start_char <= a.span.start < sent.end_char
    ]
    return decide_type(sent, group.matches, group.family, lex, actors)


def _attach_coreferent_evidence(state: DocState, drafts: list[EventDraft]) -> None:
    for d in drafts:
        for start in d.extra.pop("coreferent_sentences", []):
            sent = state.sentences[state.sentence_of(start)]
            if sent not in d.evidence:
                d.evidence.append(sent)
