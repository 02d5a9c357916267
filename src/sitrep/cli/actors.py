"""The `sitrep actors` command: actor mentions found in articles, or unknown organisations."""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from datetime import date
from typing import Annotated

import typer

# Enough of the pipeline to find actor mentions: places give the document's country.
MENTION_EXTRACTORS = ("segment", "times", "places", "actors")


def register(app: typer.Typer) -> None:
    """Add the `actors` command to the main application."""
    app.command("actors")(actors_command)


def actors_command(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, or - for stdin.")],
    unknown: Annotated[
        bool,
        typer.Option(
            "--unknown", help="List only organisations missing from the actor dictionary."
        ),
    ] = False,
    published: Annotated[
        str | None,
        typer.Option("--published", help="Publication date (YYYY-MM-DD) for headerless text."),
    ] = None,
) -> None:
    """Show every actor mention (words, canonical actor, inter code, kind), or with --unknown the
    organisation names NER found that the dictionary lacks, most frequent first."""
    from sitrep.ingest.readers import read_paths
    from sitrep.records import RawDocument

    try:
        day = date.fromisoformat(published) if published else None
    except ValueError:
        raise typer.BadParameter(
            f"{published!r} is not a date (YYYY-MM-DD)", param_hint="--published"
        ) from None
    raws = [r for r in read_paths(paths, published=day) if isinstance(r, RawDocument)]
    counts: Counter[str] = Counter()
    where: dict[str, set[str]] = defaultdict(set)
    out = sys.stdout
    for raw, mentions in mentions_of(raws):
        label = raw.source or raw.input_id or "-"
        for m in mentions:
            if unknown:
                # an unknown organisation: no inter code, or one its own words gave it ("the X
                # Brigade"); not a known force's unit ("the army's border guard")
                if (
                    (m.actor.inter is None or m.actor.parent is None)
                    and m.kind == "org"
                    and not _in_dictionary(m.actor.name, raw)
                ):
                    counts[m.actor.name] += 1
                    where[m.actor.name].add(label)
                continue
            loaded = "loaded" if m.actor.loaded else ""
            inter = "" if m.actor.inter is None else str(m.actor.inter)
            out.write(
                f"{label}\t{m.span.start}\t{m.span.text}\t{m.actor.name}\t{inter}\t{m.kind}\t{loaded}\n"
            )
    if unknown:
        for name, n in counts.most_common():
            out.write(f"{n}\t{name}\t{', '.join(sorted(where[name]))}\n")


def mentions_of(raws: list):  # type: ignore[no-untyped-def,type-arg]
    """(raw document, actor mentions) for each document, through the mention-finding extractors."""
    from sitrep.extract.state import DocState
    from sitrep.pipeline import Pipeline

    pipeline = Pipeline(MENTION_EXTRACTORS)
    for raw, parsed in zip(raws, pipeline.nlp.pipe(r.text for r in raws), strict=True):
        state = DocState(
            text=raw.text, published=raw.published, outlet=raw.outlet, title=raw.title, doc=parsed
        )
        for spec in pipeline.specs:
            spec.func(state)
        yield raw, state.actors


def _in_dictionary(name: str, raw) -> bool:  # type: ignore[no-untyped-def]
    from sitrep.knowledge.actors import actor_dictionary

    year = raw.published.year if raw.published else None
    return actor_dictionary(year).entry(name) is not None
