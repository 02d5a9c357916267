"""Document-level assembly: one event per happening from the mentions of a whole article.

Clustering and resolution are checked on drafts placed by hand (the mechanism) and on short
articles written for the project (the stage in the pipeline).
"""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.extract.assembly.cluster import cluster_mentions
from sitrep.extract.assembly.mentions import mention_of
from sitrep.extract.assembly.resolve import resolve
from sitrep.extract.assembly.stage import assemble_events
from sitrep.extract.state import ActorMention, DocState, EventDraft, PlaceMention
from sitrep.records import Actor, DateSpan, Place, Quantity, Source, Span

PUBLISHED = date(2024, 3, 14)


@pytest.fixture(scope="module")
def nlp():
    from sitrep.nlp.model import load_nlp

    return load_nlp()


def _draft(state, start, end, key="Change to group/activity", where=None, confidence=0.5,
           event_type="Strategic developments", sentence=0, dated=True):  # fmt: skip
    """A draft; `dated` gives it a day of its own sentence (a happening told once with neither day
    nor place is left out as unanchored)."""
    d = EventDraft(
        trigger=state.span(start, end), sentence=sentence, evidence=[state.span(start, end)]
    )
    d.sub_event_type, d.event_type, d.confidence, d.where = key, event_type, confidence, where
    if where is not None:
        d.extra["place_from"] = "sentence"
    if dated:
        d.when, d.extra["date_from"] = _on(date(2024, 3, 12)), "sentence"
    return d


def _at(name, precision, feature="site", admin1="Al Hasakeh", lat=0.0, lon=0.0):
    place = Place("Syria", "SYR", admin1, None, None, name, lat, lon, precision, feature)
    return PlaceMention(span=Span(name, 0, 0), place=place)


def _actor(name, inter=2, country="Syria"):
    return ActorMention(Span(name, 0, 0), Actor(name, inter, country))


def _on(day, text="on Tuesday", precision=1):
    return DateSpan(day, day, precision, text)


def test_an_unplaced_mention_joins_each_site_and_sites_stay_apart():
    state = DocState(
        text="drills at A; drills at B; more drills; a tally", published=None, outlet=None
    )
    a = _draft(state, 0, 6, where=_at("A", 1), confidence=0.6)
    a.extra["place_span"] = (10, 11)
    b = _draft(state, 13, 19, where=_at("B", 1), confidence=0.6)
    b.extra["place_span"] = (23, 24)
    vague = _draft(state, 31, 37, confidence=0.9, dated=False)
    region = _draft(state, 31, 37, where=_at("Al Hasakeh", 3, "admin1"), dated=False)
    tally = _draft(state, 41, 46)
    tally.is_tally = True
    state.events = [a, b, vague, region, tally]
    assemble_events(state)
    assert state.events == [a, b]
    assert all(len(d.evidence) == 2 and d.confidence == 0.9 for d in state.events)


def test_different_kinds_of_happening_stay_apart():
    state = DocState(text="drills; a strike", published=None, outlet=None)
    strike = _draft(state, 10, 16, key="Air/drone strike", event_type="Explosions/Remote violence")
    state.events = [_draft(state, 0, 6), strike]
    assemble_events(state)
    assert len(state.events) == 2


def test_one_strike_told_three_ways_is_one_event_typed_by_its_weapon():
    state = DocState(text="x" * 60, published=PUBLISHED, outlet=None)
    town = _at("Rafah", 1, "town", "Gaza Strip")
    kw = {"event_type": "Explosions/Remote violence"}
    headline = _draft(state, 0, 5, key="Air/drone strike", confidence=0.7, **kw)
    lead = _draft(state, 10, 15, key="Attack", where=town, confidence=0.9,
                  event_type="Violence against civilians", sentence=1)  # fmt: skip
    lead.when, lead.extra["date_from"] = _on(date(2024, 3, 12)), "sentence"
    quote = _draft(state, 20, 25, key="Armed clash", confidence=0.8, event_type="Battles",
                   sentence=2)  # fmt: skip
    headline.fatalities, lead.fatalities = Quantity(9, "exact"), Quantity(7, "at least")
    state.events = [headline, lead, quote]
    assemble_events(state)
    (event,) = state.events
    assert event.sub_event_type == "Air/drone strike"  # the weapon decides (ACLED)
    assert event.when.start == date(2024, 3, 12)  # the lead's day, not the publication default
    assert event.where.place.location == "Rafah"
    assert event.fatalities == Quantity(9, "exact")  # the highest: a lower count is partial
    assert event.extra["fatalities_alternatives"] == [7]
    assert len(event.evidence) == 3


def test_a_toll_told_for_a_whole_region_is_not_the_toll_of_the_strike_at_a_town():
    state = DocState(text="x" * 60, published=PUBLISHED, outlet=None)
    kw = {"event_type": "Explosions/Remote violence"}
    region = _at("Gaza Strip", 3, "admin1", "Gaza Strip")
    town = _at("Rafah", 1, "town", "Gaza Strip")
    summary = _draft(state, 0, 5, key="Air/drone strike", where=region, confidence=0.7, **kw)
    strike = _draft(state, 10, 15, key="Air/drone strike", where=town, confidence=0.9,
                    sentence=1, **kw)  # fmt: skip
    summary.fatalities, strike.fatalities = Quantity(12, "at least"), Quantity(2, "exact")
    state.events = [summary, strike]
    assemble_events(state)
    (event,) = state.events
    assert event.where.place.location == "Rafah"
    assert event.fatalities == Quantity(2, "exact")  # the region's 12 total more strikes
    assert event.extra["fatalities_alternatives"] == [12]


def test_two_weapons_named_outright_are_two_happenings():
    state = DocState(text="x" * 40, published=PUBLISHED, outlet=None)
    kw = {"event_type": "Explosions/Remote violence"}
    air = _draft(state, 0, 5, key="Air/drone strike", **kw)
    mortar = _draft(state, 10, 15, key="Shelling/artillery/missile attack", sentence=1, **kw)
    for d in (air, mortar):
        d.extra["type_source"] = "trigger lexicon"
    state.events = [air, mortar]
    assemble_events(state)
    assert len(state.events) == 2


def test_the_answer_to_an_attack_is_another_happening():
    state = DocState(text="x" * 40, published=PUBLISHED, outlet=None)
    kw = {"key": "Air/drone strike", "event_type": "Explosions/Remote violence"}
    attack = _draft(state, 0, 5, **kw)
    attack.actor1, attack.actor2 = _actor("Kataib Hezbollah"), _actor("US forces", 8, "USA")
    answer = _draft(state, 10, 15, sentence=3, **kw)
    answer.actor2 = _actor("Kataib Hezbollah")
    state.events = [attack, answer]
    assemble_events(state)
    assert len(state.events) == 2


def test_fire_both_ways_with_a_guessed_side_joins_the_shelling_it_answers():
    # "rebels fired mortars at the army's posts. Monitors counted explosions in both directions":
    # the count names no side (its doer the unknown-actor model's guess, no target) and is typed
    # a clash; the fire going both ways says the side hit fired back: one exchange (ACLED: Armed
    # clash), not a shelling and a clash of their own
    state = DocState(text="x" * 40, published=PUBLISHED, outlet=None)
    shelling = _draft(state, 0, 5, key="Shelling/artillery/missile attack",
                      event_type="Explosions/Remote violence", confidence=0.9)  # fmt: skip
    shelling.actor1, shelling.actor2 = _actor("Rebels"), _actor("Army", 1)
    count = _draft(state, 10, 15, key="Armed clash", event_type="Battles", sentence=1,
                   confidence=0.8)  # fmt: skip
    count.actor1 = ActorMention(Span("Army", 0, 0), Actor("Army", 1, "Syria"), "implicit")
    count.extra["fire_returned"] = True
    state.events = [shelling, count]
    assemble_events(state)
    assert [d.sub_event_type for d in state.events] == ["Armed clash"]


def test_a_mention_dated_months_back_is_not_the_news_of_the_day():
    state = DocState(text="x" * 40, published=PUBLISHED, outlet=None)
    kw = {"key": "Air/drone strike", "event_type": "Explosions/Remote violence"}
    today = _draft(state, 0, 5, dated=False, **kw)
    today.extra["place_from"] = "sentence"  # placed: anchored though undated
    today.where = _at("Qamishli", 1, "town")
    earlier = _draft(state, 10, 15, sentence=2, **kw)
    earlier.when, earlier.extra["date_from"] = _on(date(2023, 12, 1), "in December", 3), "sentence"
    state.events = [today, earlier]
    assemble_events(state)
    dated = {d.when.start if d.when else None: d for d in state.events}
    assert set(dated) == {None, date(2023, 12, 1)}
    assert dated[date(2023, 12, 1)].extra["background"] is True
    assert dated[None].extra["background"] is False


def test_an_interception_is_disrupted_weapons_use_only_when_nothing_was_hit():
    state = DocState(text="x" * 40, published=PUBLISHED, outlet=None)

    def both(injured: int | None) -> str | None:
        drones = _draft(
            state, 0, 5, key="Air/drone strike", event_type="Explosions/Remote violence"
        )
        stopped = _draft(state, 10, 15, key="Disrupted weapons use", sentence=1)
        stopped.injuries = Quantity(injured, "exact" if injured else "unknown")
        mentions = [mention_of(d, i, PUBLISHED) for i, d in enumerate([drones, stopped])]
        (cluster,) = cluster_mentions(mentions)
        return resolve(cluster).sub_event_type

    assert both(None) == "Disrupted weapons use"
    assert both(2) == "Air/drone strike"


def test_merged_mentions_keep_every_source_and_loaded_term_and_one_toll():
    state = DocState(text="x" * 40, published=PUBLISHED, outlet=None)
    first = _draft(state, 0, 7, key="Armed clash", event_type="Battles")
    first.sources = [Source("informed sources", "anonymous")]
    first.fatalities = Quantity(3, "exact")
    again = _draft(state, 20, 28, key="Armed clash", event_type="Battles", sentence=1)
    again.sources = [Source("SOHR", "monitor")]
    again.loaded_terms = ["US occupation"]
    again.fatalities, again.injuries = Quantity(5, "at least"), Quantity(2, "exact")
    state.events = [first, again]
    assemble_events(state)
    (event,) = state.events
    assert [s.name for s in event.sources] == ["informed sources", "SOHR"]
    assert event.loaded_terms == ["US occupation"]
    assert event.fatalities == Quantity(5, "at least")  # not added up: the highest report
    assert event.injuries == Quantity(2, "exact")
    assert [e.start for e in event.evidence] == [0, 20]


