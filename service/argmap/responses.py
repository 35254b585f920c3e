"""Responses the catalog has already shaped, encoded once.

A catalog query shapes its record as the route's response model (map projections, collect),
and the contract tests hold every route to its OpenAPI schema. For the hottest reads a second
pass over such a record (pydantic validation, then pydantic serialisation) is a sixth of
argmap's CPU per request (benchmarks/README.md): these routes hand the record to orjson as it
is, and keep `response_model` for the schema they promise.
"""

from __future__ import annotations

from typing import Any

import orjson
from fastapi import Response


class ShapedJSON(Response):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)
