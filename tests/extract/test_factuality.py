"""Modality of event triggers from cues in their dependency scope, on real sentence shapes."""

from __future__ import annotations

import re

import pytest

from sitrep.extract.state import DocState, EventDraft
from sitrep.extract.statements.factuality import assign_modality, modality_of, trigger_token
from sitrep.nlp.model import load_nlp
from sitrep.nlp.segment import segment
from sitrep.records import MODALITIES


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def state_with_draft(nlp, text: str, trigger: str, **draft_fields) -> tuple[DocState, EventDraft]:
    """A parsed one-document state and a draft on the first whole-word match of `trigger`."""
    state = DocState(text=text, published=None, outlet=None, doc=nlp(text))
    segment(state)
    m = re.search(rf"(?<!\w){re.escape(trigger)}(?!\w)", text)
    assert m, f"{trigger!r} not in {text!r}"
    draft = EventDraft(
        trigger=state.span(m.start(), m.end()),
        sentence=state.sentence_of(m.start()),
        **draft_fields,
    )
    state.events.append(draft)
    return state, draft


# The example article's traps (almayadeen-2023-12-09-us-drills-syria.txt in ../shared/corpus),
# read from the article at test time: (a few words of the sentence, trigger word, modality).
EXAMPLE_TRAPS = [
    ("the US fears ground operations", "operations", "feared"),
    ("as a precaution against any", "attacks", "feared"),
    ("as a precaution against any", "drills", "occurred"),
    ("in one day only", "operations", "claimed"),
    ("conducted live ammunition exercises", "exercises", "occurred"),
    ("Blue Arrow", "exercises", "occurred"),
    ("simulate responding", "attacks", "hypothetical"),
    ("simulate responding", "responding", "simulated"),
    ("simulate responding", "attacking", "simulated"),
    ("fears ground attacks", "attacks", "feared"),
    ("fears ground attacks", "capture", "feared"),
    ("conducting exercises simulating", "attacks", "simulated"),
    ("conducting exercises simulating", "exercises", "occurred"),
    ("the landing of a new cargo plane", "landing", "occurred"),
    ("the landing of a new cargo plane", "transport", "planned"),
    ("until the last soldier is expelled", "operations", "planned"),
    ("Any foolishness", "operations", "threatened"),
    ("Since October 18", "targeted", "occurred"),
]

