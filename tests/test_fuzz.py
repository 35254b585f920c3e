"""The fuzzing gate: schemathesis over the app's own OpenAPI schema, on every engine, with no
key, a read-scoped key and a write-scoped key.

Every operation gets the schema's examples, then MAX_EXAMPLES generated requests, valid and
invalid (`generation.mode = all`), in each auth mode; every answer must pass every response
check that applies (CHECKS) and the key rules: a write without a key is 401, with a read key
403; reads are public (`read_requires_key` is off here). The count, not a clock, bounds the
gate, so it always covers every operation, and the last test fails when an operation of the
schema was not exercised in some auth mode. Hypothesis runs derandomized (every run sends the
same requests) and does not shrink (bounded time; the failing request is printed as curl).
The fuzz writes go to the shared test engine; the seeded map is restored after.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import (
    content_type_conformance,
    negative_data_rejection,
    not_a_server_error,
    positive_data_acceptance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)
from schemathesis.core.parameters import ParameterLocation
from schemathesis.python.asgi import shutdown_lifespans

from argmap.app import create_app
from argmap.keys import ApiKey, Scope, hash_key
from argmap.settings import Settings

READ_KEY, WRITE_KEY = "fuzz-read-key", "fuzz-write-key"
AUTH_MODES = {"no key": None, "read key": READ_KEY, "write key": WRITE_KEY}
# A write refused for want of a (write) key: the status each auth mode must get.
WRITE_REFUSAL = {"no key": 401, "read key": 403, "write key": None}
READ_METHODS = {"GET", "HEAD", "OPTIONS"}
MAX_EXAMPLES = 25  # per operation and auth mode: about 2 min per engine on 2 cores

# Without the coverage and stateful phases: they send thousands of requests (no bounded
# budget); the checks they alone drive (unsupported_method, missing_required_header,
# use_after_free, ensure_resource_availability) do not apply to single generated requests.
# ignored_auth is replaced by the key rules of `_check_key_rules` (explicit, per auth mode):
# its probes are sent through the schema's own transport, which does not reach an ASGI app
# given per call.
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    negative_data_rejection,
    positive_data_acceptance,
]
# positive_data_acceptance cannot hold where a rule ties fields together, which OpenAPI cannot
# state: schema-valid requests break it and are rightly 422.
POSITIVE_DATA_MAY_BE_INVALID = {
    "GET /paths": "`from` and `to` must differ",
    "GET /positions/{a}/versus/{b}": "`a` and `b` must differ",
    "POST /edges": "source and target must differ; only SUPPORTS takes an inference; a stated "
    "edge needs a quote, a reconstructed one a note",
    "PATCH /edges/{id}": "the grounds left must follow the rules of a new edge",
    "POST /undercuts": "the target must be an edge id, not ending at the source; grounds rules",
    "POST /quotes": "the quote must be the source's text between start and end, or its words "
    "(`exact`) be found there once; offsets or words, not both",
    "POST /statements": "its `quotes` follow the rules of POST /quotes; a near-duplicate of a "
    "stored statement is 409 unless `force` (claim matching: generated texts are often alike)",
    "POST /import": "the body is a file: any bytes by the schema, a map document by the server",
    "POST /statements/{id}/merge-into/{target}": "`id` and `target` must differ",
    "GET /search": "`semantic=true` finds statements: `kind`, when given, must include them",
}
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

# (engine, auth mode, operation) for every operation a request was sent to
exercised: set[tuple[str, str, str]] = set()


def _engine(request: pytest.FixtureRequest) -> str:
    return request.node.callspec.params["engine_settings"]


@pytest.fixture(scope="module")
def fuzz_app(engine_settings, restore_seeded_map) -> Iterator[FastAPI]:
    keys = [
        ApiKey(sha256=hash_key(READ_KEY), scope=Scope.READ, name="fuzz-read"),
        ApiKey(sha256=hash_key(WRITE_KEY), scope=Scope.WRITE, name="fuzz-write"),
    ]
    app = create_app(engine_settings.model_copy(update={"api_keys": keys}))
    assert not app.state.settings.read_requires_key  # the read rule below: reads are public
    yield app
    # schemathesis starts an app's lifespan on its first request and keeps it for the process;
    # end it here, so this engine's store closes before the next engine's app opens.
    shutdown_lifespans()
    restore_seeded_map()


@pytest.mark.parametrize("auth", AUTH_MODES)
@schema.parametrize()
@settings(
    deadline=None,
    suppress_health_check=list(HealthCheck),
    phases=[Phase.explicit, Phase.generate],
    print_blob=True,
)
def test_every_answer_conforms(case, auth, fuzz_app, request):
    # The key goes into the case itself (not `call(headers=...)`), so schemathesis revalidates
    # the case with it: a generated, malformed Authorization replaced by a valid key no longer
    # counts as invalid data. In "no key" mode the generated header goes.
    case.headers = case.headers or {}
    case.headers.pop("Authorization", None)
    if AUTH_MODES[auth]:
        case.headers["Authorization"] = f"Bearer {AUTH_MODES[auth]}"
    response = case.call(app=fuzz_app)
    # A negative case may drop the header (a "missing Authorization" mutation): judge and count
    # the request by the key it was actually sent with.
    sent = _auth_mode_sent(response.request.headers.get("Authorization"))
    exercised.add((_engine(request), sent, case.operation.label))
    _check_key_rules(case, response, sent)
    excluded = (
        [positive_data_acceptance] if case.operation.label in POSITIVE_DATA_MAY_BE_INVALID else []
    )
    case.validate_response(response, checks=CHECKS, excluded_checks=excluded)


def _auth_mode_sent(authorization: str | None) -> str:
    modes = {f"Bearer {key}": mode for mode, key in AUTH_MODES.items() if key}
    return modes.get(authorization or "", "no key")


def _check_key_rules(case, response, sent: str) -> None:
    status, label = response.status_code, case.operation.label
    what = f"{label} with {sent} -> {status}: {response.text[:300]}"
    what += f"\nreproduce: {case.as_curl_command()}"
    refusal = None if case.method.upper() in READ_METHODS else WRITE_REFUSAL[sent]
    if refusal:
        assert status >= 400, what
        if _valid_apart_from_the_key(
            case
        ):  # refused for the key alone (a malformed one may be 422)
            assert status == refusal, what
    else:
        assert status not in (401, 403), what
    if sent == "no key" and status < 400:  # what the server does, its schema must say
        security = case.operation.definition.raw.get("security", [])
        assert not security or {} in security, f"the schema says {label} needs a key\n{what}"


def _valid_apart_from_the_key(case) -> bool:
    # Headers are left out: the key is one (its absence is "invalid" where the schema asks for
    # it), and made-up extra headers are no reason to refuse.
    locations = (ParameterLocation.PATH, ParameterLocation.QUERY, ParameterLocation.BODY)
    return case.meta is not None and not any(map(case.meta.is_negative_at, locations))


def test_every_operation_was_exercised_in_every_auth_mode(engine_settings, request):
    engine = _engine(request)
    operations = {result.ok().label for result in schema.get_all_operations()}
    assert len(operations) > 30  # the schema loaded, with its routes
    missed = sorted(
        f"{auth}: {operation}"
        for auth in AUTH_MODES
        for operation in operations
        if (engine, auth, operation) not in exercised
    )
    assert not missed, f"not fuzzed on {engine}: {missed}"
