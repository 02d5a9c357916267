"""News or background: which mentions tell a happening of the report's days, and which do not.

- An aggregate is no happening: a mention dated by a period that runs up to the report ("raids
  since March", "strikes in the past ten days" on a plural) or told as an activity that goes on
  ("have been exchanging fire", "continues to shell") counts or sums up many happenings. It is
  never an event (when the text gives its count, the tallies extractor has already made it a
  tally).
- A background happening is one the text dates before the report's last days ("the 2011
  bombing", "in May, a strike on the port killed two"): it keeps its own date and is flagged as
  background; it is never dated to the publication day.
"""

from __future__ import annotations

from datetime import date, timedelta

from spacy.tokens import Token

from sitrep.extract.actors.clauses import DEATH_VERBS
from sitrep.extract.assembly.mentions import RECENT_DAYS, Mention
from sitrep.records import DateSpan

# Date forms that sum up a stretch of time up to the report.
_RUNNING_FORMS = frozenset({"since"})
_PAST_N = "past_n"
_ONGOING_HEADS = frozenset({"continue", "keep"})


def is_aggregate(m: Mention, token: Token | None) -> bool:
    """Whether the mention sums up many happenings or an activity that goes on (module doc)."""
    form = m.draft.extra.get("date_form", "")
    if form in _RUNNING_FORMS:
        return True
    if token is None:
        return False
    if form == _PAST_N and _plural(token):
        return True
    if m.date_from != "sentence" and (_earlier_ones(token) or _amid_many(token)):
        return True
    if _many_over_a_month(m, token):
        return True
    if _counted_up_to(token):
        return True
    return _ongoing(token) or _running_since(token) or _over_recent_years(token)


def _counted_up_to(token: Token) -> bool:
    """ "Until 4 May, 310 detainees had been freed": people counted up to a day, a running
    total over an untold stretch of time (as "since" counts from one), not one happening."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if not any(c.lower_ in ("until", "till") and c.dep_ in ("mark", "prep") for c in verb.children):
        return False
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and (c.like_num or any(n.dep_ == "nummod" and n.like_num for n in c.children))
        for c in verb.children
    )


_VAGUE_MANY = frozenset({"several", "numerous", "multiple", "repeated", "frequent", "many"})


def _many_over_a_month(m: Mention, token: Token) -> bool:
    """ "several rocket exchanges along the frontier during May": happenings without a
    day, told as many over a month or more, sum up (ACLED codes a happening to its day)."""
    when = m.draft.when
    noun = token.head if token.dep_ == "compound" else token
    return (
        when is not None
        and (when.precision or 1) >= MONTH_PRECISION
        and noun.tag_ in ("NNS", "NNPS")
        and any(c.lower_ in _VAGUE_MANY for c in noun.children if c.dep_ in ("amod", "det"))
    )


MONTH_PRECISION = 3  # ACLED time precision: 1 day, 2 week, 3 month


def is_background(when: DateSpan | None, published: date | None) -> bool:
    """Whether a happening the text dates ended before the report's last days."""
    if when is None or when.start is None or published is None:
        return False
    return (when.end or when.start) < published - timedelta(days=RECENT_DAYS)


_EARLIER = frozenset({"recent", "previous", "earlier", "prior", "past"})
_INSTANCE_OF = frozenset({"including", "like"})


def _earlier_ones(token: Token) -> bool:
    """ "in answer to recent attacks that killed soldiers", "previous strikes on the port": a
    plural happening noun told as earlier ones, with no date of its own sentence, sums them up
    (10 train notes use such a phrase); one of them named as an instance ("including an attack
    in X") is no dated news either."""
    nouns = [token]
    if token.dep_ == "relcl":  # "recent attacks (by the group) that killed …"
        noun = token.head
        nouns.append(noun)
        while noun.dep_ == "pobj" and noun.head.head.pos_ in ("NOUN", "PROPN") and len(nouns) < 4:
            noun = noun.head.head
            nouns.append(noun)
    if token.dep_ == "pobj" and token.head.lower_ in _INSTANCE_OF:
        # "recent strikes, including an attack in X": one of them (the parse may hang
        # "including" on the verb: the nearest plural noun before it is what it is one of)
        before = [t for t in token.sent if t.i < token.head.i and t.tag_ in ("NNS", "NNPS")]
        nouns.extend(before[-1:])
    return any(
        n.tag_ in ("NNS", "NNPS")
        and any(c.dep_ == "amod" and c.lower_ in _EARLIER for c in n.children)
        for n in nouns
    )