ARTICLE = """date 2024-03-14 Drone strike kills three near Qamishli
By Project Wire

Drone strike kills three near Qamishli

A drone strike hit a car on Tuesday on the road outside Qamishli, killing three fighters,\
a monitor said.

"The strike destroyed the car completely," a witness told reporters.

Drone strikes have killed dozens of fighters in the area since January.

In 2019, a similar bombing in the town killed a commander.
"""


@pytest.fixture(scope="module")
def article(pipeline):
    from sitrep.ingest.readers import read_string

    return pipeline(read_string(ARTICLE))


def test_headline_lead_and_quote_of_one_strike_give_one_dated_placed_event(article):
    strikes = [
        e for e in article.events if e.acled_codable and e.event_date and e.event_date >= "2024"
    ]
    assert len(strikes) == 1
    (strike,) = strikes
    assert strike.event_date == "2024-03-12"  # "on Tuesday", not the publication day
    assert strike.location == "Al Qamishli"
    assert strike.sub_event_type == "Air/drone strike"
    assert len(strike.evidence) >= 2


def test_an_aggregate_since_a_month_is_no_event_and_a_year_old_bombing_no_news(article):
    assert not any(e.event_date and "2024-01" in e.event_date for e in article.events)
    old = [e for e in article.events if e.event_date and e.event_date < "2024"]
    assert all(e.event_date.startswith("2019") for e in old)


def test_a_happening_told_once_in_passing_is_left_out_unless_it_leads():
    state = DocState(text="x" * 40, published=PUBLISHED, outlet=None)
    kw = {"key": "Air/drone strike", "event_type": "Explosions/Remote violence", "dated": False}
    lead = _draft(state, 0, 5, **kw)
    passing = _draft(state, 20, 25, key="Armed clash", event_type="Battles", dated=False,
                     sentence=3)  # fmt: skip
    state.events = [lead, passing]
    assemble_events(state)
    assert state.events == [lead]


def test_background_is_flagged_in_the_record(pipeline):
    from sitrep.ingest.readers import read_string

    doc = pipeline(read_string(ARTICLE))
    old = [e for e in doc.events if e.event_date and e.event_date < "2024"]
    assert old and all(e.background for e in old)
    assert all(not e.background for e in doc.events if e.event_date == "2024-03-12")


def test_a_happening_told_as_one_more_is_not_the_one_before(nlp):
    from sitrep.extract.assembly.background import told_as_another

    def trigger(text: str, word: str):
        return next(t for t in nlp(text) if t.lower_ == word)

    assert told_as_another(trigger("The rebels also shelled a second village.", "shelled"))
    assert told_as_another(trigger("Another strike hit the camp at dawn.", "strike"))
    assert not told_as_another(trigger("The strike also killed his deputy.", "killed"))
    assert not told_as_another(trigger("Jets struck the depot on Monday.", "struck"))
    # more dead of the happening before, not another one
    assert not told_as_another(trigger("Two guards were also killed.", "killed"))
    assert told_as_another(trigger("Two guards were also killed by a sniper.", "killed"))
    # victims told as besides those counted before ("other", "more") are more dead of it too
    assert not told_as_another(trigger("Three other guards were killed at the gate.", "killed"))
    # the crowd told again does more of its protest; another crowd holds another one
    assert not told_as_another(trigger("Demonstrators also denounced the governor.", "denounced"))
    assert told_as_another(trigger("Counter-protesters also rallied nearby.", "rallied"))
    assert told_as_another(trigger("Other demonstrators also marched in the capital.", "marched"))


def test_the_crowd_told_again_with_also_is_the_same_protest(code):
    doc = code(
        "On 3 May 2022, around 200 teachers protested in Kirkuk, demanding higher wages. "
        "Demonstrators also denounced the governor.",
        "2022-05-04",
    )
    assert [e.sub_event_type for e in doc.events if e.acled_codable] == ["Peaceful protest"]


def test_a_weapon_named_in_a_mentions_own_phrase_types_the_happening(nlp):
    from sitrep.extract.assembly.stage import weapon_named

    def trigger(text: str, word: str):
        return next(t for t in nlp(text) if t.lower_ == word)

    assert weapon_named(trigger("Four men were killed in a drone raid on the camp.", "killed"))
    assert weapon_named(trigger("A bomb exploded near the market.", "exploded")) == (
        "Remote explosive/landmine/IED"
    )
    assert weapon_named(trigger("Gunmen killed two farmers near the village.", "killed")) is None
    # a weapon made against aircraft is fired from the ground: no air strike
    assert weapon_named(trigger("Rebels fired anti-aircraft guns at the hill post.", "fired")) != (
        "Air/drone strike"
    )
    assert weapon_named(trigger("Rebels fired anti aircraft guns at the hill post.", "fired")) != (
        "Air/drone strike"
    )


def test_a_count_over_the_period_told_before_is_no_event(code):
    text = (
        "Since March 3, troops have detained more than 900 people across the province. "
        "Additionally, about 1,200 people have been wounded during this period, the ministry said."
    )
    doc = code(text, "2024-05-20")
    assert not [e for e in doc.events if e.acled_codable and e.event_type]


def test_what_happened_over_recent_years_is_no_event_and_gives_no_toll(code):
    text = (
        "Police arrested three suspected militants in a raid on a farm near Kirkuk on Monday. "
        "The unit has succeeded in arresting and killing hundreds of militants in recent years."
    )
    doc = code(text, "2024-05-21")
    coded = [e for e in doc.events if e.acled_codable and e.event_type]
    assert len(coded) == 1 and not coded[0].fatalities


def test_many_happenings_told_over_a_month_are_no_event(code):
    text = (
        "The minister said the militia had moved from provocation to aggression, following "
        "several rocket exchanges along the frontier during March and early April."
    )
    doc = code(text, "2024-04-12")
    assert not [e for e in doc.events if e.acled_codable and e.event_type]


def test_a_strike_whose_subject_flies_is_an_air_strike_whatever_rockets_surround_it(code):
    text = (
        "Army jets struck rocket launchers of the militia near the village of Kfar Tibnit on "
        "Thursday, the army said, after rockets were fired at towns across the border."
    )
    doc = code(text, "2024-05-23")
    strikes = [e for e in doc.events if e.acled_codable and "struck" in e.evidence[0].text]
    assert strikes and {e.sub_event_type for e in strikes} == {"Air/drone strike"}


def test_a_past_happening_named_only_as_context_is_no_event(code):
    text = (
        "Clashes on the border continued on Sunday amid an offensive in the north, following a "
        "cross-border raid by the militia on March 3."
    )
    doc = code(text, "2024-05-20")
    assert "2024-03-03" not in {e.event_date for e in doc.events if e.acled_codable}


def test_a_harm_following_an_attack_days_before_the_report_is_the_news(code):
    text = (
        "On 2 March 2021, three police officers were wounded following an attack by gunmen on "
        "a checkpoint outside the district centre."
    )
    doc = code(text, "2021-03-06")
    assert [e for e in doc.events if e.acled_codable and e.event_date == "2021-03-02"]


def test_the_weapon_a_mention_names_decides_among_weapon_types(code):
    text = (
        "Revolutionary Guards launched missile attacks on targets in the north of the country on "
        "Monday, state media said. The attacks destroyed a headquarters in the city, officials "
        "said."
    )
    doc = code(text, "2024-01-16")
    typed = {e.sub_event_type for e in doc.events if e.acled_codable}
    assert typed == {"Shelling/artillery/missile attack"}


def test_a_claim_of_the_attack_the_defenders_thwarted_is_the_same_happening():
    state = DocState(text="drones were thwarted; a group claimed the attack", published=None,
                     outlet=None)  # fmt: skip
    thwarted = _draft(state, 0, 6, key="Disrupted weapons use", where=_at("Base", 1))
    thwarted.actor1 = _actor("Coalition forces", inter=8)
    claim = _draft(state, 30, 37, key="Air/drone strike", event_type="Explosions/Remote violence",
                   where=_at("Base", 1), sentence=1)  # fmt: skip
    claim.actor1, claim.modality = _actor("Resistance Front"), "claimed"
    state.events = [thwarted, claim]
    assemble_events(state)
    assert len(state.events) == 1


def test_a_region_struck_by_two_allies_folds_into_their_strike_on_a_town_in_it():
    state = DocState(text="jets struck the province; jets struck the town", published=None,
                     outlet=None)  # fmt: skip
    kind = {"key": "Air/drone strike", "event_type": "Explosions/Remote violence"}
    region = _draft(state, 5, 11, where=_at("Al Hasakeh", 3, "admin1"), **kind)
    region.actor1, region.assoc_actor_1 = _actor("Northern Air Force"), [_actor("Allied Air Force")]
    town = _draft(state, 31, 37, where=_at("Town", 1, "town"), sentence=1, **kind)
    town.actor1 = _actor("Allied Air Force")
    state.events = [region, town]
    assemble_events(state)
    assert state.events == [town]


def test_what_an_aircraft_does_is_an_air_strike_unless_ground_fighting_is_named():
    from sitrep.extract.assembly.types import happening_type

    state = DocState(text="warplanes raided a farm killing three", published=None, outlet=None)
    raid = _draft(state, 10, 16, key="Attack", event_type="Violence against civilians")
    assert happening_type([mention_of(raid, 0, by_aircraft=True)]) == "Air/drone strike"
    assert happening_type([mention_of(raid, 0)]) == "Attack"
    clash = _draft(state, 10, 16, key="Armed clash", event_type="Battles")
    fought = [mention_of(clash, 0, by_aircraft=True, trigger_lemma="clash")]
    assert happening_type(fought) == "Armed clash"


def test_harm_told_after_mutual_fighting_is_the_fight_s_toll():
    from sitrep.extract.assembly.types import happening_type

    state = DocState(text="troops and rebels clashed; a reporter was shot; two were hurt",
                     published=None, outlet=None)  # fmt: skip
    clash = _draft(state, 18, 25, key="Armed clash", event_type="Battles", confidence=0.6)
    shot = _draft(state, 41, 45, key="Attack", event_type="Violence against civilians",
                  confidence=0.5, sentence=1)  # fmt: skip
    hurt = _draft(state, 55, 59, key="Attack", event_type="Violence against civilians",
                  confidence=0.5, sentence=2)  # fmt: skip
    told = [mention_of(clash, 0, trigger_lemma="clash"), mention_of(shot, 1, trigger_lemma="shoot"),
            mention_of(hurt, 2, trigger_lemma="hurt")]  # fmt: skip
    assert happening_type(told) == "Armed clash"
    # an attack told first, a clash only after it, is voted as before
    told = [mention_of(shot, 0, trigger_lemma="shoot"), mention_of(hurt, 1, trigger_lemma="hurt"),
            mention_of(clash, 2, trigger_lemma="clash")]  # fmt: skip
    assert happening_type(told) == "Attack"


