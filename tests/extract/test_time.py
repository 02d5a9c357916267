"""Time expressions and the dates of events and tallies (extract/time/: mentions.py, timex.py)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from sitrep.extract.state import DocState, EventDraft, TallyDraft
from sitrep.extract.time.mentions import attach_dates, find_times, month_first
from sitrep.extract.time.timex import find_timexes, resolve
from sitrep.nlp.model import load_nlp
from sitrep.nlp.segment import segment
from sitrep.records import DateSpan

SAT = "2023-12-09"  # the example article's publication day, a Saturday


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


def coded(
    nlp, text: str, published: str | None, trigger: str, *, outlet=None, tally=False, parse=True
) -> tuple[DateSpan, DocState]:
    """Run segment, times and dates on `text` with one draft whose trigger is the word `trigger`."""
    doc = nlp(text)
    state = DocState(
        text=text,
        published=date.fromisoformat(published) if published else None,
        outlet=outlet,
        doc=doc,
    )
    segment(state)
    if not parse:
        state.doc = None
    find_times(state)
    m = re.search(rf"\b{re.escape(trigger)}\b", text)
    assert m, f"trigger {trigger!r} not in the sentence"
    span = state.span(m.start(), m.end())
    sentence = state.sentence_of(m.start())
    if tally:
        state.tallies = [TallyDraft(trigger=span, sentence=sentence, counted=trigger)]
    else:
        state.events = [EventDraft(trigger=span, sentence=sentence)]
    attach_dates(state)
    value = state.tallies[0].period if tally else state.events[0].when
    assert value is not None
    return value, state


# (sentence, published, trigger, expected start, expected precision, expected end or "" = start)
CASES = [
    # weekdays against a Saturday article: past by default, the same day for "Saturday"
    (
        "On Friday, militants attacked a checkpoint near Deir ez-Zor.",
        SAT,
        "attacked",
        "2023-12-08",
        1,
        "",
    ),
    ("Militants attacked an army post on Saturday.", SAT, "attacked", "2023-12-09", 1, ""),
    ("Officials said on Thursday that the convoy was ambushed.", SAT, "said", "2023-12-07", 1, ""),
    ("Gunmen stormed the village on Sunday, residents said.", SAT, "stormed", "2023-12-03", 1, ""),
    ("Militants attacked the base on Monday.", SAT, "attacked", "2023-12-04", 1, ""),
    (
        "A drone struck a car late on Tuesday, killing two people.",
        SAT,
        "struck",
        "2023-12-05",
        1,
        "",
    ),
    ("Clashes erupted on Tuesday night in the old city.", SAT, "erupted", "2023-12-05", 1, ""),
    ("Early Wednesday, security forces raided the camp.", SAT, "raided", "2023-12-06", 1, ""),
    (
        "Last Saturday, protesters blocked the highway to the airport.",
        SAT,
        "blocked",
        "2023-12-02",
        1,
        "",
    ),
    (
        "The Rmeilan air base witnessed, on Saturday afternoon, the arrival of two cargo planes.",
        SAT,
        "witnessed",
        "2023-12-09",
        1,
        "",
    ),
    ("Overnight Friday, rockets hit the base.", SAT, "hit", "2023-12-08", 1, ""),
    (
        "Jaysh al-Islam announced in a statement on Friday that it had killed 14 soldiers.",
        "2016-02-05",
        "announced",
        "2016-02-05",
        1,
        "",
    ),
    (
        "Hezbollah's Al Manar TV said later on Friday that forces had taken the town.",
        "2016-02-05",
        "said",
        "2016-02-05",
        1,
        "",
    ),
    (
        "The army broke a years-long rebel blockade of two towns on Wednesday.",
        "2016-02-05",
        "broke",
        "2016-02-03",
        1,
        "",
    ),
    # weekdays in future clauses: the coming day
    ("The two delegations will hold talks on Monday in Geneva.", SAT, "hold", "2023-12-11", 1, ""),
    ("The minister is expected to visit Baghdad next Tuesday.", SAT, "visit", "2023-12-12", 1, ""),
    (
        "Foreign ministers will meet on Saturday in Vienna.",
        "2023-12-07",
        "meet",
        "2023-12-09",
        1,
        "",
    ),
    ("Protesters plan to march on Friday.", SAT, "march", "2023-12-15", 1, ""),
    # days relative to publication
    (
        "Earlier today, a senior official confirmed the attack in a statement.",
        SAT,
        "confirmed",
        "2023-12-09",
        1,
        "",
    ),
    ("An explosion rocked the market today.", SAT, "rocked", "2023-12-09", 1, ""),
    ("Police dispersed the protesters this morning.", SAT, "dispersed", "2023-12-09", 1, ""),
    ("The curfew will start tonight.", SAT, "start", "2023-12-09", 1, ""),
    ("Two soldiers were killed yesterday in an ambush.", SAT, "killed", "2023-12-08", 1, ""),
    ("Rockets hit the Green Zone last night.", SAT, "hit", "2023-12-08", 1, ""),
    ("Late last night, a car bomb exploded in Kirkuk.", SAT, "exploded", "2023-12-08", 1, ""),
    ("Yesterday morning, an explosive device struck a patrol.", SAT, "struck", "2023-12-08", 1, ""),
    ("The village was shelled the day before yesterday.", SAT, "shelled", "2023-12-07", 1, ""),
    ("Fighter jets bombed the town overnight.", SAT, "bombed", "2023-12-08", 1, ""),
    ("Three people were wounded two days ago.", SAT, "wounded", "2023-12-07", 1, ""),
    ("The ministry will respond tomorrow.", SAT, "respond", "2023-12-10", 1, ""),
    # explicit dates in their common forms
    ("On 8 December 2023, militants attacked a base.", SAT, "attacked", "2023-12-08", 1, ""),
    ("Militants attacked a base on 8 December.", SAT, "attacked", "2023-12-08", 1, ""),
    ("On December 8, 2023, a drone struck a truck.", SAT, "struck", "2023-12-08", 1, ""),
    ("On Dec. 8, gunmen kidnapped a journalist.", SAT, "kidnapped", "2023-12-08", 1, ""),
    ("Protesters gathered outside the embassy on 8/12/2023.", SAT, "gathered", "2023-12-08", 1, ""),
    ("Gunmen attacked the convoy on 2023-12-08.", SAT, "attacked", "2023-12-08", 1, ""),
    ("On Friday, 8 December, the army shelled the outskirts.", SAT, "shelled", "2023-12-08", 1, ""),
    (
        "On the 8th of December, the army shelled the outskirts.",
        SAT,
        "shelled",
        "2023-12-08",
        1,
        "",
    ),
    ("Clashes resumed on the 6th, residents said.", SAT, "resumed", "2023-12-06", 1, ""),
    (
        "On 1st May, protesters marched in the capital.",
        "2020-05-04",
        "marched",
        "2020-05-01",
        1,
        "",
    ),
    (
        "On 30 April 2020, Iraqi and Kurdish forces conducted a joint patrol.",
        "2020-05-04",
        "conducted",
        "2020-04-30",
        1,
        "",
    ),
    (
        "HPG said that on 21 April 2020, Turkish jets carried out airstrikes.",
        "2020-05-04",
        "carried",
        "2020-04-21",
        1,
        "",
    ),
    # the year inferred from publication and tense
    ("On 3 January, the army shelled the camp.", SAT, "shelled", "2023-01-03", 1, ""),
    ("Elections will be held on January 3.", SAT, "held", "2024-01-03", 1, ""),
    (
        "On 30 December, militants attacked a checkpoint.",
        "2024-01-05",
        "attacked",
        "2023-12-30",
        1,
        "",
    ),
    # a day after publication in a past clause is a slip: publication day, precision 2
    ("Militants attacked a checkpoint on 10 December.", SAT, "attacked", SAT, 2, ""),
    # ACLED's hedged days: precision 2
    (
        "Around 22 April 2020 (midweek), a farmer's body was found near Tal Hamis.",
        "2020-05-12",
        "found",
        "2020-04-22",
        2,
        "",
    ),
    ("On or around 3 May, gunmen killed a farmer.", "2020-05-12", "killed", "2020-05-03", 2, ""),
    (
        "As reported on 3 May 2020, militiamen looted homes in Ain Issa.",
        "2020-05-04",
        "looted",
        "2020-05-03",
        2,
        "",
    ),
    (
        "On 27 April 2020 (or around), ISWAP claimed mortar attacks.",
        "2020-05-04",
        "claimed",
        "2020-04-27",
        2,
        "",
    ),
    (
        "Around 4 May 2020 (as reported), Turkish forces destroyed 9 shelters.",
        "2020-05-11",
        "destroyed",
        "2020-05-04",
        2,
        "",
    ),
    (
        "Around 30 April 2020 (week of), forces disappeared a street vendor.",
        "2020-05-11",
        "disappeared",
        "2020-04-30",
        2,
        "",
    ),
    ("Clashes erupted on 7 and 8 December.", SAT, "erupted", "2023-12-07", 1, "2023-12-08"),
    ("On Friday, fighting raged for several hours.", SAT, "fighting", "2023-12-08", 1, ""),
    ("The siege lasted 12 days. On Friday, the army shelled the town.", SAT, "siege", SAT, 2, ""),
    # a bracketed range after a hedged day: the stated day, precision from the range's width
    (
        "Around 4 May 2020 (3-4 May), two groups clashed with machetes.",
        "2020-05-11",
        "clashed",
        "2020-05-04",
        2,
        "",
    ),
    (
        "Around 9 May 2020 (from 25 April-9 May), gendarmes detained 35 people.",
        "2020-05-11",
        "detained",
        "2020-05-09",
        3,
        "",
    ),
    # the day after an undated event is not a date; a fronted date governs the sentence
    (
        "On 30 April 2020, militiamen looted shops the day after they attacked the town.",
        "2020-05-04",
        "looted",
        "2020-04-30",
        1,
        "",
    ),
    (
        "On 6 May 2020, in the 26 of September district, shopkeepers protested.",
        "2020-05-12",
        "protested",
        "2020-05-06",
        1,
        "",
    ),
    (
        "As reported on May 2 2020, settlers cut down 30 olive trees in recent days.",
        "2020-05-04",
        "cut",
        "2020-05-02",
        2,
        "",
    ),
    # spans and periods
    (
        "Since November 2, armed factions have targeted coalition bases about 60 times.",
        SAT,
        "targeted",
        "2023-11-02",
        1,
        SAT,
    ),
    (
        "This shipment is the third to be airlifted to the garrisons in the past 10 days.",
        SAT,
        "airlifted",
        "2023-11-29",
        2,
        SAT,
    ),
    ("Over the last week, the army has arrested 40 people.", SAT, "arrested", "2023-12-02", 2, SAT),
    ("In the past 24 hours, 14 people were killed.", SAT, "killed", "2023-12-08", 1, SAT),
    (
        "The last two days saw government troops encircle the countryside.",
        "2016-02-05",
        "saw",
        "2016-02-03",
        1,
        "2016-02-05",
    ),
    (
        "During November, the group claimed 30 attacks.",
        SAT,
        "claimed",
        "2023-11-01",
        3,
        "2023-11-30",
    ),
    ("The exercises will last for several days.", SAT, "last", SAT, 2, None),
    ("In the coming days, the coalition will expand its operations.", SAT, "expand", SAT, 2, None),
    (
        "Fighting raged between 5 and 7 December around the town.",
        SAT,
        "raged",
        "2023-12-05",
        1,
        "2023-12-07",
    ),
    ("Clashes took place from 5 to 7 December.", SAT, "took", "2023-12-05", 1, "2023-12-07"),
    (
        "Shelling continued December 1-3, residents said.",
        SAT,
        "continued",
        "2023-12-01",
        1,
        "2023-12-03",
    ),
    (
        "Protesters camped outside parliament from Monday to Wednesday.",
        SAT,
        "camped",
        "2023-12-04",
        1,
        "2023-12-06",
    ),
    (
        "Drones circled overhead from the first hours of the morning until Saturday night.",
        SAT,
        "circled",
        SAT,
        1,
        SAT,
    ),
    ("Clashes broke out last week in Daraa.", SAT, "broke", "2023-11-27", 2, "2023-12-03"),
    ("Earlier this week, jets struck a convoy.", SAT, "struck", "2023-12-04", 2, "2023-12-08"),
    ("Last weekend, thousands marched in Basra.", SAT, "marched", "2023-12-02", 2, "2023-12-03"),
    (
        "Sadr will lead protests later this week.",
        "2016-07-13",
        "lead",
        "2016-07-14",
        2,
        "2016-07-17",
    ),
    ("Ramadan ended last week.", "2016-07-13", "ended", "2016-07-04", 2, "2016-07-10"),
    (
        "A suicide bombing last Friday killed 26 people.",
        "2016-03-29",
        "bombing",
        "2016-03-25",
        1,
        "",
    ),
    (
        "Islamic State claimed a suicide bombing on Tuesday morning.",
        "2016-03-29",
        "bombing",
        "2016-03-29",
        1,
        "",
    ),
    (
        "At least 45 civilians died earlier this month.",
        "2016-03-29",
        "died",
        "2016-03-01",
        3,
        "2016-03-28",
    ),
    (
        "Russia shot down a warplane in November.",
        "2016-02-05",
        "shot",
        "2015-11-01",
        3,
        "2015-11-30",
    ),
    (
        "Car bombs like the one in Mosul on July 3 killed dozens.",
        "2016-07-13",
        "one",
        "2016-07-03",
        1,
        "",
    ),
    (
        "Shelling killed 40 residents in the past six days.",
        "2016-04-28",
        "killed",
        "2016-04-22",
        1,
        "2016-04-28",
    ),
    (
        "The air base was recaptured at the weekend.",
        "2016-07-13",
        "recaptured",
        "2016-07-09",
        2,
        "2016-07-10",
    ),
    (
        "In late November, the group seized two villages.",
        SAT,
        "seized",
        "2023-11-21",
        3,
        "2023-11-30",
    ),
    ("Displacement peaked in early May.", "2020-05-12", "peaked", "2020-05-01", 3, "2020-05-10"),
    ("Violence escalated in mid-April.", "2020-05-12", "escalated", "2020-04-11", 3, "2020-04-20"),
    ("Last month, militants killed 12 soldiers.", SAT, "killed", "2023-11-01", 3, "2023-11-30"),
    ("Strikes have intensified this month.", SAT, "intensified", "2023-12-01", 3, SAT),
    ("The army retook the town in September 2023.", SAT, "retook", "2023-09-01", 3, "2023-09-30"),
    (
        "Islamic State has held the city since 2014.",
        "2016-02-05",
        "held",
        "2014-01-01",
        None,
        "2016-02-05",
    ),
    (
        "Russia launched its air campaign four months ago.",
        "2016-02-05",
        "launched",
        "2015-10-08",
        3,
        "",
    ),
    # the expression governing the trigger, not merely the nearest
    # a reporting verb's date is when it was said: another date wins, else precision 2
    (
        "Five people were killed among demonstrators who stormed the port offices on Friday, "
        "medics said on Saturday.",
        "2016-05-21",
        "killed",
        "2016-05-20",
        1,
        "",
    ),
    (
        "Air strikes killed 27 people, the Observatory said on Thursday.",
        "2016-04-28",
        "killed",
        "2016-04-28",
        2,
        "",
    ),
    (
        "Jaysh al-Islam announced in a statement on Friday that it had killed 14 soldiers.",
        "2016-02-05",
        "killed",
        "2016-02-05",
        2,
        "",
    ),
    (
        "On Thursday, the ministry said militants attacked a checkpoint.",
        SAT,
        "attacked",
        "2023-12-07",
        2,
        "",
    ),
    (
        "On Friday, militants attacked a checkpoint, and on Sunday the army retaliated.",
        SAT,
        "attacked",
        "2023-12-08",
        1,
        "",
    ),
    (
        "On Friday, militants attacked a checkpoint, and on Sunday the army retaliated.",
        SAT,
        "retaliated",
        "2023-12-03",
        1,
        "",
    ),
    (
        "The army, which withdrew on Monday, shelled the town on Thursday.",
        SAT,
        "shelled",
        "2023-12-07",
        1,
        "",
    ),
    (
        "On Wednesday, gunmen attacked a bus. They killed four passengers.",
        SAT,
        "killed",
        "2023-12-06",
        1,
        "",
    ),
]


@pytest.mark.parametrize(("text", "published", "trigger", "start", "precision", "end"), CASES)
def test_event_dates(nlp, text, published, trigger, start, precision, end):
    value, _ = coded(nlp, text, published, trigger)
    got_end = value.end.isoformat() if value.end else None
    assert (value.start.isoformat(), value.precision) == (start, precision)
    assert got_end == (start if end == "" else end)


def test_no_future_date_for_past_events(nlp):
    """Every weekday in a past-tense clause lands on or before the publication day."""
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
        value, _ = coded(nlp, f"Gunmen attacked a convoy on {day}.", SAT, "attacked")
        assert date(2023, 12, 3) <= value.start <= date(2023, 12, 9), day


def test_quoted_yesterday_resolves_against_the_statement_date(nlp):
    text = (
        "On Thursday, the spokesman said in a statement that the strikes would continue. "
        'He added that "yesterday\'s attacks were only a warning."'
    )
    value, _ = coded(nlp, text, SAT, "attacks")
    assert value.start == date(2023, 12, 6)  # the day before Thursday, not before publication


@pytest.mark.parametrize(
    ("text", "start", "precision"),
    [
        ("Gunmen raided a police post on 10 November. A week later, the army shelled their camp.",
         "2023-11-17", 2),
        ("Gunmen raided a police post on 10 November. Two days later, the army shelled their camp.",
         "2023-11-12", 1),
    ],
)  # fmt: skip
def test_so_long_later_counts_from_the_last_day_named(nlp, text, start, precision):
    value, _ = coded(nlp, text, SAT, "shelled")
    assert (value.start.isoformat(), value.precision) == (start, precision)


def test_undated_event_gets_publication_day_with_precision_2(nlp):
    value, state = coded(nlp, "Gunmen attacked a bus near Palmyra.", SAT, "attacked")
    assert (value.start, value.precision) == (date(2023, 12, 9), 2)
    assert any("publication date used" in w for w in state.warnings)


def test_without_publication_date_relative_dates_stay_unresolved(nlp):
    value, state = coded(nlp, "On Friday, militants attacked a checkpoint.", None, "attacked")
    assert value.start is None and value.precision is None
    assert any("unresolved" in w for w in state.warnings)
    value, state = coded(nlp, "Gunmen attacked a bus near Palmyra.", None, "attacked")
    assert value.start is None and any("no publication date" in w for w in state.warnings)


def test_without_publication_date_absolute_dates_resolve(nlp):
    value, _ = coded(nlp, "On 8 December 2023, militants attacked a checkpoint.", None, "attacked")
    assert (value.start, value.precision) == (date(2023, 12, 8), 1)


@pytest.mark.parametrize(
    ("text", "trigger", "start"),
    [
        ("The two delegations will hold talks on Monday.", "hold", "2023-12-11"),
        ("Militants attacked the base on Monday.", "attacked", "2023-12-04"),
        ("Elections will be held on January 3.", "held", "2024-01-03"),
    ],
)
def test_tense_without_a_parse(nlp, text, trigger, start):
    """With no dependency parse, a future auxiliary in the clause still makes the date future."""
    value, _ = coded(nlp, text, SAT, trigger, parse=False)
    assert value.start == date.fromisoformat(start)


def test_numeric_dates_follow_the_outlet_locale(nlp):
    assert month_first("Associated Press") and not month_first("Al Mayadeen English")
    value, _ = coded(nlp, "Protesters gathered on 12/8/2023.", SAT, "gathered", outlet="AP News")
    assert value.start == date(2023, 12, 8)
    value, _ = coded(nlp, "Protesters gathered on 12/8/2023.", SAT, "gathered", outlet="Reuters")
    assert value.start == date(2023, 8, 12)
    value, _ = coded(nlp, "Protesters gathered on 28/11/2023.", SAT, "gathered", outlet="AP News")
    assert value.start == date(2023, 11, 28)  # only one reading is a date


@pytest.mark.parametrize(
    "text",
    [
        "11 operations against US bases",
        "about 85 times, injuring at least 70 soldiers",
        "It may rain.",
        "Resolution 2254 was adopted.",
        "the 8th Brigade advanced",
        "The March of Return",
        "hundreds of October revolution protesters",
        "version 1.2.3 was released",
        "residents gathered in Monday Avenue",
        "in the 25 of March sector",
        "the June 30 movement",
        "looted shops the day after they attacked the town",
    ],
)
def test_non_dates_are_not_time_expressions(text):
    assert find_timexes(text) == []


def test_a_day_range_that_runs_backwards_is_no_range():
    # Found by the time fuzz target: "12-9 Dec 2023" resolved to 12 → 9 December.
    assert all(tx.form != "range" for tx in find_timexes("clashes on 12-9 Dec 2023 in Idlib"))
    (tx,) = find_timexes("clashes on 9-12 Dec 2023 in Idlib")
    assert tx.form == "range"


def test_tally_on_friday_in_one_day(nlp):
    text = (
        "The escalation follows a week of strikes, with the militias saying they had conducted "
        "9 operations against coalition bases in Iraq and Syria in a single day on Friday."
    )
    value, _ = coded(nlp, text, SAT, "operations", tally=True)
    assert (value.start, value.end) == (date(2023, 12, 8), date(2023, 12, 8))


def test_example_article(nlp, shared):
    """The canonical article: every expression and the dates its events and tallies need."""
    from sitrep.ingest.text import read_text

    raw = read_text((shared / "corpus" / "almayadeen-2023-12-09-us-drills-syria.txt").read_text())
    text = raw.text
    state = DocState(text=text, published=raw.published, outlet=raw.outlet, doc=nlp(text))
    segment(state)
    find_times(state)
    found = {m.span.text: m.value for m in state.times}
    d = date.fromisoformat
    assert found["Friday"].start == d("2023-12-08")
    assert found["Saturday afternoon"].start == d(SAT)
    assert (found["Since October 18"].start, found["Since October 18"].end) == (
        d("2023-10-18"),
        d(SAT),
    )
    assert (found["in the past 10 days"].start, found["in the past 10 days"].end) == (
        d("2023-11-29"),
        d(SAT),
    )
    assert found["Earlier today"].start == d(SAT)
    assert found["yesterday"].start == d("2023-12-08")
    assert (found["for several days"].start, found["for several days"].end) == (d(SAT), None)
    assert all(m.value.start <= d(SAT) for m in state.times if m.kind != "future")

    def draft(word: str, *, tally: bool = False) -> EventDraft | TallyDraft:
        start = text.index(word)
        span = state.span(start, start + len(word))
        if tally:
            return TallyDraft(trigger=span, sentence=state.sentence_of(start), counted=word)
        return EventDraft(trigger=span, sentence=state.sentence_of(start))

    state.events = [draft("drills"), draft("landing"), draft("flew"), draft("live ammunition")]
    state.tallies = [
        draft("11 operations", tally=True),
        draft("85 times", tally=True),
        draft("fourth", tally=True),
        draft("yesterday's operations", tally=True),
    ]
    attach_dates(state)
    assert [(e.when.start, e.when.end) for e in state.events] == [(d(SAT), d(SAT))] * 4
    assert [e.when.precision for e in state.events] == [2, 1, 1, 2]
    assert [(t.period.start, t.period.end) for t in state.tallies] == [
        (d("2023-12-08"), d("2023-12-08")),
        (d("2023-10-18"), d(SAT)),
        (d("2023-11-29"), d(SAT)),
        (d("2023-12-08"), d("2023-12-08")),
    ]


def test_resolve_is_fast():
    """The grammar is compiled once; scanning a long article takes milliseconds, not seconds."""
    import time

    text = "On Friday, militants attacked a checkpoint near Deir ez-Zor on 8 December. " * 200
    find_timexes(text)
    t0 = time.perf_counter()
    found = find_timexes(text)
    assert len(found) == 400
    assert time.perf_counter() - t0 < 1.0
    assert resolve(found[0], date(2023, 12, 9)).start == date(2023, 12, 8)


def test_a_day_told_later_of_the_same_happening_dates_it(code):
    text = (
        "Militants killed six soldiers in an ambush on an army convoy in Deir ez-Zor province, a "
        "monitor reported Thursday. The monitor said the attack occurred on Tuesday evening as "
        "the convoy crossed the desert road."
    )
    doc = code(text, "2023-12-09")
    dates = {e.event_date for e in doc.events if e.acled_codable and e.event_type}
    assert dates == {"2023-12-05"}  # Tuesday, not Thursday (the report) nor publication


def test_a_day_of_another_happening_in_the_referring_sentence_does_not_date_it(code):
    text = (
        "Islamic State militants launched a drone attack on a Kurdish base near Hasakah. "
        "The attack followed overnight Turkish air strikes on Kurdish positions near Qamishli."
    )
    doc = code(text, "2023-12-09")
    drone = [e for e in doc.events if e.acled_codable and "drone" in e.evidence[0].text]
    assert drone and all(e.event_date == "2023-12-09" for e in drone)


@pytest.mark.parametrize(
    ("sentence", "first", "last"),
    [
        # the assault: some days before the raid told on Wednesday 7 February
        ("The raid on Wednesday came days after the army launched an assault on rebel villages "
         "in the north, as tension spread in late January.", "2024-02-01", "2024-02-05"),
        ("The raid on Wednesday came a day after the army launched an assault on rebel villages "
         "in the north.", "2024-02-06", "2024-02-06"),
    ],
)  # fmt: skip
def test_a_happening_told_days_before_another_is_dated_back_from_it(code, sentence, first,
                                                                    last):  # fmt: skip
    doc = code(sentence, "2024-02-08")
    assaults = [e for e in doc.events if e.acled_codable and e.event_date < "2024-02-07"]
    assert assaults and all(first <= e.event_date <= last for e in assaults)


def test_earlier_in_the_day_after_a_background_paragraph_is_the_day_of_the_news(code):
    text = (
        "Rockets were fired at border towns in northern Israel on Thursday morning, the army "
        "said.\n\n"
        "The group continues to target the towns; on Tuesday, a house was destroyed by a "
        "rocket.\n\n"
        "Earlier in the day, the air force struck a car in Nabatieh in southern Lebanon, killing "
        "two men."
    )
    doc = code(text, "2024-05-23")
    car = [e for e in doc.events if e.acled_codable and e.location and "Nabat" in e.location]
    assert car and {e.event_date for e in car} == {"2024-05-23"}


def test_an_undated_happening_told_in_the_past_perfect_is_dated_before_the_report(code):
    text = (
        "Tension is rising along the border near Qamishli, local sources say.\n\n"
        "Turkish jets had also bombed a road near Amuda."
    )
    (event,) = code(text, "2024-01-12").events
    assert (event.event_date, event.time_precision) == ("2024-01-11", 2)
    # reported speech backshifts the tense without putting the act earlier
    said = "The group said it had bombed a road near Amuda, local sources say."
    (told,) = code(said, "2024-01-12").events
    assert told.event_date == "2024-01-12"


def test_month_names_are_one_prefix_factored_alternation_matching_as_the_list():
    # Case-sensitive capitalised forms ("Mar", "March", "MAR"): the factored form finds the
    # same spans as the longest-first list, whatever follows the name.
    import random
    import re

    from sitrep.extract.time.timex import _alt

    words = ["march", "mar", "may", "sept", "september", "sep"]
    forms = sorted({f for w in words for f in (w.capitalize(), w.upper())}, key=len, reverse=True)
    plain = re.compile(rf"(?:{'|'.join(forms)})\b\.?")
    factored = re.compile(rf"(?:{_alt(words, capitalised=True)})\b\.?", re.VERBOSE)
    assert _alt(words, capitalised=True) != "|".join(forms)
    pieces = [*forms, "march", "Marc", "h", "ember", "Sept.", " ", " 5", ".", "ch", "tember"]
    rng = random.Random(3)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 7)))
        assert [m.span() for m in factored.finditer(text)] == [
            m.span() for m in plain.finditer(text)], text


def test_time_word_windows_match_the_word_rule() -> None:
    # Digit runs and whole letter runs that are time words open a window; parts of longer
    # words ("Mondays" is a time word itself, "daylight" is not) and other scripts do not.
    from sitrep.extract.time.timex import _keywords, _time_words

    text = "Mondays at 5th gate, daylight in Montréal, ٣ DAYS later; xmonday and today's K9"
    words = [m.group() for m in re.finditer(r"[A-Za-z]+|\d+", text)]
    expected = [w for w in words if w[0].isdigit() or w.lower() in _keywords()]
    assert [m.group() for m in _time_words().finditer(text)] == expected


def test_unit_gate_needs_a_unit_word_of_its_own() -> None:
    # "Monday" and "today" hold "day" but no unit: the unit patterns are not run over them.
    from sitrep.extract.time.timex import _gates

    gate = _gates()["ago"]
    assert gate.search("The market opened on Monday and again today.") is None
    assert gate.search("The market opened three days ago.") is not None
    found = find_timexes("The market opened on Monday, not three days ago.")
    assert [t.text for t in found] == ["Monday", "three days ago"]


@pytest.mark.parametrize(
    ("text", "trigger", "start"),
    [
        ("On 3 October 2023, overnight, rebels raided an army outpost near Kelo.", "raided",
         "2023-10-03"),
        ("On 3 October 2023, in Kelo (Tandjile), overnight, rebels raided an army outpost.",
         "raided", "2023-10-03"),
        ("On 3 October 2023, nurses in Kelo marched today to demand unpaid salaries.", "marched",
         "2023-10-03"),
    ],
)  # fmt: skip
def test_a_deictic_day_after_the_sentences_calendar_day_counts_from_it(nlp, text, trigger, start):
    value, _ = coded(nlp, text, SAT, trigger)
    assert value.start.isoformat() == start


def test_a_deictic_day_before_the_sentences_calendar_day_counts_back_from_it(nlp):
    text = "On 3 October 2023, traders in Kelo closed their shops over an arrest last night."
    _, state = coded(nlp, text, SAT, "closed")
    night = next(m for m in state.times if m.span.text == "last night")
    assert night.value.start.isoformat() == "2023-10-02"


@pytest.mark.parametrize(
    ("text", "trigger", "start"),
    [
        # a day counted back from the fronted day dates an earlier happening, as a day written
        # with digits before it does (stop 33)
        ("On 3 October 2023, traders in Kelo closed their shops over an arrest last night.",
         "closed", "2023-10-03"),
        ("On 3 October 2023, youths burned tyres in Kelo in reaction to the murder of a trader "
         "the day before.", "murder", "2023-10-03"),
        # a later sentence carries on the day of the earlier sentence's happening
        ("On 3 October 2023, fighting broke out in Kelo after the murder of a herder the day "
         "before. Four people were killed in the clashes.", "clashes", "2023-10-03"),
    ],
)  # fmt: skip
def test_a_day_counted_back_from_the_fronted_day_tells_an_earlier_happening(
    nlp, text, trigger, start
):
    value, _ = coded(nlp, text, SAT, trigger)
    assert value.start.isoformat() == start


@pytest.mark.parametrize(
    ("text", "trigger", "start"),
    [
        ("On 9 October 2023, farmers in Kelo rallied against the 2 October 2023 fuel price rise.",
         "rallied", "2023-10-09"),
        ("On 9 October 2023, in the evening, farmers rallied in Kelo against the Friday closures.",
         "rallied", "2023-10-09"),
    ],
)  # fmt: skip
def test_a_day_deep_in_a_noun_phrase_yields_to_the_fronted_day(nlp, text, trigger, start):
    value, _ = coded(nlp, text, SAT, trigger)
    assert value.start.isoformat() == start


@pytest.mark.parametrize(
    ("text", "trigger", "start"),
    [
        ("On 9 October 2023, farmers marched in Kelo on the anniversary of the flood on 2 "
         "October 1990.", "marched", "2023-10-09"),
        ("On 9 October 2023, a trader who was detained on 2 October 2023 was beaten in Kelo.",
         "detained", "2023-10-09"),
        # a day written with digits but no year falls below the fronted day as well
        ("On 9 November, a herder who was abducted on 4 November was found dead near Kelo.",
         "abducted", "2023-11-09"),
    ],
)  # fmt: skip
def test_a_day_before_the_fronted_day_tells_an_earlier_happening(nlp, text, trigger, start):
    value, _ = coded(nlp, text, SAT, trigger)
    assert value.start.isoformat() == start


def test_a_weekday_or_deictic_day_before_the_fronted_day_still_tells_the_sequence(nlp):
    # only a day written with digits falls below the fronted day: a weekday or a deictic word
    # after it tells what happened next in the story
    text = "On Friday, rebels shelled Kelo, and on Thursday the army raided their camp."
    value, _ = coded(nlp, text, SAT, "raided")
    assert value.start.isoformat() == "2023-12-07"


def test_a_fronted_day_of_a_statement_yields_to_the_day_of_the_happening(nlp):
    text = "On 9 October 2023, the army said militants attacked a post in Kelo on 7 October 2023."
    value, _ = coded(nlp, text, SAT, "attacked")
    assert value.start.isoformat() == "2023-10-07"


def test_a_fronted_calendar_day_over_a_report_keeps_precision_1(nlp):
    text = "On 9 October 2023, the ministry reported that gunmen attacked a post in Kelo."
    value, _ = coded(nlp, text, SAT, "attacked")
    assert (value.start.isoformat(), value.precision) == ("2023-10-09", 1)
    value, _ = coded(nlp, "On Thursday, the ministry said gunmen attacked a post.", SAT, "attacked")
    assert value.precision == 2  # a relative day of a report stays precision 2


@pytest.mark.parametrize(
    ("text", "published", "trigger", "start"),
    [
        ("KHARTOUM, March 3 (Probe Wire) - Paramilitary fighters attacked army positions in "
         "El Fasher on Saturday, killing 14 soldiers.", "2024-03-03", "attacked", "2024-03-02"),
        ("MEXICO CITY, July 22 (Probe Wire) - Gunmen killed four police officers in an ambush "
         "in Tlajomulco on Saturday.", "2024-07-22", "killed", "2024-07-20"),
        ("GOMA, June 10 (Probe Wire) - Rebels killed 40 villagers in an attack on Masala on "
         "Friday night.", "2024-06-10", "killed", "2024-06-07"),
    ],
)  # fmt: skip
def test_a_datelines_filing_day_does_not_date_the_leads_weekday(nlp, text, published, trigger,
                                                                start):
    value, _ = coded(nlp, text, published, trigger)
    assert value.start.isoformat() == start
