"""The `assemble` extractor: one event per happening, from the sentence-level drafts.

It runs after every sentence-level extractor has filled its drafts (type, modality, sources,
actors, date, place, tolls) and replaces them with one draft per happening: aggregates are
dropped (`background.py`), mentions are clustered (`cluster.py`) and each cluster is resolved
into one event (`resolve.py`), flagged as background when the text dates it before the report's
last days. Aggregate drafts the tallies extractor did not take are dropped: a tally is never an
event. Two passes then read the events together: one told "also" with an earlier one's verb and
doer was done the same way, and force used to end a protest (or an arrest told after it) is that
protest's intervention.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Callable
from datetime import date

from spacy.tokens import Token

from sitrep.extract.assembly.background import (
    crowd_named_again,
    crowd_told_before,
    is_aggregate,
    is_background,
    more_casualties,
    only_the_dead,
    part_of_it,
    protest_remarked,
    told_as_another,
)
from sitrep.extract.assembly.cluster import Cluster, absorb_summaries, cluster_mentions
from sitrep.extract.assembly.mentions import (
    WEAPON_EVENT_TYPE,
    is_fine,
    mention_of,
    places_agree,
    same_actor,
)
from sitrep.extract.assembly.resolve import resolve, set_category
from sitrep.extract.assembly.types import AIR, ATTACK, CLASH, RIOTED
from sitrep.extract.events.candidates import joins_a_protest
from sitrep.extract.events.quantities import casualty_figures
from sitrep.extract.events.remarks import CODED_APART, places_coded_elsewhere
from sitrep.extract.events.triggers import after_the_protest, is_demonstration_word, lexicon
from sitrep.extract.places.location import follow_up_place
from sitrep.extract.places.sitelist import sites_listed_with
from sitrep.extract.registry import extractor
from sitrep.extract.state import ActorMention, DocState, EventDraft, PlaceMention
from sitrep.knowledge.happenings import mutual_battle_words, weapon_of
from sitrep.nlp.segment import span_text
from sitrep.records import DateSpan, Place, Quantity, Span

log = logging.getLogger(__name__)


@extractor(
    "assemble",
    requires=("events.when", "events.where", "events.actors", "events.quantities"),
    assigns=("events.assembled",),
)
def assemble_events(state: DocState) -> None:
    """Replace the sentence-level drafts with one draft per happening."""
    drafts = _first_tellings(
        state, sorted((d for d in state.events if not d.is_tally), key=lambda d: d.trigger.start)
    )
    by_sentence: dict[int, list[ActorMention]] = {}
    for a in state.actors:
        by_sentence.setdefault(state.sentence_of(a.span.start), []).append(a)
    tokens = [trigger_token(state, d) for d in drafts]
    mentions = [
        mention_of(
            d,
            i,
            state.published,
            tuple(by_sentence.get(d.sentence, ())),
            tok.lemma_.lower() if tok is not None else "",
            tok is not None and told_as_another(tok, d.event_type == "Protests"),
            weapon_named(tok) if tok is not None else None,
            tok is not None and flown(tok),
            tok is not None and more_casualties(tok),
            tok is not None and only_the_dead(tok),
            tok is not None and _doer_is_dead(d, tok),
            joined_word(state, d),
            where_site(tok) if tok is not None else None,
            span_text(tok.sent) if tok is not None else "",
            retold=_quoted(state, d) or (tok is not None and _named_by_noun(tok)),
        )
        for i, (d, tok) in enumerate(zip(drafts, tokens, strict=True))
    ]
    kept = [m for m, tok in zip(mentions, tokens, strict=True) if not is_aggregate(m, tok)]
    busy = {d.sentence for d in state.events}  # (a sentence told twice is busy both times)
    events = []
    for cluster in absorb_summaries(cluster_mentions(kept)):
        if not anchored(cluster):
            log.debug("assemble: unanchored mention %r left out", cluster.seed.draft.trigger.text)
            continue
        event = resolve(cluster)
        more: list[PlaceMention] = []
        if not is_fine(event.where.place if event.where else None):
            more = _borrow_follow_up_place(state, event, cluster, busy)
        event.extra["background"] = is_background(event.when, state.published)
        if _long_past(event.when, state.published) and (
            _only_a_reference(state, cluster) or _within_a_dated_episode(state, cluster)
        ):
            continue  # "… following a cross-border attack by the group on 7 October"
        if not _acled_datable(event.when) or _recalled(event.when, state.published):
            # "in 2014", "this year": ACLED dates an event to the month at worst; a happening
            # told by its year alone is kept with its year, but ACLED would not code it; nor
            # one the report recalls from long before it ("the war erupted in April 2023").
            event.acled_codable = False
        events.append(event)
        # ACLED codes one event per place: "… in the Easton, Westby and Northtown areas"
        events.extend(
            dataclasses.replace(event, where=m, evidence=list(event.evidence),
                                extra=dict(event.extra, place_span=(m.span.start, m.span.end)))
            for m in more
        )  # fmt: skip
    state.events = sorted(
        events, key=lambda d: (d.trigger.start, d.extra.get("place_span", (0, 0)))
    )
    _done_as_before(state, state.events)
    state.events = _with_interventions(state, state.events)
    state.events = _riots_own_violence(state, state.events)
    state.events = _arrests_after_violence(state, state.events)
    state.events = _joined_protests(state, state.events)
    state.events = _crowd_told_again(state, state.events)
    state.events = _crowds_history(state, state.events)
    state.events = _protest_turned_violent(state, state.events)
    state.events = _force_on_the_protest(state, state.events)
    state.events = _same_protest_again(state, state.events)
    state.events = _crowd_does_more(state, state.events)
    state.events = _the_fights_toll(state, state.events)
    state.events = _captured_before(state, state.events)
    state.events = _hedges_after(state, state.events)
    state.events = _denials_of_the_told(state.events)
    state.events = _part_of_before(state, state.events)
    state.events = _the_happening_again(state, state.events)
    state.events = _coded_apart(state, state.events)
    state.events = _other_records_place(state, state.events)
    state.events = _one_event_per_place_and_day(state, state.events)
    state.events = _also_to_the_victims(state, state.events)
    for event in state.events:
        if (
            event.sub_event_type == INTERVENED
            and (_killed_ending_it(state, event) or _killed_by_fire_on_it(state, event))
        ) or _protesters_killed_by_force(state, event):
            set_category(event, EXCESSIVE, [])
            continue
        calm = event.sub_event_type in (PEACEFUL, INTERVENED)
        if event.sub_event_type == INTERVENED and _live_fire_on_it(state, event):
            # (its dead, told before the force, are still what the protest is about, below)
            set_category(event, EXCESSIVE, [])
        if calm:
            # No one dies in them (ACLED: lethal force on protesters is excessive force), so the
            # deaths a protest's text tells are what it is about ("relatives of killed soldiers
            # protested", "a vigil for the 19 migrants who died").
            event.fatalities = Quantity(None, "unknown")
    log.debug(
        "assemble: %d drafts, %d aggregates dropped, %d events",
        len(state.events), len(mentions) - len(kept), len(events),
    )  # fmt: skip


def _doer_is_dead(draft: EventDraft, tok: Token) -> bool:
    """The side read off a clause that names only the dead, in the words before its verb, is
    the dead ("three fighters (VDP) were killed" read as the fighters' deed) or who tells of
    them ("officials said 25 people were killed"), not who killed them."""
    if draft.actor1 is None or not only_the_dead(tok):
        return False
    return tok.sent.start_char <= draft.actor1.span.start < tok.idx


# Force used to end a protest (ACLED: Protest with intervention), in the words of the protest's
# own paragraph: "Police fired tear gas to disperse them", "used batons", "intervened", "broke up
# the protest", "made several arrests", "controlled the crowd", "used riot dispersal means".
_INTERVENTION = re.compile(
    r"\b(?:tear[- ]?gas|water[- ]cannons?|rubber bullets|pepper spray|stun grenades?|(?-i:batons?)"
    r"|baton[- ]charged?|lathi[- ]?charged?|dispers(?:e|ed|ing|al)|intervened"
    r"|(?:broke|break|breaking) up|made (?:\w+ )?arrests"
    r"|controll?(?:ed)? the (?:crowd|situation))\b",
    re.IGNORECASE,
)
# What is no force used: the word denied ("police did not intervene", "has not intervened"), and
# the crowd's own leaving ("the group later dispersed peacefully", "the crowd dispersed in the
# afternoon") or a noun's modifier ("the dispersing policy"), unless they were made to
# ("were dispersed", "asked them to disperse").
_DENIED = re.compile(r"\b(?:not|n't|never|no|without)\s+(?:\w+\s+)?$", re.IGNORECASE)
_LEFT_ON_THEIR_OWN = re.compile(
    r"\s+(?:peacefully|later|quietly|voluntarily|calmly|afterwards|after|without|policy"
    r"|on (?:their|its) own|at (?:around|about|\d)|in the (?:morning|afternoon|evening))\b"
    r"|\s*[.,;]",
    re.IGNORECASE,
)
_MADE_TO = re.compile(r"\b(?:was|were|been|being|be|to)\s+$", re.IGNORECASE)


def _tells_intervention(text: str) -> bool:
    """Whether the text tells of force used to end a protest (`_INTERVENTION`), not denied and
    not the protesters' own leaving."""
    for m in _INTERVENTION.finditer(text):
        before = text[max(0, m.start() - 40) : m.start()]
        if _DENIED.search(before):
            continue
        if m.group(0).lower().startswith("dispers") and (
            (before.lower().endswith("the ") and not m.group(0).lower().endswith("al"))
            or (_LEFT_ON_THEIR_OWN.match(text, m.end()) and not _MADE_TO.search(before))
        ):
            continue
        return True
    return False

PEACEFUL, INTERVENED = "Peaceful protest", "Protest with intervention"
EXCESSIVE = "Excessive force against protesters"
ARRESTS = "Arrests"
CHANGE = "Change to group/activity"


# Live fire: "fired live bullets", "intervened with live ammunition", "live and rubber bullets"
_LIVE_FIRE = re.compile(
    r"\blive(?: and rubber)? (?:bullets?|ammunition|rounds?|fire)\b", re.IGNORECASE
)
_ALTERNATIVE = re.compile(r"\bor\s+$", re.IGNORECASE)


def _live_fire_on_it(state: DocState, event: EventDraft) -> bool:
    """A protest intervened in whose paragraph tells live fire, not denied nor given as one of
    two things it may have been ("fired rubber bullets or live rounds"), met lethal force:
    ACLED's Excessive force against protesters, whether or not anyone died ("security forces
    fired live bullets to disperse the crowd"; 6 of the 7 train notes of Protests telling live
    fire are Excessive force, the seventh says it may have been rubber bullets; riots fired
    on stay riots)."""
    para = state.paragraph_at(event.trigger.start)
    if para is None:
        return False
    text = state.text[para.start : para.end]
    return any(
        not _DENIED.search(before := text[max(0, m.start() - 40) : m.start()])
        and not _ALTERNATIVE.search(before)
        for m in _LIVE_FIRE.finditer(text)
    )


# Shots at the crowd itself: "police opened fire on protesters", "troops fired on the crowd",
# "fired live rounds into the demonstrators".
_FIRED_ON_CROWD = re.compile(
    r"\b(?:opened\s+fire|fired(?:\s+(?:live\s+)?(?:rounds|shots|bullets))?)\s+(?:on|at|into)\s+"
    r"(?:the\s+|a\s+)?(?:\w+\s+)?(?:protesters|demonstrators|crowds?|marchers|protests?|rally)\b",
    re.IGNORECASE,
)


def _killed_by_fire_on_it(state: DocState, event: EventDraft) -> bool:
    """A protest intervened in whose toll one sentence tells with shots at the crowd, in either
    order ("two people were killed when police opened fire on protesters", "troops fired on the
    crowd, killing three"): lethal force on it, ACLED's Excessive force, with its dead."""
    if not event.fatalities.value or state.doc is None:
        return False
    para = state.paragraph_at(event.trigger.start)
    if para is None:
        return False
    for i, sentence in enumerate(state.sentences):
        if not (para.start <= sentence.start < para.end):
            continue
        if not _FIRED_ON_CROWD.search(state.text[sentence.start : sentence.end]):
            continue
        sent = state.spacy_sentence(i)
        if sent is not None and any(
            f.kind == "fatalities" and f.quantity.value for f in casualty_figures(sent)
        ):
            return True
    return False


def _killed_ending_it(state: DocState, event: EventDraft) -> bool:
    """A protest intervened in whose toll is told after the force its paragraph tells ("police
    fired tear gas to disperse them, killing one", "… used batons to break it up. Two died
    later.") met lethal force: ACLED's Excessive force against protesters, with its dead. The
    dead told before the force are what the protest is about ("protested the killing of a
    youth; police dispersed them")."""
    if not event.fatalities.value or state.doc is None:
        return False
    para = state.paragraph_at(event.trigger.start)
    if para is None:
        return False
    text = state.text[para.start : para.end]
    force = next(
        (para.start + m.start() for m in _INTERVENTION.finditer(text)
         if _tells_intervention(text[max(0, m.start() - 60) : m.end() + 40])),
        None,
    )  # fmt: skip
    if force is None:
        return False
    for i, sentence in enumerate(state.sentences):
        if not (para.start <= sentence.start < para.end) or sentence.end <= force:
            continue
        sent = state.spacy_sentence(i)
        if sent is None:
            continue
        for fig in casualty_figures(sent):
            victim = sent.doc[fig.token]
            if fig.kind == "fatalities" and fig.quantity.value and victim.idx > force:
                return True
    return False


# Verbs that kill in the telling: "shot dead four protesters", "gunned down", "killed two".
_LETHAL = frozenset({"kill", "shoot", "gun"})


def _protesters_killed_by_force(state: DocState, event: EventDraft) -> bool:
    """A protest coded off a state force's own killing of its people ("police shot dead four
    protesters", "soldiers killed two demonstrators"): the deed is the force, and the dead are
    the protest's own (ACLED: Excessive force against protesters, with its toll), not what the
    protest was about."""
    if event.sub_event_type not in (PEACEFUL, INTERVENED) or not event.fatalities.value:
        return False
    tok = trigger_token(state, event)
    if tok is None or tok.pos_ != "VERB" or tok.lemma_.lower() not in _LETHAL:
        return False
    lex = lexicon()
    passive = any(c.dep_ == "auxpass" for c in tok.children)
    victims = [c for c in tok.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
    doers = [
        w
        for c in tok.children
        if c.dep_ == ("agent" if passive else "nsubj")
        for w in c.subtree
    ]
    killed = {f.token for f in casualty_figures(tok.sent) if f.kind == "fatalities"}
    return (
        any(lex.is_cue(w, "state") for w in doers)
        and any(is_demonstration_word(v, lex) or lex.is_cue(v, "agent") for v in victims)
        and any(t.i in killed for v in victims for t in v.subtree)
    )


def _with_interventions(state: DocState, events: list[EventDraft]) -> list[EventDraft]:
    """A peaceful protest whose paragraph tells of force used to end it was intervened in, and a
    violent happening told only as that force ("security forces fired tear gas to disperse
    them") is that intervention, not an event of its own."""
    para_of = {id(e): state.paragraph_at(e.trigger.start) for e in events}
    protest_paragraphs = {para_of[id(e)] for e in events if e.event_type == "Protests"}
    # Force used on rioters is no event of its own either, whoever it hurt: ACLED codes it in
    # the riot (with the force as its second side).
    riot_paragraphs = {para_of[id(e)] for e in events if e.event_type == "Riots"}
    first_protest: dict[object, EventDraft] = {}
    for e in events:
        if e.sub_event_type == PEACEFUL:
            first_protest.setdefault(para_of[id(e)], e)
    # "… protested in the square. Two persons were arrested.": an arrest told on its own after a
    # protest, with no toll, is the protest's end (ACLED codes one Protest with intervention);
    # one told first is the news ("55 were arrested for taking part in protests"), and one dated
    # apart from the protest ("she was arrested in March 2021") is what the protest is about
    # (dropped too, as before: the protest's words)
    told_after = {
        para_of[id(e)]: e
        for e in events
        if e.sub_event_type == ARRESTS
        and (protest := first_protest.get(para_of[id(e)])) is not None
        and e.trigger.start > protest.trigger.start
        and e.extra.get("mentions") == 1
        and not e.fatalities.value
        and (e.actor1 is None or e.actor1.actor.inter == 1)
    }
    # (one made once the protest was over, "one person was arrested right after the rally", is
    # folded into it but leaves it peaceful: ACLED codes no intervention in the protest)
    arrests_at = {
        para: e
        for para, e in told_after.items()
        if _same_days(e.when, first_protest[para].when) and not _after_it_ended(state, e)
    }
    # "fired tear gas to disperse them": a violent happening told only as force used on a crowd
    # (one mention, no toll); on a protest, only when it hurt no one
    force_used = {
        id(e)
        for e in events
        if e.event_type not in ("Protests", "Riots")  # (the protesters' own violence)
        and e.extra.get("mentions") == 1
        and e.sentence < len(state.sentences)
        and _tells_intervention(state.sentences[e.sentence].text)
        and not e.fatalities.value
    }
    force_only = {id(e) for e in events if id(e) in force_used and not e.injuries.value}
    told = {para_of[id(e)] for e in events if id(e) not in force_only}
    # the paragraphs told after each protest's own, up to the next that tells a happening
    after = {
        para_of[id(e)]: _told_after(state, para_of[id(e)], told)
        for e in events
        if e.event_type == "Protests"
    }
    after_protest = {later for paras in after.values() for later in paras}
    kept = []
    for event in events:
        para = para_of[id(event)]
        text = state.text[para.start : para.end] if para is not None else ""
        if event.sub_event_type == PEACEFUL and (
            _tells_intervention(text)
            or para in arrests_at
            or any(_tells_intervention(later.text) for later in after[para])
        ):
            set_category(event, INTERVENED, [])
            arrest = arrests_at.get(para)
            if event.actor2 is None and arrest is not None and arrest.actor1 is not None:
                event.actor2 = arrest.actor1  # who arrested them intervened
        elif event.sub_event_type == ARRESTS and told_after.get(para) is event:
            continue
        elif (
            id(event) in force_only and (para in protest_paragraphs or para in after_protest)
        ) or (id(event) in force_used and para in riot_paragraphs):
            continue
        kept.append(event)
    return kept


def _after_it_ended(state: DocState, arrest: EventDraft) -> bool:
    """The arrest's sentence tells it as made after the protest was over."""
    sent = state.spacy_sentence(arrest.sentence)
    return sent is not None and after_the_protest(sent, lexicon())


def _told_after(state: DocState, para: Span | None, told: set[Span | None]) -> list[Span]:
    """The paragraphs after a protest's own up to the next that tells a happening of its own: an
    article often tells how the police ended a protest a paragraph or two after the protest
    ("Police used riot dispersal means to open the road")."""
    if para is None or para not in state.paragraphs:
        return []
    after = []
    for later in state.paragraphs[state.paragraphs.index(para) + 1 :]:
        if later in told:
            break
        after.append(later)
    return after


def _named_by_noun(tok: Token) -> bool:
    """A happening named by a noun under a preposition ("a video of the attack", "in their
    attack"): no clause tells it as done, unlike "a drone hit the post" or "militants carried
    out an attack"."""
    return tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "pobj"


def _quoted(state: DocState, draft: EventDraft) -> bool:
    """The trigger lies inside a quotation its paragraph opens before it."""
    para = state.paragraph_at(draft.trigger.start)
    if para is None:
        return False
    before = state.text[para.start : draft.trigger.start]
    return before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1


_HARM = frozenset({"Attack", "Armed clash"})


def _first_in_paragraph(state: DocState, events: list[EventDraft]) -> dict[object, EventDraft]:
    """The first codable event each paragraph tells, by paragraph."""
    first: dict[object, EventDraft] = {}
    for e in events:
        if e.acled_codable:
            first.setdefault(state.paragraph_at(e.trigger.start), e)
    return first


def _fold_into_first(
    state: DocState,
    events: list[EventDraft],
    part_of: Callable[[EventDraft, EventDraft], bool],
    join: bool = True,
    take_toll: bool = False,
    mentions: int = 1,
) -> list[EventDraft]:
    """Drop each happening told once (up to `mentions` times), after the first codable one its
    paragraph tells, that `part_of(event, first)` finds a part of that first one; with
    `take_toll` the first one keeps the higher of the two tolls, with `join` the dropped one's
    sentences join its evidence."""
    first = _first_in_paragraph(state, events)
    kept = []
    for event in events:
        head = first.get(state.paragraph_at(event.trigger.start))
        if (
            head is not None
            and head is not event
            and 1 <= (event.extra.get("mentions") or 0) <= mentions
            and event.trigger.start > head.trigger.start
            and part_of(event, head)
        ):
            if take_toll:
                for kind in ("fatalities", "injuries"):
                    if (getattr(event, kind).value or 0) > (getattr(head, kind).value or 0):
                        setattr(head, kind, getattr(event, kind))
            if join:
                _join_evidence(head, event)
            continue
        kept.append(event)
    return kept


def _riots_own_violence(state: DocState, events: list[EventDraft]) -> list[EventDraft]:
    """A paragraph that tells a riot first tells the deaths in it after it: an attack or clash
    told once with a toll, on the riot's days ("rioters set a post on fire … one person is
    killed by the violence", "the police shot and killed one man") is the riot's violence, not
    an event of its own; its toll is the riot's when higher (ACLED codes one riot with its
    dead). Not for a fight between two crowds, whose dead ACLED often codes as a communal
    clash of its own."""
    return _fold_into_first(
        state,
        events,
        lambda event, riot: (
            riot.event_type == "Riots"
            and event.sub_event_type in _HARM
            and bool(event.fatalities.value or _riots_foe(riot, event))
            and not _crowd_against_crowd(riot)
            and _same_days(event.when, riot.when)
        ),
        take_toll=True,
    )


# What a paragraph may tell first whose arrests told after it are its end, not news of their own.
_ARRESTED_AFTER = frozenset(
    {"Mob violence", "Violent demonstration", "Looting/property destruction"}
)
# ... and those whose arrests told after them by no named actor are their end too ("The
# perpetrator was arrested.", "Five people were arrested.")
_ARRESTED_AFTER_UNNAMED = frozenset({"Attack"})
# A fight's arrests told after it, by the state or no one named, are how it ended too ("… armed
# men clashed with state police. Two men were arrested."): the side that lost was taken.


def _fought_both_ways(state: DocState, event: EventDraft) -> bool:
    """An armed clash told by a word saying both sides fought ("clashed", "exchanged fire",
    "fighting"), not a one-sided deed the type model read as a clash ("shot and killed an officer",
    "raided a shop")."""
    if event.sub_event_type != CLASH:
        return False
    tok = trigger_token(state, event)
    words = mutual_battle_words()
    return tok is not None and (tok.lemma_.lower() in words or joined_word(state, event) in words)


def _arrests_after_violence(state: DocState, events: list[EventDraft]) -> list[EventDraft]:
    """ "… rioters pelted the police with stones. 18 people were arrested.", "… a man was
    stabbed to death. The perpetrator was arrested.": an arrest told once, after the violence
    its paragraph tells first, on its days, with no toll and by no one but the state, is how that
    happening ended (ACLED codes the one event), not an event of its own. An arrest told first
    ("police said they had detained the bombers of a shop") or told again is news of its own."""

    def ended(event: EventDraft, violence: EventDraft) -> bool:
        return bool(
            event.sub_event_type == ARRESTS
            and (violence.sub_event_type in _ARRESTED_AFTER
                 or (violence.sub_event_type in _ARRESTED_AFTER_UNNAMED and event.actor1 is None)
                 or _fought_both_ways(state, violence)
                 or (violence.sub_event_type in _HARM and _doers_arrested(state, event)))
            and (not event.fatalities.value or _their_toll(event, violence, state)
                 or ((_fought_both_ways(state, violence)
                      or violence.sub_event_type in _ARRESTED_AFTER_UNNAMED)
                     and event.fatalities.value <= (violence.fatalities.value or 0)))
            and (event.actor1 is None or event.actor1.actor.inter == 1)
            and (_same_days(event.when, violence.when) or _doers_arrested(state, event))
        )  # fmt: skip

    return _fold_into_first(state, events, ended)


# Words for who did a harm: "the suspect was arrested", "police arrested the shooters".
_WRONGDOERS = frozenset({
    "suspect", "perpetrator", "attacker", "assailant", "culprit", "shooter", "gunman", "hitman",
    "killer", "murderer", "robber",
})


def _doers_arrested(state: DocState, event: EventDraft) -> bool:
    """ "The perpetrators were arrested days later", "police arrested two suspects": those
    arrested are named as the doers of the harm told before (the arrest ends that happening,
    whenever it came)."""
    tok = trigger_token(state, event)
    if tok is None or tok.pos_ not in ("VERB", "AUX"):
        return False
    return any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _WRONGDOERS for c in tok.children
    )


def _their_toll(event: EventDraft, violence: EventDraft, state: DocState) -> bool:
    """The arrest of the doers carries the harm's own toll, told for the whole note ("1
    fatality."), not one of its own."""
    toll = event.fatalities.value or 0
    return toll <= (violence.fatalities.value or 0) and _doers_arrested(state, event)


def _joined_protests(state: DocState, events: list[EventDraft]) -> list[EventDraft]:
    """ "Teachers also joined the protest": a change to a group told once whose verb joins a
    protest, in a paragraph that tells a protest, is more of that protest, not an event of its
    own (a note telling only that "students joined the nationwide protest" keeps it). So is one
    told once in a sentence of a demonstration ("… protested against the army's recruitment
    scheme", "… held a protest during a military exercise": the protest's topic or setting), and
    a join told after a demonstration ("They were joined by residents", "lawmakers also joined
    the students")."""
    lex = lexicon()
    protests = {state.paragraph_at(e.trigger.start) for e in events if e.event_type == "Protests"}
    crowds = [e for e in events if e.event_type in _CROWD_TYPES]
    crowd_sentences = {state.sentence_of(s.start) for e in crowds for s in e.evidence}
    kept = []
    for event in events:
        tok = trigger_token(state, event) if event.sub_event_type == CHANGE else None
        if tok is None or event.extra.get("mentions") != 1:
            kept.append(event)
            continue
        para = state.paragraph_at(event.trigger.start)
        if para in protests and joins_a_protest(tok, lex):
            continue
        if state.sentence_of(event.trigger.start) in crowd_sentences:
            continue
        if tok.lemma_.lower() == "join" and any(
            state.paragraph_at(c.trigger.start) == para and c.trigger.start < event.trigger.start
            for c in crowds
        ):
            continue
        kept.append(event)
    return kept


_CROWD_TYPES = frozenset({"Protests", "Riots"})


# What a text says did not, or may not, take place.
_UNREAL = frozenset({"hypothetical", "negated"})


def _fold_retellings(
    state: DocState,
    events: list[EventDraft],
    earlier: Callable[[EventDraft, EventDraft], bool],
    retells: Callable[[EventDraft, EventDraft], bool],
    join: bool = True,
) -> list[EventDraft]:
    """Drop each happening told once (one mention) that `retells` the first earlier one of its
    paragraph `earlier` accepts; with `join`, its sentences join that one's evidence."""
    kept: list[EventDraft] = []
    for event in events:
        if event.extra.get("mentions") == 1:
            para = state.paragraph_at(event.trigger.start)
            before = next(
                (k for k in kept
                 if state.paragraph_at(k.trigger.start) == para and earlier(k, event)),
                None,
            )  # fmt: skip
            if before is not None and retells(event, before):
                if join:
                    _join_evidence(before, event)
                continue
        kept.append(event)
    return kept


def _hedges_after(state: DocState, events: list[EventDraft]) -> list[EventDraft]:
    """ "It is unclear if clashes took place.", "The attackers were identified, but not
    arrested.": a happening told once as not done or only possible, after one its paragraph
    tells as done, is a remark on that one (what is known of it), not a happening of its own."""
    return _fold_retellings(
        state,
        events,
        lambda told, event: (
            told.modality in ("occurred", "claimed")
            and told.acled_codable
            and told.trigger.start < event.trigger.start
            and _told_just_before(state, told, event)
        ),
        lambda event, _told: event.modality in _UNREAL,
        join=False,
    )


def _denials_of_the_told(events: list[EventDraft]) -> list[EventDraft]:
    """ "Shells hit Northby on Sunday. The army denied shelling the town.": a happening told once
    through a party's denial, when the text tells one of its type at its place as done, is that
    one's evidence (the contract: the event stays, the denial is evidence), not a second event;
    told only through the denial, it stays an event of its own with modality 'denied'."""
    told = [e for e in events if e.acled_codable and e.modality in ("occurred", "claimed")]
    kept: list[EventDraft] = []
    for event in events:
        if event.modality == "denied" and event.extra.get("mentions") == 1:
            same = next((t for t in told if t.event_type == event.event_type
                         and _same_area(t, event)), None)  # fmt: skip
            if same is not None:
                _join_evidence(same, event)
                continue
        kept.append(event)
    return kept


def _same_area(told: EventDraft, event: EventDraft) -> bool:
    """The denied happening is placed nowhere or where the told one is (or within it)."""
    if event.where is None:
        return True
    return told.where is not None and places_agree(told.where.place, event.where.place)


def _part_of_before(state: DocState, events: list[EventDraft]) -> list[EventDraft]:
    """ "… students marched in Westby. The march was part of a countrywide week of protest.": a
    happening told once as what the one told before was part of is no happening of its own;
    its sentence joins the first one's evidence."""

    def retells(event: EventDraft, _told: EventDraft) -> bool:
        tok = trigger_token(state, event)
        return tok is not None and not event.fatalities.value and part_of_it(tok)

    return _fold_retellings(
        state,
        events,
        lambda told, _event: told.acled_codable and told.modality in ("occurred", "claimed"),
        retells,
    )


# Nouns by which a later sentence points back at a violent happening told before ("the attack").
_HAPPENING_NOUNS = frozenset(
    """attack assault raid bombing blast explosion ambush massacre siege""".split()
)
_VIOLENT_TYPES = frozenset(
    {"Battles", "Violence against civilians", "Explosions/Remote violence"}
)


def _points_back(state: DocState, event: EventDraft) -> bool:
    """The event's sentence names a happening by a definite noun ("repelled the attack", "claimed
    the blast, in which gunmen opened fire", "Friday's attack"): one told before, not a new one."""
    sent = state.spacy_sentence(event.sentence)
    return sent is not None and any(
        t.pos_ == "NOUN"
        and t.lemma_.lower() in _HAPPENING_NOUNS
        and t.tag_ == "NN"
        and any(
            (c.dep_ == "det" and c.lower_ in ("the", "this", "that")) or c.dep_ == "poss"
            for c in t.children
        )
        for t in sent
    )


def _the_happening_again(state: DocState, events: list[EventDraft]) -> list[EventDraft]:
    """ "ISWAP fighters overran a base in Marte on Saturday, killing five soldiers. […] The army
    said troops repelled the attack and killed 23 insurgents.", "Islamic State claimed the
    attack, in which gunmen opened fire on concertgoers": a violent happening told with
    neither a day nor a place of its own sentence, in a sentence pointing back at "the attack",
    is the violent happening the report told first, wherever its paragraph (a wire's claim or
    the army's account comes paragraphs later); its sentences join that one's evidence and its
    toll stays the first telling's (ACLED: one event, the most conservative toll)."""
    kept: list[EventDraft] = []
    for event in events:
        first = next(
            (k for k in kept
             if k.acled_codable and k.modality in ("occurred", "claimed")
             and k.event_type in _VIOLENT_TYPES),
            None,
        )  # fmt: skip
        if (
            first is not None
            and event.event_type in _VIOLENT_TYPES
            and "sentence" not in (event.extra.get("date_from"), event.extra.get("place_from"))
            and _points_back(state, event)
        ):
            _join_evidence(first, event)
            continue
        kept.append(event)
    return kept


# What an attack on civilians may tell it did "also": more harm to its victims or their goods.
_ON_CIVILIANS = frozenset(
    {ATTACK, "Looting/property destruction", "Abduction/forced disappearance"}
)


def _also_to_the_victims(state: DocState, events: list[EventDraft]) -> list[EventDraft]:
    """ "… gunmen killed four civilians in Northby. Assailants also burnt 4 motorbikes.", "The
    victim was also struck with axes.": a deed against civilians told once with "also" on its
    verb, after an attack its paragraph tells first, with neither a day nor a place of its own
    sentence and no dead of its own, is more of that attack (ACLED codes the one event)."""

    def retells(event: EventDraft, _told: EventDraft) -> bool:
        if event.sub_event_type not in _ON_CIVILIANS or event.fatalities.value:
            return False
        if "sentence" in (event.extra.get("date_from"), event.extra.get("place_from")):
            return False
        tok = trigger_token(state, event)
        return tok is not None and any(
            c.dep_ == "advmod" and c.lower_ == "also" for c in tok.children
        )

    return _fold_retellings(
        state,
        events,
        lambda told, event: (
            told.sub_event_type == ATTACK
            and told.acled_codable
            and told.modality in ("occurred", "claimed")
            and told.trigger.start < event.trigger.start
        ),
        retells,
    )


def _coded_apart(state: DocState, events: list[EventDraft]) -> list[EventDraft]:
    """ "… killed a man. He had been abducted on 9 March (coded separately).": a happening told
    once by a verb whose clause the note remarks is coded separately (the remark follows its
    trigger in its sentence, no other happening's trigger between) is another record's event,
    not this one's. Never the first happening told, nor when it would leave no codable event."""
    if "coded" not in state.text.lower():
        return events
    codable = [e for e in events if e.acled_codable]
    first = codable[0] if codable else None
    starts = sorted(e.trigger.start for e in events)
    apart: set[int] = set()
    for event in events:
        if event is first or event.extra.get("mentions") != 1:
            continue
        if not 0 <= event.sentence < len(state.sentences):
            continue
        tok = trigger_token(state, event)
        if tok is None or tok.pos_ not in ("VERB", "AUX"):
            continue  # a noun names the happening the remark may be about, not one told here
        end = state.sentences[event.sentence].end
        m = CODED_APART.search(state.text, event.trigger.end, end)
        if m is None or any(event.trigger.end <= s < m.start() for s in starts):
            continue
        apart.add(id(event))
    if not any(e.acled_codable and id(e) not in apart for e in events):
        return events
    return [e for e in events if id(e) not in apart]


def _other_records_place(state: DocState, events: list[EventDraft]) -> list[EventDraft]:
    """ "… mortars fired at positions near Easton. … two soldiers were killed at unspecified
    locations (fatalities coded to Westby event).": a happening placed by the place ACLED's remark
    names as the event the toll is coded to is that other record's event, not one more of this
    note's (the remarks stage gives this note's events none of the toll). Never the first
    codable happening."""
    spans = places_coded_elsewhere(state.text) if "coded to" in state.text else []
    if not spans:
        return events
    first = next((e for e in events if e.acled_codable), None)
    return [
        e for e in events
        if e is first
        or e.where is None
        or not any(start <= e.where.span.start < end for start, end in spans)
    ]  # fmt: skip


def _one_event_per_place_and_day(state: DocState, events: list[EventDraft]) -> list[EventDraft]:
    """ACLED's event is one interaction of the same actors at one place on one day: a happening
    of the sub-type, sides, days and place of one told before it is that event again (a
    retelling the clustering kept apart: "… gathered at the call of four unions" read as four
    sites that all resolve to the country; a crowd's second sentence placed like its first).
    Its sentences join the first one's evidence, its toll when the first has none. Sites a
    listed sentence names as their own places stay apart ("drills at the Qasrak and Tell Baidar
    bases"), and so do two tolls told apart."""
    kept: list[EventDraft] = []
    for event in events:
        same = next((k for k in kept if _same_event(k, event)), None)
        if same is None:
            kept.append(event)
            continue
        for kind in ("fatalities", "injuries"):
            if (getattr(event, kind).value or 0) > (getattr(same, kind).value or 0):
                setattr(same, kind, getattr(event, kind))
        _join_evidence(same, event)
    return kept


def _same_event(one: EventDraft, two: EventDraft) -> bool:
    if not (one.acled_codable and two.acled_codable):
        return False
    if (one.event_type, one.sub_event_type) != (two.event_type, two.sub_event_type):
        return False
    if one.where is None or two.where is None or _spot(one.where.place) != _spot(two.where.place):
        return False
    if one.when is None or two.when is None or (one.when.start, one.when.end) != (
        two.when.start, two.when.end
    ):
        return False
    if _own_site(one) and _own_site(two):
        return False
    tolls = (one.fatalities.value, two.fatalities.value)
    if None not in tolls and tolls[0] != tolls[1]:
        return False  # another toll, another strike ("… including Westmoor, where one died")
    # (not a side one leaves unnamed: the roles stage may name it after, and tell it apart)
    return all(
        (a.actor.name if a else None) == (b.actor.name if b else None)
        for a, b in ((one.actor1, two.actor1), (one.actor2, two.actor2))
    )


def _spot(place: Place) -> tuple[object, ...]:
    """Where a place is, whatever words named it."""
    return (place.country, place.admin1, place.admin2, place.location, place.latitude,
            place.longitude)  # fmt: skip


def _own_site(event: EventDraft) -> bool:
    """A listed site's happening placed by its own site name."""
    span = event.extra.get("place_span")
    where = event.where
    return span is not None and where is not None and (
        where.span.start < span[1] and span[0] < where.span.end
    )


def _told_just_before(state: DocState, told: EventDraft, remark: EventDraft) -> bool:
    """The sentence before the remark's own tells the happening (its evidence holds it)."""
    before = state.sentence_of(remark.trigger.start) - 1
    return any(state.sentence_of(s.start) == before for s in told.evidence)


def _determined(tok: Token) -> bool:
    return any(c.dep_ in ("det", "poss") for c in tok.children)


def _crowd_told_again(state: DocState, events: list[EventDraft]) -> list[EventDraft]:
    """ "… workers demonstrated outside the town hall. The demonstrators demanded unpaid wages.":
    a demonstration told once by its crowd named again ("the demonstrators", "the protesters"),
    after a demonstration or riot its paragraph tells, is that one told again, whatever type,
    day or place the words of its own sentence suggested: its sentence joins the first one's
    evidence."""

    def retells(event: EventDraft, told: EventDraft) -> bool:
        if event.event_type not in _CROWD_TYPES or event.fatalities.value:
            return False
        tok = trigger_token(state, event)
        return tok is not None and (
            protest_remarked(tok)
            or (crowd_named_again(tok)
                and (_determined(tok) or (event.extra.get("place_from") != "sentence"
                                          and event.event_type == told.event_type)))
        )  # fmt: skip

    return _fold_retellings(
        state,
        events,
        lambda told, event: (
            told.event_type in _CROWD_TYPES and told.trigger.start < event.trigger.start
        ),
        retells,
    )


def _crowds_history(state: DocState, events: list[EventDraft]) -> list[EventDraft]:
    """ "… residents marched in Westby on 6 May against the arrest of an activist, who had
    joined a rally in the capital in December.", "… rallied against the war, which started on
    24 February. Officers broke the rally up.": a demonstration or riot told once after
    the first one its paragraph tells, and dated wholly before that one's days, is the first
    one's history (a grievance, an earlier rally, a day read off a clause about the past), not
    an event of the report's."""

    def earlier(told: EventDraft, event: EventDraft) -> bool:
        return (
            told.event_type in _CROWD_TYPES
            and told.acled_codable
            and told.modality in ("occurred", "claimed")
            and told.trigger.start < event.trigger.start
        )

    def retells(event: EventDraft, told: EventDraft) -> bool:
        if event.event_type not in _CROWD_TYPES or event.fatalities.value:
            return False
        when, first = event.when, told.when
        if when is None or first is None or when.end is None or first.start is None:
            return False
        return when.end < first.start

    return _fold_retellings(state, events, earlier, retells, join=False)


# What a crowd does when its protest turns into a riot: "Demonstrators threw bottles at the
# police", "Rioters pelted stones", "They clashed with the guards".
_CROWD_VIOLENCE = frozenset({"throw", "pelt", "hurl", "clash", "stone", "smash", "vandalize",
                             "vandalise", "damage"})  # fmt: skip


def _protest_turned_violent(state: DocState, events: list[EventDraft]) -> list[EventDraft]:
    """ "On 3 May, about 2,000 people demonstrated in Westby against the lockdown. Demonstrators
    threw bottles at police officers.": a Violent demonstration told once by a crowd's violent
    deed, after a Peaceful protest or Protest with intervention its paragraph tells first, on the
    same days and at the same place, is that protest turned violent: ACLED codes the one event, a
    Violent demonstration. The protest's sentences join the riot's evidence and the protest
    leaves."""
    first = _first_in_paragraph(state, events)
    gone: set[int] = set()
    for event in events:
        protest = first.get(state.paragraph_at(event.trigger.start))
        if (
            protest is None
            or protest is event
            or protest.sub_event_type not in (PEACEFUL, INTERVENED)
            or event.sub_event_type != RIOTED
            or event.extra.get("mentions") != 1
            or event.trigger.start < protest.trigger.start
            or not _same_place(event, protest)
            or event.when is None
            or protest.when is None
            or (event.when.start, event.when.end) != (protest.when.start, protest.when.end)
        ):
            continue
        deed = _crowds_deed(trigger_token(state, event))
        if deed is None or any(c.dep_ == "neg" for c in deed.children):
            continue
        event.evidence[:0] = [e for e in protest.evidence if e not in event.evidence]
        gone.add(id(protest))
    return [e for e in events if id(e) not in gone]


# Harm told of people with no doer of the crowd's: "Six demonstrators were injured."
_HURT = frozenset({"injure", "wound", "hurt"})


# What a state force's fire on a crowd may be read as besides the intervention itself.
_FORCE_ON_CROWD_TYPES = frozenset({"Violence against civilians", "Explosions/Remote violence"})
_FIRE_WORDS = frozenset({"fire", "shoot"})


def _fire_told(state: DocState, event: EventDraft) -> bool:
    """The event's trigger or the verb it hangs on tells of fire ("opened fire", "fired
    teargas", "shot"), not a search or an arrest."""
    tok = trigger_token(state, event)
    if tok is None:
        return False
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    words = {verb.lemma_.lower(), tok.lemma_.lower()} | {c.lemma_.lower() for c in verb.children}
    return bool(words & _FIRE_WORDS)


def _force_on_the_protest(state: DocState, events: list[EventDraft]) -> list[EventDraft]:
    """ "… residents rallied in Westby against the curfew. Officers broke the rally up with tear
    gas and beat two marchers.", "Three demonstrators were hurt.": a Violent demonstration told
    once by the force used on the crowd (its trigger's subject a state force, or people hurt
    with no doer named), not by a deed of the crowd, after a Protest with intervention its
    paragraph tells first and on its days, is that intervention told on: ACLED codes the one
    event. Its sentences join the intervention's evidence. The same for an attack or a shelling
    told once by a state force's fire, with no dead of its own, after a protest it intervened in
    ("… troops fired on the marchers, killing one. Officials said the soldiers fired in the
    air.", "Police fired teargas canisters to disperse the crowd."): the force on the crowd told
    again, not an attack of its own."""

    def force_on_it(event: EventDraft, protest: EventDraft) -> bool:
        if (
            protest.sub_event_type not in (INTERVENED, EXCESSIVE)
            or event.fatalities.value
            or not _same_days(event.when, protest.when)
        ):
            return False
        if event.sub_event_type == RIOTED:
            if protest.sub_event_type != INTERVENED or event.extra.get("mentions") != 1:
                return False
        elif (
            event.event_type not in _FORCE_ON_CROWD_TYPES
            or event.actor1 is None
            or event.actor1.actor.inter != 1  # (a gang's shooting is an attack of its own)
            or not _fire_told(state, event)
        ):
            return False
        tok = trigger_token(state, event)
        return tok is not None and _crowds_deed(tok) is None and _force_used(state, tok)

    # (fire on a crowd is often told twice: "fired teargas and live bullets")
    return _fold_into_first(state, events, force_on_it, mentions=2)


def _same_protest_again(state: DocState, events: list[EventDraft]) -> list[EventDraft]:
    """ "On 2 May, about 300 people rallied in Westby against the closure of the mill. A
    counter-rally was held too.", "Some of them also blocked a road.": a Peaceful protest told
    once after the Peaceful protest its paragraph tells first, at the same place and on the same
    days, is another side of that protest day (a counter-rally, a road blocked by part of the
    crowd, a separate march): ACLED codes one event per place and day, the first one told. The
    same for a Protest with intervention after one ("Police also detained two organisers.")."""
    return _fold_into_first(
        state,
        events,
        lambda event, protest: (
            protest.sub_event_type in (PEACEFUL, INTERVENED)
            and event.sub_event_type == protest.sub_event_type
            and _same_place(event, protest)
            and event.when is not None
            and protest.when is not None
            and (event.when.start, event.when.end) == (protest.when.start, protest.when.end)
        ),
        join=False,
    )


def _crowd_does_more(state: DocState, events: list[EventDraft]) -> list[EventDraft]:
    """ "On 2 May, workers protested in Westby against low pay. They then marched to the town
    hall.", "The group blocked a road near the market.": a demonstration told once, after the
    Peaceful protest its paragraph tells first, whose clause's subject is the crowd told before
    ("they", "the group"), with no dead, on the protest's days, is that crowd doing more of its
    protest, wherever its own words put it (ACLED codes the one event). A violent deed of the
    crowd is left to `_protest_turned_violent`."""

    def more_of_it(event: EventDraft, protest: EventDraft) -> bool:
        if (
            protest.sub_event_type != PEACEFUL
            or event.event_type not in _CROWD_TYPES
            or event.fatalities.value
            or not _same_days(event.when, protest.when)
        ):
            return False
        tok = trigger_token(state, event)
        return tok is not None and _crowds_deed(tok) is None and crowd_told_before(tok)

    return _fold_into_first(state, events, more_of_it)


def _the_fights_toll(state: DocState, events: list[EventDraft]) -> list[EventDraft]:
    """ "On 4 May, troops exchanged fire with militants near Northby. Two militants were killed in
    the encounter.": an Armed clash told once by its dead alone (a passive verb of harm or "die"
    naming no doer), after the Armed clash its paragraph tells first with no dead counted and on
    its days, is that fight's toll, whatever place or side its own words suggested: the toll
    goes to the fight."""

    def its_dead(event: EventDraft, fight: EventDraft) -> bool:
        if (
            fight.sub_event_type != CLASH
            or event.sub_event_type != CLASH
            or not event.fatalities.value
            or fight.fatalities.value
            or not _same_days(event.when, fight.when)
        ):
            return False
        tok = trigger_token(state, event)
        return tok is not None and only_the_dead(tok)

    return _fold_into_first(state, events, its_dead, take_toll=True)


def _force_used(state: DocState, tok: Token) -> bool:
    """The trigger tells force used on a crowd: its subject is a state force (ACLED inter 1 or
    3), or people are hurt with no doer named ("two marchers were injured")."""
    if tok.lemma_.lower() in mutual_battle_words():
        return False
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    while verb.dep_ == "conj" and not any(c.dep_.startswith("nsubj") for c in verb.children):
        verb = verb.head  # "… dispersed the crowd and beat a marcher"
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects:
        return verb.lemma_.lower() in _HURT and not any(c.dep_ == "agent" for c in verb.children)
    words = list(subjects[0].subtree)
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    return any(
        start <= a.span.start < end and a.actor.inter in (1, 3) for a in state.actors
    )


def _crowds_deed(tok: Token | None) -> Token | None:
    """The violent verb the trigger tells: itself ("threw"), or the verb its crowd noun is the
    subject of ("Rioters pelted stones"; "the rioters attempted to damage cars")."""
    if tok is None:
        return None
    if tok.pos_ in ("NOUN", "PROPN"):
        if tok.lemma_.lower() in _CROWD_VIOLENCE:  # "… which started a clash between them"
            return None if any(c.lower_ == "no" for c in tok.children) else tok
        if tok.dep_ != "nsubj":
            return None
        tok = tok.head
    if tok.lemma_.lower() in ("attempt", "try"):
        tok = next((c for c in tok.children if c.dep_ == "xcomp"), tok)
    return tok if tok.lemma_.lower() in _CROWD_VIOLENCE else None


def _same_place(event: EventDraft, other: EventDraft) -> bool:
    one, two = event.where, other.where
    return one is not None and two is not None and one.place == two.place


_CAPTURE = frozenset({"abduct", "kidnap"})


def _captured_before(state: DocState, events: list[EventDraft]) -> list[EventDraft]:
    """ "… gunmen killed a farmer and left his body by the road. The victim had been abducted on
    9 April.": the capture of an attack's victim, told once after the Attack its paragraph tells
    first, in the passive and dated by its own sentence wholly before that attack's days, is
    how the victim came into the killers' hands: ACLED codes it in another record, if at all."""

    def earlier(told: EventDraft, event: EventDraft) -> bool:
        return (
            told.sub_event_type == ATTACK
            and told.acled_codable
            and told.modality in ("occurred", "claimed")
            and told.trigger.start < event.trigger.start
        )

    def retells(event: EventDraft, told: EventDraft) -> bool:
        if event.fatalities.value or event.extra.get("date_from") != "sentence":
            return False
        when, first = event.when, told.when
        if when is None or first is None or when.end is None or first.start is None:
            return False
        if not when.end < first.start:
            return False
        tok = trigger_token(state, event)
        return (
            tok is not None
            and tok.lemma_.lower() in _CAPTURE
            and any(c.dep_ == "nsubjpass" for c in tok.children)
        )

    return _fold_retellings(state, events, earlier, retells, join=False)


def _join_evidence(told: EventDraft, event: EventDraft) -> None:
    """The event is the one told before, told again: its sentences join the first one's evidence."""
    told.evidence.extend(e for e in event.evidence if e not in told.evidence)


def _riots_foe(riot: EventDraft, event: EventDraft) -> bool:
    """The happening is done by the riot's own second side ("rioters clashed with soldiers …
    Soldiers fired rubber bullets at them"): the force met in the riot, part of it."""
    foe, doer = riot.actor2, event.actor1
    return foe is not None and doer is not None and same_actor(foe, doer)


def _crowd_against_crowd(riot: EventDraft) -> bool:
    """Both sides of the riot are actors of one kind (rioters against rioters)."""
    one, two = riot.actor1, riot.actor2
    return one is not None and two is not None and one.actor.inter == two.actor.inter


def _same_days(when: DateSpan | None, other: DateSpan | None) -> bool:
    """Whether two dates may be the same days (an undated one may)."""
    if when is None or other is None or None in (when.start, when.end, other.start, other.end):
        return True
    return when.start <= other.end and other.start <= when.end  # type: ignore[operator]


def _done_as_before(state: DocState, events: list[EventDraft]) -> None:
    """ "Houthis targeted two ships with missiles and drones … the group also targeted a third":
    a happening told as an Attack by a verb with "also", the same verb and doer as an earlier
    happening done with a remote weapon, was done with it too (its own sentence names none)."""
    tokens = [trigger_token(state, e) for e in events]
    for i, (event, tok) in enumerate(zip(events, tokens, strict=True)):
        if event.sub_event_type != ATTACK or event.actor1 is None or tok is None:
            continue
        if not any(c.dep_ == "advmod" and c.lower_ == "also" for c in tok.children):
            continue
        for before, before_tok in zip(reversed(events[:i]), reversed(tokens[:i]), strict=True):
            if (
                before.event_type == WEAPON_EVENT_TYPE
                and before.sub_event_type is not None
                and before.actor1 is not None
                and before.actor1.actor.name == event.actor1.actor.name
                and before_tok is not None
                and before_tok.lemma_ == tok.lemma_
            ):
                set_category(event, before.sub_event_type, [])
                break


def _first_tellings(state: DocState, drafts: list[EventDraft]) -> list[EventDraft]:
    """Drafts of a sentence the text repeats word for word (a headline again above the lead, a
    paragraph pasted twice) are the first copy's again: "also shot down" read a second time is
    not one more happening."""
    words = [" ".join(_WORD.findall(span.text.lower())) for span in state.sentences]
    first: dict[str, int] = {}
    for i, said in enumerate(words):
        first.setdefault(said, i)
    return [
        d
        for d in drafts
        if not 0 <= d.sentence < len(words) or first[words[d.sentence]] == d.sentence
    ]


_WORD = re.compile(r"\w+")


def _borrow_follow_up_place(state: DocState, event: EventDraft, cluster: Cluster,
                            busy: set[int]) -> list[PlaceMention]:  # fmt: skip
    """A happening placed no finer than a region takes a town the next sentences name. When that
    town is one of a list of places told for one deed ("… destroyed in the Easton, Westby and
    Northtown regions"), the happening was at each of them: the others are returned."""
    country = event.where.place.country if event.where else None
    # A mention it shares with other happenings counts too: the town named after it is
    # checked against the happening's own country (and governorate) below.
    # (not after a sentence that names it only as the context of another: "the raids focused
    # on …, following a border shoot-out. The raids were carried out as X visited Amman")
    sentences = {
        m.draft.sentence
        for m in (*cluster.members, *cluster.shared)
        if not _as_reference(trigger_token(state, m.draft))
    }
    at_country = event.where is not None and event.where.place.feature == "country"
    admin1 = event.where.place.admin1 if event.where and not at_country else None
    found = follow_up_place(state, sentences, busy, country, admin1_too=at_country)
    if found is None:
        return []
    if admin1 is not None and found.place.admin1 != admin1:
        return []  # "in Daraa province … As-Sweida": a town of another governorate
    event.where = found
    event.extra["place_from"] = "follow-up"
    sent = state.spacy_sentence(state.sentence_of(found.span.start))
    if sent is None:
        return []
    sites = sites_listed_with(sent, found.span.start, state.names_place)
    return [
        m for m in state.places
        if m is not found and is_fine(m.place) and m.place.country == found.place.country
        and any(s.start <= m.span.start < s.end for s in sites)
    ]  # fmt: skip


# Prepositions that name an earlier happening only to place the news in time or context.
_REFERENCE_PREPS = frozenset({"following", "after", "amid", "since", "before", "like"})


REFERENCE_DAYS = 30  # "wounded following an attack" days before the report is the news itself


def _long_past(when: DateSpan | None, published: date | None) -> bool:
    if when is None or when.end is None or published is None:
        return False
    return (published - when.end).days > REFERENCE_DAYS


def _only_a_reference(state: DocState, cluster: Cluster) -> bool:
    """A past happening told once, as the object of "following", "after", "amid" …: context for
    the news, not a report of it (ACLED coded it when it happened)."""
    if len(cluster.members) != 1:
        return False
    return _as_reference(trigger_token(state, cluster.members[0].draft))


def _as_reference(tok: Token | None) -> bool:
    """The trigger is a noun under "following", "after", "amid" …: the happening is named as
    the context of another."""
    return (
        tok is not None
        and tok.pos_ == "NOUN"
        and tok.dep_ == "pobj"
        and tok.head.lower_ in _REFERENCE_PREPS
    )


_WITHIN = frozenset({"in", "during"})


def _within_a_dated_episode(state: DocState, cluster: Cluster) -> bool:
    """Every mention tells part of a past episode named by its date ("rockets were fired at the
    city in the 7 October attacks", "killed in the 2008 bombing"): history the report recalls.
    """
    if not cluster.seed.draft.acled_codable:
        return False  # a threat made back then is told as what was said
    for member in cluster.members:
        tok = trigger_token(state, member.draft)
        if tok is None:
            return False
        nouns = [tok] + [g for c in tok.children if c.dep_ == "prep" and c.lower_ in _WITHIN
                         for g in c.children if g.dep_ == "pobj"]  # fmt: skip
        if not any(
            n.dep_ == "pobj" and n.head.lower_ in _WITHIN and n.ent_type_ != "DATE"
            and any(c.ent_type_ == "DATE" and c.dep_ in ("nummod", "compound", "amod", "nmod")
                    for c in n.children)
            for n in nouns
        ):  # fmt: skip
            return False
    return True


def anchored(cluster: Cluster) -> bool:
    """Whether the text tells the happening as news: more than once, or with a day or a place
    of its own, or as one more ("also", "in response"), or first of all (a headline or lead).
    A happening mentioned once in passing with neither day nor place ("the strikes have raised
    fears of escalation") gives a coder nothing to code."""
    members = cluster.members
    return (
        not cluster.seed.draft.acled_codable  # a statement is coded by who says it, not where
        or len(members) > 1
        or any(m.day is not None or m.attached or m.another for m in members)
        or min(m.order for m in members) == 0
    )


# A happening told by its month or week (no day) that ended more than half a year before the
# report is history it recalls ("the war erupted in April 2023"): ACLED codes news from the
# reports of its days, and none of the ~830 train notes told by a week or month is published
# more than ~5 months after it. A day told in full is left to the other rules.
RECALLED_DAYS = 180


def _recalled(when: DateSpan | None, published: date | None) -> bool:
    """Whether the text dates the happening, by no day, long before the report."""
    if when is None or when.start is None or published is None or (when.precision or 1) < 2:
        return False
    return (published - (when.end or when.start)).days > RECALLED_DAYS


def _acled_datable(when: DateSpan | None) -> bool:
    if when is None or when.start is None:
        return True  # undated for want of a publication date: nothing to judge
    return when.precision is not None and when.precision <= 3


_PHRASE_DEPS = frozenset(
    {"compound", "amod", "nmod", "prep", "pobj", "npadvmod", "agent", "nsubj", "nsubjpass", "dobj"}
)
_WEAPON_PREPS = frozenset({"by", "with", "in", "from", "of"})


def weapon_named(token: Token) -> str | None:
    """The Explosions/Remote violence sub-type a weapon word of the trigger's own phrase gives:
    "killed in an air raid", "a bomb drone exploded", "targeted by missiles"
    (`weapon_words.csv`); for a participle, of its clause's subject too ("an artillery strike
    hit a van, killing one")."""
    heads = [token]
    if token.dep_ == "advcl" and token.tag_ == "VBG":
        heads += [c for c in token.head.children if c.dep_ == "nsubj"]
    for head in heads:
        # the words of its phrase first: "an artillery strike" is no air strike
        frontier = [(head, 0)]
        while frontier:
            tok, depth = frontier.pop()
            for c in tok.children:
                if c.dep_ not in _PHRASE_DEPS or depth >= 3:
                    continue
                if c.dep_ == "prep" and c.lower_ not in _WEAPON_PREPS:
                    continue
                if _against(c):
                    continue  # "anti-aircraft guns": a weapon fired at aircraft, from the ground
                named = weapon_of(c.lemma_.lower(), c.pos_)
                if named == AIR and depth == 0 and _aimed_at(c, tok):
                    continue  # "attacked an army helicopter": the machine is the target
                if named:
                    return named
                frontier.append((c, depth + 1))
        if named := weapon_of(head.lemma_.lower(), head.pos_):
            return named
    return None


# Verbs whose object is the weapon sent off ("launched drones", "used a helicopter"), not what
# it was aimed at.
_SENDING = frozenset({"launch", "fire", "use", "send", "deploy", "fly", "drop", "dispatch"})


def _aimed_at(word: Token, verb: Token) -> bool:
    """The flying machine is what the trigger verb acts on ("attacked Turkish helicopters",
    "targeted a plane", "a drone was hit"): the target of the violence, not its weapon."""
    return (
        verb.pos_ == "VERB"
        and word.dep_ in ("dobj", "nsubjpass")
        and verb.lemma_.lower() not in _SENDING
        # (a weapon stopped, "defences downed two drones", "shot it down", is the weapon fired;
        # a helicopter or plane with its crew shot down is the target struck)
        and (
            lexicon().is_cue(word, "crewed")
            or not (
                lexicon().is_cue(verb, "stopped")
                or any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children)
            )
        )
    )


