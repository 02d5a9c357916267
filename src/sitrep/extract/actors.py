"""PLACEHOLDER — being written (see docs/ARCHITECTURE.md)."""

from sitrep.extract.registry import extractor
from sitrep.extract.state import DocState

@extractor("actors", requires=("sentences",), assigns=("actors",))
def find_actors(state: DocState) -> None:
    pass


@extractor("roles", requires=("events", "tallies", "actors"), assigns=("events.actors", "tallies.actors"))
def assign_roles(state: DocState) -> None:
    pass
