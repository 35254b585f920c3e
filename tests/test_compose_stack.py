"""The compose stack end to end, as a user runs it:

    docker compose -f docker-compose.yml -f docker-compose.offline.yml up -d --wait

on the images scripts/build-images builds, then reached from outside through its published ports:

- the API loaded the seeds into the stack's Neo4j, and answers as the in-process API does over
  the embedded FalkorDB;
- Neo4j Browser (published HTTP port) logs in over the published Bolt port, plays argmap's guide
  after connecting, loads argmap's style from the stack's API and draws the seeded map with it
  (headless Chromium; screenshot in build/screenshots/compose-neo4j-browser.png);
- the data survive `docker compose down` (without -v) and `up` again.

Isolation: the project is `argmap-test-<pid>-<random>`, and tests/fixtures/compose.test.yml
publishes every port on 127.0.0.1 only, on free ports (given to the `docker compose` subprocess
alone), so a user's own stack and other runs are untouched. The stack always goes with `down -v`, after which
the module checks that nothing of the project is left. It never pulls or builds images.

Skips with the reason unless a Docker engine answers, `docker compose` (v2) works and the engine
holds the images docker-compose.offline.yml names; fails instead when ARGMAP_REQUIRE_DOCKER=1.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
import yaml
from browser_support import CHROMIUM, CHROMIUM_ARGS, SHOTS
from fastapi.testclient import TestClient
from neo4j_browser import editor, frames, graph_nodes, type_and_run, wait_for_layout
from support import SEEDED_GRAPH_EDGES, SEEDED_STATEMENTS

from argmap.app import create_app
from argmap.engines.process import free_port
from argmap.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
COMPOSE_FILES = (
    ROOT / "docker-compose.yml",
    ROOT / "docker-compose.offline.yml",
    ROOT / "tests" / "fixtures" / "compose.test.yml",
)
PASSWORD = "argmap-compose-test"  # the stack's NEO4J_PASSWORD (Neo4j wants 8 characters at least)
UP_TIMEOUT = 150  # s, `up --wait`; a cold start (Neo4j, then the API seeding it) takes ~30 s
DOCKER_TIMEOUT = 60  # s, any other docker command
HTTP_TIMEOUT = 30  # s
UI_TIMEOUT = 30_000  # ms, every Playwright wait

SEEDED_EDGES = SEEDED_GRAPH_EDGES
DEFENSIVE = "nato-is-defensive"
TREE_QUERY = f"MATCH p = (:Position {{id: '{DEFENSIVE}'}})<-[:SUPPORTS|REFUTES*1..2]-() RETURN p"
TREE_QUERY_NODES = (
    f"MATCH p = (:Position {{id: '{DEFENSIVE}'}})<-[:SUPPORTS|REFUTES*1..2]-() "
    "UNWIND nodes(p) AS n WITH DISTINCT n "
    "RETURN count(n) AS nodes, count(CASE WHEN n:Position THEN 1 END) AS positions"
)
POSITION_FILL = "#0072B2"  # node.Position in service/argmap/web/style.grass

# Routes both APIs must answer alike. Lists compare as multisets, except the ones a query orders
# (ORDER BY in cypher/positions/list.cypher and cypher/graph/nodes.cypher): their ids in order too.
ROUTES = ["/statements/nato-is-defensive", "/positions", "/people/blinken", "/graph"]
ORDERED = {"/positions": "items", "/graph": "nodes"}


# ---------------------------------------------------------------------------------------------
# Docker


def _run(args: list[str], *, env: dict[str, str] | None = None, timeout: float = DOCKER_TIMEOUT):
    return subprocess.run(
        args, capture_output=True, text=True, cwd=ROOT, env=env, timeout=timeout, check=False
    )


def _lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    assert result.returncode == 0, f"{' '.join(result.args)}: {result.stderr}"
    return result.stdout.split()


def _volume_exists(name: str) -> bool:
    return _run(["docker", "volume", "inspect", name]).returncode == 0


def _stack_images() -> list[str]:
    """The images the offline stack runs, as docker-compose.offline.yml names them."""
    services = yaml.safe_load((ROOT / "docker-compose.offline.yml").read_text())["services"]
    return sorted({service["image"] for service in services.values() if "image" in service})


def _docker_problem(images: list[str]) -> str | None:
    """Why the stack cannot run here, or None."""
    if shutil.which("docker") is None:
        return "no `docker` command"
    try:
        engine = _run(["docker", "version", "--format", "{{.Server.Version}}"])
        if engine.returncode:
            return f"no Docker engine answers: {engine.stderr.strip()}"
        compose = _run(["docker", "compose", "version"])
        if compose.returncode:
            return f"`docker compose` (the v2 plugin) does not work: {compose.stderr.strip()}"
        missing = [i for i in images if _run(["docker", "image", "inspect", i]).returncode]
    except subprocess.TimeoutExpired as exc:
        return f"`{' '.join(exc.cmd)}` did not answer within {exc.timeout:.0f} s"
    if missing:
        return f"the Docker engine lacks {', '.join(missing)} (scripts/build-images builds them)"
    return None


@dataclass
class Stack:
    project: str
    api_port: int
    http_port: int
    bolt_port: int
    password: str = PASSWORD
    # Every volume the project's containers mounted, named or anonymous (Neo4j's /logs).
    volumes: set[str] = field(default_factory=set)

    @property
    def api(self) -> str:
        return f"http://127.0.0.1:{self.api_port}"

    @property
    def bolt(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    @property
    def browser(self) -> str:
        return f"http://127.0.0.1:{self.http_port}/browser/"

    @property
    def data_volume(self) -> str:
        return f"{self.project}_neo4j-data"

    def env(self) -> dict[str, str]:
        """The `docker compose` subprocess's environment (this process's is left alone)."""
        return os.environ | {
            "NEO4J_PASSWORD": self.password,
            "ARGMAP_TEST_API_PORT": str(self.api_port),
            "ARGMAP_TEST_NEO4J_HTTP_PORT": str(self.http_port),
            "ARGMAP_TEST_NEO4J_BOLT_PORT": str(self.bolt_port),
        }

    def compose(self, *args: str, timeout: float = DOCKER_TIMEOUT):
        files = [arg for path in COMPOSE_FILES for arg in ("-f", str(path))]
        command = ["docker", "compose", *files, "-p", self.project, *args]
        return _run(command, env=self.env(), timeout=timeout)

    def up(self) -> None:
        """`up -d --wait` on the local images; on failure, fail with the stack's logs."""
        wait = ("--wait", "--wait-timeout", str(UP_TIMEOUT))
        try:
            result = self.compose("up", "-d", *wait, "--pull", "never", "--no-build",
                                  timeout=UP_TIMEOUT + 30)  # fmt: skip
            failure = result.returncode and f"exit {result.returncode}:\n{result.stderr}"
        except subprocess.TimeoutExpired:
            failure = f"no answer within {UP_TIMEOUT + 30} s"
        self.record_volumes()
        if failure:
            logs = self.compose("logs", "--no-color", "--timestamps", "--tail", "200")
            print(logs.stdout, logs.stderr)  # pytest shows it with the failure
            pytest.fail(f"`docker compose up` of {self.project} failed: {failure}\n{logs.stdout}")

    def down(self, *flags: str) -> None:
        result = self.compose("down", *flags)
        assert result.returncode == 0, f"`docker compose down {' '.join(flags)}`: {result.stderr}"

    def _labelled(self, *list_command: str) -> list[str]:
        label = f"label=com.docker.compose.project={self.project}"
        return _lines(_run(["docker", *list_command, "-q", "--filter", label]))

    def containers(self) -> list[str]:
        return self._labelled("ps", "-a")

    def labelled_volumes(self) -> list[str]:
        return self._labelled("volume", "ls")

    def networks(self) -> list[str]:
        return self._labelled("network", "ls")

    def record_volumes(self) -> None:
        for container in self.containers():
            mounts = _run(["docker", "inspect", "--format", "{{json .Mounts}}", container])
            if mounts.returncode == 0:
                self.volumes |= {m["Name"] for m in json.loads(mounts.stdout) if m.get("Name")}

    def existing_volumes(self) -> list[str]:
        return [v for v in sorted(self.volumes) if _volume_exists(v)]


