"""HTTP conformance and hardening (issue 18): bodies bounded and keys checked before a body is
read, one error shape for every status (500 included) with the headers each status needs,
no engine address in any answer, OpenAPI's security as the routes behave, strict scores, and
PATCH schemas that say what null does."""

from __future__ import annotations

import json
import logging
import socket
import threading
import time
from collections.abc import Iterator
from urllib.parse import urlsplit

import httpx
import pytest
from fastapi.routing import iter_route_contexts
from fastapi.testclient import TestClient
from serving import engine_env, http_server
from support import assert_error

from argmap.app import create_app
from argmap.domain import MAX_SOURCE_TEXT
from argmap.errors import ENGINE_UNAVAILABLE
from argmap.keys import ApiKey, Scope, hash_key
from argmap.limits import body_limit
from argmap.settings import Settings
from argmap.store import EngineUnavailable

WRITE_KEY, READ_KEY = "hardening-write-key", "hardening-read-key"
KEYS = [
    ApiKey(sha256=hash_key(WRITE_KEY), scope=Scope.WRITE, name="hardening"),
    ApiKey(sha256=hash_key(READ_KEY), scope=Scope.READ, name="hardening-reader"),
]
WRITE, READ = {"Authorization": f"Bearer {WRITE_KEY}"}, {"Authorization": f"Bearer {READ_KEY}"}
MAX_BODY = Settings(_env_file=None).max_body_bytes
HUGE = 200_000_000  # the audit's anonymous POST


@pytest.fixture(scope="module")
def api(engine_settings, restore_seeded_map) -> Iterator[TestClient]:
    with TestClient(create_app(engine_settings.model_copy(update={"api_keys": KEYS}))) as client:
        yield client
    restore_seeded_map()


# --- a real server: what is answered before the body is read --------------------------------


@pytest.fixture(scope="module")
def server(engine_settings, tmp_path_factory) -> Iterator[str]:
    """uvicorn over the test engine in its own process; nothing it is sent gets written."""
    args = ["-m", "uvicorn", "argmap.app:create_app", "--factory", "--host", "127.0.0.1",
            "--port", "{port}", "--log-level", "warning"]  # fmt: skip
    workdir = tmp_path_factory.mktemp("hardening")
    with http_server(args, workdir=workdir, env=engine_env(engine_settings, KEYS)) as url:
        yield url


class RawResponse:
    def __init__(self, head: bytes, body: bytes) -> None:
        status_line, *lines = head.decode("latin-1").split("\r\n")
        self.status_code = int(status_line.split()[1])
        self.headers = httpx.Headers([tuple(line.split(": ", 1)) for line in lines])
        self.text = body.decode()

    def json(self) -> dict:
        return json.loads(self.text)


def connect(url: str) -> socket.socket:
    parts = urlsplit(url)
    return socket.create_connection((parts.hostname, parts.port), timeout=10)


def send_head(sock: socket.socket, method: str, path: str, headers: dict[str, str]) -> None:
    lines = [
        f"{method} {path} HTTP/1.1",
        "Host: argmap",
        *(f"{k}: {v}" for k, v in headers.items()),
    ]
    sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())