def test_shells_or_harm_told_after_a_shoot_out_or_fighting_are_the_fight_s():
    from sitrep.extract.assembly.types import happening_type

    state = DocState(text="a shoot-out broke out; a boy was hit; mortars were fired",
                     published=None, outlet=None)  # fmt: skip
    out = _draft(state, 2, 11, key="Armed clash", event_type="Battles", confidence=0.6)
    hit = _draft(state, 35, 38, key="Attack", event_type="Violence against civilians",
                 confidence=0.7, sentence=1)  # fmt: skip
    shells = _draft(state, 40, 47, key="Shelling/artillery/missile attack", confidence=0.9,
                    event_type="Explosions/Remote violence", sentence=2)  # fmt: skip
    # the hyphenated word is split by the tokenizer: its lemma is "shoot", its word "shootout"
    first = mention_of(out, 0, trigger_lemma="shoot", trigger_word="shootout")
    assert happening_type([first, mention_of(hit, 1, trigger_lemma="hit")]) == "Armed clash"
    fighting = mention_of(out, 0, trigger_lemma="fighting")
    assert happening_type([fighting, mention_of(shells, 1, trigger_lemma="mortar")]) == (
        "Armed clash"
    )


def test_a_town_named_after_a_mention_shared_with_another_happening_places_it():
    state = DocState(
        text="Shelling killed a reporter. The shell hit them. It was awful. Filed from Northtown.",
        published=PUBLISHED, outlet=None,
    )  # fmt: skip
    state.sentences = [Span(t, i, i + len(t)) for t, i in
                       (("Shelling killed a reporter.", 0), ("The shell hit them.", 28),
                        ("It was awful.", 48), ("Filed from Northtown.", 62))]  # fmt: skip
    country = Place("Syria", "SYR", None, None, None, "Syria", 35.0, 38.0, 3, "country")
    town = Place("Syria", "SYR", "Al Hasakeh", None, None, "Northtown", 36.0, 40.0, 1, "town")
    state.places = [PlaceMention(state.span(73, 82), town)]
    kind = {"key": "Shelling/artillery/missile attack", "event_type": "Explosions/Remote violence"}
    news = _draft(state, 0, 8, where=PlaceMention(Span("", 0, 0), country), **kind)
    earlier = _draft(state, 0, 8, where=PlaceMention(Span("", 0, 0), country), **kind)
    earlier.when, earlier.actor1 = _on(date(2024, 3, 13)), _actor("Western Front")
    shared = _draft(state, 32, 37, sentence=1, dated=False, **kind)
    shared.extra["place_from"] = "document"
    state.events = [news, earlier, shared]
    assemble_events(state)
    placed = {d.when.start: d.where.place.location for d in state.events}
    assert placed[date(2024, 3, 12)] == "Northtown"


def test_one_of_the_recent_strikes_named_as_an_instance_is_no_news_of_the_day(code):
    text = (
        "A drone attack wounded five people in Kiryat Shmona in northern Israel on Wednesday, "
        "police said.\n\n"
        "The group said it was answering recent strikes in southern Lebanon, including an "
        "assault near Tyre that left one of its commanders dead."
    )
    doc = code(text, "2024-06-05")
    assert {e.location for e in doc.events if e.acled_codable} == {"Qiryat Shmona"}


def test_a_toll_told_for_several_countries_at_once_is_no_one_happenings():
    state = DocState(text="40 killed in strikes in two countries; strikes hit a depot in Town",
                     published=None, outlet=None)  # fmt: skip
    kind = {"key": "Air/drone strike", "event_type": "Explosions/Remote violence"}
    total = _draft(state, 13, 20, where=_at("Town", 1, "town"), **kind)
    total.fatalities, total.extra["countries_told"] = Quantity(40, "exact"), 2
    town = _draft(state, 39, 46, where=_at("Town", 1, "town"), sentence=1, **kind)
    state.events = [total, town]
    assemble_events(state)
    (event,) = state.events
    assert event.fatalities.value is None and event.extra["fatalities_alternatives"] == [40]


def _coded(doc):
    return [(e.sub_event_type, e.location) for e in doc.events if e.acled_codable]


def test_a_bare_strike_is_an_air_strike_and_an_artillery_strike_is_shelling(code):
    car = code("Three fighters died in a strike on their vehicle near Tyre on Monday.",
               "2024-02-06")  # fmt: skip
    assert [e.sub_event_type for e in car.events] == ["Air/drone strike"]
    shells = code("An artillery strike hit a group of farmers near Tyre on Monday, killing one.",
                  "2024-02-06")  # fmt: skip
    assert [e.sub_event_type for e in shells.events] == ["Shelling/artillery/missile attack"]


def test_a_missile_fired_by_a_drone_is_an_air_strike(code):
    text = (
        "An army drone on Tuesday hit a car in southern Lebanon, leaving several passengers "
        "wounded, the agency said.\n\n"
        "The car was struck with a guided missile near Tyre, the agency reported."
    )
    assert _coded(code(text, "2024-02-07")) == [("Air/drone strike", "Tyre")]


def test_a_suicide_drone_is_an_air_strike(code):
    text = "Five soldiers were killed in a suicide drone attack on a barracks in Homs on Sunday."
    assert [e.sub_event_type for e in code(text, "2024-02-05").events] == ["Air/drone strike"]


def test_a_targeted_killing_abroad_by_a_state_is_an_air_strike(code):
    text = (
        "The Israeli army on Monday assassinated a senior commander of Hezbollah in Lebanon. "
        "Last week, it also assassinated a deputy leader of Hamas in Beirut."
    )
    events = code(text, "2024-02-06").events
    assert [e.sub_event_type for e in events] == ["Air/drone strike"] * 2
    assert all(e.actor1.startswith("Military Forces of Israel") for e in events)


def test_attacks_named_as_the_setting_of_other_news_are_no_event(code):
    text = "Shipping firms have rerouted their vessels amid Houthi attacks in the Red Sea."
    assert not code(text, "2024-02-06").events
    one = code("Two soldiers were killed amid clashes with militants in Kandahar on Tuesday.",
               "2024-02-07")  # fmt: skip
    assert [e.event_type for e in one.events] == ["Battles"]


def test_a_governorates_happening_takes_no_town_of_another_governorate(code):
    text = (
        "The US military also shot down drones in Sweida and Daraa provinces, sources said.\n\n"
        "Others were intercepted near the border. They gave no details.\n\n"
        "The US military also shot down drones in Sweida and Daraa provinces, sources said."
    )
    places = sorted(e.admin1 for e in code(text, "2024-02-05").events)
    assert places == ["As-Sweida", "Dar'a"]


def test_a_town_a_mention_names_says_where_in_the_country_another_placed_it(code):
    text = (
        "The guards also hit targets in Syria with missiles on Monday.\n\n"
        "Explosions were heard in Aleppo, where at least four missiles fell, a monitor said."
    )
    assert {e.location for e in code(text, "2024-01-16").events} == {"Aleppo"}


def test_an_answer_and_what_happened_earlier_in_the_day_are_happenings_of_their_own(code):
    text = (
        "A barrage of 20 rockets was fired at towns in northern Israel on Thursday morning by "
        "Hezbollah fighters in Lebanon.\n\n"
        "In response, an aircraft struck and destroyed the rocket launcher, the army said.\n\n"
        "Earlier in the day, the air force targeted a car carrying a Hezbollah commander in "
        "Nabatieh."
    )
    events = code(text, "2024-05-23").events
    assert sorted(e.sub_event_type for e in events) == [
        "Air/drone strike", "Air/drone strike", "Shelling/artillery/missile attack"
    ]  # fmt: skip
    assert "Nabatiye et Tahta" in {e.location for e in events}


def test_the_group_is_the_armed_group_last_named_and_also_did_it_the_same_way(code):
    text = (
        "Houthi forces targeted two tankers in the Red Sea with missiles and drones, the "
        "movement's spokesman said on Tuesday.\n\n"
        "He said the group also targeted a cargo ship off Hodeidah."
    )
    first, second = code(text, "2024-03-12").events
    houthis = "Military Forces of Yemen (2016-) Supreme Political Council"
    assert second.actor1 == first.actor1 == houthis
    assert second.sub_event_type == first.sub_event_type != "Attack"


def test_a_place_carries_over_one_placeless_paragraph(code):
    text = (
        "An Israeli shell killed a reporter in southern Lebanon on Friday.\n\n"
        "Three reporters have been killed in Gaza since the war began, Palestinian press groups "
        "say.\n\n"
        "Two of them died in an air raid on Tuesday.\n\n"
        "The third was shot dead while filming on Saturday, a colleague said."
    )
    events = code(text, "2023-10-13").events
    assert [e.country for e in events] == ["Lebanon", "Palestine", "Palestine"]


def test_a_happening_told_as_part_of_a_past_episode_named_by_its_date_is_history(code):
    text = (
        "A drone exploded over the port of Eilat on Friday, wounding two people.\n\n"
        "Dozens of rockets were fired at the port in the 9 October attacks, officials recalled."
    )
    (event,) = code(text, "2024-07-19").events
    assert event.event_date == "2024-07-19"
    # a vow made back then is still what was said, and a day of its own is no episode
    vowed = "The group vowed in November 2023 to attack any ship bound for the port."
    assert [e.modality for e in code(vowed, "2024-07-19").events] == ["threatened"]


def test_force_used_to_end_a_protest_is_its_intervention_not_an_event_of_its_own(code):
    text = (
        "Hundreds of students marched through Thies on 26 January against the closure of "
        "their campus. The security forces fired tear gas to disperse them."
    )
    (event,) = code(text, "2022-01-27").events
    assert event.sub_event_type == "Protest with intervention"
    # without a protest, firing at people is violence of its own
    alone = "Soldiers fired tear gas canisters at farmers near Thies on 26 January."
    assert [e.event_type for e in code(alone, "2022-01-27").events] != ["Protests"]


def test_a_mob_s_attack_told_at_the_region_and_at_its_village_is_one_happening(code):
    """Told once as a riot across the region, once as an attack on the village it names: one
    happening, at the village, with the toll the summary gives."""
    text = ("More than 50 settlers attacked a Palestinian village in the occupied West Bank on "
            "Thursday, killing one man and setting fire to cars, witnesses said.\n\n"
            "According to residents, the settlers stormed the village of Burin, south of "
            "Nablus.")  # fmt: skip
    (event,) = code(text, "2024-08-16").events
    assert (event.location, event.fatalities) == ("Burin", 1)


