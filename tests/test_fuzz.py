"""Schemathesis over the app's own OpenAPI schema, on every engine: no request gives a 5xx.

Every operation (reads, and writes with a write key) gets the schema's examples, then
generated requests, valid and invalid (`generation.mode = all`); every answer must be below
500 and have a documented status, media type and body shape. Bounded to about a minute per
engine: MAX_EXAMPLES per operation, no coverage or stateful phase (the coverage phase alone
sends thousands of requests), and operations still waiting when the engine's BUDGET_SECONDS
are spent are skipped (reported as skips). Hypothesis runs derandomized: every run sends the
same requests. The fuzz writes go to the shared test engine; the seeded map is restored after.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from argmap.app import create_app
from argmap.keys import ApiKey, Scope, hash_key
from argmap.settings import Settings

WRITE_KEY = "fuzz-write-key"
AUTH = {"Authorization": f"Bearer {WRITE_KEY}"}
MAX_EXAMPLES = 40
BUDGET_SECONDS = 60.0
RESPONSE_CHECKS = [status_code_conformance, content_type_conformance, response_schema_conformance]
CONFIG = schemathesis.Config.from_dict(
    {
        "generation": {"mode": "all", "max-examples": MAX_EXAMPLES, "deterministic": True},
        "phases": {"coverage": {"enabled": False}, "stateful": {"enabled": False}},
    }
)

# The operations come from the app's schema, which needs no engine; each test then calls the
# app of its engine. (`schemathesis.pytest.from_fixture` would load the schema from a fixture,
# but schemathesis 4.32 sets `item._nodeid` there, which pytest 9 no longer has.)
schema = schemathesis.openapi.from_dict(
    create_app(Settings(_env_file=None)).openapi(), config=CONFIG
)


@pytest.fixture(scope="module")
def fuzz_app(engine_settings, restore_seeded_map) -> Iterator[FastAPI]:
    key = ApiKey(sha256=hash_key(WRITE_KEY), scope=Scope.WRITE, name="fuzz")
    yield create_app(engine_settings.model_copy(update={"api_keys": [key]}))
    # schemathesis ran (and ended) the app's lifespan around each operation's test
    restore_seeded_map()


@pytest.fixture(scope="module")
def deadline(fuzz_app) -> float:
    return time.monotonic() + BUDGET_SECONDS  # per engine, as fuzz_app is


@schema.parametrize()
@settings(deadline=None, suppress_health_check=list(HealthCheck), print_blob=True)
def test_no_request_gives_a_server_error(case, fuzz_app, deadline):
    if time.monotonic() > deadline:
        pytest.skip(f"the fuzz budget of {BUDGET_SECONDS:.0f} s for this engine is spent")
    response = case.call(app=fuzz_app, headers=AUTH)
    assert response.status_code < 500, (
        f"{case.method} {case.formatted_path} -> {response.status_code}: {response.text[:500]}"
        f"\nreproduce: {case.as_curl_command(headers=AUTH)}"
    )
    case.validate_response(response, checks=RESPONSE_CHECKS)
