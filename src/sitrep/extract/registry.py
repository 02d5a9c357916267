"""Extractors are registered by name with what they read and write, like spaCy's factories.

The pipeline is a list of names; `check_order` proves from the declarations that every field an
extractor requires was assigned by an earlier one. Third parties add extractors through the
`sitrep.extractors` entry-point group (each entry point names a module that registers on import).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib.metadata import entry_points

from sitrep.errors import ConfigError
from sitrep.extract.state import DocState

log = logging.getLogger(__name__)

ExtractorFn = Callable[[DocState], None]

# Fields the pipeline provides before any extractor runs (it parses with spaCy in batches).
INITIAL_FIELDS = frozenset({"text", "published", "outlet", "title", "doc"})


@dataclass(frozen=True, slots=True)
class ExtractorSpec:
    name: str
    func: ExtractorFn
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


_REGISTRY: dict[str, ExtractorSpec] = {}


def extractor(
    name: str, *, requires: Sequence[str] = (), assigns: Sequence[str] = ()
) -> Callable[[ExtractorFn], ExtractorFn]:
    """Register `func` as the extractor `name`, reading `requires` and writing `assigns`."""

    def register(func: ExtractorFn) -> ExtractorFn:
        _REGISTRY[name] = ExtractorSpec(name, func, tuple(requires), tuple(assigns))
        return func

    return register


def get_extractor(name: str) -> ExtractorSpec:
    if name not in _REGISTRY:
        _load_entry_points()
    try:
        return _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY))
        raise ConfigError(f"no extractor named {name!r}; registered: {known}") from None


def check_order(names: Sequence[str]) -> list[ExtractorSpec]:
    """The specs for `names`, after checking each one's inputs are assigned before it runs."""
    available = set(INITIAL_FIELDS)
    specs = []
    for name in names:
        spec = get_extractor(name)
        missing = [r for r in spec.requires if r not in available]
        if missing:
            raise ConfigError(
                f"extractor {name!r} requires {missing}, "
                "but nothing earlier in the pipeline assigns it"
            )
        available.update(spec.assigns)
        specs.append(spec)
    return specs


def _load_entry_points() -> None:
    for ep in entry_points(group="sitrep.extractors"):
        try:
            ep.load()
        except Exception as exc:  # a broken plugin must not hide the built-in extractors
            log.warning("could not load extractor plugin %s: %s", ep.name, exc)
