"""ACLED's spelling of admin2 names: GeoNames' designation words dropped."""

from __future__ import annotations

import pytest

from sitrep.knowledge.admin2names import acled_admin2


@pytest.mark.parametrize(
    "geonames, acled",
    [
        ("Provincia di Varese", "Varese"),
        ("Provincia de Leon", "Leon"),
        ("Departement de la Gironde", "Gironde"),
        ("Departement de l'Aisne", "Aisne"),
        ("Municipio Colon", "Colon"),
        ("Partido de La Matanza", "La Matanza"),
        ("Cook County", "Cook"),
        ("Settat Province", "Settat"),
        # ACLED keeps these words in its own names.
        ("Quezon City", "Quezon City"),
        ("City of Johannesburg", "City of Johannesburg"),
        ("Provincia", "Provincia"),
        (None, None),
    ],
)
def test_designation_words_are_dropped(geonames, acled):
    assert acled_admin2(geonames) == acled