def _amid_many(token: Token) -> bool:
    """ "revenue slumps amid Houthi attacks", "talks resume amid air strikes": happenings told in
    the plural, with no date of their own sentence, as the setting of something else sum up a
    campaign (a setting in the singular, "amid an attack on the port", may be the news)."""
    noun = token.head if token.dep_ == "compound" else token
    return noun.dep_ == "pobj" and noun.head.lower_ == "amid" and noun.tag_ in ("NNS", "NNPS")


def _plural(token: Token) -> bool:
    noun = token.head if token.dep_ == "compound" else token
    if noun.tag_ in ("NNS", "NNPS"):
        return True
    # "strikes killed 30 in the past two days": a verb whose subject is plural.
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(s.tag_ in ("NNS", "NNPS") for s in subjects)


def more_casualties(token: Token) -> bool:
    """ "Local officials said nine militants were also killed": more dead or wounded of the
    happening told before it (ACLED adds them to its toll), not one more happening: a passive
    verb of harm with "also", no doer of its own and no other word telling it apart."""
    if token.lemma_.lower() not in _HARM_VERBS or token.tag_ != "VBN":
        return False
    words = {c.lower_: c.dep_ for c in token.children}
    if "auxpass" not in words.values() or "agent" in words.values():
        return False
    if any(w in _ANOTHER_ADVERBS - {"also"} for w in words):
        return False
    # "2 other policemen were killed when …", "three more soldiers were wounded": the victims
    # are told as besides those counted before.
    besides = any(
        g.lower_ in _BESIDES and g.dep_ in ("amod", "advmod", "det")
        for s in token.children
        if s.dep_ == "nsubjpass"
        for g in s.children
    )
    return words.get("also") == "advmod" or besides or _told_besides(token)


def _told_besides(token: Token) -> bool:
    """ "officials said that also four rebels were killed", "the militia also stated that two of
    its fighters were killed": "also" on the victims' number, or on the verb of saying the harm
    is told under."""
    for s in token.children:
        if s.dep_ == "nsubjpass" and any(
            n.dep_ == "nummod"
            and any(a.dep_ == "advmod" and a.lower_ == "also" for a in n.children)
            for n in s.children
        ):
            return True
    verb = token
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in _SAYING:
        return False
    return any(c.dep_ == "advmod" and c.lower_ == "also" for c in verb.head.children)


_SAYING = frozenset({"report", "say", "state", "add", "claim", "announce", "confirm"})


_HARM_VERBS = frozenset({"kill", "wound", "injure"})


def only_the_dead(token: Token) -> bool:
    """ "Two soldiers were killed", "a civilian died, two were injured": a clause that names the
    dead or hurt and no one who harmed them (a passive verb of harm with no "by" agent, or "die")
    tells a happening's toll; its subject is no side of the happening. Not when its phrases
    name who did it ("following an attack by militants", "when gunmen stormed the village")."""
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB" or lemma not in DEATH_VERBS | _HARM_VERBS:
        return False
    deps = {c.dep_ for c in token.children}
    if "agent" in deps:
        return False
    for c in token.children:
        if c.dep_ == "prep" and any(t.dep_ == "agent" or t.lower_ == "by" for t in c.subtree):
            return False
        if c.dep_ == "advcl" and any(g.dep_ in ("nsubj", "agent") for g in c.children):
            return False
    return lemma in DEATH_VERBS or (token.tag_ == "VBN" and "auxpass" in deps)

