"""The taxonomy table: ACLED's types and sub-types spelled exactly, with PLOVER and CAMEO codes."""

from __future__ import annotations

import io

import numpy as np
import pytest

from sitrep.extract.events.triggers import lexicon
from sitrep.knowledge import taxonomy
from sitrep.knowledge.loader import read_bytes

ACLED = [
    ("Battles", "Armed clash", "Political violence"),
    ("Battles", "Government regains territory", "Political violence"),
    ("Battles", "Non-state actor overtakes territory", "Political violence"),
    ("Explosions/Remote violence", "Chemical weapon", "Political violence"),
    ("Explosions/Remote violence", "Air/drone strike", "Political violence"),
    ("Explosions/Remote violence", "Suicide bomb", "Political violence"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "Political violence"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED", "Political violence"),
    ("Explosions/Remote violence", "Grenade", "Political violence"),
    ("Violence against civilians", "Sexual violence", "Political violence"),
    ("Violence against civilians", "Attack", "Political violence"),
    ("Violence against civilians", "Abduction/forced disappearance", "Political violence"),
    ("Protests", "Peaceful protest", "Demonstrations"),
    ("Protests", "Protest with intervention", "Demonstrations"),
    ("Protests", "Excessive force against protesters", "Political violence; Demonstrations"),
    ("Riots", "Violent demonstration", "Demonstrations"),
    ("Riots", "Mob violence", "Political violence"),
    ("Strategic developments", "Agreement", "Strategic developments"),
    ("Strategic developments", "Arrests", "Strategic developments"),
    ("Strategic developments", "Change to group/activity", "Strategic developments"),
    ("Strategic developments", "Disrupted weapons use", "Strategic developments"),
    ("Strategic developments", "Headquarters or base established", "Strategic developments"),
    ("Strategic developments", "Looting/property destruction", "Strategic developments"),
    ("Strategic developments", "Non-violent transfer of territory", "Strategic developments"),
    ("Strategic developments", "Other", "Strategic developments"),
]


def test_exactly_acleds_25_sub_types_in_codebook_order():
    assert taxonomy.sub_event_types() == tuple(sub for _, sub, _ in ACLED)


@pytest.mark.parametrize(("event_type", "sub", "disorder"), ACLED)
def test_each_sub_type_has_type_disorder_plover_and_cameo(event_type, sub, disorder):
    cat = taxonomy.category(sub)
    assert (cat.event_type, cat.disorder_type, cat.acled_codable) == (event_type, disorder, True)
    assert cat.plover and len(cat.cameo) == 2 and cat.cameo_code.startswith(cat.cameo)
    assert cat.rule


@pytest.mark.parametrize(
    ("key", "cameo"), [("THREATEN", "13"), ("ACCUSE", "11"), ("REQUEST", "10")]
)
def test_statements_are_not_acled_codable(key, cameo):
    cat = taxonomy.category(key)
    assert (cat.event_type, cat.sub_event_type, cat.acled_codable, cat.cameo) == (
        None,
        None,
        False,
        cameo,
    )


@pytest.mark.parametrize(
    ("sub", "plover"),
    [
        ("Change to group/activity", "MOBILIZE"),
        ("Air/drone strike", "ASSAULT"),
        ("Peaceful protest", "PROTEST"),
        ("Arrests", "COERCE"),
        ("Agreement", "AGREE"),
    ],
)
def test_plover_mapping(sub, plover):
    assert taxonomy.category(sub).plover == plover


def test_unknown_key_names_the_file():
    with pytest.raises(Exception, match="taxonomy.csv"):
        taxonomy.category("Skirmish")


def test_trigger_lexicon_candidates_are_taxonomy_keys():
    lex = lexicon()  # validation on load raises on an unknown sub-type
    assert "Change to group/activity" in lex.lemmas["drill"][0].candidates
    assert {"frame", "campaign", "support", "tally", "speech"} <= set(lex.cues)


def test_classifier_file_is_plain_arrays_over_taxonomy_labels():
    # allow_pickle=False: loading the model can never run code.
    with np.load(io.BytesIO(read_bytes("event_classifier.npz")), allow_pickle=False) as npz:
        classes = set(npz["classes"].tolist())
        assert npz["coef"].shape[0] == len(classes)
    assert classes <= set(taxonomy.sub_event_types())
    assert len(read_bytes("event_classifier.npz")) < 5_000_000
