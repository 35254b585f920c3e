"""The Cypher catalog: complete, well-formed, and every name the code uses exists."""

import re
from pathlib import Path

import pytest

from argmap.cypher import CatalogError, load_catalog
from argmap.resources import CYPHER_DIR
from argmap.store import Engine

SERVICE = Path(__file__).resolve().parents[1] / "service" / "argmap"
NAME_USE = re.compile(r"""\b(?:q|_read|_write|_read_one)\(\s*["']([a-z_]+/[a-z0-9_]+)["']""")


@pytest.mark.parametrize("engine", list(Engine))
def test_catalog_loads_with_headers(engine):
    catalog = load_catalog(engine)
    assert "schema/010_statement_id" in catalog.queries
    for name, text in catalog.queries.items():
        assert "// params:" in text and "// returns:" in text, name


def test_falkordb_overrides_replace_base_queries():
    neo4j, falkor = load_catalog(Engine.NEO4J), load_catalog(Engine.FALKORDB)
    assert set(neo4j.queries) == set(falkor.queries)
    assert "CREATE CONSTRAINT" in neo4j("schema/010_statement_id")
    assert "CREATE INDEX" in falkor("schema/010_statement_id")


def test_every_query_name_used_in_code_exists():
    catalog = load_catalog(Engine.NEO4J)
    used = {m for path in SERVICE.rglob("*.py") for m in NAME_USE.findall(path.read_text())}
    missing = sorted(used - set(catalog.queries))
    assert not missing, f"queries used in code but absent from cypher/: {missing}"


def test_unknown_query_is_a_clear_error():
    with pytest.raises(CatalogError, match="no query 'nope/nothing'"):
        load_catalog(Engine.NEO4J)("nope/nothing")


def test_no_cypher_strings_in_python():
    cypher_start = re.compile(r"""["'](MATCH|MERGE|CREATE|UNWIND|CALL|RETURN) [\(\$a-z]""")
    offenders = [
        f"{p.name}:{n}"
        for p in SERVICE.rglob("*.py")
        for n, line in enumerate(p.read_text().splitlines(), 1)
        if cypher_start.search(line)
    ]
    assert not offenders, offenders


def test_cypher_dir_is_the_catalog_root():
    assert (CYPHER_DIR / "schema").is_dir()