_ANOTHER_ADVERBS = frozenset({"also", "separately", "again", "meanwhile", "earlier", "later"})
_ANOTHER_DETS = frozenset({"another", "other", "separate"})
# Words telling victims counted besides those before ("2 other soldiers", "3 more wounded").
_BESIDES = frozenset({"other", "more", "additional", "further"})
_ANSWERS = frozenset({"response", "retaliation", "reprisal", "revenge"})
_NEXT_ORDINALS = frozenset({"second", "third", "fourth", "fifth", "latter"})
_SAME_HAPPENING_NOUNS = frozenset({"attack", "strike", "raid", "bombing", "blast", "explosion"})
# A demonstration remarked on as coming after or amid something (`protest_remarked`).
_PROTEST_NOUNS = frozenset({"protest", "demonstration", "rally", "march", "sit-in", "vigil"})
_CAME_AFTER = frozenset({"after", "amid", "following", "as"})
# The crowd of a demonstration told again as the subject: "The protesters also demanded …".
_CROWD_NOUNS = frozenset(
    {"protester", "protestor", "demonstrator", "participant", "marcher", "rallier", "crowd"}
)


def _another_crowd(subject: Token) -> bool:
    """ "Counter-protesters also gathered", "other demonstrators also marched": a crowd besides
    the one told before."""
    before = subject.doc[max(0, subject.i - 2) : subject.i + 1].text.lower()
    return "counter" in before or any(
        c.dep_ in ("det", "amod", "compound", "nummod")
        and (c.lower_ in _ANOTHER_DETS | _BESIDES or c.lower_.startswith("counter") or c.like_num)
        for c in subject.children
    )


def crowd_named_again(token: Token) -> bool:
    """The word is a demonstration's crowd named again: "the demonstrators", "these
    protesters" (not "other demonstrators", "counter-protesters", "200 protesters")."""
    if token.lemma_.lower() not in _CROWD_NOUNS or _another_crowd(token):
        return False
    dets = [c for c in token.children if c.dep_ in ("det", "poss")]
    if not dets:
        # "Protesters demanded …": the bare plural as the subject, the crowd told before
        return token.tag_ == "NNS" and token.dep_ in ("nsubj", "nsubjpass")
    return any(c.lower_ in ("the", "these", "those") for c in dets)


def protest_remarked(token: Token) -> bool:
    """ "Protests came after a teacher was dismissed on 2 May", "The demonstration followed the
    arrest of …": the demonstration itself, bare or with "the", as the subject of a remark on
    what it came after or amid — the one told before, not one more (not "similar protests",
    "another rally", "two protests")."""
    if token.lemma_.lower() not in _PROTEST_NOUNS or token.dep_ != "nsubj" or _another_crowd(token):
        return False
    if any(c.dep_ in ("amod", "det") and c.lower_ not in ("the", "these", "those")
           for c in token.children):  # fmt: skip
        return False
    verb = token.head
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    return any(
        v.lemma_ == "follow"
        or (v.lemma_ == "come" and any(_after_word(c) for c in v.children))
        for v in verbs
    )  # fmt: skip


def _after_word(tok: Token) -> bool:
    """ "came after the strike", "came after a worker was dismissed", "came amid calls"."""
    if tok.dep_ == "prep":
        return tok.lower_ in _CAME_AFTER
    return tok.dep_ == "advcl" and any(
        c.dep_ in ("mark", "prep") and c.lower_ in _CAME_AFTER for c in tok.children
    )


def part_of_it(token: Token) -> bool:
    """ "The march was part of a countrywide week of protest", "this one is part of a strike
    led by …": the happening the word names is what the one told before belonged to, said of
    that one ("the event", "this protest", "it"), not a happening of its own."""
    part = token
    for _ in range(4):
        if part.dep_ not in ("pobj", "prep") or part.head.i == part.i:
            return False
        part = part.head
        if part.lemma_.lower() == "part":
            break
    else:
        return False
    if part.lemma_.lower() != "part" or part.dep_ != "attr" or part.head.lemma_ != "be":
        return False
    return any(
        c.dep_ == "nsubj"
        and (c.lower_ in ("it", "this")
             or any(d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in c.children))
        for c in part.head.children
    )  # fmt: skip


def _told_before(subject: Token) -> bool:
    """The subject names people told before: "they", or a noun with a definite article ("the
    group", "the workers")."""
    if subject.lower_ == "they":
        return True
    return subject.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in subject.children
    )


