"""PLACEHOLDER — being written (see docs/ARCHITECTURE.md)."""

from sitrep.extract.registry import extractor
from sitrep.extract.state import DocState

@extractor("tallies", requires=("events", "events.modality"), assigns=("tallies",))
def split_tallies(state: DocState) -> None:
    pass
