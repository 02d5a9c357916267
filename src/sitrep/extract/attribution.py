"""PLACEHOLDER — being written (see docs/ARCHITECTURE.md)."""

from sitrep.extract.registry import extractor
from sitrep.extract.state import DocState

@extractor("attribution", requires=("events", "tallies"), assigns=("sentence_sources", "events.sources", "tallies.sources"))
def attribute_sources(state: DocState) -> None:
    pass
