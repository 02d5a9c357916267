"""PLACEHOLDER — being written (see docs/ARCHITECTURE.md)."""

from sitrep.extract.registry import extractor
from sitrep.extract.state import DocState

@extractor("factuality", requires=("events",), assigns=("events.modality",))
def assign_modality(state: DocState) -> None:
    pass