def test_the_dead_a_peaceful_protest_is_about_are_not_its_toll(code):
    text = ("On Monday, relatives of 12 soldiers killed last year protested peacefully in front of "
            "the governorate building in Amara, demanding compensation.")  # fmt: skip
    (event,) = code(text, "2022-01-25").events
    assert event.sub_event_type == "Peaceful protest" and event.fatalities is None


def test_force_done_to_a_protest_types_it_over_the_words_that_name_it():
    from sitrep.extract.assembly.mentions import Mention
    from sitrep.extract.assembly.types import happening_type

    state = DocState(text="x" * 60, published=PUBLISHED, outlet=None)

    def told(key: str, confidence: float, lemma: str, i: int) -> Mention:
        d = _draft(state, 10 * i, 10 * i + 5, key=key, confidence=confidence,
                   event_type="Protests", sentence=i)  # fmt: skip
        return Mention(d, "demonstration", True, "sentence", "sentence", i, trigger_lemma=lemma)

    protest = [told("Peaceful protest", 0.9, "protest", 0),
               told("Peaceful protest", 0.8, "rally", 1)]  # fmt: skip
    arrest = told("Protest with intervention", 0.7, "arrest", 2)
    assert happening_type([*protest, arrest]) == "Protest with intervention"
    # a protest word read as an intervention is one voice among the others
    read_so = told("Protest with intervention", 0.7, "protest", 2)
    assert happening_type([*protest, read_so]) == "Peaceful protest"
    # violence the crowd did, told on its own, makes the demonstration violent (stop 35)
    pelted = told("Violent demonstration", 0.4, "pelt", 2)
    assert happening_type([*protest, arrest, pelted]) == "Violent demonstration"
    # a riot word names it, it tells no deed; harm told with no doer may be the police's: one
    # voice among the others
    riot = told("Violent demonstration", 0.4, "riot", 2)
    assert happening_type([*protest, riot]) == "Peaceful protest"
    killed = told("Violent demonstration", 0.4, "kill", 2)
    assert happening_type([*protest, killed]) == "Peaceful protest"


def test_violence_the_crowd_did_in_a_later_sentence_makes_the_demonstration_violent(code):
    text = (
        "On 3 March 2022, about 50 traders gathered outside the town hall in Easton, demanding "
        "lower market fees. Two reporters covering the rally were beaten by demonstrators."
    )
    assert [e.sub_event_type for e in code(text, "2022-03-05").events] == [
        "Violent demonstration"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "On 3 March 2022, about 50 nurses protested outside the hospital in Easton against unpaid "
        "wages. Two of them were arrested.",
        "On 3 March 2022, people demonstrated in Westbury against the new parking fees. One "
        "person was arrested.",
    ],
)
def test_an_arrest_told_after_a_protest_is_its_intervention(code, text):
    assert [e.sub_event_type for e in code(text, "2022-03-05").events] == [
        "Protest with intervention"
    ]


@pytest.mark.parametrize(
    "text",
    [
        # an arrest made once the protest was over leaves it peaceful (stop 38, types28)
        "On 3 March 2022, about 40 teachers rallied in Westbury against the new parking fees. "
        "Two teachers were arrested by police right after the rally.",
        "On 3 March 2022, about 40 teachers rallied in Westbury against the new parking fees. "
        "Police arrested two of them after the rally had ended.",
        "On 3 March 2022, four activists took part in a picket in Westbury against the new "
        "parking fees. The protesters were detained that evening after the picket had finished.",
    ],
)
def test_an_arrest_made_after_the_protest_ended_leaves_it_peaceful(code, text):
    assert [e.sub_event_type for e in code(text, "2022-03-05").events] == ["Peaceful protest"]


def test_solidarity_with_people_the_police_evicted_is_the_grievance(code):
    text = (
        "On 3 March 2022, about 60 residents rallied in Westbury against the new parking fees "
        "and in solidarity with the tenants that were evicted by police from a block in Easton "
        "on 1 March."
    )
    assert [e.sub_event_type for e in code(text, "2022-03-05").events] == ["Peaceful protest"]


@pytest.mark.parametrize(
    "text",
    [
        # an arrest dated apart from the protest is what the protest is about
        "On 3 March 2022, about 50 nurses protested outside the court in Easton in support of "
        "their union leader. She was arrested in October 2021 on charges of fraud.",
        # the crowd's own leaving, a denied intervention, a noun's modifier, a city: no force
        "On 3 March 2022, about 50 nurses protested outside the hospital in Easton against unpaid "
        "wages. The nurses later dispersed peacefully.",
        "On 3 March 2022, about 50 nurses protested outside the hospital in Easton against unpaid "
        "wages. The hospital board has not intervened.",
        "On 3 March 2022, about 50 nurses protested in Easton to demand an end to the dispersing "
        "of their wards across the region.",
        "On 3 March 2022, about 50 nurses marched in Baton Rouge against unpaid wages.",
    ],
)
def test_a_protest_told_with_no_force_used_on_it_stays_peaceful(code, text):
    subs = [e.sub_event_type for e in code(text, "2022-03-05").events]
    assert subs == ["Peaceful protest"]


@pytest.mark.parametrize(
    "text",
    [
        "On 3 March 2022, about 50 nurses protested outside the hospital in Easton against unpaid "
        "wages. They were dispersed by the police.",
        "On 3 March 2022, about 50 nurses protested outside the hospital in Easton against unpaid "
        "wages. The police used batons to end the sit-in.",
        # words of force that name no weapon
        "On 3 March 2022, about 50 nurses protested outside the hospital in Easton against unpaid "
        "wages. Officers broke up the protest an hour later.",
        "On 3 March 2022, about 50 nurses protested outside the hospital in Easton against unpaid "
        "wages. The police made several arrests.",
        "On 3 March 2022, about 50 nurses protested outside the hospital in Easton against unpaid "
        "wages. The police arrived and controlled the crowd.",
    ],
)
def test_force_told_in_the_protest_s_paragraph_still_makes_an_intervention(code, text):
    subs = [e.sub_event_type for e in code(text, "2022-03-05").events]
    assert subs == ["Protest with intervention"]


def test_a_seed_told_as_another_type_takes_the_unnamed_attacker_of_a_mention_of_its_type():
    # "gunmen shot a driver after intercepting his car": the seed at "intercepting" has no actor;
    # the happening is the attack, whose doer is an unidentified group.
    state = DocState(text="x" * 40, published=PUBLISHED, outlet=None)
    stopped = _draft(state, 0, 5, key="Disrupted weapons use", confidence=0.9)
    shot = _draft(state, 10, 15, key="Attack", event_type="Violence against civilians")
    shot.actor1 = _actor("Unidentified Armed Group (Syria)", inter=3)
    shot.fatalities = Quantity(1, "exact")
    mentions = [mention_of(d, i, PUBLISHED) for i, d in enumerate([stopped, shot])]
    (cluster,) = cluster_mentions(mentions)
    event = resolve(cluster)
    assert event.sub_event_type == "Attack"
    assert event.actor1 is not None and event.actor1.actor.name.startswith("Unidentified")


def test_the_other_side_s_dead_told_as_also_killed_add_to_the_toll(code):
    # ACLED's toll of a fight counts both sides' dead; "also killed" tells more dead of it,
    # not one more happening.
    text = (
        "On 12 March 2021, three soldiers were killed and two were wounded when insurgents stormed"
        " a checkpoint in Kunduz province. District officials said five insurgents were also"
        " killed."
    )
    (event,) = code(text, "2021-03-14").events
    assert (event.fatalities, event.injuries) == (8, 2)
    # one more happening told apart from it keeps its own toll
    text = text.replace("five insurgents were also killed.", "separately, five insurgents were"
                        " also killed in an airstrike in Baghlan.")  # fmt: skip
    assert sorted(e.fatalities for e in code(text, "2021-03-14").events) == [3, 5]


def test_one_victim_told_as_someone_s_adds_to_the_toll(code):
    # "their driver was also killed", "his son was killed": one person, told as someone's
    # (Stop 33)
    text = (
        "On 4 June 2021, gunmen shot dead two traders near Gusau, Zamfara. Their driver was"
        " also killed."
    )
    (event,) = code(text, "2021-06-05").events
    assert event.fatalities == 3
    # one owned by someone but not harmed counts no one
    text = "On 4 June 2021, gunmen shot dead two traders near Gusau, Zamfara. Their driver saw it."
    (event,) = code(text, "2021-06-05").events
    assert event.fatalities == 2


def test_victims_told_as_other_or_more_add_to_the_toll(code):
    # "two other guards were killed": dead besides those counted before, of the same happening.
    text = (
        "On 4 June 2021, three guards were killed when bandits raided a convoy near Gusau, Zamfara."
        " Two other guards were killed while they chased the bandits into the bush."
    )
    (event,) = code(text, "2021-06-05").events
    assert event.fatalities == 5


def test_an_air_raid_and_a_dated_ground_fight_at_one_place_are_two_happenings():
    state = DocState(text="x" * 60, published=PUBLISHED, outlet=None)
    town = _at("Northtown", 1, "town")
    raid = _draft(state, 0, 5, key="Attack", event_type="Violence against civilians", where=town)
    fight = _draft(state, 10, 20, key="Armed clash", event_type="Battles", where=town, sentence=1)
    fight.trigger = state.span(10, 20)
    mentions = [
        mention_of(raid, 0, PUBLISHED, named_weapon="Air/drone strike", trigger_lemma="raid"),
        mention_of(fight, 1, PUBLISHED, trigger_lemma="gunfight"),
    ]
    assert len(cluster_mentions(mentions)) == 2
    # An undated clash word beside the raid is not told as a fight of its own.
    fight.when, fight.extra["date_from"] = None, "publication"
    loose = mention_of(fight, 1, PUBLISHED, trigger_lemma="gunfight")
    assert len(cluster_mentions([mentions[0], loose])) == 1
    # A drone shot down during the fight is part of it.
    downed = _draft(state, 30, 35, key="Disrupted weapons use", where=town, sentence=2)
    kept = mention_of(downed, 2, PUBLISHED, named_weapon="Air/drone strike", trigger_lemma="shoot")
    assert len(cluster_mentions([mentions[1], kept])) == 1


def test_a_hyphenated_trigger_is_read_in_its_joined_spelling(nlp):
    from sitrep.extract.assembly.stage import joined_word

    text = "Police and smugglers fought two shoot-outs near the border."
    state = DocState(text=text, published=None, outlet=None)
    state.doc = nlp(text)

    def draft(word: str) -> EventDraft:
        start = text.index(word)
        return EventDraft(trigger=state.span(start, start + len(word)), sentence=0)

    assert joined_word(state, draft("shoot-outs")) == "shootout"
    assert joined_word(state, draft("fought")) == ""
    outs = mention_of(draft("shoot-outs"), 0, trigger_lemma="out", trigger_word="shootout")
    assert outs.trigger_word == "shootout"
    assert mention_of(draft("fought"), 0, trigger_lemma="fight").trigger_word == "fight"


