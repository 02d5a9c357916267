"""`sitrep places NAME`: the gazetteers' candidates for a place name, with scores and reasons.

Each candidate says which gazetteer it came from (the shipped GeoNames table, the village
gazetteer, the curated sites, the admin areas); the output ends with the sources and licences of
the place data in use, as their licences ask (credit "GeoNames", "Who's On First").
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console


def credits(gaz) -> list[str]:  # type: ignore[no-untyped-def]
    """One line per source of the place databases in use: name, licence, whom to credit."""
    seen: dict[tuple[str, str], str] = {}
    for table in gaz.tables:
        for s in table.sources:
            seen.setdefault((s.name, s.licence), f"{s.name} ({s.licence}; credit {s.credit})")
    return list(seen.values())


def register(app: typer.Typer) -> None:
    """Add the `places` command to the main app."""

    @app.command("places")
    def places(
        name: Annotated[str, typer.Argument(help="A place name as an article writes it.")],
        country: Annotated[
            str | None, typer.Option("--country", "-c", help="Favour this country (name or code).")
        ] = None,
        limit: Annotated[int, typer.Option("--limit", "-n", help="How many candidates.")] = 10,
        as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
    ) -> None:
        """Show the gazetteer's candidates for NAME: score, matched name, type, population."""
        import json

        from sitrep.cli.console import error, report
        from sitrep.knowledge.gazetteer import load_gazetteer

        gaz = load_gazetteer()
        if country and gaz.country_code(country) is None:
            error(f"unknown country {country!r}")
            raise typer.Exit(2)
        candidates = gaz.lookup(name, country=country, limit=limit)
        if as_json:
            for c in candidates:
                p = c.place
                row = {
                    "id": p.id, "name": p.name, "score": c.score, "matched": c.matched,
                    "tier": c.tier, "feature": p.feature, "feature_code": p.feature_code,
                    "population": p.population, "country": p.country, "iso3": p.iso3,
                    "admin1": p.admin1, "admin2": p.admin2, "admin3": p.admin3,
                    "latitude": p.latitude, "longitude": p.longitude, "gazetteer": p.source,
                    "why": list(c.why),
                }  # fmt: skip
                typer.echo(json.dumps(row, ensure_ascii=False))
            return
        if not candidates:
            report(f"no place matches {name!r}")
            raise typer.Exit(1)
        out = Console(soft_wrap=True, highlight=False, markup=False)
        from sitrep.knowledge.placefilter import load_place_filter

        if load_place_filter().is_common(name):
            out.print(f"note: {name!r} is a common word or person name; text matching ignores it")
        for c in candidates:
            p = c.place
            kind = p.site_type or p.feature_code
            admin = " > ".join(x for x in (p.country, p.admin1, p.admin2, p.admin3) if x)
            pop = f", population {p.population:,}" if p.population else ""
            out.print(
                f"{c.score:5.2f}  {p.name}  [{p.feature}/{kind}{pop}]  {admin}  "
                f"({p.latitude:.4f}, {p.longitude:.4f})\n"
                f"       from {p.source}; matched {c.matched!r} ({c.tier}); why: {'; '.join(c.why)}"
            )
        out.print("place data: " + "; ".join(credits(gaz)))
