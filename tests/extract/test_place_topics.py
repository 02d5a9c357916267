"""A country named as what a text is about, the classifier against a lone foreign reading, and
ACLED's admin1 spellings (issue 16: country errors of the cross-validation)."""

from __future__ import annotations

import pytest

from sitrep.extract.places import resolve
from sitrep.extract.places.resolve import country_evidence, doubted, find_places
from sitrep.extract.state import DocState
from sitrep.knowledge.gazetteer import load_gazetteer
from sitrep.knowledge.placenames import name_key


def _hint(text: str) -> tuple[str | None, list[tuple[str, str | None]]]:
    state = DocState(text=text, published=None, outlet=None)
    find_places(state)
    return state.country_hint, [(m.span.text, m.place.country) for m in state.places]


@pytest.fixture
def no_model(monkeypatch):
    """The classifier says nothing: only names and nationality words vote."""
    monkeypatch.setattr(resolve, "model_country_probabilities", lambda text: {})


@pytest.mark.parametrize(
    "text",
    [
        "About forty people rallied in Heidelberg on Sunday in solidarity with Ukraine.",
        "Some sixty residents marched through Heidelberg to condemn the invasion of Ukraine.",
        "Dozens of citizens from Ukraine protested in Heidelberg on Sunday.",
        "Pro-Russia activists and others held a rally in Heidelberg in support of Russia.",
        "Students in Heidelberg held a vigil over Ukraine's war, calling for a ceasefire.",
    ],
)
def test_a_country_the_protest_is_about_is_not_where_it_is(no_model, text):
    hint, places = _hint(text)
    assert hint == "Germany"
    assert places == [("Heidelberg", "Germany")]


def test_a_country_named_where_it_happens_still_places_it(no_model):
    hint, places = _hint("Hundreds of people marched in Ukraine against the mobilisation law.")
    assert (hint, places) == ("Ukraine", [("Ukraine", "Ukraine")])


def test_whose_embassy_or_diaspora_is_no_evidence_of_where():
    assert country_evidence("Dozens protested outside the Russian embassy on Monday.") == {}
    assert country_evidence("The Ukrainian community held a rally downtown.") == {}
    assert country_evidence("Ukrainian troops shelled the village.") == {"UA": 0.4}
    # "The embassy in X" is in X: only "embassy of X" says whose it is.
    assert not resolve.topic_country(
        "They rallied at the embassy in Jordan.",
        next(m for m in resolve.resolve_text("They rallied at the embassy in Jordan.")),
    )


def test_a_lone_reading_the_classifier_rules_out_votes_less(monkeypatch):
    # "Bara district" is only Brazil's in the gazetteer; the words are Nepalese.
    monkeypatch.setattr(resolve, "model_country_probabilities",
                        lambda text: {"NP": 0.5, "IN": 0.05, "BR": 0.001})  # fmt: skip
    hint, _ = _hint("Farmers staged a sit-in outside the land office in Bara district.")
    assert hint == "Nepal"


def test_doubt_needs_a_confident_classifier_and_no_plausible_reading():
    assert doubted({"HT": 1.0}, {"CM": 0.4, "HT": 0.001}) == resolve.UNLIKELY_WEIGHT
    assert doubted({"HT": 1.0, "CM": 1.0}, {"CM": 0.4, "HT": 0.001}) == 1.0
    assert doubted({"HT": 1.0}, {"CM": 0.15, "HT": 0.001}) == 1.0  # the classifier is unsure
    assert doubted({"HT": 1.0}, None) == 1.0


@pytest.mark.parametrize(
    "name, country, admin1",
    [
        ("Nord-Ouest", "CM", "Nord-Ouest"),
        ("Extreme-Nord", "CM", "Extreme-Nord"),
        ("Ituri", "CD", "Ituri"),
        ("Cataluna", "ES", "Cataluna"),
        ("Lombardia", "IT", "Lombardia"),
        ("Bayern", "DE", "Bayern"),
        ("Lori", "AM", "Lori"),
    ],
)
def test_acled_admin1_spellings_are_admin1_names(name, country, admin1):
    gaz = load_gazetteer()
    areas = [p for p in gaz.exact(name_key(name)) if p.feature_class == "A"]
    assert (country, admin1) in {(p.country_code, p.name) for p in areas}


def test_a_region_acled_spells_in_french_places_the_text(monkeypatch):
    monkeypatch.setattr(resolve, "model_country_probabilities",
                        lambda text: {"CM": 0.3, "NG": 0.05, "HT": 0.001})  # fmt: skip
    hint, places = _hint("Soldiers raided a village near Bafut (Mezam, Nord-Ouest) on Friday.")
    assert hint == "Cameroon"
    assert ("Nord-Ouest", "Cameroon") in places


