"""PLACEHOLDER — being written (see docs/ARCHITECTURE.md)."""

from sitrep.extract.registry import extractor
from sitrep.extract.state import DocState

@extractor("loaded_terms", requires=("events", "tallies", "actors"), assigns=("events.loaded_terms", "tallies.loaded_terms"))
def find_loaded_terms(state: DocState) -> None:
    pass