def _against(token: Token) -> bool:
    """The word is the object of an "anti" before it ("anti-aircraft", "anti aircraft"): what a
    weapon is made to stop, not the weapon."""
    doc, i = token.doc, token.i
    before = doc[i - 1] if i > 0 else None
    if before is not None and before.text == "-" and i > 1:
        before = doc[i - 2]
    return before is not None and before.lower_ == "anti"


def flown(token: Token) -> bool:
    """Whether the trigger's subject is an aircraft ("an aircraft struck", "struck by a drone")."""
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    subjects += [g for c in token.children if c.dep_ == "agent" for g in c.children]
    # (a row bound to a part of speech names a happening, "a strike", not a machine that flies)
    return any(weapon_of(s.lemma_.lower(), "") == AIR for s in subjects)


def where_site(token: Token) -> str | None:
    """The named place a "where" clause holding the trigger tells of ("… including the Northtown
    district, where one person was killed" -> "Northtown"), or None."""
    if token.dep_ != "relcl" or not any(c.lower_ == "where" for c in token.children):
        return None
    head = token.head
    names = [c for c in head.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
    if head.pos_ == "PROPN":
        names.append(head)
    return " ".join(t.text for t in names) or None


def joined_word(state: DocState, draft: EventDraft) -> str:
    """A hyphenated trigger word in its joined spelling ("shoot-outs" → "shootout"), or ""."""
    if state.doc is None:
        return ""
    span = state.doc.char_span(draft.trigger.start, draft.trigger.end, alignment_mode="expand")
    if span is None or len(span) < 3 or any(t.whitespace_ for t in span[:-1]):
        return ""
    if not any(t.text == "-" for t in span):
        return ""
    return "".join(t.lemma_.lower() for t in span if t.text != "-")


def trigger_token(state: DocState, draft: EventDraft) -> Token | None:
    if state.doc is None:
        return None
    span = state.doc.char_span(draft.trigger.start, draft.trigger.end, alignment_mode="expand")
    return span.root if span is not None else None
