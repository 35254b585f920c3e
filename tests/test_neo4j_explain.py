"""Every catalog query Neo4j runs is planned by Neo4j itself (EXPLAIN: planned, not run)."""

import pytest

from argmap.cypher import load_catalog
from argmap.store import Engine
from argmap.store.open import open_store

pytestmark = pytest.mark.anyio

# Schema DDL is run for real at every startup; EXPLAIN does not apply to it.
PLANNED = [n for n in load_catalog(Engine.NEO4J).queries if not n.startswith("schema/")]


@pytest.fixture
async def neo4j_store(neo4j_settings):
    async with open_store(neo4j_settings) as store:
        yield store


@pytest.mark.parametrize("name", PLANNED)
async def test_neo4j_plans_the_query(neo4j_store, name):
    catalog = load_catalog(Engine.NEO4J)
    query = catalog(name)
    if "// depth-bound:" in query:
        query = catalog.bounded(name, 4)
    rows = await neo4j_store.read("EXPLAIN " + query)
    assert rows == []  # planned; EXPLAIN returns no records
