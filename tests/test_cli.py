"""The command line on the embedded engine: seed, query, export, import, keygen."""

import json

from typer.testing import CliRunner

from argmap.cli import app
from argmap.keys import hash_key

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_seed_query_export_import_round_trip(tmp_path):
    first, second = str(tmp_path / "first"), str(tmp_path / "second")
    assert run("seed", "--data-dir", first).exit_code == 0
    assert run("seed", "--data-dir", first).exit_code == 0  # idempotent
    query = tmp_path / "count.cypher"
    query.write_text("MATCH (s:Statement) RETURN count(s) AS statements")
    counted = run("query", str(query), "--data-dir", first)
    assert counted.exit_code == 0 and "54" in counted.stdout

    exported = tmp_path / "map.json"
    assert run("export", "--data-dir", first, "--out", str(exported)).exit_code == 0
    imported = run("import", str(exported), "--data-dir", second)
    assert imported.exit_code == 0 and "54 statements" in imported.stdout
    again = tmp_path / "again.json"
    assert run("export", "--data-dir", second, "--out", str(again)).exit_code == 0
    assert again.read_bytes() == exported.read_bytes()


def test_bad_file_lists_its_problems_and_writes_nothing(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"statements": [{"id": "Bad Id", "role": "Claim", "text": "x"}]}))
    result = run("import", str(bad), "--data-dir", str(tmp_path / "db"))
    assert result.exit_code == 2
    assert "statements[0].id" in result.stderr and "nothing was written" in result.stderr


def test_export_of_an_unknown_scope_is_a_clear_error(tmp_path):
    result = run("export", "--data-dir", str(tmp_path / "db"), "--speaker", "nobody")
    assert result.exit_code == 1 and "no person with id 'nobody'" in result.stderr


def test_keygen_prints_a_key_and_its_hash():
    result = run("keygen", "--scope", "read")
    key = result.stdout.split("key (shown once): ")[1].split()[0]
    setting = json.loads(result.stdout.split("ARGMAP_API_KEYS='")[1].split("'")[0])
    assert setting == [{"sha256": hash_key(key), "scope": "read", "name": ""}]
