"""ACLED's name for an actor nobody named: the classifier's choice, never the other side's."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.extract.actors import unknown
from sitrep.extract.state import ActorMention, DocState, EventDraft
from sitrep.knowledge.actors import actor_dictionary, normalise_name
from sitrep.knowledge.classifiers import Prediction
from sitrep.records import Actor

UKRAINE = "Military Forces of Ukraine (2019-)"
NAF = "NAF: United Armed Forces of Novorossiya"
UNIDENTIFIED = "Unidentified Armed Group (Ukraine)"
GANG = "Unidentified Gang ({country})"


class _Classifier:
    def __init__(self, label: str, *rest: tuple[str, float]) -> None:
        """The classifier's choice (p 0.9, or the first of `rest` and its p when given)."""
        pairs = list(rest) if rest else [(label, 0.9), (unknown.DEFAULT, 0.1)]
        self.prediction = Prediction(
            tuple(lab for lab, _ in pairs), tuple(p for _, p in pairs)
        )

    def predict(self, text: str) -> Prediction:
        return self.prediction


def _mention(state: DocState, name: str) -> ActorMention:
    entry = actor_dictionary(2020).entry(name)
    assert entry is not None
    return ActorMention(
        state.span(0, 2), Actor(entry.name, entry.inter, entry.country, entry.parent, "On"), "org"
    )


@pytest.mark.parametrize(
    ("choice", "other", "expected"),
    [
        (UKRAINE, None, UKRAINE),
        (UKRAINE, NAF, UKRAINE),
        # The side already coded on the other role is not the unknown attacker.
        (UKRAINE, UKRAINE, "Unidentified Armed Group (Ukraine)"),
    ],
)
def test_named_unknown_takes_the_choice_unless_it_is_the_other_side(
    monkeypatch, choice, other, expected
):
    monkeypatch.setattr(unknown, "load_unknown_actor_classifier", lambda: _Classifier(choice))
    text = "On 2 May, two soldiers were wounded by fire near a village on the front line."
    state = DocState(text=text, published=date(2020, 5, 3), outlet=None)
    at = text.index("wounded")
    draft = EventDraft(trigger=state.span(at, at + len("wounded")), sentence=0)
    default = _mention(state, "Unidentified Armed Group (Ukraine)")
    other_mention = _mention(state, other) if other else None
    got = unknown.named_unknown(
        state, draft, default, "actor1", actor_dictionary(2020), "Ukraine", other_mention
    )
    assert got is not None
    assert normalise_name(got.actor.name) == normalise_name(expected)


@pytest.mark.parametrize(
    ("ranked", "other", "expected"),
    [
        # The other side is the classifier's first choice: its next one, if sure enough.
        ([(UKRAINE, 0.5), (NAF, 0.4), (unknown.DEFAULT, 0.1)], UKRAINE, NAF),
        # ... sure of it among the names left: the other side takes its probability with it
        # (0.2 of the 0.3 left)
        ([(UKRAINE, 0.7), (NAF, 0.2), (unknown.DEFAULT, 0.1)], UKRAINE, NAF),
        ([(UKRAINE, 0.4), (NAF, 0.2), (unknown.DEFAULT, 0.4)], UKRAINE, UNIDENTIFIED),
        # Two unnamed groups fight each other: the default stays a choice.
        ([(unknown.DEFAULT, 0.5), (NAF, 0.4)], UNIDENTIFIED, UNIDENTIFIED),
        # ... and so does any unnamed kind: two rival gangs, two clans
        ([(GANG, 0.8), (unknown.DEFAULT, 0.2)], "Unidentified Gang (Ukraine)",
         "Unidentified Gang (Ukraine)"),
    ],
)
def test_named_unknown_takes_the_next_choice_when_the_first_is_the_other_side(
    monkeypatch, ranked, other, expected
):
    classifier = _Classifier(ranked[0][0], *ranked)
    monkeypatch.setattr(unknown, "load_unknown_actor_classifier", lambda: classifier)
    text = "On 4 May, monitors counted bursts of fire near a hamlet on the contact line."
    state = DocState(text=text, published=date(2020, 5, 5), outlet=None)
    at = text.index("fire")
    draft = EventDraft(trigger=state.span(at, at + len("fire")), sentence=0)
    default = _mention(state, UNIDENTIFIED)
    got = unknown.named_unknown(
        state, draft, default, "actor2", actor_dictionary(2020), "Ukraine",
        _mention(state, other),
    )
    assert got is not None
    assert normalise_name(got.actor.name) == normalise_name(expected)


