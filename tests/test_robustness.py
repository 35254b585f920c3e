"""How argmap behaves when things go wrong, on real engines (FalkorDB always, Neo4j when present).

- Engine down: a dead engine gives 503 `engine_unavailable` in the one error shape, the process
  stays up, and routes answer again once the engine is back, without restarting argmap. An
  engine that is unreachable at startup fails the startup at once, with its address.
- Concurrency: 20 writers against a real uvicorn server post the same ids and edges; the
  engine's unique constraints leave exactly one node per id (the losers get 409), nothing that
  was acknowledged is lost, and every edge exists once.
- Persistence: `kill -9` of the embedded FalkorDB during a bulk import leaves the map as it was
  before the import or after it, never half of it; an acknowledged import survives `kill -9`.
- Input limits: oversize bodies are 413/422, out-of-range numbers 422 naming the parameter,
  and hostile text (Cypher, `$param`, backticks, unicode, control characters) is stored and
  returned verbatim, never run.
"""

from __future__ import annotations

import asyncio
import hashlib
import itertools
import json
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from urllib.parse import urlsplit

import httpx
import pytest
import redis
from fastapi.testclient import TestClient
from serving import engine_env, http_server
from support import assert_error

from argmap.app import create_app
from argmap.catalog import Query, load_catalog
from argmap.engines.embedded_falkordb import EmbeddedFalkorDB
from argmap.engines.process import free_port
from argmap.errors import ErrorResponse
from argmap.keys import ApiKey, Scope, hash_key
from argmap.routes.exchange import MAX_IMPORT_BYTES
from argmap.settings import Settings
from argmap.store import EngineUnavailable
from argmap.store.open import open_store

WRITE_KEY = "robustness-write-key"
AUTH = {"Authorization": f"Bearer {WRITE_KEY}"}
KEYS = [ApiKey(sha256=hash_key(WRITE_KEY), scope=Scope.WRITE, name="robustness")]


# How a test edge is grounded: it is the test's own reading, not any text's.
GROUNDS = {"basis": "reconstructed", "note": "a test edge"}


def engine_counts(settings: Settings) -> Counter:
    """Nodes per label and relationships per type, read straight from the engine."""
    query = load_catalog(settings.engine)(Query.ADMIN_COUNTS)
    return Counter(
        {(row["kind"], row["name"]): row["count"] for row in engine_read(settings, query)}
    )


def engine_read(settings: Settings, query: str) -> list[dict]:
    async def run() -> list[dict]:
        async with open_store(settings) as store:
            return await store.read(query)

    return asyncio.run(run())


def label_counts(counts: Counter) -> Counter:
    return Counter({key: n for key, n in counts.items() if key[0] == "label"})


# --- 1. engine down --------------------------------------------------------------------------


def test_falkordb_down_gives_503_and_recovers_without_restarting_argmap(tmp_path):
    with EmbeddedFalkorDB(tmp_path / "falkordb") as server:
        settings = Settings(
            _env_file=None, falkordb_url=f"redis://127.0.0.1:{server.port}", api_keys=KEYS
        )
        with TestClient(create_app(settings)) as client:
            assert client.get("/readyz").json() == {"status": "ready", "engine": "falkordb"}
            seeded = client.get("/statements").json()["total"]
            assert seeded > 0

            server.kill()
            for url in ("/readyz", "/statements", "/statements/nato-is-defensive", "/graph"):
                body = assert_error(client.get(url), 503, "engine_unavailable")
                assert f"127.0.0.1:{server.port}" not in body["message"]  # no address to clients
            write = client.post("/statements", json={"role": "Claim", "text": "x"}, headers=AUTH)
            assert_error(write, 503, "engine_unavailable")
            # liveness: the process answers, and says the engine is down
            health = client.get("/healthz").json()
            assert health == {"status": "ok", "engine": "falkordb", "engine_state": "down"}

            server.restart()
            assert client.get("/readyz").json() == {"status": "ready", "engine": "falkordb"}
            assert client.get("/statements").json()["total"] == seeded
            body = {"id": "rb-after-restart", "role": "Claim", "text": "Written after."}
            assert client.post("/statements", json=body, headers=AUTH).status_code == 201
            assert client.get("/statements").json()["total"] == seeded + 1