def test_a_town_said_to_be_where_it_happened_keeps_its_vote(monkeypatch):
    # Sarpsborg is only Norway's; the words read Swedish (a movement active in both), and the
    # classifier, which knows few Norwegian texts, all but rules Norway out.
    monkeypatch.setattr(resolve, "model_country_probabilities",
                        lambda text: {"SE": 0.35, "NO": 0.001})  # fmt: skip
    hint, _ = _hint("Activists of a Nordic movement demonstrated in Sarpsborg.")
    assert hint == "Norway"


@pytest.mark.parametrize(
    "text, probabilities, country",
    [
        # The words read German or Indian; the capital says where ("Vienna, Virginia" and
        # Chattogram, once called Islamabad, are no match for the capitals).
        ("Kindergarten staff rallied in Vienna over a shortage of teachers.",
         {"DE": 0.6, "FR": 0.1, "AT": 0.001}, "Austria"),
        ("Hundreds of students held a sit-in at Islamabad to demand a teacher's release.",
         {"IN": 0.3, "PK": 0.05}, "Pakistan"),
        ("Court clerks gathered for a rally in Bratislava over a planned reform.",
         {"PL": 0.9, "SK": 0.005}, "Slovakia"),
    ],
)
def test_a_national_capital_places_the_text(monkeypatch, text, probabilities, country):
    monkeypatch.setattr(resolve, "model_country_probabilities", lambda _: probabilities)
    hint, places = _hint(text)
    assert hint == country
    assert places[0][1] == country


def test_a_capital_name_other_cities_share_is_no_capital():
    for name in ("Tripoli", "San Juan", "Athens"):  # also Lebanese, Argentine, American cities
        found = resolve.resolve_text(f"Shopkeepers protested in {name} over power cuts.")
        m = next(m for m in found if m.text == name)
        assert resolve._capital_reading(m, m.candidates, found) == set()
    found = resolve.resolve_text("Drivers protested in Vienna over fuel prices.")
    assert resolve._capital_reading(found[0], found[0].candidates, found) == {"AT"}


@pytest.mark.parametrize(
    "text, country",
    [
        ("Some 120 people rallied in Heidelberg to call for a cease-fire in Ukraine.", "Germany"),
        ("Teachers marched in Heidelberg to demand the release of a reporter held by gunmen in "
         "Mali.", "Germany"),
    ],
)
def test_a_country_named_after_where_it_happened_is_what_it_is_about(monkeypatch, text, country):
    # The words lean German, not as firmly as "in Ukraine" named where it happened would.
    monkeypatch.setattr(resolve, "model_country_probabilities",
                        lambda _: {"DE": 0.45, "UA": 0.05, "ML": 0.05})  # fmt: skip
    hint, places = _hint(text)
    assert hint == country
    assert ("Heidelberg", "Germany") in places


def test_a_town_in_the_country_named_later_still_leaves_it_where(no_model):
    hint, _ = _hint("Dozens of residents protested in Kharkiv in Ukraine over power cuts.")
    assert hint == "Ukraine"


def test_two_places_coordinated_both_say_where(no_model):
    hint, _ = _hint("Hundreds marched in Heidelberg and in Ukraine against the mobilisation law.")
    assert hint == "Ukraine"


def test_with_nothing_else_the_unsure_classifier_still_guesses(monkeypatch):
    # No place, no actor of a country, a flat classifier: its top country beats no country.
    from sitrep.extract.actors import roles
    from sitrep.extract.places import location

    monkeypatch.setattr(resolve, "model_country_probabilities",
                        lambda text: {"KE": 0.08, "NG": 0.05, "MX": 0.04})  # fmt: skip
    state = DocState(text="Raiders wounded two herders at a ward on Friday.", published=None,
                     outlet=None)  # fmt: skip
    find_places(state)
    assert state.country_hint is None  # too unsure to read the places by
    assert roles.document_country(state) == "Kenya"
    guessed = location.guessed_place(state)
    assert guessed is not None and guessed.place.country == "Kenya"
    assert guessed.place.geo_precision == 3


def test_a_governorate_seat_places_the_text_as_a_capital_does(monkeypatch):
    # The words read Spanish; Haifa, the seat of its district, is named as where it happened.
    monkeypatch.setattr(resolve, "model_country_probabilities",
                        lambda _: {"ES": 0.7, "PT": 0.05, "IL": 0.002})  # fmt: skip
    hint, places = _hint("Junior doctors protested in Haifa over the length of their shifts.")
    assert hint == "Israel"
    assert places == [("Haifa", "Israel")]


def test_a_province_acled_names_in_parentheses_says_the_country(no_model):
    # Soum is a Burkinabe province (ISO 3166-2, second level) that cities500 lacks: the
    # parenthesis' holder says Burkina Faso though "Soum" alone reads as a Yemeni town.
    hint, _ = _hint("On 3 May, gunmen attacked a patrol near Zorbega (Pobe, Soum).")
    assert hint == "Burkina Faso"
    assert resolve.subdivision_evidence("a village (Qwertyville, Passore district)") == {"BF": 2.0}