# (sentence, trigger word, expected modality), in sentences written for the project.
MODALITY_TABLE = [
    # --- claimed by the perpetrator
    (
        "Islamic State claimed responsibility for the bombing in a statement posted online.",
        "bombing",
        "claimed",
    ),
    ("The group took responsibility for the attack on the checkpoint.", "attack", "claimed"),
    ("IS claimed the attack through its Amaq news agency.", "attack", "claimed"),
    (
        (
            "The Islamic Resistance in Iraq said it had launched a drone attack on "
            "the Ain al-Asad base."
        ),
        "attack",
        "claimed",
    ),
    ("The HPG said its fighters carried out a raid on a Turkish outpost.", "raid", "claimed"),
    ("The PKK announced that it carried out an attack on a military convoy.", "attack", "claimed"),
    ("Hezbollah said it targeted an Israeli position with guided missiles.", "targeted", "claimed"),
    ("The group announced launching a series of strikes on the airport.", "strikes", "claimed"),
    ("The ministry said that rebels attacked the village at dawn.", "attacked", "occurred"),
    # the doer's own voice, named after the deed
    ("Rebels shelled an army post near the river, the group said.", "shelled", "claimed"),
    ("Rebels shelled an army post near the river, their spokesman said.", "shelled", "claimed"),
    (
        "Rebels targeted two tankers with drones, the group's military spokesman Ali Hamid said.",
        "targeted",
        "claimed",
    ),
    ("Rebels shelled an army post near the river, the army's spokesman said.", "shelled",
     "occurred"),
    ("Rebels shelled an army post near the river, the monitoring group said.", "shelled",
     "occurred"),
    ("Witnesses said they saw an airstrike hit the market.", "airstrike", "occurred"),
    # --- denied
    ("The group denied any involvement in the attack on the convoy.", "attack", "denied"),
    ("Turkey denied carrying out the strike on the village.", "strike", "denied"),
    ("The SDF denied responsibility for the shelling of the town.", "shelling", "denied"),
    ("Ankara denied that its jets had bombed the camp.", "bombed", "denied"),
    # --- planned / future
    ("The exercises will last for several days.", "exercises", "planned"),
    (
        "Officials said the operation will continue until the area is secured.",
        "operation",
        "planned",
    ),
    ("The army plans to launch an offensive on the city next week.", "offensive", "planned"),
    (
        "Turkish forces are set to begin a ground operation in northern Syria.",
        "operation",
        "planned",
    ),
    ("The coalition is preparing an assault on the last IS stronghold.", "assault", "planned"),
    ("The army will deploy additional troops to the border.", "deploy", "planned"),
    ("Protesters intend to march to the parliament on Friday.", "march", "planned"),
    (
        "The ministry announced an upcoming military exercise near the border.",
        "exercise",
        "planned",
    ),
    ("Government forces are expected to storm the town within days.", "storm", "planned"),
    # --- threatened
    (
        "The militia threatened to attack US bases if Washington did not withdraw.",
        "attack",
        "threatened",
    ),
    (
        "Kata'ib Hezbollah warned of a strong response against American forces.",
        "response",
        "threatened",
    ),
    ("The group vowed to avenge the killing with new attacks.", "attacks", "threatened"),
    ("Any aggression will be met with a decisive response.", "response", "threatened"),
    ("The commander pledged to continue strikes on the enemy positions.", "strikes", "threatened"),
    # --- simulated / hypothetical
    ("Troops took part in a drill simulating an assault on the base.", "assault", "simulated"),
    ("The exercise involved mock raids on enemy positions.", "raids", "simulated"),
    ("Soldiers rehearsed the storming of a fortified village.", "storming", "simulated"),
    ("Forces held training on repelling attacks by armed groups.", "attacks", "simulated"),
    (
        "If the militia attacks the base, the US would respond with force.",
        "respond",
        "hypothetical",
    ),
    (
        "If the militia attacks the base, the US would respond with force.",
        "attacks",
        "hypothetical",
    ),
    ("The plan covers a possible attack on the embassy.", "attack", "hypothetical"),
    ("An escalation could lead to a wider war in the region.", "war", "hypothetical"),
    ("Officials discussed potential strikes on the facilities.", "strikes", "hypothetical"),
    # --- feared
    ("Residents fear new airstrikes on the town.", "airstrikes", "feared"),
    ("Shops closed as a precaution against possible attacks.", "attacks", "hypothetical"),
    ("Security was tightened amid concern over renewed clashes in the city.", "clashes", "feared"),
    (
        "The base was placed on alert in anticipation of attacks by the militias.",
        "attacks",
        "feared",
    ),
    ("Many families fled, fearing an offensive by government forces.", "offensive", "feared"),
    # --- negated
    ("There were no casualties in the attack, police said.", "casualties", "negated"),
    ("No attacks were reported in the area on Sunday.", "attacks", "negated"),
    ("The drone did not target the base, the army said.", "target", "negated"),
    ("The army denied reports of an attack on its positions.", "attack", "negated"),
    ("Officials dismissed reports of clashes near the airport.", "clashes", "negated"),
    ("The militants never attacked the town, residents said.", "attacked", "negated"),
    ("The coalition did not carry out any strikes in the area.", "strikes", "negated"),
    ("The convoy passed without incident.", "incident", "negated"),
    # --- occurred: cues nearby but not in scope
    ("Despite fears of escalation, the army shelled the village on Monday.", "shelled", "occurred"),
    (
        "The attack, which residents had feared for weeks, killed three people.",
        "attack",
        "occurred",
    ),
    ("Police said the attack did not cause any casualties.", "attack", "occurred"),
    ("Gunmen attacked a checkpoint in Kirkuk, killing two policemen.", "attacked", "occurred"),
    (
        "An airstrike hit a hospital in Aleppo on Wednesday, the observatory said.",
        "airstrike",
        "occurred",
    ),
    ("The army launched an offensive that it says will last weeks.", "offensive", "occurred"),
    ("The strike may have been a response to the attack on the base.", "strike", "occurred"),
    ("Protesters stormed the Green Zone and demanded reforms.", "stormed", "occurred"),
    ("A motive for the demonstration was not given.", "demonstration", "occurred"),
    (
        "A motive for the attack was not given, and no casualties were recorded.",
        "attack",
        "occurred",
    ),
    ("The army did not try to storm the town.", "storm", "negated"),
]


