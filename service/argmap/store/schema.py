"""The database schema, declared once and applied idempotently at every start-up.

Each engine turns a declaration into its own DDL (`GraphStore.ensure_unique` /
`ensure_index`): the Cypher comes from the catalog's `schema/` templates.
"""

from __future__ import annotations

import asyncio
from typing import NamedTuple

from argmap.catalog import Catalog, Query, load_catalog
from argmap.store import GraphStore
from argmap.text.embedding import embed, statement_text, stored


class Key(NamedTuple):
    label: str
    property: str


# Every node kind argmap addresses by id; lookups by id use these constraints' indexes.
UNIQUE_KEYS = (
    Key("Statement", "id"),
    Key("Source", "id"),
    Key("Person", "id"),
    Key("Quote", "id"),
    Key("Link", "id"),  # a relation's provenance node: its id is the relation's id
    Key("Merged", "id"),  # where a merged statement's id redirects (`into`)
)
# Speaker filters look people up by name.
INDEXES = (Key("Person", "name"),)
# Full-text and vector indexes: each engine's DDL is a catalog file (`cypher/schema/`, with
# FalkorDB's form under `cypher/falkordb/schema/`).
SEARCH_INDEXES: tuple[Query, ...] = (Query.SCHEMA_FULLTEXT_INDEX, Query.SCHEMA_VECTOR_INDEX)


async def apply_schema(store: GraphStore) -> None:
    for key in UNIQUE_KEYS:
        await store.ensure_unique(key.label, key.property)
    for key in INDEXES:
        await store.ensure_index(key.label, key.property)
    catalog = load_catalog(store.engine)
    for ddl in SEARCH_INDEXES:
        await store.ensure_schema(catalog(ddl))


# The note a relation gets when it was stored before argmap kept how relations are grounded.
UNGROUNDED_RELATION_NOTE = "recorded before argmap kept how relations are grounded"


async def prepare_database(store: GraphStore, catalog: Catalog) -> None:
    """What every argmap process does before it serves: the schema, then data migrations."""
    await apply_schema(store)
    # Before any query is planned: FalkorDB would keep an empty plan for a pattern
    # comprehension collecting relationships of a type the graph does not hold yet.
    await store.write(catalog(Query.ADMIN_RELATIONSHIP_TYPES))
    await migrate_data(store, catalog)


async def migrate_data(store: GraphStore, catalog: Catalog) -> None:
    """Bring data stored by an older argmap to the current model; on current data each step
    only reads."""
    # Maps stored before statements kept their role as a property get it from the label.
    await store.write(catalog(Query.ADMIN_ROLE_PROPERTY))
    # Relations stored before they kept their grounds become `reconstructed`, with a :Link.
    await store.write(catalog(Query.ADMIN_RELATION_GROUNDS), {"note": UNGROUNDED_RELATION_NOTE})
    # Statements stored without an embedding (claim matching) get one in the background
    # (`argmap.services.backlog`), not here: at a million statements it takes minutes.


EMBEDDING_BATCH = 500


async def embed_statements(store: GraphStore, catalog: Catalog) -> int:
    """Embed the statements stored without an embedding (seeds loaded by their Cypher
    scripts, a bulk import, data from before claim matching), a batch at a time; returns how
    many. On a map where all have one, it only reads."""
    ids = [row["id"] for row in await store.read(catalog(Query.STATEMENTS_UNEMBEDDED))]
    for start in range(0, len(ids), EMBEDDING_BATCH):
        batch = ids[start : start + EMBEDDING_BATCH]
        rows = await store.read(catalog(Query.STATEMENTS_EMBEDDING_TEXTS), {"ids": batch})
        texts = [statement_text(title=r["title"], text=r["text"]) for r in rows]
        vectors = await asyncio.to_thread(embed, texts)  # ~70 ms a batch: off the event loop
        await store.write(
            catalog(Query.STATEMENTS_SET_EMBEDDINGS),
            {"rows": [{"id": r["id"], **stored(v)} for r, v in zip(rows, vectors, strict=True)]},
        )
    return len(ids)
