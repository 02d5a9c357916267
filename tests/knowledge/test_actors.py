"""The actor dictionary: names per year, inter codes, generated per-country rows, aliases."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.extract.actors.mentions import alias_matcher
from sitrep.knowledge.actors import (
    actor_dictionary,
    crime_hallmarks,
    front_line_holders,
    is_case_sensitive,
    match_form,
    normalise_name,
)


@pytest.fixture(scope="module")
def d2020():
    return actor_dictionary(2020)


@pytest.mark.parametrize(
    ("country", "branch", "year", "name"),
    [
        ("Syria", "military", 2020, "Military Forces of Syria (2000-2024)"),
        ("Syria", "military", 2025, "Military Forces of Syria (2024-)"),
        ("Turkey", "police", 2020, "Police Forces of Turkey (2016-)"),
        ("Yemen", "military", 2020, "Military Forces of Yemen (2012-)"),
        ("United States", "military", 2023, "Military Forces of the United States"),
        ("Israel", "military", 2023, "Military Forces of Israel (2022-)"),
        # ACLED codes the soldiers in Palestine as Israel's.
        ("Palestine", "military", 2020, "Military Forces of Israel (2009-2021)"),
        ("Iran", "government", 2020, "Government of Iran (1989-)"),
        ("Mexico", "military", 2020, "Military Forces of Mexico (2018-2024)"),
        ("Italy", "police", 2022, "Police Forces of Italy (2018-)"),
    ],
)
def test_state_names_follow_acled_and_the_year(country, branch, year, name):
    assert actor_dictionary(year).state_name(country, branch) == name


@pytest.mark.parametrize(
    ("country", "when", "suffix"),
    [
        # A government change inside a year: the name changes on its date.
        ("Pakistan", date(2022, 4, 10), " (2018-2022)"),
        ("Pakistan", date(2022, 4, 11), " (2022-)"),
        ("Syria", date(2024, 3, 1), " (2000-2024)"),
        ("Syria", date(2024, 12, 20), " (2024-)"),
        ("Afghanistan", date(2016, 6, 1), " (2014-2021)"),
        ("Afghanistan", date(2021, 9, 1), " (2021-)"),
        ("Iraq", date(2016, 6, 1), " (2014-2018)"),
        ("Iraq", date(2005, 6, 1), " (2006-2014)"),  # before the first period: the first
    ],
)
def test_regime_suffix_on_a_date(country, when, suffix):
    from sitrep.knowledge.actors import _read_countries

    assert _read_countries()[country].suffix(when) == suffix


@pytest.mark.parametrize(
    ("name", "inter", "country"),
    [
        ("Civilians (Syria)", 7, "Syria"),
        ("Protesters (Lebanon)", 6, "Lebanon"),
        ("Rioters (Lebanon)", 5, "Lebanon"),
        ("Unidentified Armed Group (Yemen)", 3, "Yemen"),
        ("Islamic State (Iraq)", 2, "Iraq"),
        ("Kata'ib Hezbollah", 3, "Iraq"),
        ("Hezbollah", 3, "Lebanon"),
        ("QSD: Syrian Democratic Forces", 2, "Syria"),
        ("Operation Restoring Hope", 8, "Yemen"),
        ("Global Coalition Against Daesh", 8, None),
        ("Military Forces of Yemen (2016-) Supreme Political Council", 1, "Yemen"),
        ("Labour Group (Iran)", None, "Iran"),
    ],
)
def test_inter_codes_and_countries(d2020, name, inter, country):
    entry = d2020.entry(name)
    assert entry is not None, name
    assert (entry.inter, entry.country) == (inter, country)


def test_entry_lookup_ignores_year_suffix_and_case(d2020):
    assert d2020.entry("military forces of syria").name == "Military Forces of Syria (2000-2024)"
    assert (
        d2020.entry("Military Forces of Syria (2000-)").name
        == "Military Forces of Syria (2000-2024)"
    )
    assert d2020.entry("No Such Actor") is None


def test_umbrella_parents(d2020):
    assert d2020.entry("Kata'ib Hezbollah").parent == "Islamic Resistance in Iraq"
    assert d2020.entry("YPG: Peoples Protection Units").parent == "QSD: Syrian Democratic Forces"
    gendarmerie = d2020.entry("Military Forces of Turkey (2016-) Gendarmerie")
    assert gendarmerie.parent == "Military Forces of Turkey (2016-)"


def test_a_state_unit_row_is_made_for_every_country(d2020):
    # "{police} Prison Guards" names each country's own unit, a state force of that country.
    for name, country in [
        ("Police Forces of Belarus (1994-) Prison Guards", "Belarus"),
        ("Police Forces of Peru (2018-) Prison Guards", "Peru"),
    ]:
        entry = d2020.entry(name)
        assert entry is not None, name
        assert (entry.inter, entry.country, entry.kind) == (1, country, "police")


@pytest.mark.parametrize(
    ("actor", "event_country", "inter"),
    [
        ("Military Forces of Turkey (2016-)", "Syria", 8),
        ("Military Forces of Turkey (2016-)", "Turkey", 1),
        ("Military Forces of Israel (2009-)", "Palestine", 8),
        ("Hezbollah", "Syria", 3),
        ("Military Forces of Syria (2000-)", None, 1),
    ],
)
def test_state_forces_abroad_are_external(d2020, actor, event_country, inter):
    assert d2020.inter_for(d2020.entry(actor), event_country) == inter


@pytest.mark.parametrize(
    ("alias", "loaded"),
    [
        ("US occupation", True),
        ("Zionist entity", True),
        ("American enemy", True),
        ("Houthi militia", True),
        ("Iraqi Hezbollah Brigades", False),
        ("International Coalition", False),
        ("QSD", False),
    ],
)
def test_partisan_aliases_are_flagged(d2020, alias, loaded):
    rows = [a for a in d2020.aliases if a.alias == alias]
    assert rows, alias
    assert all(a.loaded == loaded for a in rows)


def test_every_alias_has_a_source_and_resolves(d2020):
    for alias in d2020.aliases:
        assert alias.source, alias
        country = next(iter(alias.context), "Syria")
        assert d2020.resolve(alias, country) is not None, alias


def test_no_alias_has_two_readings_in_the_same_context(d2020):
    seen: dict[tuple[str, frozenset[str], bool], str] = {}
    for a in d2020.aliases:
        if a.generated or a.state:
            continue
        key = (match_form(a.alias, is_case_sensitive(a.alias)), a.context, a.state)
        assert seen.setdefault(key, a.name) == a.name, (
            f"{a.alias!r} has two readings for {set(a.context)}"
        )


def test_demonym_patterns_expand_per_country(d2020):
    turkish = [a for a in d2020.aliases if a.alias == "Turkish forces"]
    assert [d2020.resolve(a, None).name for a in turkish] == ["Military Forces of Turkey (2016-)"]


def test_state_patterns_expand_per_country_name(d2020):
    of_turkey = [a for a in d2020.aliases if a.alias == "military forces of Turkey"]
    assert [d2020.resolve(a, None).name for a in of_turkey] == ["Military Forces of Turkey (2016-)"]
    of_ankara = [a for a in d2020.aliases if a.alias == "police of Ankara"]
    assert [d2020.resolve(a, None).name for a in of_ankara] == ["Police Forces of Turkey (2016-)"]


@pytest.mark.parametrize(
    ("name", "normalised"),
    [
        ("Military Forces of Syria (2000-)", "military forces of syria"),
        ("QSD: Syrian Democratic Forces", "qsd syrian democratic forces"),
        ("Kata'ib Hezbollah", "kata ib hezbollah"),
        (
            "Military Forces of Yemen (2012-) Security Belt Forces",
            "military forces of yemen security belt forces",
        ),
    ],
)
def test_normalise_name(name, normalised):
    assert normalise_name(name) == normalised


@pytest.mark.parametrize(
    "text", ["pro-Houthi forces", "Kata’ib Hezbollah", "İstanbul police", "US-led coalition"]
)
def test_match_form_keeps_offsets(text):
    assert len(match_form(text)) == len(text)


@pytest.mark.parametrize(
    ("alias", "sensitive"),
    [
        ("IS", True),
        ("PKK", True),
        ("SDF/PKK", True),
        ("Hamas", False),
        ("US forces", False),
        ("LeT", True),
        ("AGuH", True),
        ("IDPs", False),
        ("eSwatini", False),
    ],
)
def test_acronyms_match_in_capitals_only(alias, sensitive):
    assert is_case_sensitive(alias) is sensitive


def test_mixed_case_acronyms_do_not_match_ordinary_words():
    matcher = alias_matcher(2021)
    assert not matcher.find("The guards would not let the men pass the gate.")
    found = matcher.find("Police said LeT gunmen opened fire on the post.")
    assert any("Lashkar" in e.name for m in found for e in m.entries)


def test_front_line_places_name_the_side_holding_them():
    text = "The OSCE team heard 4 blasts near Zolote-5, then 2 near Zolote and one near Horlivka."
    assert front_line_holders(text, "Ukraine") == ["rebel", "state", "rebel"]
    # Only in a text of the mission reporting on that front line.
    assert front_line_holders("Shells fell near Zolote and Horlivka.", "Ukraine") == []
    assert front_line_holders(text, "Russia") == []


@pytest.mark.parametrize(
    ("text", "hallmark"),
    [
        ("A trader was found shot with his hands tied behind his back.", True),
        ("Gunmen in a pickup carried out a drive-by on a taxi stand.", True),
        ("The victim had been dismembered and left beside a road.", True),
        ("A note was left on the body.", False),
        ("A militia tied to the ruling party fired on a rally.", False),
        ("Two armed men shot a shopkeeper in the market.", False),
    ],
)
def test_crime_hallmarks(text, hallmark):
    assert bool(crime_hallmarks().search(text)) is hallmark


def test_unknown_actor_text_marks_a_crime_hallmark_per_country():
    from sitrep.knowledge.classifiers import unknown_actor_text

    text = "A farmer was found handcuffed by a canal."
    words = unknown_actor_text(text, "Mexico", "actor1").split()
    assert "crimehallmark" in words and "xmexicocrimehallmark" in words
    plain = unknown_actor_text("Two armed men shot a farmer.", "Mexico", "actor1").split()
    assert "crimehallmark" not in plain


def test_the_taliban_governments_police_is_afghanistans_police():
    # "Taliban police" from 2022 is the state's police, not the Taliban's army (stop 38, afg1).
    dictionary = actor_dictionary(2022)
    matcher = alias_matcher(2022)
    (match,) = matcher.find("Two Taliban policemen were shot at a checkpoint.")
    names = {
        e.name
        for m in match.entries
        if (e := dictionary.resolve(m, "Afghanistan")) is not None
    }
    assert "Police Forces of Afghanistan (2021-)" in names