def test_a_province_name_other_countries_give_their_regions_is_one_reading():
    # France's Nord department shares its name with Cameroon's, Haiti's and Burkina Faso's
    # regions: one reading of four, not France's vote.
    votes = resolve.subdivision_evidence("a village (Qwertyville, Nord)")
    assert votes == {"FR": 0.5}


def test_acleds_coded_to_remark_names_a_town_where_it_happened(monkeypatch):
    # "(coded to Merida)" names the town ACLED placed the event at, not a governorate holding
    # Yucatan (Venezuela's Merida state); "[coded to Sarpsborg]" says where, as "in" does.
    monkeypatch.setattr(resolve, "model_country_probabilities",
                        lambda text: {"VE": 0.3, "MX": 0.05, "SE": 0.6, "NO": 0.03})  # fmt: skip
    found = resolve.resolve_text("Fishers rallied across Yucatan state (coded to Merida).")
    merida = next(m for m in found if m.text == "Merida")
    assert merida.paren_index == 0
    hint, _ = _hint("On 3 May, fishers rallied in Yucatan state (coded to Merida) on Monday.")
    assert hint == "Mexico"
    hint, _ = _hint("Activists of a Nordic movement marched in the valley [coded to Sarpsborg].")
    assert hint == "Norway"


def test_a_territory_acled_codes_in_another_country_is_named_as_that_country():
    # ACLED codes Hong Kong as China's admin1 "Hong Kong"; the territory stays a place name.
    gaz = load_gazetteer()
    assert gaz.countries["HK"].name == "China" and gaz.countries["HK"].iso3 == "CHN"
    assert gaz.country_code("China") == "CN" and gaz.country_code("Hong Kong") == "HK"
    hint, places = _hint("Dock workers protested outside a depot in Kowloon City, Hong Kong.")
    assert hint == "China"
    assert all(country == "China" for _, country in places)
    town = next(p for p in gaz.exact(name_key("Kowloon City")) if p.feature_class == "P")
    assert town.admin1 == "Hong Kong"
    assert gaz.countries["SJ"].name == "Norway"


@pytest.mark.parametrize(
    "text, name, country",
    [
        ("Nurses rallied in Tours against the closure of a ward.", "Tours", "France"),
        ("About 80 dockers marched in Split over unpaid wages.", "Split", "Croatia"),
        ("Students gathered at Nancy on Friday to oppose a fee rise.", "Nancy", "France"),
    ],
)
def test_a_big_town_named_as_where_it_happened_is_no_common_word(no_model, text, name, country):
    # "Tours", "Split" are English words and "Nancy" a given name; said to be where it happened
    # and spelled as a provincial capital, they are the towns.
    hint, places = _hint(text)
    assert (name, country) in places and hint == country


def test_a_common_word_after_in_is_still_no_place_unless_a_big_town():
    found = resolve.resolve_text("The committee met in May and tours of the site began.")
    assert found == []


def test_a_name_with_a_romance_particle_is_one_name(no_model):
    # "da", "do", "del" join the words of Portuguese, Spanish and Italian names.
    hint, places = _hint("Cannery workers rallied in Figueira da Foz over late wages.")
    assert places == [("Figueira da Foz", "Portugal")] and hint == "Portugal"


def test_of_inside_a_name_the_gazetteer_has_joins_it(no_model):
    # "Port of Spain" is Trinidad's capital, not Spain ending a longer name.
    hint, places = _hint("On 3 May, in Port of Spain, dock workers protested over late pay.")
    assert hint == "Trinidad and Tobago"
    assert places[0] == ("Port of Spain", "Trinidad and Tobago")


def test_and_inside_a_name_the_gazetteer_has_joins_it(no_model):
    # "Newfoundland and Labrador" is one province, not an Australian town called Labrador.
    hint, places = _hint("Teachers rallied in Corner Brook (Newfoundland and Labrador) over pay.")
    assert hint == "Canada"
    assert ("Newfoundland and Labrador", "Canada") in places


def test_a_region_split_off_after_the_gazetteer_is_its_former_region(monkeypatch):
    # Ghana's North East region (2019) was Northern, as ACLED's 2020 notes code it; the
    # gazetteer knows only Botswana's and Iceland's North East.
    monkeypatch.setattr(resolve, "model_country_probabilities", lambda text: {"GH": 0.1})
    hint, places = _hint("Herders attacked a farmer near Zorbega (Walewale, North East).")
    assert hint == "Ghana"
    assert ("North East", "Ghana") in places


def test_a_country_joined_by_of_is_left_to_the_country_mentions(no_model):
    # "registered to the Isle of Man" names where a company is registered; a name joined by
    # "of" that only names a country is not read as one (a town's name, "Port of Spain", is).
    found = resolve.resolve_text("A shipping firm registered to the Isle of Man lost contact.")
    assert all(m.text != "Isle of Man" for m in found)
