"""Who says so: sources from reporting verbs and their subjects, across sentences and quotes."""

from __future__ import annotations

import re

import pytest
from drafts import parsed

from sitrep.extract.state import ActorMention, EventDraft, TallyDraft
from sitrep.extract.statements.attribution import attribute_sources, sentence_sources
from sitrep.nlp.model import load_nlp
from sitrep.records import Actor, Source


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


SOURCE_TABLE = [
    (
        "Informed sources told Sky News Arabia that the coalition had moved troops.",
        Source("informed sources", "anonymous"),
    ),
    ("The ministry said that rebels attacked the village at dawn.", Source("ministry", "official")),
    (
        "SOHR reported clashes between the SDF and IS cells in Deir ez Zor.",
        Source("SOHR", "monitor"),
    ),
    (
        "The Syrian Observatory for Human Rights said air strikes killed 27 people.",
        Source("Syrian Observatory for Human Rights", "monitor"),
    ),
    ("Police said a roadside bomb exploded near a patrol.", Source("police", "official")),
    ("Witnesses said the gunmen fled towards the desert.", Source("witnesses", "witness")),
    ("Residents told Reuters that the shelling lasted all night.", Source("residents", "witness")),
    ("HPG reported that its fighters clashed with Turkish forces.", Source("HPG", "party")),
    ("Source reported that a drone struck a car near Qamishli.", Source("source", "anonymous")),
    (
        "At least four people were killed, hospital sources said on Saturday.",
        Source("hospital sources", "anonymous"),
    ),
    (
        "According to local residents, the militants withdrew on Monday.",
        Source("local residents", "witness"),
    ),
    (
        "A Syrian military source said the air force had not taken part in the raid.",
        Source("Syrian military source", "anonymous"),
    ),
    (
        (
            "This morning, a senior commander of the Iraqi Hezbollah Brigades, Abu "
            "Hussein al-Hamidawi, confirmed, in a statement posted on Telegram, that the "
            "operations will go on."
        ),
        Source("Abu Hussein al-Hamidawi", "party", "Telegram"),
    ),
    (
        "The group said in a post on its Telegram channel that it had shelled the base.",
        Source("group", "party", "Telegram"),
    ),
    ("A rescue worker said the building collapsed.", Source("rescue worker", "witness")),
]


@pytest.mark.parametrize(("sentence", "expected"), SOURCE_TABLE)
def test_source_of_a_sentence(nlp, sentence, expected):
    assert sentence_sources(parsed(nlp, sentence)).get(0) == [expected]


def test_coordinated_speakers_are_two_sources(nlp):
    text = "Syrian state TV and a monitoring group reported that the army had retaken Tal Jabin."
    assert sentence_sources(parsed(nlp, text))[0] == [
        Source("Syrian state TV", "outlet"),
        Source("monitoring group", "monitor"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The attack claimed 49 lives.",
        "The shelling of the town continued on Monday.",
        "Live ammunition exercises were held at the Qasrak and Tell Baidar bases.",
        "The sources of the river are in Turkey.",
    ],
)
def test_no_source(nlp, sentence):
    assert sentence_sources(parsed(nlp, sentence)) == {}


def test_sources_carry_across_sentences_and_quotes(nlp):
    text = (
        "Informed sources told Asharq Al-Awsat that the army held manoeuvres.\n"
        "They added that the manoeuvres will go on for a week.\n"
        'The goal is to "rehearse a response to imagined raids."\n'
        "The sources revealed that the government fears a ground offensive.\n"
        "Army helicopters flew over the town.\n"
        "The sources also disclosed that a transport plane landed at the airport.\n"
    )
    state = parsed(nlp, text)
    sources = sentence_sources(state)
    informed = [Source("informed sources", "anonymous")]
    by_line = [sources.get(state.sentence_of(text.index(line))) for line in text.splitlines()]
    assert by_line == [informed, informed, informed, informed, None, informed]


def test_surname_refers_back_to_the_named_speaker(nlp):
    text = (
        "A senior commander of the Iraqi Hezbollah Brigades, Abu Hussein al-Hamidawi, "
        "said in a statement on Telegram that attacks would go on.\n"
        "Al-Hamidawi added that the coming weeks will decide the response.\n"
    )
    sources = sentence_sources(parsed(nlp, text))
    assert sources[1] == [Source("Abu Hussein al-Hamidawi", "party", "Telegram")]