def read_response(sock: socket.socket) -> RawResponse:
    """The response, while the request's body may still be unsent; a timeout if none comes."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        assert chunk, f"the server closed the connection without answering: {data!r}"
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    response = RawResponse(head, b"")
    length = int(response.headers["content-length"])
    while len(body) < length:
        body += sock.recv(65536)
    return RawResponse(head, body)


def post_unsent_body(
    url: str, path: str, headers: dict[str, str], method: str = "POST"
) -> RawResponse:
    """A request announcing HUGE bytes of which it sends a few: answered only if no body is
    awaited."""
    with connect(url) as sock:
        send_head(sock, method, path, {**headers, "Content-Length": str(HUGE),
                                       "Content-Type": "application/json"})  # fmt: skip
        sock.sendall(b'{"role": "Claim", "text": "')
        started = time.monotonic()
        response = read_response(sock)
        assert time.monotonic() - started < 5
        return response


def test_an_anonymous_oversize_write_is_401_before_its_body_is_read(server):
    for method, path in [
        ("POST", "/statements"),
        ("POST", "/import"),
        ("POST", "/sources"),
        ("PATCH", "/people/blinken"),
        ("PUT", "/people/blinken/asserts/x"),
    ]:
        response = post_unsent_body(server, path, {}, method)
        assert_error(response, 401, "unauthorized")
        assert response.headers["www-authenticate"] == "Bearer"
    invalid = post_unsent_body(server, "/statements", {"Authorization": "Bearer wrong"})
    assert_error(invalid, 401, "unauthorized")
    assert invalid.headers["www-authenticate"] == "Bearer"
    assert_error(post_unsent_body(server, "/statements", READ), 403, "forbidden")


def test_an_oversize_write_with_a_write_key_is_413_before_its_body_is_read(server):
    body = assert_error(post_unsent_body(server, "/statements", WRITE), 413, "too_large")
    assert str(MAX_BODY) in body["message"]
    body = assert_error(post_unsent_body(server, "/import", WRITE), 413, "too_large")
    assert "50000000" in body["message"]


def test_unknown_routes_and_methods_stay_404_and_405_without_a_key(server):
    assert_error(post_unsent_body(server, "/no-such-route", {}), 404, "not_found")
    not_allowed = post_unsent_body(server, "/positions", {})
    assert_error(not_allowed, 405, "method_not_allowed")
    assert not_allowed.headers["allow"] == "GET"


def test_a_chunked_oversize_body_is_cut_off_with_413(server):
    with connect(server) as sock:
        send_head(sock, "POST", "/statements", {**WRITE, "Transfer-Encoding": "chunked",
                                               "Content-Type": "application/json"})  # fmt: skip
        chunk = b" " * 65536
        for _ in range(MAX_BODY // len(chunk) + 2):  # just past the limit, never the last chunk
            sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        body = assert_error(read_response(sock), 413, "too_large")
        assert str(MAX_BODY) in body["message"]


def test_healthz_stays_responsive_while_a_large_anonymous_body_is_sent(server):
    """The audit's 200 MB anonymous POST, all of it sent: a valid JSON body, which the server
    used to take whole and parse before the key was checked."""
    head, tail, megabyte = b'{"role": "Claim", "text": "', b'"}', b"a" * 1_000_000
    refused: dict[str, RawResponse] = {}

    def upload() -> None:
        with connect(server) as sock:
            send_head(sock, "POST", "/statements", {"Content-Length": str(HUGE),
                                                    "Content-Type": "application/json"})  # fmt: skip
            try:
                sock.sendall(head)
                for _ in range(HUGE // len(megabyte) - 1):
                    sock.sendall(megabyte)
                sock.sendall(megabyte[: len(megabyte) - len(head) - len(tail)] + tail)
            except OSError:  # the server answered and closed before taking it all
                pass
            refused["response"] = read_response(sock)

    uploader = threading.Thread(target=upload)
    uploader.start()
    slowest = 0.0
    with httpx.Client(base_url=server, timeout=10) as client:
        while uploader.is_alive():
            started = time.monotonic()
            assert client.get("/healthz").status_code == 200
            slowest = max(slowest, time.monotonic() - started)
    uploader.join()
    assert_error(refused["response"], 401, "unauthorized")
    assert slowest < 0.5


# --- limits through the app ----------------------------------------------------------------


def test_body_limits_per_route(api):
    too_big = b" " * (MAX_BODY + 1)
    declared = api.post("/statements", content=too_big, headers=WRITE)
    assert_error(declared, 413, "too_large")

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted while read
        yield from (b" " * 65536 for _ in range(MAX_BODY // 65536 + 2))

    assert_error(api.patch("/people/blinken", content=chunks(), headers=WRITE), 413, "too_large")

    # POST /sources takes a source text of MAX_SOURCE_TEXT code points in any JSON encoding
    routes = {
        (r.path_format, m): r for r in iter_route_contexts(api.app.routes) for m in r.methods or ()
    }
    worst = json.dumps({"title": "t" * 200, "text": "\U0001f600" * MAX_SOURCE_TEXT})
    assert body_limit(routes["/sources", "POST"], api.app.state.settings) >= len(worst)
    text = "é" * 600_000  # 1.2 MB of UTF-8: over the default limit
    created = api.post("/sources", json={"id": "hh-big", "text": text}, headers=WRITE)
    assert created.status_code == 201, created.text
    assert created.json()["length"] == len(text)


# --- one error shape, with the headers each status needs ------------------------------------


def test_405_names_the_allowed_methods(api):
    response = api.put("/statements", headers=WRITE)
    assert_error(response, 405, "method_not_allowed")
    assert set(response.headers["allow"].split(", ")) == {"GET", "POST"}


def test_401_asks_for_a_bearer_key(api):
    for response in (
        api.post("/statements", json={"role": "Claim", "text": "x"}),
        api.get("/statements", headers={"Authorization": "Bearer wrong"}),
    ):
        assert_error(response, 401, "unauthorized")
        assert response.headers["www-authenticate"] == "Bearer"


def test_an_unhandled_error_is_a_500_in_the_error_shape_and_logged(engine_settings, caplog):
    app = create_app(engine_settings)

    @app.get("/test-only/boom")
    async def boom() -> None:
        raise RuntimeError("internal detail: /srv/secret.py line 7")

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/test-only/boom")
    body = assert_error(response, 500, "internal")
    assert "secret" not in response.text and "RuntimeError" not in response.text
    assert set(body) == {"status", "error", "message"}
    logged = [r for r in caplog.records if r.exc_info and r.exc_info[0] is RuntimeError]
    assert logged and "/test-only/boom" in logged[0].getMessage()


def test_engine_unavailable_hides_the_address_and_says_when_to_retry(engine_settings, caplog):
    app = create_app(engine_settings)

    @app.get("/test-only/engine-down")
    async def engine_down() -> None:
        raise EngineUnavailable("FalkorDB at 127.0.0.1:6390 is unreachable: refused")

    caplog.set_level(logging.WARNING, logger="argmap")
    with TestClient(app) as client:
        response = client.get("/test-only/engine-down")
    body = assert_error(response, 503, "engine_unavailable")
    assert body["message"] == ENGINE_UNAVAILABLE and "127.0.0.1" not in response.text
    assert int(response.headers["retry-after"]) > 0
    assert "127.0.0.1:6390" in caplog.text  # the detail is for the operator


# --- OpenAPI security as the routes behave --------------------------------------------------

WRITE_METHODS = {"post", "patch", "put", "delete"}


def operations(schema: dict) -> Iterator[tuple[str, str, dict]]:
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            yield path, method, operation


def test_openapi_reads_take_an_optional_key_and_writes_need_one(engine_settings):
    schema = create_app(engine_settings).openapi()
    bearer = {"HTTPBearer": []}
    secured = {(m, p): op.get("security") for p, m, op in operations(schema)}
    assert secured["get", "/statements"] == [{}, bearer]
    for (method, path), security in secured.items():
        if method in WRITE_METHODS:
            assert security == [bearer], (method, path)
        elif security is not None:  # /healthz and /readyz take no key at all
            assert security == [{}, bearer], (method, path)

    strict = create_app(engine_settings.model_copy(update={"read_requires_key": True}))
    for path, method, operation in operations(strict.openapi()):
        if "security" in operation:
            assert operation["security"] == [bearer], (method, path)


def test_read_requires_key_still_guards_reads(engine_settings):
    settings = engine_settings.model_copy(update={"read_requires_key": True, "api_keys": KEYS})
    with TestClient(create_app(settings)) as client:
        anonymous = client.get("/statements")
        assert_error(anonymous, 401, "unauthorized")
        assert anonymous.headers["www-authenticate"] == "Bearer"
        assert client.get("/statements", headers=READ).status_code == 200


# --- strict types ---------------------------------------------------------------------------


@pytest.mark.parametrize("score", [True, False, "0.5"])
def test_a_score_is_a_json_number_only(api, score):
    body = {"role": "Claim", "text": "Strictly scored.", "base_score": score}
    response = api.post("/statements", json=body, headers=WRITE)
    assert "body.base_score" in assert_error(response, 422, "invalid")["message"]

    statement = {"id": "hh-strict", "role": "Claim", "text": "x", "base_score": score}
    document = {"format": "argmap", "version": 1, "statements": [statement]}
    imported = api.post("/import", content=json.dumps(document), headers=WRITE)
    details = assert_error(imported, 422, "invalid_document")["details"]
    assert [d["location"] for d in details] == ["statements[0].base_score"]
    assert api.get("/statements/hh-strict").status_code == 404


def test_an_integer_score_is_a_number(api):
    body = {"id": "hh-int-score", "role": "Claim", "text": "Scored 1.", "base_score": 1}
    assert api.post("/statements", json=body, headers=WRITE).status_code == 201
    response = api.patch("/statements/hh-int-score", json={"base_score": 0}, headers=WRITE)
    assert response.status_code == 200, response.text


# --- PATCH: the schema says what null does --------------------------------------------------


def nullable(schema: dict) -> bool:
    return schema.get("type") == "null" or any(nullable(s) for s in schema.get("anyOf", []))


def _stated_edge(api) -> str:
    """A stated edge (it has a quote, so its note can be cleared); its id."""
    for sid in ("hh-edge-a", "hh-edge-b"):  # alike texts: `force` past the near-duplicate 409
        body = {"id": sid, "role": "Claim", "text": sid}
        created = api.post("/statements", params={"force": "true"}, json=body, headers=WRITE)
        assert created.status_code == 201, created.text
    api.post("/sources", json={"id": "hh-edge-src", "text": "said"}, headers=WRITE)
    quote = {"source": "hh-edge-src", "quote": "said", "start": 0, "end": 4}
    assert api.post("/quotes", json=quote, headers=WRITE).status_code == 201
    edge = {"source": "hh-edge-a", "target": "hh-edge-b", "type": "REFUTES", "basis": "stated",
            "note": "n", "quotes": ["hh-edge-src-0-4"]}  # fmt: skip
    return api.post("/edges", json=edge, headers=WRITE).json()["id"]


def test_patch_null_is_accepted_exactly_where_the_schema_allows_it(api):
    ids = {
        "/statements/{id}": api.post(
            "/statements",
            params={"force": "true"},  # a throwaway text other tests may have stored too
            json={"id": "hh-patch", "role": "Claim", "title": "T", "text": "x", "base_score": 0.9},
            headers=WRITE,
        ).json()["id"],
        "/people/{id}": api.post(
            "/people", json={"id": "hh-person", "name": "P", "description": "D"}, headers=WRITE
        ).json()["id"],
        "/sources/{id}": api.post(
            "/sources",
            json={"id": "hh-src", "text": "t", "title": "T", "kind": "k", "author": "a",
                  "outlet": "o", "url": "u", "published": "p", "file": "f"},
            headers=WRITE,
        ).json()["id"],
        "/edges/{id}": _stated_edge(api),
    }  # fmt: skip
    schema = api.app.openapi()
    components = schema["components"]["schemas"]
    patches = {p: op for p, m, op in operations(schema) if m == "patch"}
    assert set(patches) == set(ids), "a new PATCH route: give it an id above"
    required = {
        "/statements/{id}": {"role", "text"},
        "/people/{id}": {"name", "aliases"},  # a list: [] clears it
        "/edges/{id}": {"basis", "speakers", "quotes"},
    }
    for path, operation in patches.items():
        ref = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
        properties = components[ref.rsplit("/", 1)[1]]["properties"]
        url = path.format(id=ids[path])
        for field, field_schema in properties.items():
            response = api.patch(url, json={field: None}, headers=WRITE)
            if nullable(field_schema):
                assert field not in required.get(path, set()), (path, field)
                assert response.status_code == 200, (path, field, response.text)
                cleared = api.get(url).json()
                assert cleared.get(field) is None, (path, field, cleared)
            else:
                assert field in required.get(path, set()), (path, field)
                assert f"body.{field}" in assert_error(response, 422, "invalid")["message"]
    statement = api.get(f"/statements/{ids['/statements/{id}']}").json()
    assert (statement["role"], statement["text"]) == ("Claim", "x")
    assert api.get(f"/people/{ids['/people/{id}']}").json()["name"] == "P"


def test_no_bodiless_route_needs_a_write_key():
    # limits.RequestGuard skips its key check for GET/HEAD/OPTIONS: none may be a write.
    from argmap.limits import BODILESS_METHODS
    from argmap.security import needs_write_key

    app = create_app(Settings(_env_file=None))
    bodiless_writes = [
        (route.path, route.methods)
        for route in iter_route_contexts(app.routes)
        if set(getattr(route, "methods", None) or ()) & BODILESS_METHODS and needs_write_key(route)
    ]
    assert bodiless_writes == []
    assert any(
        needs_write_key(route) for route in iter_route_contexts(app.routes)
    )  # the check sees write guards