def test_the_target_of_a_clash_is_not_its_author_for_what_it_did_after(code):
    # The shooters are unnamed; what the police did afterwards (seizing) names the police as an
    # author, which is no reason to put them on both sides of the clash.
    text = (
        "On 3 May 2022, in Altamira (Para), two suspected drug dealers exchanged fire with "
        "a military police patrol by the port. One suspect was shot dead. The police seized "
        "a rifle and packets of cocaine."
    )
    clashes = [e for e in code(text, "2022-05-05").events if e.event_type == "Battles"]
    assert clashes
    assert clashes[0].actor1 != clashes[0].actor2


def test_a_toll_told_at_another_named_district_is_a_strike_of_its_own(code):
    # "… several areas of the town, including the Westmoor district where one person was
    # killed": a district the family strike's sentences never name, with another toll.
    text = (
        "An overnight Israeli strike killed seven members of one family in Khan Younis, the civil"
        " defence said on Sunday.\n\nAn army spokesman said Israeli forces struck several parts of"
        " Khan Younis overnight, including the Westmoor district where one person was killed."
    )
    assert sorted(e.fatalities for e in code(text, "2024-05-12").events) == [1, 7]


def test_violence_retyped_from_another_mention_keeps_the_target_it_was_told_with():
    # "X fired mortars and small arms at Y's positions" told as a clash, the explosions observed
    # there making the happening shelling: Y is still what was fired at
    state = DocState(text="x" * 40, published=PUBLISHED, outlet=None)
    fired = _draft(state, 0, 5, key="Armed clash", event_type="Battles", confidence=0.9)
    fired.actor1 = _actor("Military Forces of Syria (2000-2024)", inter=1)
    fired.actor2 = _actor("QSD: Syrian Democratic Forces")
    seen = _draft(
        state, 10, 15, key="Shelling/artillery/missile attack",
        event_type="Explosions/Remote violence", sentence=1, confidence=0.6,
    )  # fmt: skip
    mentions = [mention_of(d, i, PUBLISHED) for i, d in enumerate([fired, seen])]
    (cluster,) = cluster_mentions(mentions)
    event = resolve(cluster)
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    assert event.actor2 is not None
    assert event.actor2.actor.name == "QSD: Syrian Democratic Forces"


def test_explosions_counted_after_a_fight_with_named_weapons_are_its_fire():
    from sitrep.extract.assembly.types import happening_type

    state = DocState(text="rebels fired machine guns and rifles at the post; monitors counted "
                     "nine explosions", published=None, outlet=None)  # fmt: skip
    fired = _draft(state, 7, 12, key="Armed clash", event_type="Battles", confidence=0.6)
    counted = _draft(state, 80, 90, key="Shelling/artillery/missile attack", confidence=0.9,
                     event_type="Explosions/Remote violence", sentence=1)  # fmt: skip
    told = [mention_of(fired, 0, trigger_lemma="fire", named_weapon="Grenade"),
            mention_of(counted, 1, trigger_lemma="explosion")]  # fmt: skip
    assert happening_type(told) == "Armed clash"
    # a clash whose own words name no weapon is voted as before
    told = [mention_of(fired, 0, trigger_lemma="fire"),
            mention_of(counted, 1, trigger_lemma="explosion")]  # fmt: skip
    assert happening_type(told) == "Shelling/artillery/missile attack"


def test_a_bomb_followed_by_an_exchange_of_fire_is_the_battle():
    from sitrep.extract.assembly.types import happening_type

    state = DocState(text="a roadside bomb hit the convoy; both sides then exchanged fire",
                     published=None, outlet=None)  # fmt: skip
    bomb = _draft(state, 11, 15, key="Remote explosive/landmine/IED", confidence=0.9,
                  event_type="Explosions/Remote violence")  # fmt: skip
    fire = _draft(state, 47, 56, key="Armed clash", event_type="Battles", confidence=0.6,
                  sentence=1)  # fmt: skip
    told = [mention_of(bomb, 0, trigger_lemma="bomb"),
            mention_of(fire, 1, trigger_lemma="exchange")]  # fmt: skip
    assert happening_type(told) == "Armed clash"
    # a bomb told alone stays the weapon's
    assert happening_type(told[:1]) == "Remote explosive/landmine/IED"


def test_a_guessed_doer_does_not_join_the_happening_of_which_it_is_the_target():
    # "Rebels fired small arms at the army's positions near X. Monitors counted explosions near
    # X.": the unknown-actor model's guess that the army fired is no telling of the army, hit
    # in the fight, firing back.
    state = DocState(text="x" * 40, published=PUBLISHED, outlet=None)
    fired = _draft(state, 0, 5, key="Armed clash", event_type="Battles")
    fired.actor1, fired.actor2 = _actor("Rebels"), _actor("Army", 1)
    kw = {"key": "Shelling/artillery/missile attack", "event_type": "Explosions/Remote violence"}
    seen = _draft(state, 10, 15, sentence=1, **kw)
    seen.actor1 = ActorMention(Span("", 10, 10), Actor("Army", 1, "Syria"), "implicit")
    state.events = [fired, seen]
    assemble_events(state)
    assert len(state.events) == 2
    fired = _draft(state, 0, 5, key="Armed clash", event_type="Battles")
    fired.actor1, fired.actor2 = _actor("Rebels"), _actor("Army", 1)
    named = _draft(state, 20, 25, sentence=2, **kw)
    named.actor1 = _actor("Army", 1)  # a doer the words name: the side hit told as the doer
    state.events = [fired, named]
    assemble_events(state)
    assert len(state.events) == 1


def test_a_side_no_words_name_does_not_set_a_toll_sentence_apart():
    # "Rebels shelled Northtown. Six people were killed.": the toll sentence names no one; the
    # side the unknown-actor model guessed for it (an empty span) is no conflict.
    text = "Rebels shelled Northtown. Six people were killed."
    state = DocState(text=text, published=PUBLISHED, outlet=None)
    kind = {"key": "Shelling/artillery/missile attack", "event_type": "Explosions/Remote violence"}
    shelled = _draft(state, 7, 14, where=_at("Northtown", 1, "town"), **kind)
    shelled.actor1 = _actor("Southern Rebels")
    killed = _draft(state, 42, 48, sentence=1, **kind)
    killed.fatalities = Quantity(6)
    guess = Actor("Military Forces of Syria (2000-2024)", 1, "Syria")
    killed.actor1 = ActorMention(state.span(42, 42), guess, "implicit")
    (cluster,) = cluster_mentions([mention_of(shelled, 0), mention_of(killed, 1)])
    assert len(cluster.members) == 2
    # a side the words name still sets the mention apart
    killed.actor1 = ActorMention(state.span(26, 32), guess, "implicit")
    assert len(cluster_mentions([mention_of(shelled, 0), mention_of(killed, 1)])) == 2


def test_the_same_victims_told_again_with_a_guessed_doer_are_the_same_attack():
    # "Herders beat two farmers in Northtown. The farmers were beaten because …": the second
    # sentence names no doer and no place, only the same side hit; the unknown-actor model's
    # guess at its doer (here the state) is no other attack (stop 38, afg1).
    text = "Herders beat two farmers in Northtown. The farmers were beaten because of grazing."
    state = DocState(text=text, published=PUBLISHED, outlet=None)
    kind = {"key": "Attack", "event_type": "Violence against civilians"}
    beat = _draft(state, 8, 12, where=_at("Northtown", 1, "town"), **kind)
    beat.actor1, beat.actor2 = _actor("Herder Militia", 4), _actor("Civilians (Syria)", 7)
    again = _draft(state, 56, 62, sentence=1, **kind)
    guess = Actor("Military Forces of Syria (2000-2024)", 1, "Syria")
    again.actor1 = ActorMention(state.span(56, 56), guess, "implicit")
    again.actor2 = _actor("Civilians (Syria)", 7)
    (cluster,) = cluster_mentions([mention_of(beat, 0), mention_of(again, 1)])
    assert len(cluster.members) == 2
    # told as another attack, or with a doer the words name, it stays apart
    assert len(cluster_mentions([mention_of(beat, 0), mention_of(again, 1, another=True)])) == 2
    again.actor1 = ActorMention(state.span(39, 50), guess, "implicit")
    assert len(cluster_mentions([mention_of(beat, 0), mention_of(again, 1)])) == 2


def test_the_side_the_words_name_outvotes_a_guess_for_the_happening():
    text = "Rebels shelled Northtown. Six people were killed."
    state = DocState(text=text, published=PUBLISHED, outlet=None)
    kind = {"key": "Shelling/artillery/missile attack", "event_type": "Explosions/Remote violence"}
    shelled = _draft(state, 7, 14, where=_at("Northtown", 1, "town"), confidence=0.5, **kind)
    shelled.actor1 = _actor("Southern Rebels")
    killed = _draft(state, 42, 48, sentence=1, confidence=0.9, **kind)
    killed.fatalities = Quantity(6)
    guess = Actor("Military Forces of Syria (2000-2024)", 1, "Syria")
    killed.actor1 = ActorMention(state.span(42, 42), guess, "implicit")
    state.events = [shelled, killed]
    assemble_events(state)
    (event,) = state.events
    assert event.actor1 is not None and event.actor1.actor.name == "Southern Rebels"
    assert event.fatalities.value == 6


_RAID_AFTER_A_GUNFIGHT = (
    "Turkish warplanes struck smuggler hideouts in northern Iraq after a gunfight between Turkish "
    "border guards and smugglers at the border on Friday.\n\n"
    "Intelligence sources said the raids targeted the hideouts of smugglers, following a border "
    "gunfight earlier on Friday.\n\n"
    "The raids took place as the defence minister visited Gaziantep for talks.\n\n"
    "The Turkish army said it killed four smugglers who tried to force their way past the guards "
    "on Friday."
)


def test_a_battle_s_toll_beside_a_raid_and_a_gunfight_is_the_gunfight_s(code):
    events = code(_RAID_AFTER_A_GUNFIGHT, "2023-11-06").events
    (fight,) = [e for e in events if e.sub_event_type == "Armed clash"]
    (raid,) = [e for e in events if e.sub_event_type == "Air/drone strike"]
    assert fight.fatalities == 4
    assert raid.fatalities is None


