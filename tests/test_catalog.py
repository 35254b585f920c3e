"""The Cypher catalogs: complete, well-formed, and every name the code uses exists.

Code names queries only through enums (`Query`, the benchmarks' and tests' own), which the
loader matches against the files exactly: loading each catalog on each engine is the check.
"""

import re
from enum import StrEnum
from pathlib import Path

import pytest
from queries import FixtureQuery, fixture_queries

from argmap.catalog import CatalogError, Query, depth_bound, load_catalog
from argmap.domain import Role
from argmap.engines import Engine
from argmap.resources import CYPHER_DIR

ROOT = Path(__file__).resolve().parents[1]
SERVICE = ROOT / "service" / "argmap"


@pytest.mark.parametrize("engine", list(Engine))
def test_every_declared_query_has_a_file_and_every_file_a_name(engine):
    catalog = load_catalog(engine)
    assert set(catalog.queries) == {q.value for q in Query}
    for name, text in catalog.queries.items():
        assert "// params:" in text and "// returns:" in text, name
    assert set(fixture_queries(engine).queries) == {q.value for q in FixtureQuery}


def test_a_name_without_a_file_stops_the_load(tmp_path):
    (tmp_path / "area").mkdir()
    query = "// x\n// params: none\n// returns: n\nRETURN 1 AS n"
    (tmp_path / "area" / "there.cypher").write_text(query)
    Names = StrEnum("Names", {"THERE": "area/there", "MISSING": "area/missing"})
    with pytest.raises(CatalogError, match=r"without a file .*area/missing"):
        load_catalog(Engine.NEO4J, Names, tmp_path)
    Fewer = StrEnum("Fewer", {"THERE": "area/there"})
    (tmp_path / "area" / "extra.cypher").write_text(query)
    with pytest.raises(CatalogError, match=r"does not name: \['area/extra'\]"):
        load_catalog(Engine.NEO4J, Fewer, tmp_path)


def test_plain_strings_are_refused():
    with pytest.raises(CatalogError, match="not a Query name"):
        load_catalog(Engine.NEO4J)("statements/get")  # type: ignore[arg-type]


def test_falkordb_overrides_replace_base_queries():
    neo4j, falkor = load_catalog(Engine.NEO4J), load_catalog(Engine.FALKORDB)
    assert "CREATE CONSTRAINT" in neo4j(Query.SCHEMA_UNIQUE_KEY)
    assert "CREATE INDEX" in falkor(Query.SCHEMA_UNIQUE_KEY)


def test_schema_templates_take_identifiers_only():
    ddl = load_catalog(Engine.NEO4J).template(Query.SCHEMA_UNIQUE_KEY, Label="Statement", key="id")
    assert ddl.splitlines()[-1] == (
        "CREATE CONSTRAINT IF NOT EXISTS FOR (n:Statement) REQUIRE n.id IS UNIQUE"
    )
    with pytest.raises(CatalogError, match="not identifiers"):
        load_catalog(Engine.NEO4J).template(Query.SCHEMA_INDEX, Label="X) DETACH", key="id")
    with pytest.raises(CatalogError, match="needs exactly"):
        load_catalog(Engine.NEO4J).template(Query.SCHEMA_INDEX, Label="Person")


def test_the_api_depth_limit_is_the_catalog_depth_bound():
    from argmap.routes.params import MAX_DEPTH

    headers = {
        int(m.group(1))
        for p in CYPHER_DIR.rglob("*.cypher")
        if (m := re.search(r"^// depth-bound: (\d+)$", p.read_text(), re.M))
    }
    assert headers == {MAX_DEPTH} == {depth_bound()}
    with pytest.raises(CatalogError, match="depth must be an integer in 1..10"):
        load_catalog(Engine.NEO4J).bounded(Query.GRAPH_SUPPORT_TREE, MAX_DEPTH + 1)


def test_no_cypher_strings_in_python():
    cypher_start = re.compile(r"""["'](MATCH|MERGE|CREATE|UNWIND|CALL|RETURN) [\(\$a-z]""")
    offenders = [
        f"{p.relative_to(ROOT)}:{n}"
        for folder in (SERVICE, ROOT / "benchmarks")
        for p in folder.rglob("*.py")
        for n, line in enumerate(p.read_text().splitlines(), 1)
        if cypher_start.search(line)
    ]
    assert not offenders, offenders


def test_cypher_dir_is_the_catalog_root():
    assert (CYPHER_DIR / "schema").is_dir()


# Cypher takes no label as a parameter on FalkorDB (Neo4j 5.26 has `SET n:$(expr)`, FalkorDB
# refuses it), so the writes that set a role label switch over the roles: one label each.
ROLE_WRITES = [Query.STATEMENTS_CREATE, Query.STATEMENTS_UPDATE, Query.EXCHANGE_IMPORT]


@pytest.mark.parametrize("engine", list(Engine))
@pytest.mark.parametrize("name", ROLE_WRITES)
def test_role_writes_set_one_label_per_role_and_the_property(engine, name):
    query = load_catalog(engine)(name)
    assert re.findall(r"\| SET s:(\w+)\)", query) == list(Role)
    assert re.search(r"s\.role = (\$role|coalesce\(\$role, s\.role\)|row\.role)|role: \$role", query)
