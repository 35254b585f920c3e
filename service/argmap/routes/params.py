"""Query/path parameters shared by the routes, with bounds and examples from the seeded map."""

from typing import Annotated

from fastapi import Depends, Path, Query

from argmap.catalog import depth_bound
from argmap.domain import SLUG_PATTERN
from argmap.models import MapScope

MAX_DEPTH = depth_bound()  # the `// depth-bound:` every tree and path query is written at

StatementId = Annotated[str, Path(description="a statement id", examples=["nato-is-defensive"])]
Depth = Annotated[int, Query(ge=1, le=MAX_DEPTH, description="how many edges deep to follow")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="items to skip")]
Limit = Annotated[int, Query(ge=1, le=500, description="items to return")]


def _scope(
    position: Annotated[
        str | None,
        Query(pattern=SLUG_PATTERN, description="position id", examples=["nato-is-defensive"]),
    ] = None,
    speaker: Annotated[
        str | None, Query(pattern=SLUG_PATTERN, description="person id", examples=["blinken"])
    ] = None,
    source: Annotated[
        str | None,
        Query(pattern=SLUG_PATTERN, description="source id", examples=["src-blinken-colbert"]),
    ] = None,
) -> MapScope:
    return MapScope(position=position, speaker=speaker, source=source)


# The part of the map a route answers about: ?position=, ?speaker=, ?source= (ids, so slugs).
ScopeDep = Annotated[MapScope, Depends(_scope)]