def test_a_news_agency_is_a_source_not_an_actor(code):
    doc = code("Earlier the National News Agency had said that four people died when the strike "
               "hit the vehicle near Tyre on Monday.", "2024-02-06")  # fmt: skip
    (event,) = doc.events
    assert "News" not in (event.actor1 or "") and event.fatalities == 4


def test_a_short_form_of_a_force_named_before_is_that_force(code):
    text = (
        "Iraq's Counter-Terrorism Forces on Tuesday said they had arrested four militants.\n\n"
        "In the second operation, a CT force captured two men in Sulaymaniyah."
    )
    events = code(text, "2023-12-12").events
    # The force its country's name owns is a unit of that state's forces.
    unit = "Military Forces of Iraq (2022-) Counter-Terrorism Forces"
    assert {e.actor1 for e in events} == {unit}
    assert {e.inter1 for e in events} == {1}


def test_a_force_its_country_names_is_a_unit_of_the_state_and_arrests(code):
    text = "Lebanon's General Security Directorate detained three men in Tripoli on Sunday."
    (event,) = code(text, "2024-03-05").events
    assert event.actor1 == "Police Forces of Lebanon (2021-2025) General Security Directorate"
    assert (event.inter1, event.sub_event_type) == (1, "Arrests")
    # an organisation the dictionary lacks, with no country of its own, is no state's force: it
    # keeps its own name, and taking people by force it has the code of other armed groups
    (other,) = code(text.replace("Lebanon's General", "The General"), "2024-03-05").events
    assert other.actor1 == "General Security Directorate"
    assert other.inter1 == (3 if other.event_type == "Violence against civilians" else None)


def test_every_name_the_shipped_model_can_choose_is_an_actor():
    # A label the dictionary cannot resolve is dropped at run time: the model's choice is lost.
    from sitrep.knowledge.classifiers import load_unknown_actor_classifier

    model = load_unknown_actor_classifier()
    assert model is not None
    dictionary = actor_dictionary(2022)
    unresolved = [
        label
        for label in model.classes
        if dictionary.entry(label) is None
        and not any(dictionary.generic(label, country) for country in dictionary.countries)
    ]
    assert unresolved == []


def test_a_clash_with_no_second_side_is_with_the_one_armed_group_the_note_names(code):
    # The group shells a market, then soldiers clash nearby with no one named: the clash's other
    # side is the group the note names (the old code left it unidentified).
    text = (
        "On 3 June 2021, Al Shabaab militants fired mortars at a market in Balad, Middle "
        "Shabelle. Later that day, soldiers clashed near the market."
    )
    clashes = [e for e in code(text, "2021-06-05").events if e.sub_event_type == "Armed clash"]
    assert clashes
    assert {clashes[0].actor1, clashes[0].actor2} == {
        "Military Forces of Somalia (2017-2022)", "Al Shabaab",
    }


def _sole_party_state(names: list[str]) -> tuple[DocState, EventDraft]:
    text = "On 2 May, rebels fired mortars at a village. Later, a clash broke out near the village."
    state = DocState(text=text, published=date(2020, 5, 3), outlet=None)
    for name in names:
        state.actors.append(_mention(state, name))
    at = text.index("clash")
    return state, EventDraft(trigger=state.span(at, at + len("clash")), sentence=1)


@pytest.mark.parametrize(
    ("named", "expected"),
    [
        ([NAF], NAF),
        # two armed groups named: which one fought is not told
        ([NAF, "Al Shabaab"], "Unidentified Armed Group (Ukraine)"),
        # the only group named is the event's other side already
        ([UKRAINE], "Unidentified Armed Group (Ukraine)"),
    ],
)
def test_the_sole_armed_group_named_is_the_unnamed_side(monkeypatch, named, expected):
    monkeypatch.setattr(
        unknown, "load_unknown_actor_classifier", lambda: _Classifier(unknown.DEFAULT)
    )
    state, draft = _sole_party_state(named)
    default = _mention(state, "Unidentified Armed Group (Ukraine)")
    default = ActorMention(default.span, default.actor, "implicit")
    got = unknown.named_unknown(
        state, draft, default, "actor2", actor_dictionary(2020), "Ukraine",
        _mention(state, UKRAINE), sole_party=True,
    )
    assert got is not None
    assert normalise_name(got.actor.name) == normalise_name(expected)


