"""Contract tests for `GraphStore` and the schema: the same assertions on every engine."""

import pytest
from queries import FixtureQuery, fixture_queries

from argmap.catalog import load_catalog
from argmap.store import ConstraintViolation
from argmap.store.open import open_store
from argmap.store.schema import prepare_database

pytestmark = pytest.mark.anyio

TRICKY_TEXTS = [
    "plain",
    "unicode: Erdoğan — «NATO» 北约 🇺🇦",
    "quotes ' \" ` and backslash \\ and \\n literal",
    "control \x01\t\r\n chars",
    "cypher-looking: '}) MATCH (n) DETACH DELETE n //",
]


async def test_write_then_read_roundtrips_text_verbatim(store):
    q = fixture_queries(store.engine)
    rows = [{"id": f"ct-{i}", "text": text} for i, text in enumerate(TRICKY_TEXTS)]
    try:
        written = await store.write(q(FixtureQuery.TESTING_PUT_NODES), {"rows": rows})
        assert written == [{"written": len(rows)}]
        read = await store.read(q(FixtureQuery.TESTING_GET_NODES), {"ids": [r["id"] for r in rows]})
        assert [r["node"] for r in read] == rows
    finally:
        await store.write(q(FixtureQuery.TESTING_DELETE_NODES), {"ids": [r["id"] for r in rows]})


async def test_schema_is_idempotent_and_enforces_unique_ids(store):
    q = fixture_queries(store.engine)
    await prepare_database(store, load_catalog(store.engine))
    await prepare_database(store, load_catalog(store.engine))  # a second run changes nothing
    try:
        await store.write(q(FixtureQuery.TESTING_CREATE_STATEMENT), {"id": "ct-unique"})
        with pytest.raises(ConstraintViolation):
            await store.write(q(FixtureQuery.TESTING_CREATE_STATEMENT), {"id": "ct-unique"})
    finally:
        await store.write(q(FixtureQuery.TESTING_DELETE_NODES), {"ids": ["ct-unique"]})


async def test_ping_answers(store):
    await store.ping()


async def test_link_ids_are_unique(store):
    await prepare_database(store, load_catalog(store.engine))
    create = "CREATE (:Link {id: 'ct-link~supports~ct-other'})"
    try:
        await store.write(create)
        with pytest.raises(ConstraintViolation):
            await store.write(create)
    finally:
        await store.write("MATCH (l:Link) WHERE l.id STARTS WITH 'ct-link' DETACH DELETE l")


async def test_patterns_over_types_not_yet_written_see_later_writes(engine_settings):
    """FalkorDB keeps the plan of a query text; planned before a relationship type existed, a
    pattern comprehension collecting relationships of it stayed empty for good.
    prepare_database makes every type argmap reads exist first (on a graph that has never
    held one)."""
    settings = engine_settings.model_copy(update={"falkordb_graph": "argmap_test_fresh_types"})
    # (as the edge writes collect the ARGUES they replace)
    speakers = "MATCH (l:Link {id: $id}) RETURN size([(:Person)-[a:ARGUES]->(l) | a]) AS n"
    params = {"id": "ct-fresh~supports~ct-link"}
    async with open_store(settings) as store:
        catalog = load_catalog(store.engine)
        try:
            await prepare_database(store, catalog)
            await store.write("CREATE (:Link {id: $id}), (:Person {id: 'ct-fresh'})", params)
            assert await store.read(speakers, params) == [{"n": 0}]  # planned now
            argue = "MATCH (l:Link {id: $id}) MATCH (p:Person {id: 'ct-fresh'}) CREATE (p)-[:ARGUES]->(l)"
            await store.write(argue, params)
            assert await store.read(speakers, params) == [{"n": 1}]
        finally:
            await store.write("MATCH (n) WHERE n.id IN ['ct-fresh', $id] DETACH DELETE n", params)
