"""The on-disk cache of built knowledge tables: loaded when nothing changed, rebuilt otherwise."""

from __future__ import annotations

import pickle

import pytest

from sitrep.extract.actors.mentions import AliasMatcher, alias_automatons
from sitrep.knowledge import tablecache
from sitrep.knowledge.actors import ActorDictionary, AliasTable
from sitrep.scale.prefilter import Prefilter, default_prefilter, load_cues


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv(tablecache.ENV, raising=False)
    return tmp_path / "sitrep" / "tables"


def counting_build(calls: list[int]):
    def build() -> dict[str, int]:
        calls.append(1)
        return {"built": len(calls)}

    return build


def test_a_table_is_built_once_then_loaded(cache_home):
    calls: list[int] = []
    first = tablecache.cached_table(
        "demo", counting_build(calls), files=("actors.csv",), modules=(__name__,)
    )
    second = tablecache.cached_table(
        "demo", counting_build(calls), files=("actors.csv",), modules=(__name__,)
    )
    assert first == second == {"built": 1}
    assert len(calls) == 1
    assert len(list(cache_home.glob("demo-*.pickle"))) == 1


def test_a_changed_knowledge_file_gets_a_new_key(cache_home, monkeypatch):
    before = tablecache.table_key("demo", ("actors.csv",), (__name__,))
    monkeypatch.setattr(tablecache, "read_bytes", lambda name: b"name,kind,source\nX,rebel,test\n")
    assert tablecache.table_key("demo", ("actors.csv",), (__name__,)) != before


def test_the_key_covers_the_builder_source_and_the_files_named(cache_home):
    base = tablecache.table_key("demo", ("actors.csv",), (__name__,))
    assert tablecache.table_key("demo", ("actors.csv",), ("sitrep.knowledge.actors",)) != base
    assert tablecache.table_key("demo", ("sites.csv",), (__name__,)) != base
    assert tablecache.table_key("other", ("actors.csv",), (__name__,)) != base


def test_off_builds_every_time(cache_home, monkeypatch):
    monkeypatch.setenv(tablecache.ENV, "off")
    calls: list[int] = []
    for _ in range(2):
        tablecache.cached_table("demo", counting_build(calls), files=(), modules=())
    assert len(calls) == 2
    assert not cache_home.exists()


def test_an_unreadable_cache_file_is_rebuilt_and_replaced(cache_home):
    calls: list[int] = []
    tablecache.cached_table("demo", counting_build(calls), files=(), modules=())
    (path,) = cache_home.glob("demo-*.pickle")
    path.write_bytes(b"not a pickle")
    again = tablecache.cached_table("demo", counting_build(calls), files=(), modules=())
    assert again == {"built": 2}
    assert pickle.loads(path.read_bytes()) == {"built": 2}


def test_an_unwritable_cache_still_gives_the_table(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # a file where the folder should be
    monkeypatch.delenv(tablecache.ENV, raising=False)
    calls: list[int] = []
    assert tablecache.cached_table("demo", counting_build(calls), files=(), modules=()) == {
        "built": 1
    }


SENTENCES = [
    "Turkish forces shelled SDF positions near the town on Monday.",
    "The PKK said its fighters ambushed a patrol; Hezbollah denied any role.",
    "City beat United 2-1 and the home side's attack finally clicked.",
    "Protesters marched to the ministry demanding the release of detainees.",
]


def test_a_pickled_prefilter_gives_the_same_verdicts():
    built = Prefilter(load_cues())
    loaded = pickle.loads(pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL))
    for text in SENTENCES:
        assert loaded.check(text) == built.check(text)
        assert default_prefilter().check(text) == built.check(text)


def test_pickled_actor_tables_find_the_same_aliases():
    dictionary = ActorDictionary(2022)
    loaded = pickle.loads(pickle.dumps(dictionary, protocol=pickle.HIGHEST_PROTOCOL))
    assert loaded.aliases == dictionary.aliases
    assert loaded.actors == dictionary.actors
    automatons = pickle.loads(pickle.dumps(alias_automatons(dictionary)))
    fresh, cached = AliasMatcher(dictionary), AliasMatcher(loaded, automatons)
    for text in SENTENCES:
        assert cached.find(text) == fresh.find(text)
    assert any(fresh.find(text) for text in SENTENCES)


def test_a_pickled_alias_table_makes_its_entries_only_when_asked():
    dictionary = ActorDictionary(2021)
    assert isinstance(dictionary.aliases, AliasTable)
    built = list(dictionary.aliases)
    loaded = pickle.loads(pickle.dumps(dictionary, protocol=pickle.HIGHEST_PROTOCOL))
    table = loaded.aliases
    assert isinstance(table, AliasTable)
    assert table._entries.count(None) == len(table) == len(built)
    # Walking the surface words and the partisan rows makes no other entry.
    assert list(loaded.alias_names()) == [(a.alias, a.name) for a in built]
    partisan = list(loaded.iter_loaded_aliases())
    assert partisan == [a for a in built if a.loaded]
    assert len(table) - table._entries.count(None) == len(partisan)
    # Every field comes back, and one position is always the same object.
    assert table[5] is table[5]
    assert table[-1] == built[-1] and table[3:6] == built[3:6]
    assert table == built and list(table) == built


