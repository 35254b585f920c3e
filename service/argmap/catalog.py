"""The Cypher catalog: every query argmap runs is a file `cypher/<area>/<name>.cypher`.

Code names a query only through the `Query` enum, never by a string: loading the catalog
checks that every declared name has a file and every file a declared name, so a misspelt or
missing query stops argmap at start-up (and the catalog tests, which load it for each engine).

A file starts with `//` comment lines: what it does, `// params:` and `// returns:`.
`cypher/falkordb/<area>/<name>.cypher` overrides a query on FalkorDB where the engines' Cypher
differs. Two headers mark the only text argmap ever changes in a query, and only with values it
validates itself:
- `// depth-bound: N`: the query is written at the deepest depth argmap allows; every `..N]` in
  it is swapped for a smaller integer on demand (`Catalog.bounded`).
- `// template: Label, key`: schema DDL, whose label and property names Cypher cannot take as
  parameters; `Catalog.template` fills them from the declarations in `argmap.store.schema`.

Benchmarks and tests keep their own queries in their own folders, with their own name enums,
loaded by the same function.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, lru_cache
from pathlib import Path
from typing import Generic, LiteralString, TypeVar, cast

from argmap.engines import Engine
from argmap.resources import CYPHER_DIR

OVERRIDES = {Engine.FALKORDB: "falkordb"}
REQUIRED_HEADERS = ("// params:", "// returns:")
DEPTH_HEADER = re.compile(r"^// depth-bound: (\d+)$", re.MULTILINE)
TEMPLATE_HEADER = re.compile(r"^// template: (.+)$", re.MULTILINE)
IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class Query(StrEnum):
    """Every query of the product catalog, by its file name under `cypher/`."""

    ADMIN_COUNT_NODES = "admin/count_nodes"
    ADMIN_COUNTS = "admin/counts"
    ADMIN_RESET = "admin/reset"
    ADMIN_RELATION_GROUNDS = "admin/relation_grounds"
    ADMIN_RELATIONSHIP_TYPES = "admin/relationship_types"
    ADMIN_ROLE_PROPERTY = "admin/role_property"
    EDGES_CREATE_REFUTES = "edges/create_refutes"
    EDGES_CREATE_SUPPORTS = "edges/create_supports"
    EDGES_DELETE_REFUTES = "edges/delete_refutes"
    EDGES_DELETE_SUPPORTS = "edges/delete_supports"
    EDGES_GROUNDS = "edges/grounds"
    EDGES_SET_GROUNDS = "edges/set_grounds"
    EVALUATION_APPLY = "evaluation/apply"
    EVALUATION_ATTACKS = "evaluation/attacks"
    EVALUATION_STATEMENTS = "evaluation/statements"
    EVALUATION_SUPPORTS = "evaluation/supports"
    EVALUATION_UNDERCUTS = "evaluation/undercuts"
    EXCHANGE_EXPORT_GROUNDS = "exchange/export_grounds"
    EXCHANGE_EXPORT_LINKS = "exchange/export_links"
    EXCHANGE_EXPORT_PROVENANCE = "exchange/export_provenance"
    EXCHANGE_EXPORT_STATEMENTS = "exchange/export_statements"
    EXCHANGE_IMPORT = "exchange/import"
    GRAPH_ARGUMENT_SUBGRAPH = "graph/argument_subgraph"
    GRAPH_ATTACK_TREE = "graph/attack_tree"
    GRAPH_NODES = "graph/nodes"
    GRAPH_SCOPED = "graph/scoped"
    GRAPH_SCOPE_IDS = "graph/scope_ids"
    GRAPH_SUPPORT_TREE = "graph/support_tree"
    LOOKUP_EXISTING = "lookup/existing"
    PATHS_SHORTEST_ANY = "paths/shortest_any"
    PATHS_SHORTEST_REFUTES = "paths/shortest_refutes"
    PATHS_SHORTEST_SUPPORTS = "paths/shortest_supports"
    PEOPLE_ASSERT = "people/assert"
    PEOPLE_CREATE = "people/create"
    PEOPLE_DELETE = "people/delete"
    PEOPLE_GET = "people/get"
    PEOPLE_LIST = "people/list"
    PEOPLE_UNASSERT = "people/unassert"
    PEOPLE_UPDATE = "people/update"
    POSITIONS_GET = "positions/get"
    POSITIONS_LIST = "positions/list"
    POSITIONS_VERSUS = "positions/versus"
    QUOTES_CREATE = "quotes/create"
    QUOTES_DELETE = "quotes/delete"
    QUOTES_EXISTING = "quotes/existing"
    QUOTES_STRANDED_BY_SOURCE = "quotes/stranded_by_source"
    SCHEMA_INDEX = "schema/index"
    SCHEMA_FULLTEXT_INDEX = "schema/fulltext_index"
    SCHEMA_UNIQUE_KEY = "schema/unique_key"
    SCHEMA_VECTOR_INDEX = "schema/vector_index"
    SEARCH_EVERYTHING = "search/everything"
    SOURCES_CREATE = "sources/create"
    SOURCES_DELETE = "sources/delete"
    SOURCES_GET = "sources/get"
    SOURCES_LIST = "sources/list"
    SOURCES_SEGMENTS = "sources/segments"
    SOURCES_STATEMENTS = "sources/statements"
    SOURCES_UPDATE = "sources/update"
    STATEMENTS_CONTESTED = "statements/contested"
    STATEMENTS_CREATE = "statements/create"
    STATEMENTS_DELETE = "statements/delete"
    STATEMENTS_COUNT = "statements/count"
    STATEMENTS_EMBEDDING_TEXTS = "statements/embedding_texts"
    STATEMENTS_GET = "statements/get"
    STATEMENTS_MERGE = "statements/merge"
    STATEMENTS_MERGED = "statements/merged"
    STATEMENTS_RELATIONS = "statements/relations"
    STATEMENTS_SEARCH = "statements/search"
    STATEMENTS_SET_EMBEDDINGS = "statements/set_embeddings"
    STATEMENTS_SIMILAR = "statements/similar"
    STATEMENTS_UNANSWERED = "statements/unanswered"
    STATEMENTS_UNEMBEDDED = "statements/unembedded"
    STATEMENTS_UNSUPPORTED = "statements/unsupported"
    STATEMENTS_UPDATE = "statements/update"
    UNDERCUTS_CREATE = "undercuts/create"
    UNDERCUTS_DELETE = "undercuts/delete"


class CatalogError(RuntimeError):
    pass


N = TypeVar("N", bound=StrEnum)


@dataclass(frozen=True)
class Catalog(Generic[N]):
    engine: Engine
    names: type[N]
    queries: dict[str, LiteralString]

    def __call__(self, name: N) -> LiteralString:
        # Only declared names: a plain string would skip the load-time check.
        if not isinstance(name, self.names):
            raise CatalogError(f"{name!r} is not a {self.names.__name__} name")
        return self.queries[name.value]

    def bounded(self, name: N, depth: int) -> LiteralString:
        """The query with its variable-length bound set to `depth` (1..its declared maximum)."""
        return _with_depth(self(name), depth)

    def template(self, name: N, **identifiers: str) -> LiteralString:
        """Schema DDL with its `// template:` placeholders replaced by checked identifiers."""
        return _with_identifiers(self(name), tuple(sorted(identifiers.items())))


@lru_cache(maxsize=512)
def _with_depth(query: LiteralString, depth: int) -> LiteralString:
    declared = DEPTH_HEADER.search(query)
    if not declared:
        raise CatalogError("query has no `// depth-bound:` header")
    maximum = int(declared.group(1))
    if not (isinstance(depth, int) and 1 <= depth <= maximum):
        raise CatalogError(f"depth must be an integer in 1..{maximum}, not {depth!r}")
    return cast(LiteralString, query.replace(f"..{maximum}]", f"..{depth}]"))


@lru_cache(maxsize=64)
def _with_identifiers(query: LiteralString, identifiers: tuple[tuple[str, str], ...]) -> str:
    declared = TEMPLATE_HEADER.search(query)
    placeholders = [p.strip() for p in declared.group(1).split(",")] if declared else []
    given = dict(identifiers)
    if sorted(given) != sorted(placeholders):
        raise CatalogError(f"template needs exactly {placeholders}, got {sorted(given)}")
    if bad := [v for v in given.values() if not IDENTIFIER.match(v)]:
        raise CatalogError(f"not identifiers: {bad}")
    lines = query.splitlines()
    body = "\n".join(line for line in lines if not line.startswith("//"))
    for placeholder, value in given.items():
        body = re.sub(rf"\b{placeholder}\b", value, body)
    return "\n".join([*(line for line in lines if line.startswith("//")), body])


def _read(path: Path) -> LiteralString:
    text = path.read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("//")]
    missing = [h for h in REQUIRED_HEADERS if not any(line.startswith(h) for line in header)]
    if missing:
        raise CatalogError(f"{path}: header lacks {', '.join(missing)}")
    # The files are ours and fixed at install time: that is what makes them literal strings.
    return cast(LiteralString, text.strip().rstrip(";"))


def _scan(root: Path) -> dict[str, Path]:
    return {p.relative_to(root).with_suffix("").as_posix(): p for p in root.rglob("*.cypher")}


@cache
def load_catalog(engine: Engine, names: type[StrEnum] = Query, root: Path = CYPHER_DIR) -> Catalog:
    """Read and check the catalog at `root` for `engine`; `names` must match its files exactly."""
    skip = tuple(f"{sub}/" for sub in OVERRIDES.values())
    files = {name: p for name, p in _scan(root).items() if not name.startswith(skip)}
    if sub := OVERRIDES.get(engine):
        overrides = _scan(root / sub) if (root / sub).is_dir() else {}
        if orphans := sorted(set(overrides) - set(files)):
            raise CatalogError(f"{root}: overrides without a base query: {orphans}")
        files |= overrides
    declared = {name.value for name in names}
    if missing := sorted(declared - set(files)):
        raise CatalogError(f"{names.__name__} names without a file under {root}: {missing}")
    if undeclared := sorted(set(files) - declared):
        raise CatalogError(f"files under {root} that {names.__name__} does not name: {undeclared}")
    return Catalog(engine, names, {name: _read(path) for name, path in sorted(files.items())})


@cache
def depth_bound(names: type[StrEnum] = Query, root: Path = CYPHER_DIR) -> int:
    """The one `// depth-bound:` of every bounded query, on every engine (the API's max depth)."""
    bounds = {
        int(found.group(1))
        for engine in Engine
        for text in load_catalog(engine, names, root).queries.values()
        if (found := DEPTH_HEADER.search(text))
    }
    if len(bounds) != 1:
        raise CatalogError(f"bounded queries disagree on their depth bound: {sorted(bounds)}")
    return bounds.pop()
