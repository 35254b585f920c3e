"""Constraints and indexes, applied idempotently at every startup on both engines."""

from __future__ import annotations

from .cypher import Catalog
from .store import GraphStore, QueryFailed

# Neo4j: `cypher/schema/010_*_id.cypher` create these constraints themselves.
# FalkorDB: the overrides create the index and the store adds the constraint command.
UNIQUE_KEYS = (("Statement", "id"), ("Source", "id"), ("Person", "id"), ("Quote", "id"))
ALREADY_EXISTS = ("already indexed", "already exists", "equivalent")


async def apply_schema(store: GraphStore, catalog: Catalog) -> None:
    for name in catalog.area("schema"):
        try:
            await store.write(catalog(name))
        except QueryFailed as exc:
            # FalkorDB's DDL has no IF NOT EXISTS; an existing index is the wanted state.
            if not any(text in str(exc).lower() for text in ALREADY_EXISTS):
                raise
    if create_unique := getattr(store, "create_unique_constraint", None):
        for label, prop in UNIQUE_KEYS:
            await create_unique(label, prop)