def _distinct_free_ports(count: int) -> list[int]:
    ports: list[int] = []
    while len(ports) < count:
        if (port := free_port()) not in ports:
            ports.append(port)
    return ports


@pytest.fixture(scope="module")
def stack() -> Iterator[Stack]:
    if problem := _docker_problem(_stack_images()):
        if os.environ.get("ARGMAP_REQUIRE_DOCKER") == "1":
            pytest.fail(f"ARGMAP_REQUIRE_DOCKER=1 but {problem}")
        pytest.skip(f"no compose stack: {problem}")
    # The pid, and a random part: runs in other PID namespaces (containers sharing one Docker
    # engine, as CI jobs may) can have the same pid.
    project = f"argmap-test-{os.getpid()}-{uuid.uuid4().hex[:6]}"
    stack = Stack(project, *_distinct_free_ports(3))
    try:
        stack.up()
        yield stack
    finally:
        stack.record_volumes()
        stack.down("-v", "--remove-orphans")
        # Every volume is named in docker-compose.yml (the image declares /data and /logs),
        # so the persistence test's plain `down` left no anonymous one behind either.
        assert stack.containers() == [], "containers of the project are left"
        assert stack.labelled_volumes() == [], "volumes of the project are left"
        assert stack.networks() == [], "networks of the project are left"
        assert stack.existing_volumes() == [], "volumes its containers mounted are left"


