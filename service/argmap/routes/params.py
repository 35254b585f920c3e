"""Query/path parameters shared by the routes, with bounds and examples from the seeded map."""

from typing import Annotated

from fastapi import Path, Query

from argmap.catalog import depth_bound

MAX_DEPTH = depth_bound()  # the `// depth-bound:` every tree and path query is written at

StatementId = Annotated[str, Path(description="a statement id", examples=["nato-is-defensive"])]
Depth = Annotated[int, Query(ge=1, le=MAX_DEPTH, description="how many edges deep to follow")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="items to skip")]
Limit = Annotated[int, Query(ge=1, le=500, description="items to return")]