def test_a_state_force_named_alone_is_the_unnamed_side_of_a_group(monkeypatch):
    monkeypatch.setattr(
        unknown, "load_unknown_actor_classifier", lambda: _Classifier(unknown.DEFAULT)
    )
    state, draft = _sole_party_state([UKRAINE])
    default = _mention(state, "Unidentified Armed Group (Ukraine)")
    default = ActorMention(default.span, default.actor, "implicit")
    got = unknown.named_unknown(
        state, draft, default, "actor2", actor_dictionary(2020), "Ukraine",
        _mention(state, NAF), sole_party=True,
    )
    assert got is not None and normalise_name(got.actor.name) == normalise_name(UKRAINE)


def test_a_battles_unnamed_side_of_the_others_kind_gives_way_to_the_one_party_named(monkeypatch):
    # the classifier would repeat the other side's unnamed kind; the note names one armed party
    monkeypatch.setattr(
        unknown, "load_unknown_actor_classifier",
        lambda: _Classifier(GANG, (GANG, 0.8), (unknown.DEFAULT, 0.2)),
    )
    state, draft = _sole_party_state([UKRAINE])
    default = _mention(state, "Unidentified Armed Group (Ukraine)")
    default = ActorMention(default.span, default.actor, "implicit")
    got = unknown.named_unknown(
        state, draft, default, "actor2", actor_dictionary(2020), "Ukraine",
        _mention(state, "Unidentified Gang (Ukraine)"), sole_party=True,
    )
    assert got is not None and normalise_name(got.actor.name) == normalise_name(UKRAINE)


@pytest.mark.parametrize(
    ("named", "expected"),
    [
        # the classifier guesses a gang; the note's one armed party is a gang (inter 3)
        ("B-18: Barrio-18", "B-18: Barrio-18"),
        # ... but a group of another kind (rebels, inter 2) is no gang
        (NAF, "Unidentified Gang (Ukraine)"),
    ],
)
def test_an_unnamed_kind_gives_way_to_the_one_party_of_that_kind(monkeypatch, named, expected):
    monkeypatch.setattr(
        unknown, "load_unknown_actor_classifier",
        lambda: _Classifier(GANG, (GANG, 0.8), (unknown.DEFAULT, 0.2)),
    )
    state, draft = _sole_party_state([named])
    default = _mention(state, "Unidentified Armed Group (Ukraine)")
    default = ActorMention(default.span, default.actor, "implicit")
    got = unknown.named_unknown(
        state, draft, default, "actor2", actor_dictionary(2020), "Ukraine",
        _mention(state, UKRAINE), sole_party=True,
    )
    assert got is not None and normalise_name(got.actor.name) == normalise_name(expected)


def test_territory_taken_without_a_fight_was_the_armys(code):
    # A rebel group took a village and no holder is named: the country's military held it (the
    # old code left actor 2 empty).
    text = ("On 3 March 2022, M23 rebels took control of Kibirizi village (Rutshuru, Nord-Kivu) "
            "without a fight.")
    events = [e for e in code(text, "2022-03-05").events
              if e.sub_event_type == "Non-violent transfer of territory"]
    assert events
    assert events[0].actor2 == "Military Forces of the Democratic Republic of Congo (2019-)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the words call the shooting a gang's: the unnamed attacker is the country's gang
        (
            "On 2 May, a trader was shot and hurt by a stranger in what police called a "
            "gang-related killing attempt near the market.",
            "Unidentified Gang (Ukraine)",
        ),
        (
            "On 2 May, a trader was shot and hurt by a stranger. Officers blamed members of a "
            "criminal group operating near the market.",
            "Unidentified Gang (Ukraine)",
        ),
        # a gang-rape names no gang; no gang word keeps the default
        (
            "On 2 May, a trader was gang-raped by strangers near the market.",
            "Unidentified Armed Group (Ukraine)",
        ),
        (
            "On 2 May, a trader was shot and hurt by a stranger near the market.",
            "Unidentified Armed Group (Ukraine)",
        ),
    ],
)
def test_an_unnamed_side_in_violence_called_a_gangs_is_a_gang(monkeypatch, text, expected):
    # the classifier keeps the default; the words name the kind of group
    monkeypatch.setattr(
        unknown, "load_unknown_actor_classifier", lambda: _Classifier(unknown.DEFAULT)
    )
    state = DocState(text=text, published=date(2020, 5, 3), outlet=None)
    at = text.index("by")
    draft = EventDraft(trigger=state.span(at, at + 2), sentence=0)
    default = _mention(state, "Unidentified Armed Group (Ukraine)")
    got = unknown.named_unknown(
        state, draft, default, "actor1", actor_dictionary(2020), "Ukraine"
    )
    assert got is not None and normalise_name(got.actor.name) == normalise_name(expected)