def _cypher(stack: Stack, query: str, **params: object) -> list[dict]:
    """Run a query through Bolt on the stack's published port, as neo4j/<password>."""
    from neo4j import GraphDatabase

    with GraphDatabase.driver(stack.bolt, auth=("neo4j", stack.password)) as driver:
        records, _, _ = driver.execute_query(query, params, database_="neo4j")
    return [record.data() for record in records]


def _census(stack: Stack) -> dict:
    return _cypher(
        stack,
        "CALL { MATCH (n) RETURN count(n) AS nodes } "
        "CALL { MATCH ()-[r]->() RETURN count(r) AS relationships } "
        "CALL { MATCH (s:Statement) RETURN count(s) AS statements } "
        "RETURN nodes, relationships, statements",
    )[0]


def _get(stack: Stack, route: str) -> dict:
    response = httpx.get(stack.api + route, timeout=HTTP_TIMEOUT)
    assert response.status_code == 200, f"{route}: {response.status_code} {response.text}"
    return response.json()


def _unordered(value):
    """The JSON value with every list sorted: equal when equal up to the order of lists."""
    if isinstance(value, dict):
        return {key: _unordered(item) for key, item in value.items()}
    if isinstance(value, list):
        items = [_unordered(item) for item in value]
        return sorted(items, key=lambda item: json.dumps(item, sort_keys=True))
    return value


# ---------------------------------------------------------------------------------------------
# 1. The API loaded the seeds into Neo4j, and answers as over FalkorDB


@pytest.fixture(scope="module")
def falkordb_api(falkordb_server) -> Iterator[TestClient]:
    """The in-process API over the embedded FalkorDB, on a graph of its own that the API's start
    seeds, just as the stack's API seeds its empty Neo4j."""
    graph = f"argmap_compose_{os.getpid()}"
    settings = Settings(
        _env_file=None,
        falkordb_url=f"redis://{falkordb_server.host}:{falkordb_server.port}",
        falkordb_graph=graph,
        seed_on_empty=True,
    )
    with TestClient(create_app(settings)) as client:
        yield client
    from falkordb import FalkorDB

    FalkorDB(host=falkordb_server.host, port=falkordb_server.port).select_graph(graph).delete()


def test_the_api_seeded_neo4j(stack):
    assert _get(stack, "/readyz") == {"status": "ready", "engine": "neo4j"}
    graph = _get(stack, "/graph")
    assert (len(graph["nodes"]), len(graph["edges"])) == (SEEDED_STATEMENTS, SEEDED_EDGES)
    assert graph["total"] == SEEDED_STATEMENTS and graph["truncated"] is False
    # What the API answers is what the stack's Neo4j holds, as Bolt on the published port shows.
    census = _census(stack)
    assert census["statements"] == SEEDED_STATEMENTS
    assert census["nodes"] > SEEDED_STATEMENTS  # sources, people and quotes too


@pytest.mark.parametrize("route", ROUTES)
def test_the_stack_answers_as_the_api_over_falkordb(stack, falkordb_api, route):
    on_falkordb = falkordb_api.get(route)
    assert on_falkordb.status_code == 200, on_falkordb.text
    stack_answer, falkordb_answer = _get(stack, route), on_falkordb.json()
    if key := ORDERED.get(route):
        order = [item["id"] for item in stack_answer[key]]
        assert order == [item["id"] for item in falkordb_answer[key]]
        assert order == sorted(order) and len(order) > 1
    assert _unordered(stack_answer) == _unordered(falkordb_answer)


# ---------------------------------------------------------------------------------------------
# 2. Neo4j Browser on the published ports, with argmap's guide and style


def _guide_frame(page):
    return frames(page).filter(has=page.get_by_role("heading", name="The two positions"))


