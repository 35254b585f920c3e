"""Constants the tests share with conftest.py's fixtures."""

import os

import httpx

from argmap.errors import ErrorResponse

# The write key of the `writable_api` fixture.
WRITE_KEY = "test-write-key"
WRITE_AUTH = {"Authorization": f"Bearer {WRITE_KEY}"}

# The Neo4j image of the `neo4j-container` engine; the Docker engine must already hold it (no
# registry is assumed reachable: `scripts/build-images` builds one offline).
NEO4J_IMAGE = os.environ.get("ARGMAP_TEST_NEO4J_IMAGE", "neo4j:5.26-community")

# The seeded map (seeds/README.md): statements, and /graph's edges (SUPPORTS, REFUTES and the
# UNDERCUTS aimed at them). Tests that count the whole map read them from here.
SEEDED_STATEMENTS = 53
SEEDED_GRAPH_EDGES = 33 + 24 + 3


def assert_error(response: httpx.Response, status: int, error: str) -> dict:
    """The response is the one error shape with this status and code; returns the body."""
    assert response.status_code == status, response.text
    body = response.json()
    ErrorResponse.model_validate(body)
    assert body["status"] == status and body["error"] == error and body["message"], body
    return body
