"""The village gazetteer: `sitrep gazetteer build` from each input format, and villages that
resolve only where the text supports them (fixtures in tests/data/gazetteer, all invented)."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitrep.cli.main import app
from sitrep.errors import InputError
from sitrep.extract.places.resolve import _holders_after, resolve_places, resolve_text
from sitrep.knowledge import gazetteer
from sitrep.knowledge.gazetteer import VILLAGE_LABEL, distance_km, load_gazetteer, shipped_table
from sitrep.knowledge.placedb import PlaceTable
from sitrep.knowledge.placenames import name_key
from sitrep.knowledge.villages import build_villages

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "gazetteer"
SOURCES = [FIXTURES / "whosonfirst", FIXTURES / "whosonfirst-data-admin-zz",
           FIXTURES / "geonames" / "YE.txt"]  # fmt: skip
runner = CliRunner()


@contextmanager
def gazetteer_env(value: str) -> Iterator[None]:
    """Extraction with SITREP_GAZETTEER=value (a path, or "off"), the process-wide gazetteer
    reopened before and after."""
    old = os.environ.get("SITREP_GAZETTEER")
    os.environ["SITREP_GAZETTEER"] = value
    load_gazetteer.cache_clear()
    try:
        yield
    finally:
        if old is None:
            del os.environ["SITREP_GAZETTEER"]
        else:
            os.environ["SITREP_GAZETTEER"] = old
        load_gazetteer.cache_clear()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("villages") / "gazetteer.sqlite"
    report = build_villages(SOURCES, path, shipped_table())
    assert not report.up_to_date and report.places > 0
    return path


@pytest.fixture(scope="module")
def rows(built: Path) -> dict:
    return {row.id: row for _, row in PlaceTable(built, "test")}


@pytest.fixture
def villages(built: Path) -> Iterator[None]:
    with gazetteer_env(str(built)):
        yield


# --- building ------------------------------------------------------------------------------------


def test_who_s_on_first_records_keep_names_size_type_and_hierarchy(rows):
    village = rows["wof:900101"]
    assert village.name == "Kafr Nasimah" and village.feature_class == "P"
    assert village.population == 2100 and village.feature_code == "PPL"
    assert {"Kafr Nassima", "Kfar Nasime"} <= set(village.alternates)
    assert not any("كفر" in a for a in village.alternates), "Latin-script names only"
    # The region holds the GeoNames-concordant Idlib, so it maps to GeoNames' Idlib (SY.12).
    assert (village.admin1_code, village.admin1, village.admin2) == ("12", "Idlib", "Wadi Nasim")
    assert rows["wof:900104"].feature_code == "PPLX"  # a quarter
    assert rows["wof:900107"].feature_class == "S"  # a campus
    assert rows["wof:900020"].feature_class == "D" and rows["wof:900020"].admin2 == "Wadi Nasim"
    assert rows["wof:900102"].same_as == "gn:169389"  # the shipped table's Idlib


def test_a_region_its_places_do_not_vote_for_is_the_admin1_area_of_its_name(rows):
    # No place of the Hama region has a GeoNames twin in the shipped table, and its village lies
    # 14 km from Idlib, 75 km from Hama: the region's own name says where it is.
    row = rows["wof:900130"]
    assert load_gazetteer().admin1[("SY", row.admin1_code)].name == "Hama"


def test_deprecated_superseded_and_duplicate_records_are_left_out(rows):
    assert "wof:900105" not in rows and "wof:900106" not in rows
    # 900109 lies 100 m from 900101 under the same name: one place, with both records' names.
    assert "wof:900109" not in rows
    assert "Kafr Nasimah al Jadidah" in rows["wof:900101"].alternates


def test_a_checkout_of_geojson_files_is_read_without_its_alt_geometries(rows):
    village = rows["wof:900201"]
    assert village.country_code == "LB" and village.name == "Dayr Nasim"
    assert village.admin1_code == "09", "the nearest shipped town is Tripoli, in GeoNames LB.09"
    assert not any("(alt)" in r.name for r in rows.values())


def test_a_geonames_dump_gives_places_districts_and_admin_names(rows):
    place = rows["gn:9000003"]
    assert place.country_code == "YE" and place.admin1_code == "25" and place.population == 350
    assert place.admin2 == "Mudiriyat Jabal Nasim"
    assert "Qaryat al-Nasim" in place.alternates
    assert rows["gn:9000002"].feature_class == "D"
    assert "gn:9000005" not in rows, "a historical place (PPLH) is not where news happens"


def test_a_quarter_filed_under_another_countrys_region_takes_its_own_countrys_code():
    # WOF files East Jerusalem's quarters as Palestine's under Israel's Jerusalem region: the
    # region's Israeli towns (here the shipped Jerusalem, gn:281184) must not give an invented
    # Palestinian quarter Israel's admin1 code; it takes its nearest Palestinian town's.
    from collections import Counter

    from sitrep.knowledge.villages import _Record, _rows

    region = _Record("wof:1", "Jerusalem", ["Jerusalem"], "A", "ADM1", 0, 31.77, 35.2, "IL")
    town = _Record("wof:2", "Jerusalem", ["Jerusalem"], "P", "PPL", 900_000, 31.78, 35.22, "IL",
                   region="wof:1", same_as="gn:281184")  # fmt: skip
    quarter = _Record("wof:3", "Ras Zaytunah", ["Ras Zaytunah"], "P", "PPLX", 0, 31.78, 35.245,
                      "PS", region="wof:1")  # fmt: skip
    rows = {r.id: r for r in _rows([region, town, quarter], shipped_table(), Counter())}
    assert rows["wof:2"].admin1_code == "06"
    assert rows["wof:3"].admin1_code == "WE"


def test_the_file_states_its_sources_licences_and_credit(built):
    table = PlaceTable(built, "test")
    names = {s.name for s in table.sources}
    assert names == {"Who's On First", "GeoNames"}
    credit = " ".join(s.credit for s in table.sources)
    assert "Who's On First" in credit and "GeoNames" in credit
    assert any("CC0" in s.licence for s in table.sources)
    assert all(s.records > 0 for s in table.sources)
    assert table.meta["by_class"]["P"] > 0 and table.meta["built_at"]


def test_rebuilding_is_idempotent_and_a_failed_build_leaves_the_old_file(tmp_path, built):
    path = tmp_path / "gazetteer.sqlite"
    first = build_villages(SOURCES, path, shipped_table())
    again = build_villages(SOURCES, path, shipped_table())
    assert again.up_to_date and again.places == first.places
    forced = build_villages(SOURCES, path, shipped_table(), force=True)
    assert not forced.up_to_date
    assert PlaceTable(path, "a").meta["rows_sha256"] == PlaceTable(built, "b").meta["rows_sha256"]
    before = path.read_bytes()
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"wof:id": 1, "wof:name": "X", "wof:placetype": "locality"}\n{oops\n')
    with pytest.raises(InputError):
        build_villages([*SOURCES, bad], path, shipped_table(), force=True)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.jsonl", "gazetteer.sqlite"]


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("a.jsonl", '{"wof:id": 1}\n', "a.jsonl:1: a Who's On First record needs wof:name"),
        ("b.jsonl", "\n{broken\n", "b.jsonl:2: not JSON"),
        ("c.jsonl", '{"wof:id": 2, "wof:name": "Y", "wof:placetype": "locality", '
                    '"wof:country": "SY"}\n', "record 2 has no coordinates"),
        ("SY.txt", "1\tOnly five\tcolumns\there\t1.0\n", "SY.txt:1: 5 tab-separated columns"),
        ("IQ.txt", "x\t" * 18 + "x\n", "IQ.txt:1: geonameid, latitude and longitude must be"),
        ("notes.csv", "a,b\n", "not a Who's On First file"),
    ],
)
def test_bad_inputs_are_named_with_file_and_line(tmp_path, name, content, message):
    bad = tmp_path / name
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message.replace("(", r"\(")):
        build_villages([bad], tmp_path / "out.sqlite", shipped_table())
    assert not (tmp_path / "out.sqlite").exists()


def test_inputs_that_are_not_there_are_named(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        build_villages([tmp_path / "missing"], tmp_path / "o.sqlite", shipped_table())
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no Who's On First"):
        build_villages([tmp_path / "empty"], tmp_path / "o.sqlite", shipped_table())


# --- the command line -----------------------------------------------------------------------------


def test_cli_builds_reports_and_shows_sources(tmp_path, built):
    out = tmp_path / "g.sqlite"
    result = runner.invoke(app, ["gazetteer", "build", *map(str, SOURCES), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "wrote" in result.stderr and " s" in result.stderr and "Who's On First" in result.stderr
    again = runner.invoke(app, ["gazetteer", "build", *map(str, SOURCES), "-o", str(out)])
    assert again.exit_code == 0 and "up to date" in again.stderr
    bad = runner.invoke(app, ["gazetteer", "build", str(tmp_path / "nope.jsonl"), "-o", str(out)])
    assert bad.exit_code == 1 and "no such file" in bad.stderr
    with gazetteer_env(str(built)):
        info = runner.invoke(app, ["gazetteer", "info"])
        places = runner.invoke(app, ["places", "Kafr Nassima", "--country", "Syria"])
        as_json = runner.invoke(app, ["places", "Kafr Nassima", "--country", "SY", "--json"])
    assert info.exit_code == 0 and "village gazetteer" in info.stdout
    assert "Who's On First" in info.stdout and "GeoNames" in info.stdout
    assert places.exit_code == 0 and "from village gazetteer" in places.stdout
    assert "place data:" in places.stdout and "Who's On First" in places.stdout
    top = json.loads(as_json.stdout.splitlines()[0])
    assert top["id"] == "wof:900101" and top["gazetteer"] == "village gazetteer"
    assert top["admin2"] == "Wadi Nasim"


def test_a_gazetteer_built_against_another_shipped_one_asks_to_be_rebuilt(tmp_path, built):
    # After an upgrade changes the shipped towns, the villages merged with them no longer fit.
    old = tmp_path / "old.sqlite"
    old.write_bytes(built.read_bytes())
    with sqlite3.connect(old) as con:
        con.execute("UPDATE meta SET value = ? WHERE key = 'shipped_rows_sha256'",
                    (json.dumps("0" * 64),))  # fmt: skip
    for path, outdated in ((built, False), (old, True)):
        with gazetteer_env(str(path)):
            info = runner.invoke(app, ["gazetteer", "info"])
        assert info.exit_code == 0
        assert ("shipped gazetteer" in info.stderr) is outdated  # the loader's warning
        assert ("rebuild it" in info.stdout) is outdated


def test_the_default_install_runs_without_a_village_gazetteer(tmp_path):
    with gazetteer_env("off"):
        gaz = load_gazetteer()
        assert [t.label for t in gaz.tables] == [gazetteer.SHIPPED_LABEL]
        assert gaz.villages is None
        assert resolve_places("Clashes erupted in Idleb.")
    with gazetteer_env(str(tmp_path / "missing.sqlite")):
        with pytest.raises(gazetteer.KnowledgeDataError, match="gazetteer build"):
            load_gazetteer()


# --- matching ----------------------------------------------------------------------------------


def _where(text: str, name: str):
    found = [m.place for m in resolve_places(text) if m.span.text == name]
    return found[0] if found else None


def test_a_village_inside_the_named_governorate_is_read(villages):
    place = _where("Regime forces shelled Kafr Nassima in the southern countryside of Idleb.",
                   "Kafr Nassima")  # fmt: skip
    assert place is not None and place.location == "Kafr Nasimah"
    assert (place.country, place.admin1, place.admin2) == ("Syria", "Idleb", "Wadi Nasim")
    assert place.geo_precision == 1 and place.feature == "town"


def test_without_the_village_gazetteer_the_governorate_stands():
    with gazetteer_env("off"):
        places = resolve_places("Regime forces shelled Kafr Nassima in the southern countryside "
                                "of Idleb.")  # fmt: skip
    assert [(m.place.feature, m.place.admin1) for m in places] == [("admin1", "Idleb")]


@pytest.mark.parametrize(
    "text, expected_admin1",
    [
        ("Turkish drones struck Tall Wardah in the countryside of Aleppo.", "Aleppo"),
        ("Regime artillery shelled Tall Wardah in Idleb countryside.", "Idleb"),
    ],
)
def test_homonyms_are_told_apart_by_the_governorate_named(villages, text, expected_admin1):
    place = _where(text, "Tall Wardah")
    assert place is not None and place.admin1 == expected_admin1


@pytest.mark.parametrize(
    "text, expected_admin1",
    [
        ("Regime forces shelled the village of Tall Wardah in north-western Syria.", "Idleb"),
        ("Regime forces shelled the village of Tall Wardah in the north-east of Syria.",
         "Aleppo"),
        ("Fighting in north-eastern Syria went on. Regime forces shelled Tall Wardah village.",
         "Aleppo"),
    ],
)  # fmt: skip
def test_homonyms_are_told_apart_by_the_part_of_the_country_named(villages, text, expected_admin1):
    place = _where(text, "Tall Wardah")
    assert place is not None and place.admin1 == expected_admin1


def test_homonyms_far_apart_that_nothing_tells_apart_are_left_alone(villages):
    assert _where("Syrian regime forces shelled Tall Wardah on Monday.", "Tall Wardah") is None


@pytest.mark.parametrize(
    "text, name",
    [
        # In another governorate than the one the sentence names.
        ("Turkish drones struck Kafr Nasimah in the countryside of Aleppo.", "Kafr Nasimah"),
        # In another country than the document's.
        ("Lebanese protesters blocked roads in Kafr Nasimah, north of Beirut, Lebanon.",
         "Kafr Nasimah"),
        # No word says it is a place, and nothing places it.
        ("Kafr Nasimah said on Monday that talks would resume.", "Kafr Nasimah"),
    ],
)
def test_a_village_is_not_invented_where_the_text_does_not_support_it(villages, text, name):
    place = _where(text, name)
    assert place is None or place.location != "Kafr Nasimah"


def test_a_village_of_a_geonames_dump_with_its_district(villages):
    place = _where("Houthi forces shelled Qaryat al-Nasim in Taizz governorate.",
                   "Qaryat al-Nasim")  # fmt: skip
    assert place is not None and place.location == "Qaryat an Nasim"
    assert (place.country, place.admin1, place.admin2) == ("Yemen", "Taizz",
                                                           "Mudiriyat Jabal Nasim")  # fmt: skip


def test_a_district_the_text_names(villages):
    places = resolve_places("Regime forces shelled villages in Wadi Nasim district, Idleb.")
    (district,) = [m.place for m in places if m.place.feature == "admin2"]
    assert (district.admin2, district.admin1, district.geo_precision) == ("Wadi Nasim", "Idleb", 2)


def test_a_village_record_of_a_shipped_town_is_that_town(villages):
    (place,) = [p for p in load_gazetteer().exact(name_key("Idleb City")) if p.country_code == "SY"]
    assert place.id == "gn:169389" and place.source == gazetteer.SHIPPED_LABEL


@pytest.mark.parametrize(
    "text, expected",
    [
        # The hierarchy puts Ard Sunbul in Wadi Nasim district: not the village of another one.
        ("Gunmen shot a farmer in the Ard Sunbul village of Jabal Rihan district, Idleb.", None),
        ("Gunmen shot a farmer in the Ard Sunbul village of Wadi Nasim district, Idleb.",
         "Ard Sunbul"),
    ],
)
def test_a_village_of_the_district_the_text_names(villages, text, expected):
    place = _where(text, "Ard Sunbul")
    assert (place.location if place else None) == expected


def test_of_spelling_guesses_the_one_spelled_most_alike_is_read(villages):
    # Muhasinah and Mahsuniyah share their consonants and lie 60 km apart in Idleb.
    place = _where("An explosive device went off in Mhasineh in Idleb.", "Mhasineh")
    assert place is not None and place.location == "Muhasinah"


def test_a_governorates_index_of_spellings_is_kept_per_database(built, tmp_path, monkeypatch):
    # Keying every village name of a governorate is done once, then read from the table cache,
    # under the database file it came from: a rebuilt gazetteer is keyed again.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("SITREP_TABLE_CACHE", raising=False)
    cached = tmp_path / "sitrep" / "tables"
    table = PlaceTable(built, "test")
    index = gazetteer._consonant_index(table, ("SY", "12"))
    (n,) = [n for n, row in table if row.name == "Muhasinah"]
    assert n in index[gazetteer.consonant_key(name_key("Mhasineh"))]
    assert len(list(cached.glob("village-consonants-SY.12-*.pickle"))) == 1
    assert gazetteer._consonant_index(table, ("SY", "12")) == index
    rebuilt = tmp_path / "rebuilt.sqlite"
    rebuilt.write_bytes(built.read_bytes())
    assert gazetteer._consonant_index(PlaceTable(rebuilt, "test"), ("SY", "12")) == index
    assert len(list(cached.glob("village-consonants-SY.12-*.pickle"))) == 2


def test_a_governorates_towns_by_district_are_kept_per_database(built, tmp_path, monkeypatch):
    # The towns filed under each district of a governorate are read once, then from the table
    # cache, under the database files they came from; the index is the one the rows give.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("SITREP_TABLE_CACHE", raising=False)
    cached = tmp_path / "sitrep" / "tables"
    tables = [shipped_table(), PlaceTable(built, "test")]
    index = gazetteer._district_index(tables, ("SY", "12"))
    expected: dict[str, list[tuple[int, int]]] = {}
    for ti, table in enumerate(tables):
        ns = table.area_rows("SY", "12")
        for n, row in zip(ns, table.rows(ns), strict=True):
            if row.feature_class == "P" and row.admin2:
                expected.setdefault(name_key(row.admin2).replace(" ", ""), []).append((ti, n))
    assert index == expected
    (n,) = [n for n, row in tables[1] if row.name == "Ard Sunbul"]
    assert (1, n) in index[name_key("Wadi Nasim").replace(" ", "")]
    assert len(list(cached.glob("district-towns-SY.12-*.pickle"))) == 1
    assert gazetteer._district_index(tables, ("SY", "12")) == index
    assert gazetteer._district_index(tables[:1], ("SY", "12")) != index  # another file set
    assert len(list(cached.glob("district-towns-SY.12-*.pickle"))) == 2


def test_a_governorate_abroad_does_not_hide_a_village_the_text_puts_in_a_governorate(villages):
    # Tafilah is also a Jordanian governorate, spelled so: in a Syrian governorate it is the
    # (invented) village.
    place = _where("Two families clashed in the town of Tafilah in Idleb.", "Tafilah")
    assert place is not None and (place.country, place.admin1) == ("Syria", "Idleb")
    place = _where("Two families clashed in the town of Tafilah.", "Tafilah")
    assert place is None or place.country == "Jordan"


def test_a_district_of_the_governorate_before_a_far_village_of_its_name(villages):
    # A hamlet called Wadi Nasim lies in Jabal Rihan district, 60 km from Wadi Nasim district.
    place = _where("Teachers held a sit-in in Wadi Nasim town, Idleb.", "Wadi Nasim")
    assert place is not None and (place.feature, place.admin2) == ("admin2", "Wadi Nasim")
    place = _where("Teachers held a sit-in in Wadi Nasim village, Idleb.", "Wadi Nasim")
    assert place is not None and place.feature == "town"


@pytest.mark.parametrize(
    "text, expected",
    [
        # Spelled without its vowels, inside the governorate the sentence names: Dubaylah.
        ("Regime forces shelled Dbeileh in the southern countryside of Idleb.", "Dubaylah"),
        ("Artillery hit the village of Dbeileh, Idleb governorate, at dawn.", "Dubaylah"),
        # No governorate named, or another one: too loose a guess.
        ("Regime forces shelled Dbeileh on Monday.", None),
        ("Regime forces shelled Dbeileh in the southern countryside of Aleppo.", None),
    ],
)
def test_a_name_spelled_without_its_vowels_is_a_village_of_the_named_governorate(
        villages, text, expected):  # fmt: skip
    place = _where(text, "Dbeileh")
    assert (place.location if place else None) == expected
    if place is not None:
        assert (place.admin1, place.feature, place.geo_precision) == ("Idleb", "town", 1)


@pytest.mark.parametrize("text", [
    "Regime forces shelled Dibaila in the southern countryside of Idleb.",
    "Regime forces shelled Dibaila town in Idleb countryside.",
])
def test_a_name_read_as_a_town_abroad_is_a_village_of_the_named_governorate(villages, text):
    # "Dibaila" is also a spelling of Debila, Algeria (the shipped table): inside the governorate
    # the sentence names, Dubaylah, whose consonants it shares, is the better reading.
    place = _where(text, "Dibaila")
    assert place is not None and (place.location, place.admin1) == ("Dubaylah", "Idleb")


def test_a_spelling_guess_lies_near_the_district_named_not_anywhere_in_the_country(villages):
    # Qurnat Zahr lies in Idleb, 70 km from Wadi Nasim district: the country named between the
    # name and its parenthesis holds nothing that places the guess.
    text = "Shelling hit houses in Qornet Zaher area in northern Syria (Wadi Nasim, Idleb)."
    assert _where(text, "Qornet Zaher") is None
    text = "Shelling hit houses in Qornet Zaher in the countryside of Idleb."
    place = _where(text, "Qornet Zaher")
    assert place is not None and place.location == "Qurnat Zahr"


def test_of_guesses_spelled_as_alike_the_village_whose_own_name_it_is(villages):
    # Tall Ramlah, 60 km away, lists "Tall Rumaylah" among its names; the village of that name
    # is the better reading of "Tal Rmeileh".
    place = _where("Shelling hit Tal Rmeileh town in Idleb countryside.", "Tal Rmeileh")
    assert place is not None and place.location == "Tall Rumaylah"


def test_a_district_spelled_otherwise_in_the_province_named_after_it(villages):
    # "Dar Slam district, Idleb": the district Dar as Salam of Idleb, by its consonants, coded at
    # the village it is named after (15 km from the district's point), spelled alike too.
    text = "Gunmen killed a shopkeeper in Dar Slam district, Idleb."
    (place,) = [m.place for m in resolve_places(text) if m.span.text == "Dar Slam"]
    assert (place.feature, place.admin2, place.geo_precision) == ("admin2", "Dar as Salam", 2)
    assert (round(place.latitude or 0, 2), round(place.longitude or 0, 2)) == (35.58, 36.3)
    # "Sahil-i-Rumman": the Persian ezafe "-i-" inside a name.
    text = "Gunmen killed a shopkeeper in Sahil-i-Rumman district, Idleb."
    (place,) = [m.place for m in resolve_places(text) if m.span.text == "Sahil-i-Rumman"]
    assert (place.feature, place.admin2) == ("admin2", "Sahil Rumman")


def test_the_village_the_text_spells_before_a_namesake_by_folding_near_another_place(villages):
    # "Kafr Haymah" and Kafr Hima share a loose key; Kafr Hima lies 12 km from Idlib, which the
    # text names, Kafr Haymah 26 km: the name spelled letter for letter weighs more.
    text = "Shelling hit houses in Kafr Haymah on Monday, a day after a raid on Idlib City."
    place = _where(text, "Kafr Haymah")
    assert place is not None and place.location == "Kafr Haymah"


def test_an_english_direction_before_a_name_is_the_arabic_one_after_it(villages, code):
    # "Eastern Tmaneh" is Tamanah ash Sharqiyah; in "a checkpoint in X in Idleb" the town Idleb
    # names its governorate and holds X, the finer place of the two.
    text = "On 3 May 2022, gunmen opened fire on a checkpoint in Eastern Tmaneh in Idleb."
    place = _where(text, "Eastern Tmaneh")
    assert place is not None and (place.location, place.admin1) == ("Tamanah ash Sharqiyah",
                                                                     "Idleb")  # fmt: skip
    (event,) = [e for e in code(text, "2022-05-04").events if e.acled_codable]
    assert event.location == "Tamanah ash Sharqiyah"


def test_a_direction_before_a_name_with_no_such_village_is_the_village_of_the_name(villages):
    # No "Qasr Mahmud Tahtani" is known: "Lower Qaser Mahmoud" lies by Qasr Mahmud of Hama.
    text = "Gunmen shelled a checkpoint in Lower Qaser Mahmoud in Hama on Monday."
    place = _where(text, "Lower Qaser Mahmoud")
    assert place is not None and (place.location, place.admin1) == ("Qasr Mahmud", "Hama")


def test_of_homonym_districts_the_one_in_the_governorate_named(villages):
    # Sahl Qamar is a district of Idleb and of Aleppo.
    places = resolve_places("Drones struck a convoy in Sahl Qamar district, Aleppo.")
    (district,) = [m.place for m in places if m.span.text == "Sahl Qamar"]
    assert (district.feature, district.admin1) == ("admin2", "Aleppo")


def test_a_spelling_guess_lies_in_the_parenthesis_that_holds_it(villages):
    # Wahabiyah is a village of Aleppo; the parenthesis puts "Wahbiya" in Idleb's Wadi Nasim
    # district, and Aleppo is only where a commander came from.
    text = ("Loyalist fighters repelled an attack in Wahbiya frontline (Wadi Nasim, Idleb), "
            "killing a commander from Aleppo.")
    assert _where(text, "Wahbiya") is None


def test_a_village_of_the_district_in_the_parenthesis(villages):
    # One Ayn Halib is filed under Wadi Nasim district though it lies 6 km from Jabal Rihan's
    # point; the other, 15 km from it, has no district in the hierarchy.
    place = _where("Rebels shelled positions in Ayn Halib axis (Jabal Rihan, Idleb).", "Ayn Halib")
    assert place is not None and (round(place.latitude, 2), round(place.longitude, 2)) == (
        35.55, 36.9)  # fmt: skip


def test_of_homonyms_the_village_its_district_is_named_after(villages):
    # Khirbat Nur is the centre of Kharbat Nur district; another Khirbat Nur lies 30 km away.
    place = _where("Gunmen attacked a checkpoint in Khirbat Nur city, Idleb.", "Khirbat Nur")
    assert place is not None and place.admin2 == "Kharbat Nur"


def test_of_homonyms_in_the_governorate_named_the_best_known(villages):
    # Two villages called Ayn Sawda in Idleb, 33 km apart in two districts; one has three names.
    place = _where("Shelling hit Ayn Sawda in the countryside of Idleb.", "Ayn Sawda")
    assert place is not None and (place.admin2, place.geo_precision) == ("Wadi Nasim", 2)
    # With no governorate named, they are still left alone.
    assert _where("Syrian regime forces shelled Ayn Sawda on Monday.", "Ayn Sawda") is None


def test_a_village_named_near_a_town_lies_by_it(villages):
    # The only Tall Nasr lies in Aleppo governorate, 90 km from Idlib, 32 km from Aleppo.
    assert _where("Gunmen shot a farmer in Tall Nasr near Idlib City.", "Tall Nasr") is None
    place = _where("Gunmen shot a farmer in Tall Nasr, 25 km east of Aleppo.", "Tall Nasr")
    assert place is not None and place.admin1 == "Aleppo"


@pytest.mark.parametrize(
    "text, name, point",
    [
        # An urban district is coded at its city of 45,000 people,
        ("Teachers protested in Sahil Zaytun district, Idleb.", "Sahil Zaytun", (35.99, 36.57)),
        # a rural district at its own point, not at its largest village of 3,000.
        ("Teachers protested in Sahil Rumman district, Idleb.", "Sahil Rumman", (35.8, 36.3)),
    ],
)
def test_a_district_without_a_town_of_its_name_is_at_its_city(villages, text, name, point):
    (place,) = [m.place for m in resolve_places(text) if m.span.text == name]
    assert place.feature == "admin2"
    assert (round(place.latitude or 0, 2), round(place.longitude or 0, 2)) == point


# --- with the Who's On First data beside the repository (make test builds it) -----------------

# `make test` builds the village gazetteer from ../shared/data/gazetteer and names it here.
REAL = os.environ.get("SITREP_TEST_GAZETTEER", "off")
needs_real = pytest.mark.skipif(not Path(REAL).is_file(), reason="SITREP_TEST_GAZETTEER names "
                                "no village gazetteer built from Who's On First data")  # fmt: skip


@pytest.fixture(scope="module")
def real(request: pytest.FixtureRequest) -> Iterator[None]:
    with gazetteer_env(REAL):
        yield


@needs_real
def test_the_real_gazetteer_is_read_from_who_s_on_first(real):
    gaz = load_gazetteer()
    assert gaz.villages is not None
    assert any(s.path.endswith("sy.jsonl.gz") for s in gaz.villages.sources)


@needs_real
@pytest.mark.parametrize(
    "text, name, country, admin1",
    [
        ("Artillery hit houses in Kansafra, in Idleb's southern countryside, on Tuesday.",
         "Kansafra", "Syria", "Idleb"),
        ("Protesters blocked the coastal road in Naameh, south of Beirut, Lebanon.", "Naameh",
         "Lebanon", "Mount Lebanon"),
        ("Coalition aircraft struck a Houthi position in Al Husha district (Ad Dali).",
         "Al Husha", "Yemen", "Ad Dali"),
        ("Snipers were active near Al Fajir again (Qaatabah, Ad Dali).", "Al Fajir", "Yemen",
         "Ad Dali"),
        ("Rioters smashed the windows of a bank in Bar Elias.", "Bar Elias", "Lebanon", "Bekaa"),
        ("Rioters blocked the Beddawi highway in both directions, Lebanon.", "Beddawi", "Lebanon",
         "North"),
    ],
)
def test_villages_of_the_real_gazetteer(real, text, name, country, admin1):
    place = _where(text, name)
    assert place is not None, resolve_places(text)
    assert (place.country, place.admin1) == (country, admin1)
    assert place.feature in ("town", "admin2") and place.geo_precision in (1, 2)


@needs_real
@pytest.mark.parametrize(
    "text, name, seat",
    [
        # Districts named after their centre town are coded there, not at the district's own
        # point (tens of kilometres away in Helmand and Herat).
        ("Gunmen killed two shopkeepers in Nad Ali district, Helmand, on Sunday.", "Nad Ali",
         "Hukumat-e Nad 'Ali"),
        ("A roadside bomb hit a police car in Ghoryan district, Herat.", "Ghoryan", "Ghoriyan"),
    ],
)
def test_a_district_is_coded_at_its_seat(real, text, name, seat):
    place = _where(text, name)
    assert place is not None and place.feature == "admin2", resolve_places(text)
    # The seat by its spelling (the shipped gazetteer's "Ḩukūmat-e Nād ‘Alī" is the WOF record's
    # "Hukumat-e Nad 'Ali", which the village build merges into it), not a namesake elsewhere.
    key = name_key(seat)
    towns = [t for t in load_gazetteer().exact(key) if name_key(t.name) == key]
    assert towns
    assert min(distance_km(place.latitude or 0.0, place.longitude or 0.0, t.latitude, t.longitude)
               for t in towns) < 1  # fmt: skip


@needs_real
def test_a_country_between_a_name_and_its_parenthesis_holds_nothing(real):
    # "X area in northwestern Ruritania (district, governorate)": the parenthesis holds X, so a
    # spelling guess for X is looked for in that district, not anywhere in the governorate.
    text = "Shells hit farms in Qarn Zubayd area in northwestern Yemen (Nihm, Sanaa) on Monday."
    kept = [m for m in resolve_text(text) if m.place is not None
            and m.place.feature_class != "C"]  # fmt: skip
    holders = _holders_after(text, kept, text.index(" area"))
    assert [m.text for m in holders] == ["Nihm", "Sanaa"]


@needs_real
@pytest.mark.parametrize(
    "district, governorate",
    [("Nihm", "Sanaa"), ("Jabal Ras", "Al Hudaydah"), ("Bajil", "Al Hudaydah")],
)
def test_a_district_holding_a_place_named_before_it_is_coded_at_its_middle(real, district,
                                                                          governorate):
    # "X area (district, governorate)": X, which no gazetteer knows, lies anywhere in the
    # district, whose middle is nearer it than the town the district is named after; the
    # district named on its own is still coded at that town (the first read as the district,
    # the last as its namesake town).
    held = _where(f"Mortars fell on farms near Qarn Zubayd area ({district}, {governorate}) on "
                  "Monday.", district)  # fmt: skip
    alone = _where(f"Gunmen attacked a checkpoint in {district} district, {governorate}.",
                   district)  # fmt: skip
    assert held is not None and held.feature == "admin2" and held.geo_precision == 2
    assert alone is not None and alone.feature in ("admin2", "town")
    middle = [d for d in load_gazetteer().districts(name_key(district))
              if d.source == VILLAGE_LABEL and d.admin1 == governorate]
    assert len(middle) == 1
    assert distance_km(held.latitude or 0.0, held.longitude or 0.0, middle[0].latitude,
                       middle[0].longitude) < 0.1  # fmt: skip
    assert distance_km(alone.latitude or 0.0, alone.longitude or 0.0, middle[0].latitude,
                       middle[0].longitude) > 3  # fmt: skip


@needs_real
@pytest.mark.parametrize(
    "text, name, admin1",
    [
        # Each district's name is also a spelling guess of towns and villages elsewhere; the
        # district the text names comes first.
        ("Gunmen attacked two checkpoints in Kharwar district, Logar, on Monday.", "Kharwar",
         "Logar"),
        ("Drones struck fighters' positions in Shutul district, Panjshir.", "Shutul",
         "Panjshir"),
    ],
)
def test_a_district_named_so_before_a_spelling_guess_of_a_town(real, text, name, admin1):
    place = _where(text, name)
    assert place is not None, resolve_places(text)
    assert (place.feature, place.admin1, place.geo_precision) == ("admin2", admin1, 2)


@needs_real
def test_a_village_spelled_as_the_text_is_a_reading_the_words_may_choose(real):
    # "el Marj" folds to Libya's Al Marj (shipped) and is spelled as a Bekaa village: alone the
    # village never votes, but words that read Lebanese choose it among the readings.
    from sitrep.extract.places.resolve import document_country, find_mentions
    from sitrep.knowledge.placefilter import load_place_filter

    gaz = load_gazetteer()
    found = find_mentions("Youths from el Marj burnt tyres at dawn.", gaz, load_place_filter())
    assert document_country(found, gaz) == "LY"
    assert document_country(found, gaz, {}, {"LB": 0.01, "LY": 0.01}) == "LY"
    assert document_country(found, gaz, {}, {"LB": 0.28, "LY": 0.01}) == "LB"


@needs_real
def test_the_head_of_a_longer_name_is_no_hamlet(real):
    # "Jabal al Nuqta": a mountain the gazetteers lack, not the hamlet Al Ja'bal 100 km away;
    # a city's name before "al-X" is still the city.
    found = [m.span.text for m in resolve_places(
        "Artillery hit positions on Jabal al Nuqta in Sadah overnight.")]
    assert found == ["Sadah"]
    found = [m.span.text for m in resolve_places("A drone struck a car in Hama al-Jadida.")]
    assert found == ["Hama"]


@needs_real
def test_the_example_article_keeps_its_sites(example_path):
    # The village gazetteer has villages named like some bases: the sites stay the curated ones,
    # exactly where the shipped gazetteer alone puts them.
    from sitrep.ingest.readers import read_paths
    from sitrep.pipeline import Pipeline

    def sites(value: str) -> dict[str, tuple]:
        with gazetteer_env(value):
            (raw,) = read_paths([str(example_path)])
            doc = Pipeline(strict=True)(raw)
        return {e.location: (e.location_text, e.latitude, e.longitude, e.geo_precision)
                for e in doc.events if e.location and e.location.endswith(
                    (" base", " field", " airfield"))}  # fmt: skip

    shipped = sites("off")
    assert {"Qasrak base", "Tell Baidar base", "Conoco gas field", "Kharab al-Jir airfield"} <= set(
        shipped)
    assert all(p == 1 for *_, p in shipped.values())
    assert sites(REAL) == shipped
