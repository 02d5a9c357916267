"""A state a parenthesis names by its abbreviation ("(Ranipur district, J&K)", "Kolvari (UP)")
holds the place before it, in a text read as happening in that country only."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, admin1",
    [("On 4 May 2020, Indian police fired at stone pelters in Dolwarpora town "
      "(Kanthipur district, J&K).", "Jammu and Kashmir"),
     ("On 4 May 2020, a mob of Indian villagers attacked police personnel in Nirgapur (UP) "
      "over the lockdown.", "Uttar Pradesh"),
     ("On 4 May 2020, Pakistani police fired at protesters in Bandori village (Gulzarwand, KPK).",
      "Khyber Pakhtunkhwa")],
)
def test_an_abbreviated_state_holds_the_place(code, text, admin1):
    doc = code(text, "2020-05-06")
    assert [e.admin1 for e in doc.events] == [admin1]


def test_initials_in_another_country_are_no_state(code):
    doc = code("On 4 May 2022, members of Unidas Podemos (UP) demonstrated in Sevilla against "
               "rising rents.", "2022-05-06")  # fmt: skip
    assert [(e.country, e.admin1) for e in doc.events] == [("Spain", "Andalucia")]
