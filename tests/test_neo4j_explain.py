"""Every catalog query Neo4j runs is planned by Neo4j itself (EXPLAIN: planned, not run)."""

import pytest

from argmap.catalog import Query, load_catalog
from argmap.engines import Engine
from argmap.store.open import open_store

pytestmark = pytest.mark.anyio

# Schema DDL is run for real at every startup; EXPLAIN does not apply to it.
PLANNED = [name for name in Query if not name.startswith("schema/")]


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