@pytest.mark.parametrize(("sentence", "trigger", "expected"), MODALITY_TABLE)
def test_modality_table(nlp, sentence, trigger, expected):
    state, draft = state_with_draft(nlp, sentence, trigger)
    assign_modality(state)
    assert draft.modality == expected


@pytest.fixture(scope="module")
def example_sentences(nlp, example_path) -> list[str]:
    from sitrep.ingest.text import read_text

    raw = read_text(example_path.read_text(encoding="utf-8"))
    state = DocState(text=raw.text, published=None, outlet=None, doc=nlp(raw.text))
    segment(state)
    return [s.text for s in state.sentences]


@pytest.mark.parametrize(("words", "trigger", "expected"), EXAMPLE_TRAPS)
def test_modality_in_the_example_article(nlp, example_sentences, words, trigger, expected):
    (sentence,) = [s for s in example_sentences if words in s]
    state, draft = state_with_draft(nlp, sentence, trigger)
    assign_modality(state)
    assert draft.modality == expected


def test_every_modality_the_contract_names_is_assigned(nlp):
    assigned = set()
    for sentence, trigger, _ in MODALITY_TABLE:
        state, draft = state_with_draft(nlp, sentence, trigger)
        assign_modality(state)
        assigned.add(draft.modality)
    assert assigned == set(MODALITIES)


@pytest.mark.parametrize(
    ("first", "expected"),
    [
        ("Rebels shelled a depot, the group's spokesman Ali Hamid said.", "claimed"),
        ("Rebels shelled a depot, the analyst Ali Hamid said.", "occurred"),
    ],
)
def test_a_spokesman_named_again_still_speaks_for_the_group(nlp, first, expected):
    text = first + " Hamid said the group also struck a tanker off the coast."
    state, draft = state_with_draft(nlp, text, "struck")
    assign_modality(state)
    assert draft.modality == expected


def test_threat_statement_is_threatened_whatever_its_verb(nlp):
    state, draft = state_with_draft(
        nlp,
        "Abu Hussein al-Hamidawi confirmed that the operations will go on.",
        "confirmed",
        plover="THREATEN",
        acled_codable=False,
    )
    assign_modality(state)
    assert draft.modality == "threatened"


def test_cue_offsets_are_recorded(nlp):
    text = "Residents fear new airstrikes on the town."
    state, draft = state_with_draft(nlp, text, "airstrikes")
    assign_modality(state)
    start, end = draft.extra["modality_cue"]
    assert text[start:end] == "fear"


def test_no_parse_no_crash():
    state = DocState(text="An attack.", published=None, outlet=None, doc=None)
    state.events.append(EventDraft(trigger=state.span(3, 9), sentence=0))
    assign_modality(state)
    assert state.events[0].modality == "occurred"


def test_multiword_trigger_uses_its_head(nlp):
    state, draft = state_with_draft(
        nlp, "Residents fear a drone attack on the town.", "drone attack"
    )
    assert trigger_token(state, draft.trigger).text == "attack"
    assert modality_of(trigger_token(state, draft.trigger)).modality == "feared"