def test_no_town_is_borrowed_after_a_sentence_naming_the_happening_as_context(code):
    # "following a border gunfight": the next sentence goes on about the raids, not the fight
    events = code(_RAID_AFTER_A_GUNFIGHT, "2023-11-06").events
    (fight,) = [e for e in events if e.sub_event_type == "Armed clash"]
    assert fight.location == "Turkey"


def test_force_used_on_rioters_is_part_of_the_riot(code):
    # ACLED codes the soldiers' rubber bullets and tear gas in the riot, whoever they hurt.
    doc = code(
        "On 3 May 2022, youths rioted in Kirkuk, burning tyres and hurling stones at a police "
        "post. Troops shot rubber bullets and stun grenades at the rioters and used tear gas, "
        "injuring two of them.",
        "2022-05-04",
    )
    assert [e.event_type for e in doc.events if e.acled_codable] == ["Riots"]


def test_harm_told_after_a_riot_is_the_riot_s_own(code):
    # The death told after the riot is its violence, not one more event: one riot, its toll.
    doc = code(
        "On 3 May 2022, angry villagers rioted in Kirkuk over a land dispute, setting fire to a "
        "council office and fighting with traders from a nearby town. One trader was killed.",
        "2022-05-04",
    )
    assert [(e.event_type, e.fatalities) for e in doc.events if e.acled_codable] == [("Riots", 1)]


def test_a_side_s_claimed_toll_beside_a_told_one_is_a_conflicting_report(code):
    # ACLED keeps the conservative figure (the claim stays an alternative in the draft).
    (event,) = code(
        "On 3 May 2022, rebels ambushed an army patrol near Kirkuk. Four soldiers were killed. "
        "The rebels claimed they had killed twelve soldiers.",
        "2022-05-04",
    ).events
    assert event.fatalities == 4


def test_an_attack_on_the_side_that_stopped_it_is_the_attack_it_stopped():
    state = DocState(text="x" * 40, published=PUBLISHED, outlet=None)
    stopped = _draft(state, 0, 5, key="Disrupted weapons use")
    stopped.actor1 = _actor("US forces", 8, "USA")
    attack = _draft(
        state, 10, 15, key="Air/drone strike", event_type="Explosions/Remote violence",
        sentence=1, dated=False,
    )  # fmt: skip
    attack.actor2 = _actor("US forces", 8, "USA")
    mentions = [mention_of(d, i, PUBLISHED) for i, d in enumerate([stopped, attack])]
    (cluster,) = cluster_mentions(mentions)
    assert len(cluster.members) == 2


def test_another_source_s_toll_told_after_the_happening_s_is_a_conflicting_report(code):
    # "Other sources say …" gives a second account of the same dead: the lower, first figure.
    (event,) = code(
        "On 3 May 2022, gunmen raided a farm near Kirkuk and killed two herders. "
        "Other sources said that five herders were killed.",
        "2022-05-04",
    ).events
    assert event.fatalities == 2


@pytest.mark.parametrize(
    "text",
    [
        # the dead read as the side of their own clause ("a civilian died")
        "On 3 May 2023, rebel forces fired mortars at army positions near Kadugli, South "
        "Kordofan. A civilian died and two others were wounded.",
        "On 3 May 2023, rebel forces fired mortars at army positions near Kadugli, South "
        "Kordofan. As a result of the shelling, one woman died and another was injured.",
    ],
)
def test_a_clause_naming_only_the_dead_tells_the_toll_of_the_happening_before(code, text):
    events = [e for e in code(text, "2023-05-06").events if e.acled_codable]
    assert [(e.sub_event_type, e.fatalities) for e in events] == [
        ("Shelling/artillery/missile attack", 1)
    ]
    assert events[0].actor1 is None or "Civilians" not in events[0].actor1


def test_only_the_dead_is_a_harm_clause_with_no_one_who_harmed(nlp):
    from sitrep.extract.assembly.background import only_the_dead

    def trigger(text: str, word: str):
        return next(t for t in nlp(text) if t.lower_ == word)

    assert only_the_dead(trigger("Two soldiers were killed in the fighting.", "killed"))
    assert only_the_dead(trigger("A civilian died and two were wounded.", "died"))
    assert not only_the_dead(trigger("Two soldiers were killed by rebels.", "killed"))
    assert not only_the_dead(trigger("Rebels killed two soldiers.", "killed"))
    assert not only_the_dead(
        trigger("Two soldiers were killed in an attack by rebels on the post.", "killed")
    )



@pytest.mark.parametrize(
    "text, published, admin1",
    [  # Stop 33: an event placed at no more than its country is coded in the capital's area
        ("On 2 March 2022, pensioners rallied in Luxembourg over rising rents.", "2022-03-04",
         "Luxembourg"),
        ("On 2 May 2020, unknown gunmen shot dead a shopkeeper somewhere in Turkey.", "2020-05-04",
         "Ankara"),
    ],
)
def test_a_country_wide_event_is_coded_in_its_capitals_area(code, text, published, admin1):
    events = [e for e in code(text, published).events if e.acled_codable]
    assert events and {(e.geo_precision, e.admin1) for e in events} == {(3, admin1)}


def test_a_country_wide_event_at_sea_is_in_no_admin1_area(code):
    # Stop 33: a sea or ocean the sentence names keeps the capital's area off the event.
    doc = code("On 2 May 2022, Ruritania fired a missile towards the ocean off its coast, "
               "South Korea's military said.", "2022-05-04")  # fmt: skip
    events = [e for e in doc.events if e.acled_codable and e.geo_precision == 3]
    assert events and all(e.admin1 is None for e in events)


def test_an_arrest_told_after_a_riot_or_an_attack_is_its_end(code):
    # Stop 33: one happening, ended by the arrests told after it (no Arrests event of its own).
    riot = code(
        "On 4 May 2021, villagers threw stones at police officers in Westby, Ruritania, "
        "after a dispute over water. Twelve people were arrested.",
        "2021-05-05",
    )
    assert [e.sub_event_type for e in riot.events if e.acled_codable] == ["Mob violence"]
    attack = code(
        "On 4 May 2021, a man stabbed a shopkeeper to death in Westby, Ruritania. "
        "The attacker was arrested.",
        "2021-05-05",
    )
    assert [e.sub_event_type for e in attack.events if e.acled_codable] == ["Attack"]
    # told first, the arrest is the news
    news = code(
        "On 4 May 2021, police arrested two men who had attacked a shop in Westby, Ruritania. "
        "The men stabbed the shopkeeper on 1 May.",
        "2021-05-05",
    )
    assert "Arrests" in [e.sub_event_type for e in news.events if e.acled_codable]


def test_a_protest_whose_dead_are_told_after_the_force_met_excessive_force(code):
    # Stop 33: the dead told after the force used to end a protest are its toll.
    doc = code(
        "On 4 May 2021, hundreds of traders protested in Westby, Ruritania, against new taxes. "
        "Police fired tear gas to disperse the crowd. Two protesters were killed.",
        "2021-05-05",
    )
    [event] = [e for e in doc.events if e.acled_codable]
    assert event.sub_event_type == "Excessive force against protesters"
    assert event.fatalities == 2
    # the dead a protest is about, told before the force, are no toll of it
    about = code(
        "On 4 May 2021, hundreds of traders protested in Westby, Ruritania, against the killing "
        "of two farmers. Police fired tear gas to disperse the crowd.",
        "2021-05-05",
    )
    [event] = [e for e in about.events if e.acled_codable]
    assert event.sub_event_type == "Protest with intervention"
    assert not event.fatalities


def test_a_protest_met_with_live_fire_met_excessive_force(code):
    # Stop 39: live fire on a protest is lethal force, whether or not anyone died.
    doc = code(
        "On 4 May 2021, hundreds of traders protested in Westby, Ruritania, against the killing "
        "of two farmers. Soldiers fired live bullets to disperse the crowd. Three protesters "
        "were wounded.",
        "2021-05-05",
    )
    [event] = [e for e in doc.events if e.acled_codable]
    assert event.sub_event_type == "Excessive force against protesters"
    assert not event.fatalities  # the dead are what the protest is about
    # live fire only given as what it may have been is not told as used
    maybe = code(
        "On 4 May 2021, hundreds of traders protested in Westby, Ruritania, against new taxes. "
        "Soldiers fired rubber bullets or live rounds to disperse the crowd.",
        "2021-05-05",
    )
    [event] = [e for e in maybe.events if e.acled_codable]
    assert event.sub_event_type == "Protest with intervention"


def test_joining_the_protest_a_paragraph_tells_is_more_of_it(code):
    # Stop 33: "X joined the protest" beside the protest is no Change to group/activity.
    doc = code(
        "On 4 May 2021, about 300 nurses marched in Westby, Ruritania, demanding higher pay. "
        "Several pensioners joined the march in support.",
        "2021-05-05",
    )
    assert [e.sub_event_type for e in doc.events if e.acled_codable] == ["Peaceful protest"]


@pytest.mark.parametrize(
    "text",
    [
        "On 4 May 2021, students in Westby, Ruritania, joined the nationwide protest against the"
        " rise in fuel prices.",
        "On 4 May 2021, in Westby, Ruritania, a group of farmers joined the traditional march in"
        " defence of the river.",
    ],
)
def test_joining_a_protest_told_alone_is_the_protest(code, text):
    # Stop 36: people who join a protest protest; the join is no Change to group/activity
    doc = code(text, "2021-05-05")
    assert [e.sub_event_type for e in doc.events if e.acled_codable] == ["Peaceful protest"]


@pytest.mark.parametrize(
    "text",
    [
        "On 4 May 2021, several teachers demonstrated in front of the ministry in Westby,"
        " Ruritania, and denounced the lack of support to a colleague after an arrest warrant was"
        " issued against him.",
        "On 4 May 2021, farmers staged protests in Westby, Ruritania, over unkept promises and the"
        " arrest of their leaders.",
    ],
)
def test_an_arrest_noun_beside_a_protest_is_its_grievance(code, text):
    # Stop 36: the arrest a protest names by its noun is what it is about, no intervention
    doc = code(text, "2021-05-05")
    assert {e.sub_event_type for e in doc.events if e.acled_codable} == {"Peaceful protest"}


def test_arrests_made_at_a_protest_are_its_intervention(code):
    doc = code(
        "On 4 May 2021, nurses protested in Westby, Ruritania, and police made several arrests.",
        "2021-05-05",
    )
    assert {e.sub_event_type for e in doc.events if e.acled_codable} == {
        "Protest with intervention"
    }


def test_joining_a_movement_in_protest_is_no_protest_joined(code):
    # "in protest against …" tells what the join was done as, not a protest joined
    doc = code(
        "On 4 May 2021, in Westby, Ruritania, two nurses joined the strike committee in protest"
        " against the new rules.",
        "2021-05-05",
    )
    assert "Change to group/activity" in [e.sub_event_type for e in doc.events]


