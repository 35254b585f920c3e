"""Query/path parameters shared by the routes, with bounds and examples from the seeded map."""

from typing import Annotated

from fastapi import Path, Query

MAX_DEPTH = 10  # the `// depth-bound:` of the tree and path queries

StatementId = Annotated[str, Path(description="a statement id", examples=["nato-is-defensive"])]
Depth = Annotated[int, Query(ge=1, le=MAX_DEPTH, description="how many edges deep to follow")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="items to skip")]
Limit = Annotated[int, Query(ge=1, le=500, description="items to return")]
