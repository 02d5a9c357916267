"""PLACEHOLDER — being written (see docs/ARCHITECTURE.md)."""

from sitrep.extract.registry import extractor
from sitrep.extract.state import DocState

@extractor("quantities", requires=("events", "tallies"), assigns=("events.quantities", "tallies.quantities"))
def count_casualties(state: DocState) -> None:
    pass
