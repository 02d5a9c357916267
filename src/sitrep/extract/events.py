"""PLACEHOLDER — being written (see docs/ARCHITECTURE.md)."""

from sitrep.extract.registry import extractor
from sitrep.extract.state import DocState

@extractor("events", requires=("sentences", "times", "places", "actors"), assigns=("events",))
def find_events(state: DocState) -> None:
    pass


@extractor("merge", requires=("events.when", "events.where", "events.actors"), assigns=("events.merged",))
def merge_events(state: DocState) -> None:
    pass
