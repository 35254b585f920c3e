"""The database schema, declared once and applied idempotently at every start-up.

Each engine turns a declaration into its own DDL (`GraphStore.ensure_unique` /
`ensure_index`): the Cypher comes from the catalog's `schema/` templates.
"""

from __future__ import annotations

from typing import NamedTuple

from argmap.catalog import Catalog, Query
from argmap.store import GraphStore


class Key(NamedTuple):
    label: str
    property: str


# Every node kind argmap addresses by id; lookups by id use these constraints' indexes.
UNIQUE_KEYS = (
    Key("Statement", "id"),
    Key("Source", "id"),
    Key("Person", "id"),
    Key("Quote", "id"),
)
# Speaker filters look people up by name.
INDEXES = (Key("Person", "name"),)


async def apply_schema(store: GraphStore) -> None:
    for key in UNIQUE_KEYS:
        await store.ensure_unique(key.label, key.property)
    for key in INDEXES:
        await store.ensure_index(key.label, key.property)


async def prepare_database(store: GraphStore, catalog: Catalog) -> None:
    """What every argmap process does before it serves: the schema, then data migrations."""
    await apply_schema(store)
    # Maps stored before statements kept their role as a property get it from the label.
    await store.write(catalog(Query.ADMIN_ROLE_PROPERTY))