def test_actor_dictionary_names_and_types_the_speaker(nlp):
    text = "With the Resistance announcing it had carried out 9 operations on Tuesday."
    state = parsed(nlp, text)
    start = text.index("the Resistance")
    state.actors.append(
        ActorMention(state.span(start, start + 14), Actor("Islamic Resistance in Iraq", 3, "Iraq"))
    )
    assert sentence_sources(state)[0] == [Source("Islamic Resistance in Iraq", "party")]


def test_drafts_get_their_sentence_sources(nlp):
    text = (
        "Informed sources told Al Mayadeen that a cargo plane landed at the Kharab al-Jir base.\n"
        "US helicopters flew over the city.\n"
        "They noted that this shipment is the third to be airlifted in two weeks.\n"
    )
    state = parsed(nlp, text)
    landing = EventDraft(
        trigger=state.span(text.index("landed"), text.index("landed") + 6), sentence=0
    )
    flight = EventDraft(trigger=state.span(text.index("flew"), text.index("flew") + 4), sentence=1)
    batch = TallyDraft(
        trigger=state.span(text.index("shipment"), text.index("shipment") + 8),
        sentence=2,
        counted="batch",
    )
    state.events = [landing, flight]
    state.tallies = [batch]
    attribute_sources(state)
    assert landing.sources == [Source("informed sources", "anonymous")]
    assert flight.sources == []  # the assembler names the outlet
    assert batch.sources == [Source("informed sources", "anonymous")]


def test_example_threat_is_sourced_to_its_speaker(example_doc):
    threats = [e for e in example_doc.events if e.plover == "THREATEN"]
    assert threats
    for threat in threats:
        assert Source("Abu Ali al-Askari", "party", "Telegram") in threat.sources
        assert threat.modality == "threatened"


def test_example_exercises_and_airlift_are_sourced_to_informed_sources(example_doc):
    informed = Source("informed sources", "anonymous")
    landing = [
        e for e in example_doc.events if re.search(r"landing", " ".join(s.text for s in e.evidence))
    ]
    assert landing and all(informed in e.sources for e in landing)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A possessor that names a place keeps it; one that does not drops, its "'s" with it.
        (
            "Three men were hurt, according to Ruritania's provincial security council.",
            "Ruritania's provincial security council",
        ),
        ("Two children were among the dead, according to the town's main hospital.",
         "main hospital"),
    ],
)
def test_a_possessed_source_keeps_a_named_possessor_and_no_stray_apostrophe(
    nlp, sentence, expected
):
    (source,) = sentence_sources(parsed(nlp, sentence)).get(0, [])
    assert source.name == expected


def test_a_day_before_the_reporting_verb_is_no_source(nlp):
    text = "The farmers on Tuesday stressed their demands for lower fuel prices."
    assert all(
        s.name != "Tuesday" for sources in sentence_sources(parsed(nlp, text)).values()
        for s in sources
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A news publisher quoted as the source is an outlet, not an official (stop 32).
        ("Two rockets fell near the harbour on Monday, the BBC reported.", Source("BBC", "outlet")),
        (
            "A drone hit a fuel depot outside the town, The New York Times said.",
            Source("New York Times", "outlet"),
        ),
        (
            "Gunmen burned a checkpoint near the river, a news outlet said.",
            Source("news outlet", "outlet"),
        ),
        # A longer known phrase ending in the head decides over the bare word: a civil defence
        # agency is no news agency.
        (
            "Ruritania's civil defence agency said a strike flattened a bakery on Friday.",
            Source("Ruritania's civil defence agency", "witness"),
        ),
        # A party's own word for itself decides over the words before it.
        (
            "Northern armed groups said they had fired on the convoy at dawn.",
            Source("northern armed groups", "party"),
        ),
        # A statement, report or website speaks for whoever issued it.
        (
            "Shells hit the depot, according to a statement from Ostrava Operations Command.",
            Source("Ostrava Operations Command", "official"),
        ),
        (
            "Four shells hit the market on Sunday, according to a Reuters report.",
            Source("Reuters", "outlet"),
        ),
    ],
)
def test_outlets_agencies_parties_and_issuers_are_typed_and_named(nlp, sentence, expected):
    sources = sentence_sources(parsed(nlp, sentence)).get(0, [])
    assert expected in sources


def test_a_dateline_in_capitals_is_no_source(nlp):
    text = "DRAVIK, May 4 -- Ruritania said on Thursday that it had agreed to a ceasefire."
    names = [s.name for found in sentence_sources(parsed(nlp, text)).values() for s in found]
    assert names == ["Ruritania"]
