"""`sitrep actors`: every mention of a file, or the organisations missing from the dictionary."""

from typer.testing import CliRunner

from sitrep.cli.main import app

runner = CliRunner()


def test_actors_lists_mentions_with_canonical_names(example_path):
    result = runner.invoke(app, ["--quiet", "actors", str(example_path)])
    assert result.exit_code == 0, result.output
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    found = {(r[2], r[3], r[5]) for r in rows}
    assert ("Iraqi Hezbollah Brigades", "Kata'ib Hezbollah", "org") in found
    assert ("Abu Ali al-Askari", "Kata'ib Hezbollah", "person") in found
    assert any(r[2] == "US occupation" and r[6] == "loaded" for r in rows)


def test_actors_unknown_lists_missing_organisations(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(
        "date 2020-05-09 Clashes near Samarra\n"
        "The Tigris Liberation Brigade attacked the town of Samarra on Friday. "
        "Hezbollah denied any role.\n"
    )
    result = runner.invoke(app, ["--quiet", "actors", "--unknown", str(article)])
    assert result.exit_code == 0, result.output
    names = [line.split("\t")[1] for line in result.stdout.splitlines()]
    assert any("Tigris Liberation Brigade" in n for n in names)
    assert not any("Hezbollah" in n for n in names)
