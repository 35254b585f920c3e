"""Contract tests for `GraphStore` and the schema: the same assertions on every engine."""

import pytest

from argmap.cypher import load_catalog
from argmap.schema import apply_schema
from argmap.store import ConstraintViolation

pytestmark = pytest.mark.anyio

TRICKY_TEXTS = [
    "plain",
    "unicode: Erdoğan — «NATO» 北约 🇺🇦",
    "quotes ' \" ` and backslash \\ and \\n literal",
    "control \x01\t\r\n chars",
    "cypher-looking: '}) MATCH (n) DETACH DELETE n //",
]


async def test_write_then_read_roundtrips_text_verbatim(store):
    q = load_catalog(store.engine)
    rows = [{"id": f"ct-{i}", "text": text} for i, text in enumerate(TRICKY_TEXTS)]
    try:
        written = await store.write(q("testing/put_nodes"), {"rows": rows})
        assert written == [{"written": len(rows)}]
        read = await store.read(q("testing/get_nodes"), {"ids": [r["id"] for r in rows]})
        assert [r["node"] for r in read] == rows
    finally:
        await store.write(q("testing/delete_nodes"), {"ids": [r["id"] for r in rows]})


async def test_schema_is_idempotent_and_enforces_unique_ids(store):
    q = load_catalog(store.engine)
    await apply_schema(store, q)
    await apply_schema(store, q)  # a second run is a no-op, not an error
    try:
        await store.write(q("testing/create_statement"), {"id": "ct-unique"})
        with pytest.raises(ConstraintViolation):
            await store.write(q("testing/create_statement"), {"id": "ct-unique"})
    finally:
        await store.write(q("testing/delete_nodes"), {"ids": ["ct-unique"]})


async def test_ping_answers(store):
    await store.ping()