@pytest.mark.parametrize(
    ("text", "country", "expected"),
    [
        # the words call the fight a clan's or a tribe's: the unnamed side is that kind
        (
            "On 2 May, a herder was shot dead by a stranger. Elders said the killing grew out "
            "of an old clan feud over grazing land.",
            "Somalia",
            "Unidentified Clan Militia (Somalia)",
        ),
        (
            "On 2 May, a herder was shot dead by unknown tribal gunmen on the road to the well.",
            "Yemen",
            "Unidentified Tribal Militia (Yemen)",
        ),
        # a victim's clan names no doer
        (
            "On 2 May, a herder from a small clan was shot dead by a stranger near the well.",
            "Somalia",
            "Unidentified Armed Group (Somalia)",
        ),
        # a group the dictionary names is that group, not a kind
        (
            "On 2 May, a herder was shot dead by a stranger where Gulf Clan militiamen roam.",
            "Colombia",
            "Unidentified Armed Group (Colombia)",
        ),
    ],
)
def test_an_unnamed_side_in_a_clan_or_tribal_fight_is_that_kind(
    monkeypatch, text, country, expected
):
    monkeypatch.setattr(
        unknown, "load_unknown_actor_classifier", lambda: _Classifier(unknown.DEFAULT)
    )
    state = DocState(text=text, published=date(2020, 5, 3), outlet=None)
    dictionary = actor_dictionary(2020)
    if "Gulf Clan" in text:
        at = text.index("Gulf Clan")
        entry = dictionary.entry("Gulf Clan")
        assert entry is not None
        state.actors.append(
            ActorMention(
                state.span(at, at + 9),
                Actor(entry.name, entry.inter, entry.country, entry.parent, "Gulf Clan"),
                "org",
            )
        )
    at = text.index("by")
    draft = EventDraft(trigger=state.span(at, at + 2), sentence=0)
    default = _mention(state, f"Unidentified Armed Group ({country})")
    got = unknown.named_unknown(state, draft, default, "actor1", dictionary, country)
    assert got is not None and normalise_name(got.actor.name) == normalise_name(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fighters of the Zomi Liberation Army attacked a police post in Tedim, Chin state, on "
         "Sunday, killing three policemen.", "Zomi Liberation Army"),
        ("The Chinland Defence Army ambushed a police patrol in Tedim, Chin state, on Sunday, "
         "killing three policemen.", "Chinland Defence Army"),
        # an army its state's name or demonym owns is still that state's
        ("The Pakistan Army clashed with militants in Kalat on Sunday, killing three.",
         "Military Forces of Pakistan (2022-)"),
        ("The Royal Thai Army clashed with insurgents in Narathiwat on Sunday, killing three.",
         "Military Forces of Thailand (2019-)"),
    ],
)  # fmt: skip
def test_an_army_a_group_names_itself_is_not_the_states(code, text, expected):
    (event,) = code(text, "2024-08-26").events
    assert event.actor1 == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # words calling the unnamed attackers a community's armed men: a communal militia (4)
        ("On 4 March 2023, armed herders attacked two farmers near Kutum in North Darfur state, "
         "killing one of them.", ("Unidentified Communal Militia (Sudan)", 4)),
        ("On 9 March 2023, two armed families exchanged fire in the town of Jasim in Daraa, "
         "Syria, after a quarrel.", ("Unidentified Communal Militia (Syria)", 4)),
        # the militia is whom the gunmen fought, not who they are
        ("On 6 March 2023, unidentified gunmen raided a village in Zamfara state, Nigeria, and "
         "clashed with a local militia, killing four.", ("Unidentified Armed Group (Nigeria)", 3)),
    ],
)  # fmt: skip
def test_unnamed_attackers_called_a_communitys_armed_men_are_a_communal_militia(
    code, text, expected
):
    (event,) = code(text, "2023-03-12").events
    assert (event.actor1, event.inter1) == expected