@pytest.mark.parametrize("engine", ["falkordb", "neo4j"])
def test_startup_against_an_unreachable_engine_fails_at_once_naming_it(engine):
    """Decision: argmap does not start without its engine (the lifespan applies the schema and
    seeds). It fails at once with the engine's address (Neo4j's driver used to retry ~60 s
    first); a supervisor restarts it, and `/readyz` covers an engine lost later."""
    port = free_port()  # nothing listens there
    target = (
        {"neo4j_uri": f"bolt://127.0.0.1:{port}"}
        if engine == "neo4j"
        else {"falkordb_url": f"redis://127.0.0.1:{port}"}
    )
    settings = Settings(_env_file=None, **target)
    started = time.monotonic()
    unreachable = rf"at \S*127\.0\.0\.1:{port} is unreachable"
    with pytest.raises(EngineUnavailable, match=unreachable), TestClient(create_app(settings)):
        pass
    assert time.monotonic() - started < 10


class TcpProxy:
    """A loopback TCP forwarder: `down()` drops every connection and refuses new ones (what
    argmap sees when the engine dies), `up()` listens again on the same port."""

    def __init__(self, upstream: tuple[str, int]) -> None:
        self.upstream, self.port = upstream, 0
        self._listener: socket.socket | None = None
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()

    def up(self) -> TcpProxy:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.port, self._listener = listener.getsockname()[1], listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()
        return self

    def down(self) -> None:
        assert self._listener is not None
        with self._lock:
            sockets, self._sockets = [self._listener, *self._sockets], []
        for sock in sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)  # wakes the thread blocked in accept()
            except OSError:
                pass
            sock.close()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
                server = socket.create_connection(self.upstream)
            except OSError:
                return
            with self._lock:
                self._sockets += [client, server]
            for src, dst in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(src, dst), daemon=True).start()

    @staticmethod
    def _pump(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        for sock in (src, dst):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass


def test_neo4j_lost_at_runtime_gives_503_and_recovers(neo4j_settings):
    """The shared Neo4j behind a proxy that goes down and up: a second server is too slow."""
    bolt = urlsplit(neo4j_settings.neo4j_uri)
    proxy = TcpProxy((bolt.hostname or "127.0.0.1", bolt.port or 7687)).up()
    settings = neo4j_settings.model_copy(
        update={"neo4j_uri": f"bolt://127.0.0.1:{proxy.port}", "seed_on_empty": False}
    )
    try:
        with TestClient(create_app(settings)) as client:
            assert client.get("/readyz").json() == {"status": "ready", "engine": "neo4j"}
            assert client.get("/statements").status_code == 200

            proxy.down()
            body = assert_error(client.get("/readyz"), 503, "engine_unavailable")
            assert f"127.0.0.1:{proxy.port}" not in body["message"]  # no address to clients
            started = time.monotonic()
            assert_error(client.get("/statements"), 503, "engine_unavailable")
            assert time.monotonic() - started < 15, "a request waited out the driver's retries"
            # liveness: the process answers, and says the engine is down
            health = client.get("/healthz").json()
            assert health == {"status": "ok", "engine": "neo4j", "engine_state": "down"}

            proxy.up()
            assert client.get("/readyz").json() == {"status": "ready", "engine": "neo4j"}
            assert client.get("/statements").status_code == 200
    finally:
        proxy.down()


# --- 2. concurrency --------------------------------------------------------------------------

WRITERS = 20
PER_ID = 4  # how many writers post each id and each edge
STATEMENT_IDS = [f"rb-c-{i:02d}" for i in range(60)]
PERSON_IDS = [f"rb-cp-{i:02d}" for i in range(20)]


def posters(index: int) -> set[int]:
    """The PER_ID distinct writers that post item `index`."""
    return {(index * 7 + k * (WRITERS // PER_ID)) % WRITERS for k in range(PER_ID)}


@pytest.fixture(scope="module")
def live_server(engine_settings, restore_seeded_map, tmp_path_factory) -> Iterator[str]:
    """`uvicorn --workers 2` over the test engine, in its own process; yields its base URL."""
    args = ["-m", "uvicorn", "argmap.app:create_app", "--factory", "--host", "127.0.0.1",
            "--port", "{port}", "--workers", "2", "--log-level", "warning"]  # fmt: skip
    workdir = tmp_path_factory.mktemp("uvicorn")  # no .env from the repository
    try:
        with http_server(args, workdir=workdir, env=engine_env(engine_settings, KEYS)) as url:
            yield url
    finally:
        restore_seeded_map()


async def _race(url: str, jobs: list[list[tuple[str, dict]]]) -> list[list[httpx.Response]]:
    """Each writer posts its (path, body) jobs in order; all writers start together."""
    start = asyncio.Event()

    async def writer(posts: list[tuple[str, dict]]) -> list[httpx.Response]:
        async with httpx.AsyncClient(base_url=url, headers=AUTH, timeout=60) as client:
            await start.wait()
            return [await client.post(path, json=body) for path, body in posts]

    tasks = [asyncio.create_task(writer(posts)) for posts in jobs]
    await asyncio.sleep(0.1)
    start.set()
    return await asyncio.gather(*tasks)


def test_concurrent_writers_cannot_duplicate_ids_or_lose_writes(live_server, engine_settings):
    before = engine_counts(engine_settings)

    # Round 1: statements and people; each id posted by PER_ID writers at about the same time.
    # The statements' texts are alike on purpose: `force` keeps claim matching's near-duplicate
    # refusal out of a race about ids.
    jobs: list[list[tuple[str, dict]]] = [[] for _ in range(WRITERS)]
    for i, sid in enumerate(STATEMENT_IDS):
        for w in posters(i):
            body = {"id": sid, "role": "Claim", "text": f"{sid} by {w}"}
            jobs[w].append(("/statements?force=true", body))
    for i, pid in enumerate(PERSON_IDS):
        for w in posters(i + 3):
            jobs[w].append(("/people", {"id": pid, "name": f"{pid} by {w}"}))
    results = asyncio.run(_race(live_server, jobs))

    outcomes: dict[str, list[tuple[int, httpx.Response]]] = {}
    for w, responses in enumerate(results):
        for (_, body), response in zip(jobs[w], responses, strict=True):
            outcomes.setdefault(body["id"], []).append((w, response))
    assert len(outcomes) == len(STATEMENT_IDS) + len(PERSON_IDS)
    winners = {}
    for item, tries in outcomes.items():
        statuses = sorted(r.status_code for _, r in tries)
        assert statuses == [201] + [409] * (PER_ID - 1), (item, [r.text for _, r in tries])
        for _, response in tries:
            if response.status_code == 409:
                assert_error(response, 409, "conflict")
        winners[item] = next(w for w, r in tries if r.status_code == 201)

    with httpx.Client(base_url=live_server) as client:
        for sid in STATEMENT_IDS:  # acknowledged = stored, with the winner's text
            assert client.get(f"/statements/{sid}").json()["text"] == f"{sid} by {winners[sid]}"
        for pid in PERSON_IDS:
            assert client.get(f"/people/{pid}").json()["name"] == f"{pid} by {winners[pid]}"

    # Round 2: a chain of SUPPORTS one way and REFUTES the other way over the same pairs,
    # each edge posted by PER_ID writers; duplicates merge into the one edge.
    jobs = [[] for _ in range(WRITERS)]
    for i, (a, b) in enumerate(itertools.pairwise(STATEMENT_IDS)):
        for w in posters(i):
            jobs[w].append(("/edges", {"source": a, "target": b, "type": "SUPPORTS", **GROUNDS}))
            jobs[w].append(("/edges", {"source": b, "target": a, "type": "REFUTES", **GROUNDS}))
    results = asyncio.run(_race(live_server, jobs))
    for w, responses in enumerate(results):
        for (_, body), response in zip(jobs[w], responses, strict=True):
            assert response.status_code == 201, response.text
            kind = body["type"].lower()
            assert response.json()["id"] == f"{body['source']}~{kind}~{body['target']}"

    after = engine_counts(engine_settings)
    grown = after - before
    assert label_counts(grown) == Counter(
        {("label", "Statement"): 60, ("label", "Claim"): 60, ("label", "Person"): 20,
         ("label", "Link"): 118}  # one per edge
    )  # fmt: skip
    assert grown[("type", "SUPPORTS")] == grown[("type", "REFUTES")] == 59
    assert grown[("type", "ASSERTS")] == 0
    with httpx.Client(base_url=live_server) as client:
        for i, sid in enumerate(STATEMENT_IDS):
            statement = client.get(f"/statements/{sid}").json()
            below = [STATEMENT_IDS[i - 1]] if i > 0 else []
            above = [STATEMENT_IDS[i + 1]] if i + 1 < len(STATEMENT_IDS) else []
            assert [s["id"] for s in statement["supporters"]] == below
            assert [s["id"] for s in statement["refuters"]] == above


# --- 3. persistence ---------------------------------------------------------------------------

BULK = 3000  # statements per generated import document (~0.9 MB, one Cypher statement)


def bulk_document(prefix: str, n: int = BULK) -> bytes:
    statements = [
        {"id": f"{prefix}-{i}", "role": "Claim", "title": f"Bulk {i}",
         "text": f"{prefix} bulk statement {i}: " + "lorem ipsum dolor sit amet " * 6}
        for i in range(n)
    ]  # fmt: skip
    edges = [
        {"source": f"{prefix}-{i + 1}", "target": f"{prefix}-{i}", "type": "SUPPORTS"}
        for i in range(n - 1)
    ]
    return json.dumps(
        {"format": "argmap", "version": 1, "statements": statements, "edges": edges}
    ).encode()


def app_counts(client: TestClient) -> Counter:
    store, catalog = client.app.state.store, client.app.state.catalog
    rows = client.portal.call(store.read, catalog(Query.ADMIN_COUNTS))
    return Counter({(r["kind"], r["name"]): r["count"] for r in rows})


def imported(client: TestClient, prefix: str) -> int:
    return client.get("/statements", params={"q": f"{prefix} bulk statement", "limit": 1}).json()[
        "total"
    ]


@pytest.fixture
def embedded(tmp_path) -> Iterator[tuple[EmbeddedFalkorDB, TestClient]]:
    """A private embedded FalkorDB with the seeded map, and argmap over it."""
    with EmbeddedFalkorDB(tmp_path / "falkordb") as server:
        settings = Settings(
            _env_file=None, falkordb_url=f"redis://127.0.0.1:{server.port}", api_keys=KEYS
        )
        with TestClient(create_app(settings)) as client:
            yield server, client


def test_kill_9_during_a_bulk_import_leaves_the_map_before_or_after_it(embedded):
    """Durability of the embedded FalkorDB: append-only file, `appendfsync everysec`. A write
    is one GRAPH.QUERY; FalkorDB appends it to the AOF as one record only once it has run
    whole, so a kill -9 while it runs leaves no trace of it, and a record torn by the kill is
    dropped on load (`aof-load-truncated yes`). The import is such a query: it lands whole or
    not at all. (`everysec` bounds the loss on an OS crash or power cut to ~1 s of
    acknowledged writes; a killed process loses none: see the next test.)

    The kill lands while the engine runs the import: a separate connection watches CLIENT LIST
    for the import's GRAPH.QUERY being executed (blocked client, large argv)."""
    server, client = embedded
    before = app_counts(client)
    document = bulk_document("rb-kill")
    result: dict[str, httpx.Response] = {}
    request = threading.Thread(
        target=lambda: result.setdefault(
            "r", client.post("/import", content=document, headers=AUTH)
        )
    )
    watcher = redis.Redis(port=server.port)
    request.start()
    deadline = time.monotonic() + 30
    try:
        while request.is_alive() and time.monotonic() < deadline:
            running = [
                c for c in watcher.client_list()
                if c["cmd"].lower() == "graph.query" and "b" in c["flags"]
                and int(c.get("argv-mem", 0)) > len(document) // 2
            ]  # fmt: skip
            if running:
                server.kill()
                break
            time.sleep(0.001)
        else:
            pytest.fail("the import never showed up running in CLIENT LIST")
    finally:
        watcher.close()
        request.join(60)
    response = result["r"]
    server.restart()

    after = app_counts(client)
    landed = imported(client, "rb-kill")
    assert landed in (0, BULK)
    if landed == 0:  # before: nothing of it, and the client was told
        assert after == before
        assert_error(response, 503, "engine_unavailable")
    else:  # after: all of it (the kill came between the commit and the reply)
        assert after - before == Counter(
            {("label", "Statement"): BULK, ("label", "Claim"): BULK, ("type", "SUPPORTS"): BULK - 1}
        )
        assert response.status_code in (200, 503)


def test_acknowledged_imports_survive_kill_9_and_restart_stays_fast(embedded):
    """What argmap acknowledged is in the AOF (written before the reply), so `kill -9` loses
    none of it. Replaying AOF records runs without indexes (MERGE imports went quadratic:
    12 s for three of these imports, 35 s for four), so the embedded engine rewrites the log
    to a snapshot once it passes 1 MB; the restart stays well under its 15 s timeout."""
    server, client = embedded
    for n in range(3):
        response = client.post("/import", content=bulk_document(f"rb-ack{n}"), headers=AUTH)
        assert response.status_code == 200, response.text
    server.kill()
    started = time.monotonic()
    server.restart()
    assert time.monotonic() - started < 5
    for n in range(3):
        assert imported(client, f"rb-ack{n}") == BULK


# --- 5. input limits --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def api(engine_settings, restore_seeded_map) -> Iterator[TestClient]:
    settings = engine_settings.model_copy(update={"api_keys": KEYS})
    with TestClient(create_app(settings)) as client:
        yield client
    restore_seeded_map()


def test_oversize_import_is_413_and_writes_nothing(api, engine_settings):
    before = engine_counts(engine_settings)
    too_big = b" " * (MAX_IMPORT_BYTES + 1)
    body = assert_error(api.post("/import", content=too_big, headers=AUTH), 413, "too_large")
    assert str(MAX_IMPORT_BYTES) in body["message"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: the limit is checked while reading
        for _ in range(MAX_IMPORT_BYTES // 1_000_000 + 1):
            yield b" " * 1_000_000

    assert_error(api.post("/import", content=chunks(), headers=AUTH), 413, "too_large")
    assert engine_counts(engine_settings) == before


def test_import_takes_a_json_content_type(api):
    document = {"statements": [{"id": "rb-json-ct", "role": "Claim", "text": "As JSON."}]}
    response = api.post("/import", json=document, headers=AUTH)
    assert response.status_code == 200, response.text
    assert api.get("/statements/rb-json-ct").json()["text"] == "As JSON."


TEXT_LIMITS = [  # (path, valid body without the field, field, max length)
    ("/statements", {"role": "Claim"}, "text", 5000),
    ("/statements", {"role": "Claim", "text": "t"}, "title", 200),
    ("/people", {}, "name", 200),
    ("/people", {"name": "n"}, "description", 2000),
    ("/sources", {"text": "t"}, "title", 200),
    ("/sources", {"text": "t"}, "published", 40),
    ("/sources", {"text": "t"}, "url", 2000),
    ("/sources", {}, "text", 2_000_000),
    ("/edges", {"source": "nato-is-defensive", "target": "nato-never-attacked-russia",
                "type": "SUPPORTS", **GROUNDS}, "inference", 100),
]  # fmt: skip


@pytest.mark.parametrize(("path", "base", "field", "limit"), TEXT_LIMITS)
def test_text_one_over_its_limit_is_422_naming_the_field(
    api, engine_settings, path, base, field, limit
):
    before = engine_counts(engine_settings)
    response = api.post(path, json={**base, field: "x" * (limit + 1)}, headers=AUTH)
    body = assert_error(response, 422, "invalid")
    assert f"body.{field}" in body["message"]
    assert [d["location"] for d in body["details"]] == [f"body.{field}"]
    assert engine_counts(engine_settings) == before


def test_statement_text_at_its_limit_is_stored_whole(api):
    text = "é" * 4999 + "🙂"  # 5000 code points, more bytes
    response = api.post("/statements", json={"role": "Claim", "text": text}, headers=AUTH)
    assert response.status_code == 201, response.text
    assert api.get(f"/statements/{response.json()['id']}").json()["text"] == text


HUGE = "9" * 30
NUMBERS = [  # (url, parameter, bad value)
    ("/statements/nato-is-defensive/support-tree", "depth", "11"),
    ("/statements/nato-is-defensive/attack-tree", "depth", HUGE),
    ("/statements/nato-is-defensive/attack-tree", "depth", "0"),
    ("/positions/nato-is-defensive", "depth", "-1"),
    ("/paths", "max_depth", HUGE),
    ("/statements", "limit", "501"),
    ("/statements", "limit", HUGE),
    ("/statements", "limit", "9" * 5000),
    ("/statements", "offset", "1000001"),
    ("/statements", "offset", "-1"),
    ("/statements/contested", "offset", HUGE),
    ("/people", "limit", "1e3"),
    ("/sources", "limit", "NaN"),
    ("/graph", "limit", "5001"),
]


@pytest.mark.parametrize(("url", "param", "value"), NUMBERS)
def test_out_of_range_numbers_are_422_naming_the_parameter(api, url, param, value):
    required = {"from": "nato-is-defensive", "to": "nato-is-defensive"} if url == "/paths" else {}
    response = api.get(url, params={**required, param: value})
    body = assert_error(response, 422, "invalid")
    assert [d["location"] for d in body["details"]] == [f"query.{param}"]
    assert body["message"].startswith(f"query.{param}: ")


MALFORMED = {  # name: (body, status for POST /statements)
    "truncated JSON": (b'{"role": "Claim", "text": "x"', 422),
    "nested 100000 deep": (b"[" * 100_000 + b"]" * 100_000, 400),
    "a 5000-digit number": (
        b'{"role": "Claim", "text": "x", "base_score": ' + b"9" * 5000 + b"}",
        400,
    ),
    "not UTF-8": (b'{"role": "Claim", "text": "caf\xe9"}', 400),
    "a lone surrogate": (b'{"role": "Claim", "text": "x\\ud800y"}', 422),
    "a JSON list": (b"[1, 2]", 422),
}


@pytest.mark.parametrize("name", MALFORMED)
def test_malformed_bodies_are_4xx_in_the_error_shape(api, engine_settings, name):
    content, status = MALFORMED[name]
    before = engine_counts(engine_settings)
    headers = {**AUTH, "Content-Type": "application/json"}
    response = api.post("/statements", content=content, headers=headers)
    assert response.status_code == status, response.text
    ErrorResponse.model_validate(response.json())
    imported_ = api.post("/import", content=content, headers=headers)
    assert 400 <= imported_.status_code < 500, imported_.text
    ErrorResponse.model_validate(imported_.json())
    assert engine_counts(engine_settings) == before


def test_import_of_a_5000_digit_number_is_422(api):
    content = b'{"statements": [{"id": "a", "role": "Claim", "text": "x", "base_score": '
    response = api.post("/import", content=content + b"9" * 5000 + b"}]}", headers=AUTH)
    assert_error(response, 422, "invalid_document")


HOSTILE = [
    "'}) MATCH (n) DETACH DELETE n //",
    '"}) MATCH (n) DETACH DELETE n //',
    "x'}) WITH 1 AS x MATCH (n) SET n.pwned = true RETURN x //",
    "$param $id $text {id: $id} $$",
    "`backtick` ``double`` `}) MATCH (n) DELETE n //",
    'CYPHER text="x" MATCH (n) DETACH DELETE n',
    "back\\slash \\\" \\' \\u0041 \\n end\\",
    "unicode: café e\u0301 ß Σ 中文 עברית \u202eRTL\u202c \u200b\ufeff 🙂👩‍👩‍👧 \U0010ffff",
    # The control characters text may hold (argmap.domain: what XML, and so GraphML, can).
    "controls: \t\n\r \x7f\x85\u2028\u2029",
]


def test_hostile_text_is_stored_verbatim_and_never_run(api, engine_settings):
    before = engine_counts(engine_settings)
    for n, text in enumerate(HOSTILE):
        person = {"id": f"rb-h-person-{n}", "name": text[:200], "description": text}
        assert api.post("/people", json=person, headers=AUTH).status_code == 201
        got = api.get(f"/people/{person['id']}").json()
        assert (got["name"], got["description"]) == (text[:200], text)

        source_text = f"{text}\n---\n{text}"
        meta = {"title": text[:200], "kind": text[:100], "author": text[:200], "outlet": text[:200],
                "url": text, "published": text[:40], "file": text[:200]}  # fmt: skip
        source = {"id": f"rb-h-source-{n}", "text": source_text, **meta}
        assert api.post("/sources", json=source, headers=AUTH).status_code == 201, text
        got = api.get(f"/sources/{source['id']}", params={"include_text": True}).json()
        assert {k: got[k] for k in meta} == meta
        assert got["text"] == source_text and got["length"] == len(source_text)
        assert got["sha256"] == hashlib.sha256(source_text.encode()).hexdigest()

        sid = f"rb-h-statement-{n}"
        statement = {"id": sid, "role": "Claim", "title": text[:200], "text": text,
                     "speakers": [person["id"]]}  # fmt: skip
        # force: two of the texts differ by a quote mark, near-duplicates to claim matching
        created = api.post("/statements", params={"force": "true"}, json=statement, headers=AUTH)
        assert created.status_code == 201, created.text
        start = len(text) + 5
        quote = {"statement": sid, "source": source["id"], "quote": text, "start": start,
                 "end": start + len(text), "note": text}  # fmt: skip
        created = api.post("/quotes", json=quote, headers=AUTH)
        assert created.status_code == 201, created.text
        edge = {"source": sid, "target": "nato-is-defensive", "type": "SUPPORTS",
                "inference": text[:100], **GROUNDS}  # fmt: skip
        assert api.post("/edges", json=edge, headers=AUTH).json()["inference"] == text[:100]

        got = api.get(f"/statements/{sid}").json()
        assert (got["title"], got["text"]) == (text[:200], text)
        assert [(q["quote"], q["note"]) for q in got["quotes"]] == [(text, text)]
        assert got["speakers"] == [{"id": person["id"], "name": text[:200]}]
        found = api.get("/statements", params={"q": text[:200]}).json()["items"]
        assert sid in [s["id"] for s in found]
        exported = json.loads(api.get("/export", params={"speaker": person["id"]}).content)
        assert [s["text"] for s in exported["statements"]] == [text]

    grown = engine_counts(engine_settings) - before
    k = len(HOSTILE)
    assert label_counts(grown) == Counter(
        {("label", "Person"): k, ("label", "Source"): k, ("label", "Statement"): k,
         ("label", "Claim"): k, ("label", "Quote"): k, ("label", "Link"): k}  # a Link per edge
    )  # fmt: skip
    assert {key: n for key, n in grown.items() if key[0] == "type"} == {
        ("type", "ASSERTS"): k, ("type", "HAS_QUOTE"): k, ("type", "IN"): k, ("type", "SUPPORTS"): k
    }  # fmt: skip
    assert api.get("/statements/nato-is-defensive").status_code == 200
    pwned = engine_read(engine_settings, "MATCH (n) WHERE n.pwned IS NOT NULL RETURN count(n) AS n")
    assert pwned == [{"n": 0}]


def test_unstorable_text_is_422_on_every_engine_and_nothing_is_written(api, engine_settings):
    """FalkorDB cannot carry U+0000 (it cut the query: a 500); both engines refuse it alike.
    A lone surrogate (not encodable as UTF-8) is refused by validation, and so are the control
    characters and noncharacters no export format (XML) could carry back."""
    before = engine_counts(engine_settings)
    for char in [*map(chr, range(1, 9)), "\x0b", "\x0c", "\x1f", "\ufffe", "\uffff"]:
        created = api.post("/statements", json={"role": "Claim", "text": f"a{char}b"}, headers=AUTH)
        message = assert_error(created, 422, "invalid")["message"]
        assert f"U+{ord(char):04X}" in message, message
        person = {"name": "ok", "description": f"a{char}"}
        assert_error(api.post("/people", json=person, headers=AUTH), 422, "invalid")
    surrogate = b'{"statements": [{"id": "rb-sur", "role": "Claim", "text": "x\\ud800y"}]}'
    body = assert_error(
        api.post("/import", content=surrogate, headers=AUTH), 422, "invalid_document"
    )
    assert [d["location"] for d in body["details"]] == ["statements[0].text"]
    created = api.post("/statements", json={"role": "Claim", "text": "a\x00b"}, headers=AUTH)
    assert "U+0000" in assert_error(created, 422, "invalid")["message"]
    assert_error(api.get("/statements", params={"q": "\x00"}), 422, "invalid")
    document = {"statements": [{"id": "rb-nul", "role": "Claim", "text": "ok"},
                               {"id": "rb-nul-2", "role": "Claim", "text": "a\x00b"}]}  # fmt: skip
    body = assert_error(api.post("/import", json=document, headers=AUTH), 422, "invalid_document")
    assert body["details"] == [
        {
            "location": "statements[1].text",
            "message": "must not contain the control character U+0000",
        }
    ]
    assert api.get("/statements/rb-nul").status_code == 404
    assert engine_counts(engine_settings) == before
