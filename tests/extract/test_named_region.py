"""A place is read in the governorate its sentence names as a container ("in Northby,
Westshire, ...") and a state or township word after a name keeps it a place name."""

from __future__ import annotations

import pytest


def test_a_homonym_outside_the_named_state_does_not_win(code):
    # Camargo read as the town of that name in Chihuahua, far from Guanajuato.
    doc = code("On 3 May 2021, in Irapuato, Guanajuato, armed men riding a pickup shot at a man "
               "using rifles in Camargo community. The man died.", "2021-05-05")  # fmt: skip
    assert [e.admin1 for e in doc.events] == ["Guanajuato"]


@pytest.mark.parametrize(
    "text, admin1",
    [("On 3 May 2021, soldiers shelled two villages in Kyauktaw Township, Rakhine State.",
      "Rakhine"),
     ("On 3 May 2021, soldiers and rebels clashed near a bridge in Chin State.", "Chin")],
)
def test_a_state_word_keeps_the_name_a_place(code, text, admin1):
    doc = code(text, "2021-05-05")
    assert [e.admin1 for e in doc.events] == [admin1]


def test_a_homonym_outside_the_named_district_does_not_win(code):
    # Khalanga is also Darchula's headquarters, in another province than Jajarkot district.
    doc = code("On 4 June 2022, teachers held a sit-in near Khalanga bazaar (Jajarkot district) "
               "against unpaid salaries.", "2022-06-06")  # fmt: skip
    assert [e.admin1 for e in doc.events] == ["Karnali"]


def test_a_state_hospital_is_no_state(code):
    # "Toros State hospital" names a building, not a place called Toros.
    doc = code("On 3 May 2022, nurses protested outside the Toros State hospital in Tarsus, "
               "Mersin, demanding higher wages.", "2022-05-05")  # fmt: skip
    assert [e.admin1 for e in doc.events] == ["Mersin"]


def test_a_known_city_stands_though_another_department_is_named(code):
    # Monteria, a city of Cordoba and the only place of that name in Colombia: the department
    # the parenthesis names is the writer's slip, not the home of an unknown village.
    doc = code("On 3 May 2022, gunmen shot dead a shopkeeper in Monteria (Sucre).", "2022-05-05")
    assert [(e.admin1, e.location) for e in doc.events] == [("Cordoba", "Monteria")]
