"""Load the seed scripts (`seeds/NNN_<topic>.cypher`) in file-name order."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from argmap.catalog import Catalog, Query
from argmap.resources import SEEDS_DIR
from argmap.store import GraphStore
from argmap.store.schema import embed_statements


def seed_files(root: Path = SEEDS_DIR) -> list[Path]:
    return sorted(root.glob("[0-9][0-9][0-9]_*.cypher"))


def split_statements(script: str) -> Iterator[str]:
    """Split a Cypher script on `;` outside string literals, backtick names and comments.

    Comments are dropped; what remains is what `cypher-shell -f` would send statement by
    statement.
    """
    out: list[str] = []
    i, n = 0, len(script)
    while i < n:
        ch = script[i]
        if ch in "'\"`":
            end = i + 1
            while end < n and script[end] != ch:
                end += 2 if script[end] == "\\" and ch != "`" else 1
            out.append(script[i : end + 1])
            i = end + 1
        elif script.startswith("//", i):
            i = script.find("\n", i)
            i = n if i < 0 else i
        elif script.startswith("/*", i):
            end = script.find("*/", i + 2)
            i = n if end < 0 else end + 2
        elif ch == ";":
            if statement := "".join(out).strip():
                yield statement
            out.clear()
            i += 1
        else:
            out.append(ch)
            i += 1
    if statement := "".join(out).strip():
        yield statement


async def is_empty(store: GraphStore, catalog: Catalog) -> bool:
    rows = await store.read(catalog(Query.ADMIN_COUNT_NODES))
    return rows[0]["nodes"] == 0


async def load_seeds(
    store: GraphStore,
    catalog: Catalog,
    *,
    reset: bool = False,
    root: Path = SEEDS_DIR,
    on_file: Callable[[Path, int], None] | None = None,
) -> int:
    """Run every seed statement, then embed the statements; returns how many statements ran.
    Seeds MERGE, so reruns change nothing."""
    if reset:
        await store.write(catalog(Query.ADMIN_RESET))
    count = 0
    for path in seed_files(root):
        statements = list(split_statements(path.read_text(encoding="utf-8")))
        for statement in statements:
            await store.write(statement)
        count += len(statements)
        if on_file:
            on_file(path, len(statements))
    # The seed scripts store no embeddings (claim matching): compute them, as start-up does.
    await embed_statements(store, catalog)
    return count
