"""The Cypher catalog: every query argmap runs is a file `cypher/<area>/<name>.cypher`.

A file starts with `//` comment lines: what it does, `// params:` and `// returns:`.
`cypher/falkordb/<area>/<name>.cypher` overrides a query on FalkorDB where the engines'
Cypher differs. The whole catalog is read and checked once, at startup.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import LiteralString, cast

from .resources import CYPHER_DIR
from .store import Engine

OVERRIDES = {Engine.FALKORDB: "falkordb"}
REQUIRED_HEADERS = ("// params:", "// returns:")
# A query with a `// depth-bound: 10` header is written at the deepest depth argmap allows;
# every `..10]` in it is the bound, swapped for a validated smaller integer on demand.
DEPTH_HEADER = re.compile(r"^// depth-bound: (\d+)$", re.MULTILINE)


class CatalogError(RuntimeError):
    pass


@dataclass(frozen=True)
class Catalog:
    engine: Engine
    queries: dict[str, LiteralString]

    def __call__(self, name: str) -> LiteralString:
        try:
            return self.queries[name]
        except KeyError:
            raise CatalogError(f"no query {name!r} in the catalog") from None

    def bounded(self, name: str, depth: int) -> LiteralString:
        """The query with its variable-length bound set to `depth` (1..its declared maximum)."""
        return _with_depth(self(name), depth)

    def area(self, area: str) -> list[str]:
        """Names of the queries in one area, in file-name order (used for schema DDL)."""
        return sorted(name for name in self.queries if name.startswith(f"{area}/"))


@lru_cache(maxsize=512)
def _with_depth(query: LiteralString, depth: int) -> LiteralString:
    declared = DEPTH_HEADER.search(query)
    if not declared:
        raise CatalogError("query has no `// depth-bound:` header")
    maximum = int(declared.group(1))
    if not (isinstance(depth, int) and 1 <= depth <= maximum):
        raise CatalogError(f"depth must be an integer in 1..{maximum}, not {depth!r}")
    return cast(LiteralString, query.replace(f"..{maximum}]", f"..{depth}]"))


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
def load_catalog(engine: Engine, root: Path = CYPHER_DIR) -> Catalog:
    skip = tuple(f"{sub}/" for sub in OVERRIDES.values()) + ("browser/",)
    files = {name: p for name, p in _scan(root).items() if not name.startswith(skip)}
    if sub := OVERRIDES.get(engine):
        overrides = _scan(root / sub) if (root / sub).is_dir() else {}
        if orphans := sorted(set(overrides) - set(files)):
            raise CatalogError(f"overrides without a base query: {orphans}")
        files |= overrides
    return Catalog(engine, {name: _read(path) for name, path in sorted(files.items())})
