"""Contract tests for `GraphStore` and the schema: the same assertions on every engine."""

import pytest
from queries import FixtureQuery, fixture_queries

from argmap.catalog import load_catalog
from argmap.store import ConstraintViolation
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