def crowd_told_before(token: Token) -> bool:
    """The subject of the trigger's clause is people told before, not another crowd: "They
    blocked a road", "The group marched to the embassy" (`_told_before`)."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and all(_told_before(s) and not _another_crowd(s) for s in subjects)


def told_as_another(token: Token, demonstration: bool = False) -> bool:
    """ "The group also targeted a second ship", "another strike hit the camp", "Separately, …":
    told as one more happening, not as the one before again — unless its subject is that
    happening itself ("the strike also killed his deputy"), or, for a demonstration, the crowd
    told before (`demonstration`: "They also protested against the new tax", "The group also
    demanded …")."""
    if more_casualties(token):
        return False
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if any(c.lower_ in _ANOTHER_DETS for c in token.children if c.dep_ in ("det", "amod")):
        return True
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(
        s.lemma_.lower() in _SAME_HAPPENING_NOUNS
        and any(d.lower_ in ("the", "this", "that") for d in s.children if d.dep_ == "det")
        for s in subjects
    ):
        return False
    if any(s.lemma_.lower() in _CROWD_NOUNS and not _another_crowd(s) for s in subjects):
        return False  # "Protesters also demanded better pay": more of what the crowd did
    if demonstration and any(_told_before(s) and not _another_crowd(s) for s in subjects):
        return False  # "They also blocked the road": the same crowd doing more of its protest
    if any(
        c.dep_ == "prep" and c.lower_ == "in" and any(g.lemma_ in _ANSWERS for g in c.children)
        for c in verb.children
    ):
        return True  # "In response, an aircraft struck the launcher": the other side's answer
    if any(
        c.dep_ == "prep" and c.lower_ in ("in", "during") and any(
            g.dep_ == "pobj" and any(a.lower_ in _NEXT_ORDINALS for a in g.children)
            for g in c.children)
        for c in verb.children
    ):  # fmt: skip
        return True  # "In the second operation, police arrested two men": the next one told
    return any(c.lower_ in _ANOTHER_ADVERBS and c.dep_ == "advmod" for c in verb.children)


_OVER = frozenset({"during", "over", "throughout", "in"})
_SPANS = frozenset({"year", "month", "week", "decade"})
_RECENT = frozenset({"recent", "past", "last", "previous"})


def _over_recent_years(token: Token) -> bool:
    """ "killed hundreds of militants in recent years", "over the past months": what happened over
    a stretch of time up to the report (a plural span, without a count: "past ten days" is
    `past_n`) sums up many happenings."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    clause = [verb, *(c for c in verb.children if c.dep_ == "conj")]
    clause += [a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")][:2]
    return any(
        prep.dep_ == "prep" and prep.lower_ in _OVER and any(map(_recent_span, prep.children))
        for head in clause
        for prep in head.children
    )


def _recent_span(noun: Token) -> bool:
    """ "recent years", "the past months", "the last weeks" (no count: that is `past_n`)."""
    return (
        noun.lemma_ in _SPANS
        and noun.tag_ == "NNS"
        and any(c.dep_ == "amod" and c.lower_ in _RECENT for c in noun.children)
        and not any(c.dep_ == "nummod" for c in noun.children)
    )


def _running_since(token: Token) -> bool:
    """ "has killed dozens of its members since the war began": a perfect verb with a "since"
    clause or phrase, or over "this period", sums up what happened since."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if not any(c.lower_ in ("has", "have") for c in verb.children):
        return False
    for child in verb.children:
        if child.lower_ == "since" and child.dep_ == "prep":
            return True
        if child.dep_ == "prep" and child.lower_ in _OVER and any(
            g.lemma_ in ("period", "time") and any(d.lower_ in ("this", "that") for d in g.children)
            for g in child.children
        ):
            return True  # "have been wounded during this period": the period told just before
        if child.dep_ == "advcl" and any(c.lower_ == "since" for c in child.children):
            return True
    return False


def _ongoing(token: Token) -> bool:
    """ "have been exchanging fire", "continues to shell": an activity, not one happening."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    children = list(verb.children)
    perfect = any(c.lower_ in ("has", "have", "had") for c in children)
    progressive = verb.tag_ == "VBG" and any(c.lower_ == "been" for c in children)
    if perfect and progressive:
        return True
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.lemma_ in _ONGOING_HEADS
        and head.tag_ in ("VBZ", "VBP")  # present: "continues to target", not "continued to"
    )