@pytest.mark.parametrize(
    "more",
    [
        "District officials said that also five insurgents were killed.",
        "District officials also said that five insurgents were killed.",
    ],
)
def test_more_dead_told_by_an_also_elsewhere_add_to_the_toll(code, more):
    # the adverb on the victims' number or on the verb of saying (Stop 34)
    text = (
        "On 12 March 2021, three soldiers were killed and two were wounded when insurgents stormed"
        " a checkpoint in Kunduz province. " + more
    )
    (event,) = code(text, "2021-03-14").events
    assert event.fatalities == 8

def test_people_counted_up_to_a_day_are_no_happening(nlp):
    """Stop 34: "Until 4 May, 310 detainees had been freed" counts over an untold stretch of
    time up to a day: an aggregate, like a count since a day."""
    from sitrep.extract.assembly.background import _counted_up_to

    def trigger(text: str, word: str):
        return next(t for t in nlp(text) if t.lower_ == word)

    assert _counted_up_to(trigger("Until 4 May 2022, 310 detainees were released.", "released"))
    assert not _counted_up_to(trigger("On 4 May 2022, 310 detainees were released.", "released"))
    assert not _counted_up_to(trigger("Protesters blocked the road until Friday.", "blocked"))


def test_a_guessed_side_of_a_battle_is_no_conflict():
    """Stop 34: "Militants attacked an army post. The two sides traded fire": the
    second mention's side is only the unknown-actor model's guess; in a battle it may name
    either side, so it keeps no battle apart. The wounded of armed violence, told with a guessed
    side, are more of it as the dead are."""
    from sitrep.extract.assembly.cluster import Cluster, sides_agree

    text = "militants attacked the post; the two sides exchanged fire; two were wounded"
    state = DocState(text=text, published=None, outlet=None)
    seed = _draft(state, 10, 18, "Armed clash", event_type="Battles")
    seed.actor1 = _actor("Rebel Front")
    fire = _draft(state, 40, 54, "Armed clash", event_type="Battles", sentence=1)
    fire.actor1 = ActorMention(Span("", 0, 0), Actor("Military Forces of Syria", 1, "Syria"),
                               kind="implicit")  # fmt: skip
    cluster = Cluster([mention_of(seed, 0)])
    assert sides_agree(cluster, mention_of(fire, 1))
    hurt = _draft(state, 68, 75, "Attack", event_type="Violence against civilians", sentence=2)
    hurt.actor1 = fire.actor1
    hurt.injuries = Quantity(2, "exact")
    attack = _draft(state, 10, 18, "Attack", event_type="Violence against civilians")
    attack.actor1 = _actor("Rebel Front")
    assert sides_agree(Cluster([mention_of(attack, 0)]), mention_of(hurt, 1))
    hurt.injuries = Quantity(None, "unknown")
    assert not sides_agree(Cluster([mention_of(attack, 0)]), mention_of(hurt, 1))


def test_the_crowd_told_again_by_a_pronoun_is_the_same_protest(code):
    """Stop 34: "They also protested …", "The group also demanded …" after a protest is the same
    crowd doing more of it (a protest told with "also" by a pronoun or a definite noun)."""
    for second in (
        "They also protested against the closure of the clinic.",
        "The group also demanded the dismissal of the mayor.",
    ):
        doc = code(
            "On 3 May 2022, around 200 bakers protested in Kirkuk against the new flour tax. "
            + second,
            "2022-05-04",
        )
        assert [e.sub_event_type for e in doc.events if e.acled_codable] == ["Peaceful protest"]


def test_the_crowd_told_again_keeps_other_crowds_apart(nlp):
    from sitrep.extract.assembly.background import told_as_another

    def trigger(text: str, word: str):
        return next(t for t in nlp(text) if t.lower_ == word)

    assert not told_as_another(trigger("They also marched to the port.", "marched"), True)
    assert not told_as_another(trigger("The group also marched to the port.", "marched"), True)
    # violence told with "also" by a pronoun stays one more happening
    assert told_as_another(trigger("They also shelled the port.", "shelled"))
    # another crowd holds another protest
    assert told_as_another(trigger("Other groups also marched to the port.", "marched"), True)


def _codable(doc):
    return [e.sub_event_type for e in doc.events if e.acled_codable]


def test_the_crowd_named_again_tells_the_same_demonstration(code):
    # Stop 35: "The demonstrators demanded …" after the protest is that protest, even when its
    # sentence dates something else.
    doc = code(
        "On 4 May 2021, about 200 teachers demonstrated outside the town hall in Westby, "
        "Ruritania. The demonstrators demanded the release of a colleague detained on 2 March.",
        "2021-05-05",
    )
    assert _codable(doc) == ["Peaceful protest"]


def test_a_protest_said_to_come_after_a_dated_grievance_is_the_same_protest(code):
    # Stop 35: "Protests came after …" / "The demonstration followed …" after a protest is a
    # remark on that protest, though its sentence dates the grievance (and names its town).
    doc = code(
        "On 9 May 2021, about 60 nurses gathered outside the hospital in Westby, Ruritania. "
        "Protests came after a nurse was dismissed by the hospital board in Northtown on 2 May "
        "2021.",
        "2021-05-10",
    )
    assert _codable(doc) == ["Peaceful protest"]
    # "another protest" told after it is one more
    more = code(
        "On 9 May 2021, about 60 nurses gathered outside the hospital in Westby, Ruritania. "
        "Another protest followed in Northtown on 10 May 2021.",
        "2021-05-11",
    )
    assert _codable(more) == ["Peaceful protest", "Peaceful protest"]


def test_what_the_event_was_part_of_is_no_event_of_its_own(code):
    # Stop 35: "The march was part of a countrywide week of protest" after a protest names what
    # that protest belonged to, not a second protest.
    doc = code(
        "On 9 May 2021, about 200 students marched to the education office in Westby, "
        "Ruritania, against new exam rules. The march was part of a countrywide week of protest "
        "held by student unions in Northtown from 3 May 2021.",
        "2021-05-10",
    )
    assert _codable(doc) == ["Peaceful protest"]


def test_the_bare_crowd_told_again_is_the_same_protest(code):
    # Stop 35: "Protesters demanded …" (no determiner) after a protest, with no place of its own
    # and of the protest's own type, is that protest told again.
    doc = code(
        "On 7 May 2021, hundreds of residents rallied outside the mayor's office of Westby, "
        "Ruritania. Protesters demanded the return of water supplies cut on 1 May.",
        "2021-05-08",
    )
    assert _codable(doc) == ["Peaceful protest"]
    # the bare crowd's violence told after a peaceful gathering stays a violent demonstration
    riot = code(
        "On 7 May 2021, about 900 people marched through Westby, Ruritania, against new fuel "
        "prices. Demonstrators hurled bottles and flares at police officers.",
        "2021-05-08",
    )
    assert "Violent demonstration" in _codable(riot)


@pytest.mark.parametrize(
    "text",
    [
        "On 4 May 2021, farmers staged a rally while soldiers held a military exercise near "
        "Westby, Ruritania, against the sale of their land.",
        "On 5 May 2021, about 70 surfers held a demonstration at the beach in Westby, Ruritania, "
        "during the exercise window, demanding access to the sea.",
        "On 5 March 2021, hundreds of convoy supporters gathered in front of the parliament in "
        "Westby, Ruritania, to demonstrate against vaccine mandates.",
        "On 4 May 2021, about 300 nurses marched in Westby, Ruritania, demanding higher pay. "
        "They were joined by several local lawmakers.",
    ],
)
def test_a_change_to_a_group_told_in_or_joining_a_protest_is_part_of_it(code, text):
    # Stop 35: the protest's topic or setting, and those who joined it, are no event of their own.
    assert _codable(code(text, "2021-07-05")) == ["Peaceful protest"]


@pytest.mark.parametrize(
    ("text", "published", "kind"),
    [
        ("On 4 May 2021, two gunmen shot and killed a shopkeeper in Westby, Ruritania. "
         "The suspects were arrested on 20 May. 1 fatality.", "2021-05-25", "Attack"),
        ("On 4 May 2021, armed men exchanged fire with police officers in Westby, Ruritania. "
         "The shooters were arrested two days later.", "2021-05-07", "Armed clash"),
    ],
)  # fmt: skip
def test_the_doers_arrested_after_the_harm_end_it(code, text, published, kind):
    # Stop 35: the arrest of those named as the doers ends the harm told before, whenever it came.
    assert _codable(code(text, published)) == [kind]


def test_a_remark_that_something_was_not_done_is_no_second_happening(code):
    # Stop 35: a negated or hedged happening told once, right after the one told as done.
    doc = code(
        "On 4 May 2021, gunmen shot and injured a driver in Westby, Ruritania. "
        "The attackers were identified but not arrested.",
        "2021-05-05",
    )
    assert _codable(doc) == ["Attack"]


def test_rival_forces_of_one_state_are_two_sides(code):
    # Stop 35: Libya's two open-ended state forces are not one actor: the toll told of one
    # side's soldiers is the other side's shelling, not an answer to it.
    doc = code(
        "On 3 May 2020, the GNA air force carried out two airstrikes on LNA vehicles near "
        "Tarhuna, Libya. Several LNA fighters were reportedly killed.",
        "2020-05-04",
    )
    assert len(_codable(doc)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "On 4 May 2021, armed men clashed with police officers in Westby, Ruritania. "
        "Two men were arrested. There were no casualties.",
        "On 4 May 2021, two rival clans clashed with rifles in Westby, Ruritania. "
        "Police arrested six fighters.",
    ],
)
def test_arrests_told_after_a_fight_end_it(code, text):
    # Stop 36 (extra6): a clash told by a word of both sides fighting ends with its arrests.
    assert _codable(code(text, "2021-05-05")) == ["Armed clash"]


def test_arrests_after_a_one_sided_deed_read_as_a_clash_stay_news(code):
    # Stop 36 (extra6): only a fight told as one ("clashed") takes the arrests told after it.
    doc = code(
        "On 4 May 2021, gunmen shot and killed an army officer in his office in Westby, "
        "Ruritania. Four army officers were arrested.",
        "2021-05-05",
    )
    assert "Arrests" in _codable(doc)


def test_the_riots_own_foe_firing_on_it_is_part_of_the_riot(code):
    # Stop 36 (extra6): the force a riot met, firing at the rioters, is coded in the riot.
    doc = code(
        "On 4 May 2021, Palestinian rioters clashed with Israeli soldiers near the main gate of "
        "Beit Ummar (Hebron, West Bank). The soldiers shot live ammunition toward the crowd.",
        "2021-05-05",
    )
    assert _codable(doc) == ["Mob violence"]


