"""The command line on the embedded engine: seed, query, export, import, keygen."""

import importlib
import json

import httpx
import pytest
from serving import clean_env, http_server
from support import SEEDED_STATEMENTS
from typer.testing import CliRunner

from argmap.cli import app
from argmap.keys import hash_key

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def invoke(*args: str):
    """Run a command that should fail: its exception, if any escapes, is kept for the test."""
    return runner.invoke(app, list(args))


def test_seed_query_export_import_round_trip(tmp_path):
    first, second = str(tmp_path / "first"), str(tmp_path / "second")
    assert run("seed", "--data-dir", first).exit_code == 0
    assert run("seed", "--data-dir", first).exit_code == 0  # idempotent
    query = tmp_path / "count.cypher"
    query.write_text("MATCH (s:Statement) RETURN count(s) AS statements")
    counted = run("query", str(query), "--data-dir", first)
    assert counted.exit_code == 0 and str(SEEDED_STATEMENTS) in counted.stdout

    exported = tmp_path / "map.json"
    assert run("export", "--data-dir", first, "--out", str(exported)).exit_code == 0
    imported = run("import", str(exported), "--data-dir", second)
    assert imported.exit_code == 0 and f"{SEEDED_STATEMENTS} statements" in imported.stdout
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


# Flags override variables only when given (README): `serve` builds its settings from the
# environment and the given flags alone. The server itself is replaced by a recorder here; the
# end-to-end test below runs the real one.
@pytest.mark.parametrize(
    ("variable", "flags", "seeds"),
    [
        ("false", [], False),
        ("true", [], True),
        ("true", ["--no-seed"], False),
        ("false", ["--seed"], True),
    ],
)
def test_serve_seeds_as_the_variable_says_unless_a_flag_is_given(
    monkeypatch, tmp_path, variable, flags, seeds
):
    served = []
    # the module, not `argmap.cli.serve`: that name is the command
    monkeypatch.setattr(importlib.import_module("argmap.cli.serve"), "serve", served.append)
    monkeypatch.setenv("ARGMAP_SEED_ON_EMPTY", variable)
    monkeypatch.chdir(tmp_path)  # no .env of the working tree
    result = run("serve", "--data-dir", str(tmp_path / "db"), *flags)
    assert result.exit_code == 0, result.output
    assert [settings.seed_on_empty for settings in served] == [seeds]


def test_serve_with_seeding_off_by_the_environment_leaves_the_database_empty(tmp_path):
    args = ["-m", "argmap", "serve", "--port", "{port}", "--data-dir", str(tmp_path / "data")]
    env = clean_env(ARGMAP_SEED_ON_EMPTY="false", ARGMAP_WORKERS="1")
    with http_server(args, workdir=tmp_path, env=env) as base:
        assert httpx.get(f"{base}/statements").json()["total"] == 0


# Every command reports a failure as one `error: ...` line (an invalid file: with its problem
# list) and a non-zero exit, never a traceback.
HOSTILE_GRAPHML = """<?xml version="1.0" encoding="utf-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="kind" attr.type="string"/>
  <key id="d1" for="node" attr.name="start" attr.type="int"/>
  <graph edgedefault="directed">
    <node id="one"><data key="d0">statement</data><data key="d1">twelve</data></node>
  </graph>
</graphml>
"""
HOSTILE_AIF = {
    "nodes": [{"nodeID": "1", "text": "One", "type": "I"}],
    "edges": [],
    "locutions": [],
    "participants": [{"participantID": ["p1", "p2"], "firstname": "Alice"}],
}


def fails_cleanly(result, *expected: str) -> None:
    output = result.stdout + result.stderr
    assert result.exit_code not in (0, None), output
    assert result.exception is None or isinstance(result.exception, SystemExit), output
    assert "Traceback" not in output
    assert any(line.startswith("error: ") for line in output.splitlines()), output
    for text in expected:
        assert text in output, output


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("hostile.graphml", HOSTILE_GRAPHML, "'twelve' is not a valid int"),
        ("hostile-aif.json", json.dumps(HOSTILE_AIF), "participantID"),
    ],
)
def test_import_of_a_hostile_file_lists_its_problems(tmp_path, name, content, problem):
    hostile = tmp_path / name
    hostile.write_text(content)
    result = invoke("import", str(hostile), "--data-dir", str(tmp_path / "db"))
    fails_cleanly(result, name, problem)


def test_missing_files_are_one_error_line(tmp_path):
    missing = str(tmp_path / "nonexistent.cypher")
    fails_cleanly(invoke("query", missing, "--data-dir", str(tmp_path / "db")), missing)
    fails_cleanly(invoke("import", missing, "--data-dir", str(tmp_path / "db")), missing)
    unwritable = str(tmp_path / "no-such-dir" / "map.json")
    result = invoke("export", "--data-dir", str(tmp_path / "db"), "--out", unwritable)
    fails_cleanly(result, unwritable, "No such file or directory")


def test_a_failing_query_is_one_error_line(tmp_path):
    bad = tmp_path / "bad.cypher"
    bad.write_text("MATCH (s:Statement RETURN s")
    fails_cleanly(invoke("query", str(bad), "--data-dir", str(tmp_path / "db")))
