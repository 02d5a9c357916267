"""PLACEHOLDER — being written (see docs/ARCHITECTURE.md)."""

from sitrep.extract.registry import extractor
from sitrep.extract.state import DocState

@extractor("times", requires=("sentences",), assigns=("times",))
def find_times(state: DocState) -> None:
    pass


@extractor("dates", requires=("events", "tallies", "times"), assigns=("events.when", "tallies.period"))
def attach_dates(state: DocState) -> None:
    pass