@pytest.mark.parametrize(
    "text",
    [
        "On 4 May 2021, gunmen killed a shopkeeper in Westby, Ruritania. The victim had been "
        "abducted on 1 May by the same men (coded separately). 1 fatality.",
        "On 4 May 2021, gunmen abducted a farmer in Westby, Ruritania. The farmer was killed "
        "on 9 May [coded separately].",
    ],
)
def test_a_happening_remarked_as_coded_separately_is_another_records(code, text):
    # Stop 36 (extra7): ACLED's "(coded separately)" after a deed told in passing.
    assert len(_codable(code(text, "2021-05-10"))) == 1


@pytest.mark.parametrize(
    "text",
    [
        "On 4 May 2021, gunmen attacked a village and killed four civilians in Westby, "
        "Ruritania. The assailants also burnt several motorbikes.",
        "On 4 May 2021, three armed men shot and killed a farmer in his field in Westby, "
        "Ruritania. The victim was also struck with machetes.",
    ],
)
def test_more_harm_told_with_also_is_the_same_attack(code, text):
    # Stop 36 (extra7): a deed on the victims told with "also", no day or place of its own.
    assert _codable(code(text, "2021-05-05")) == ["Attack"]


def test_weapons_seized_or_downed_in_a_fight_are_the_fight_s(code):
    # ACLED: Disrupted weapons use is weapons taken out of use outside a battle; what is seized
    # at the site of a clash, or downed during one, is the battle's.
    (seized,) = code(
        "On 3 May 2022, bandits and vigilantes clashed in Zamfara, Nigeria. Vigilantes "
        "confiscated rifles and ammunition from the bandits.",
        "2022-05-04",
    ).events
    assert seized.sub_event_type == "Armed clash"
    (downed,) = code(
        "On 3 May 2022, two army factions exchanged fire in Gharyan, Libya. One side shot down "
        "a drone of the other during the fighting. No casualties were reported.",
        "2022-05-04",
    ).events
    assert downed.sub_event_type == "Armed clash"


def test_a_crowd_dated_before_the_first_protest_is_its_history(code):
    """Stop 37 (extra8): a demonstration or riot told once after the paragraph's first protest,
    on days wholly before it (the protest's grievance, a rally months ago, a day read off a
    clause about the past), is no event of the report's."""
    for second in (
        "The teachers first marched to the ministry on 2 February 2022.",
        "They opposed the reform, which sparked riots on 20 March 2022.",
    ):
        doc = code(
            "On 3 May 2022, around 200 teachers protested in Kirkuk against the pension reform. "
            + second,
            "2022-05-04",
        )
        assert _codable(doc) == ["Peaceful protest"]
        assert [e.event_date for e in doc.events if e.acled_codable] == ["2022-05-03"]


def test_a_protest_whose_crowd_turns_violent_is_one_violent_demonstration(code):
    """Stop 37 (extra8): the crowd's violent deed told after its protest, same day and town, is
    that protest turned violent (one Violent demonstration), not a second event."""
    doc = code(
        "On 3 May 2022, around 1,500 people demonstrated in Mosul against the vaccine mandate. "
        "Demonstrators hurled bottles at police officers.",
        "2022-05-04",
    )
    assert _codable(doc) == ["Violent demonstration"]


def test_an_arrest_with_the_toll_line_after_an_attack_is_its_end(code):
    """Stop 37 (extra8): an arrest told once by no one named after the attack its paragraph tells
    first, on its day, carrying the note's toll line, ends that attack."""
    doc = code(
        "On 3 May 2022, gunmen shot dead a shopkeeper in Kirkuk. Two men were arrested. "
        "1 fatality.",
        "2022-05-04",
    )
    assert _codable(doc) == ["Attack"]


def test_the_victims_capture_before_the_killing_is_not_the_reports_event(code):
    """Stop 37 (extra8): "The victim had been abducted on <an earlier day>." after the killing
    tells how the victim was taken; ACLED codes that capture in a record of its own."""
    doc = code(
        "On 24 April 2022, unknown gunmen killed a trader and dumped his body near Kirkuk. "
        "The trader had been kidnapped on 17 April 2022.",
        "2022-04-26",
    )
    assert _codable(doc) == ["Attack"]
    assert [e.event_date for e in doc.events if e.acled_codable] == ["2022-04-24"]


def test_force_told_after_a_broken_up_protest_is_that_intervention(code):
    """Stop 37 (extra9): force used on the crowd (a state force beating marchers, marchers hurt by
    no one named) told after the Protest with intervention its paragraph tells first, same day,
    is that intervention told on, not a Violent demonstration of its own."""
    for second in (
        "Police officers also beat two demonstrators.",
        "Four demonstrators were injured.",
    ):
        doc = code(
            "On 3 May 2022, about 300 teachers marched in Kirkuk over unpaid salaries. "
            "Police broke up the march with tear gas. " + second,
            "2022-05-04",
        )
        assert _codable(doc) == ["Protest with intervention"]


def test_state_fire_told_again_after_a_protest_it_ended_is_no_attack_of_its_own(code):
    """Stop 39 (afg2): a state force's fire told once or twice after the protest it intervened
    in, with no dead of its own (an official's version of the shooting), is that force told
    again, not an attack or a shelling beside the protest."""
    doc = code(
        "On 3 May 2022, about 300 vendors protested in Kirkuk. Police dispersed the protest, "
        "killing one protester. Officials said the police opened fire in the air and the dead "
        "man stood on a roof nearby.",
        "2022-05-04",
    )
    assert _codable(doc) == ["Excessive force against protesters"]
    # fire on the crowd told twice, with no dead: still the intervention
    twice = code(
        "On 3 May 2022, about 300 vendors protested in Kirkuk against new stall fees. Police "
        "fired tear gas to disperse the crowd. Officials said the police fired shots into "
        "the air.",
        "2022-05-04",
    )
    assert _codable(twice) == ["Protest with intervention"]


def test_a_second_peaceful_rally_at_the_same_place_and_day_is_the_same_protest(code):
    """Stop 37 (extra9): a Peaceful protest told once after the one its paragraph tells first, at
    its place on its days (a counter-rally, part of the crowd blocking a road), is no second
    event: ACLED codes one event per place and day."""
    for second in (
        "A small counter-rally was also held in Kirkuk.",
        "About 40 of them also blocked a road in Kirkuk.",
    ):
        doc = code(
            "On 3 May 2022, about 300 teachers rallied in Kirkuk over unpaid salaries. " + second,
            "2022-05-04",
        )
        assert _codable(doc) == ["Peaceful protest"]


def test_a_second_broken_up_protest_at_the_same_place_and_day_is_the_same_one(code):
    """Stop 37 (extra9): the same holds for a Protest with intervention told again (detentions
    told after the dispersal)."""
    doc = code(
        "On 3 May 2022, about 300 teachers rallied in Kirkuk over unpaid salaries, and police "
        "dispersed them with batons. Police also detained two union leaders.",
        "2022-05-04",
    )
    assert _codable(doc) == ["Protest with intervention"]


def test_a_toll_placed_by_the_remark_naming_another_event_is_that_event_s(code):
    # Stop 38 (detect10): "(fatalities coded to <place> event)" names the record the toll went
    # to; the happening placed there alone is that record's, not one more of this note's
    text = (
        "On 12 March 2022, rebel forces fired mortars at army positions near Avdiivka, Donetsk. "
        "Over the day, twenty locations were shelled. As a result of the shelling, one soldier "
        "was killed at an unspecified location (fatalities coded to Marinka event)."
    )
    assert len(_codable(code(text, "2022-03-14"))) == 1
    # the place told before the remark is this note's own: its events stay
    told = (
        "On 12 March 2022, rebel forces fired mortars at army positions near Avdiivka, Donetsk. "
        "One soldier was killed by the shelling in Marinka (fatalities coded to Marinka event)."
    )
    assert len(_codable(code(told, "2022-03-14"))) == 2


def test_a_record_told_twice_is_one_event(code):
    """Two codable events equal on every field of an ACLED record (the sides and toll made
    alike only by the stages after the clustering) are one record: the second's evidence joins
    the first; an event differing on one field stays."""
    from dataclasses import replace

    from sitrep.extract.assembly.document import _copies_folded

    (event,) = [e for e in code("On 3 May 2022, gunmen shot dead a trader in Westby.",
                                "2022-05-04").events if e.acled_codable]  # fmt: skip
    told_again = replace(event, evidence=(Span("The trader was shot twice.", 900, 926),))
    folded = _copies_folded([event, told_again])
    assert len(folded) == 1
    assert [s.start for s in folded[0].evidence] == [s.start for s in event.evidence] + [900]
    other_toll = replace(told_again, fatalities=(event.fatalities or 0) + 2)
    assert len(_copies_folded([event, other_toll])) == 2


def test_the_crowd_told_again_doing_more_elsewhere_is_the_same_protest(code):
    """Stop 39 (detect12): after a Peaceful protest, the crowd told again as "they" or "the
    group" marching on or blocking a road at a place of its own is that protest, not a second."""
    for second in (
        "Later they walked on to the United States embassy.",
        "The group blocked a road near the Erbil district.",
    ):
        doc = code(
            "On 3 May 2022, in Kirkuk, about 300 teachers protested over unpaid pay. " + second,
            "2022-05-04",
        )
        assert _codable(doc) == ["Peaceful protest"]


def test_a_side_fighting_itself_after_its_own_fight_is_that_fight_told_again(code):
    """Stop 40 (detect40): a clash whose only named side stands on both sides, after a clash of
    that side with another named side in the same province, is the first told again; a
    self-fight with no such clash before it, or in another province, stays."""
    from dataclasses import replace

    from sitrep.extract.assembly.document import _copies_folded

    (event,) = [e for e in code("On 3 May 2022, rebels clashed with soldiers in Westby.",
                                "2022-05-04").events if e.acled_codable]  # fmt: skip
    assert event.actor1 != event.actor2
    side = event.actor2
    again = replace(event, actor1=side, actor2=side, evidence=(Span("A post was hit.", 900, 915),))
    folded = _copies_folded([event, again])
    assert len(folded) == 1
    assert [s.start for s in folded[0].evidence] == [s.start for s in event.evidence] + [900]
    assert len(_copies_folded([again, event])) == 2
    elsewhere = replace(again, admin1="Another province")
    assert len(_copies_folded([event, elsewhere])) == 2
    # after an event with one side only, a crowd against a crowd of its own name is its own
    one_sided = replace(event, actor1=side, actor2=None)
    assert len(_copies_folded([one_sided, again])) == 2
