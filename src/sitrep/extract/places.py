"""PLACEHOLDER — being written (see docs/ARCHITECTURE.md)."""

from sitrep.extract.registry import extractor
from sitrep.extract.state import DocState

@extractor("places", requires=("sentences",), assigns=("places", "country_hint"))
def find_places(state: DocState) -> None:
    pass


@extractor("locations", requires=("events", "tallies", "places"), assigns=("events.where", "tallies.where"))
def attach_locations(state: DocState) -> None:
    pass