def test_shipped_classifiers_come_from_the_cache_and_score_alike(cache_home):
    from sitrep.knowledge import classifiers

    classifiers._shipped.cache_clear()
    try:
        built = classifiers.load_classifier()
        assert len(list(cache_home.glob("classifier-event_classifier-*.pickle"))) == 1
        classifiers._shipped.cache_clear()
        loaded = classifiers.load_classifier()
    finally:
        classifiers._shipped.cache_clear()
    assert built is not None and loaded is not None and loaded is not built
    for text in SENTENCES:
        assert loaded.predict(text) == built.predict(text)
        assert loaded.score(text).tobytes() == built.score(text).tobytes()


def test_the_gazetteer_comes_from_the_cache_and_finds_alike(cache_home):
    from sitrep.knowledge import gazetteer

    gazetteer.load_gazetteer.cache_clear()
    gazetteer.subdivisions.cache_clear()
    try:
        built = gazetteer.load_gazetteer()
        assert len(list(cache_home.glob("gazetteer-*.pickle"))) == 1
        subdivisions = gazetteer.subdivisions()
        assert len(list(cache_home.glob("subdivisions-*.pickle"))) == 1
        gazetteer.load_gazetteer.cache_clear()
        gazetteer.subdivisions.cache_clear()
        loaded = gazetteer.load_gazetteer()
        assert gazetteer.subdivisions() == subdivisions
    finally:
        gazetteer.load_gazetteer.cache_clear()
        gazetteer.subdivisions.cache_clear()
    assert loaded is not built
    assert loaded.extra == built.extra and loaded.admin1 == built.admin1
    assert loaded.countries == built.countries and loaded.part_of == built.part_of
    assert loaded.max_words == built.max_words
    for name in ("Hasakah", "Deir ez-Zor", "Sanaa", "Syria", "Ain al-Asad air base"):
        key = gazetteer.name_key(name)
        assert loaded.exact(key) == built.exact(key) != []
        assert loaded.fuzzy(key) == built.fuzzy(key)


def test_gazetteer_records_pickle_as_their_fields():
    from sitrep.knowledge.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    records = [*gaz.extra[:50], *list(gaz.admin1.values())[:50], *gaz.countries.values()]
    for record in records:
        assert pickle.loads(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL)) == record
        assert record.__reduce__()[1] == tuple(getattr(record, f) for f in record.__slots__)


def test_a_mapped_table_comes_back_as_read_only_views_of_its_side_file(cache_home):
    import numpy as np

    calls: list[int] = []

    def build() -> dict[str, object]:
        calls.append(1)
        return {"weights": np.arange(1000, dtype=np.float16).reshape(100, 10),
                "states": np.arange(7, dtype=np.uint32), "names": ["a", "b"]}  # fmt: skip

    first = tablecache.mapped_table("demo", build, files=(), modules=(__name__,))
    second = tablecache.mapped_table("demo", build, files=(), modules=(__name__,))
    assert len(calls) == 1
    assert len(list(cache_home.glob("demo-*.buffers"))) == 1
    assert second["names"] == first["names"]
    for name in ("weights", "states"):
        assert second[name].tobytes() == first[name].tobytes()
        assert second[name].dtype == first[name].dtype and not second[name].flags.writeable
    assert memoryview(second["states"])[3] == 3


def test_a_mapped_table_off_or_unreadable_is_built(cache_home, monkeypatch):
    calls: list[int] = []
    tablecache.mapped_table("demo", counting_build(calls), files=(), modules=())
    (head,) = cache_home.glob("demo-*.mapped")
    head.write_bytes(b"not a pickle")
    assert tablecache.mapped_table("demo", counting_build(calls), files=(), modules=()) == {
        "built": 2
    }
    monkeypatch.setenv(tablecache.ENV, "off")
    tablecache.mapped_table("demo", counting_build(calls), files=(), modules=())
    assert len(calls) == 3


def test_the_mapped_language_model_classifies_as_the_packed_one(cache_home):
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from sitrep.ingest import language

    packed = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    language._identifier.cache_clear()
    try:
        built = language._identifier()
        assert len(list(cache_home.glob("py3langid-*.buffers"))) == 1
        language._identifier.cache_clear()
        mapped = language._identifier()
    finally:
        language._identifier.cache_clear()
    texts = [*SENTENCES, "Les manifestants ont bloqué la route nationale hier matin.",
             "La policía detuvo a tres hombres cerca del mercado.",
             "Zwei Soldaten wurden verletzt."]
    for text in texts:
        assert mapped.classify(text) == built.classify(text) == packed.classify(text)
        assert mapped.rank(text) == packed.rank(text)