@pytest.fixture(scope="module")
def browser(stack):
    """Neo4j Browser, logged in through its connect form: the published Bolt port (the URL's
    `dbms`; the server itself advertises Bolt on the container's 7687), neo4j/<password>."""
    if CHROMIUM is None:
        pytest.skip("no Chromium installed (Debian package `chromium`)")
    playwright_sync = pytest.importorskip("playwright.sync_api")
    expect = playwright_sync.expect
    with playwright_sync.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = chromium.new_context(viewport={"width": 1400, "height": 900})
            context.set_default_timeout(UI_TIMEOUT)
            expect.set_options(timeout=UI_TIMEOUT)
            page = context.new_page()
            page.goto(f"{stack.browser}?dbms={stack.bolt}&preselectAuthMethod=NATIVE")
            expect(page.locator("[data-testid=boltaddress]")).to_have_value(
                f"127.0.0.1:{stack.bolt_port}"
            )
            page.locator("[data-testid=username]").fill("neo4j")
            page.locator("[data-testid=password]").fill(stack.password)
            page.locator("[data-testid=connect]").click()
            # The editor prompt names the selected database once the Browser is connected.
            expect(editor(page)).to_contain_text("neo4j$")
            yield page, expect
        finally:
            expect.set_options(timeout=5_000)  # Playwright's default, for other modules
            chromium.close()


def test_browser_logs_in_and_plays_argmaps_guide(browser, stack):
    page, expect = browser
    connected = frames(page).filter(has_text="Connected to Neo4j")
    expect(connected).to_contain_text("You are connected as user")
    expect(connected.locator("code")).to_have_text(["neo4j", stack.bolt])
    # docker-compose.yml's post-connect command plays the guide the stack's API serves.
    guide = _guide_frame(page)
    expect(guide).to_be_visible()
    expect(guide.locator("[data-testid=frameCommand]")).to_contain_text(
        f"{stack.api}/browser/guide"
    )


def test_browser_draws_the_seeded_map_in_argmaps_style(browser, stack):
    page, expect = browser
    expect(_guide_frame(page)).to_be_visible()  # the post-connect frame is in: frames count true
    style = type_and_run(page, f":style {stack.api}/browser/style.grass")
    contents = style.locator("[data-testid=frameContents]")
    expect(contents).to_contain_text("node.Position")
    expect(contents).to_contain_text(POSITION_FILL)

    expected = _cypher(stack, TREE_QUERY_NODES)[0]
    assert expected["nodes"] > 1 and expected["positions"] >= 1
    frame = type_and_run(page, TREE_QUERY)
    expect(graph_nodes(frame)).to_have_count(expected["nodes"])
    expect(frame.locator("[data-testid=vizInspector]")).to_contain_text(
        f"Displaying {expected['nodes']} nodes"
    )
    # Position nodes are drawn in argmap's Position colour: the :style from the API took effect.
    positions = frame.locator(f"svg g.node circle.b-outline[fill='{POSITION_FILL}']")
    expect(positions).to_have_count(expected["positions"])
    wait_for_layout(page, frame)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "compose-neo4j-browser.png"), animations="disabled")


# ---------------------------------------------------------------------------------------------
# 3. The data survive `down` and `up`


def test_data_survive_down_and_up(stack):
    census = _census(stack)
    statement = _get(stack, f"/statements/{DEFENSIVE}")
    marker = f"compose-test-{uuid.uuid4().hex}"
    _cypher(stack, "CREATE (:ComposeTestMarker {id: $id})", id=marker)
    # An edit to a seeded statement: seeds MERGE and SET, so a second seeding would undo it
    # (and leave the counts as they were).
    edit = "MATCH (s:Statement {id: $id}) SET s.title = s.title + ' (edited)'"
    _cypher(stack, edit, id=DEFENSIVE)

    stack.down()  # no -v: the neo4j-data volume stays
    assert stack.containers() == []
    assert stack.data_volume in stack.labelled_volumes()
    stack.up()

    assert _cypher(stack, "MATCH (m:ComposeTestMarker {id: $id}) RETURN m.id AS id", id=marker) == [
        {"id": marker}
    ]
    assert _census(stack) == census | {"nodes": census["nodes"] + 1}
    after = _get(stack, f"/statements/{DEFENSIVE}")
    assert after["title"] == statement["title"] + " (edited)"  # the API's start did not re-seed
    assert _unordered(after | {"title": statement["title"]}) == _unordered(statement)
    graph = _get(stack, "/graph")
    assert (len(graph["nodes"]), len(graph["edges"])) == (SEEDED_STATEMENTS, SEEDED_EDGES)

    _cypher(stack, "MATCH (m:ComposeTestMarker) DELETE m")
    _cypher(stack, "MATCH (s:Statement {id: $id}) SET s.title = $title", id=DEFENSIVE,
            title=statement["title"])  # fmt: skip
