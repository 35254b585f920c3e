"""Real engines for the contract tests: every contract test runs on each of

- `falkordb`: the embedded FalkorDB, always;
- `neo4j`: `ARGMAP_TEST_NEO4J_URI` (password in `ARGMAP_TEST_NEO4J_PASSWORD`), else the local
  Maven-built server (`argmap neo4j-local`) when `java` and `mvn` exist;
- `neo4j-container`: a Neo4j container started by testcontainers from the image
  `ARGMAP_TEST_NEO4J_IMAGE` (default `neo4j:5.26-community`), which the Docker engine must
  already hold (`scripts/build-images` builds one without a registry), ports on 127.0.0.1 only.

An engine that cannot be had skips its tests with the reason, or fails them when
`ARGMAP_REQUIRE_NEO4J=1` (neo4j) / `ARGMAP_REQUIRE_DOCKER=1` (neo4j-container).
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from fastapi.testclient import TestClient
from support import NEO4J_IMAGE, WRITE_KEY

from argmap.app import create_app
from argmap.catalog import load_catalog
from argmap.engines.embedded_falkordb import EmbeddedFalkorDB
from argmap.keys import ApiKey, hash_key
from argmap.seeding import load_seeds
from argmap.settings import Settings
from argmap.store.open import open_store
from argmap.store.schema import prepare_database

ENGINES = ("falkordb", "neo4j", "neo4j-container")


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="session")
def falkordb_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedFalkorDB]:
    with EmbeddedFalkorDB(tmp_path_factory.mktemp("falkordb")) as server:
        yield server




def _docker_has(image: str) -> bool:
    """A Docker engine answers and holds `image`."""
    if not shutil.which("docker"):
        return False
    try:
        probe = subprocess.run(
            ["docker", "image", "inspect", image], capture_output=True, timeout=10
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return probe.returncode == 0


def _unavailable(reason: str, *, require: str = "ARGMAP_REQUIRE_NEO4J") -> None:
    if os.environ.get(require) == "1":
        pytest.fail(f"{require}=1 but no such Neo4j: {reason}")
    pytest.skip(f"no Neo4j engine: {reason}")


@dataclass(frozen=True)
class Neo4jEngine:
    uri: str
    password: str = ""
    browser_url: str | None = None  # Neo4j Browser, when the server serves it
    pid: int | None = None  # the local server's process
    container: str | None = None  # the container's id


@pytest.fixture(scope="session")
def neo4j_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Neo4jEngine]:
    if uri := os.environ.get("ARGMAP_TEST_NEO4J_URI"):
        yield Neo4jEngine(uri, os.environ.get("ARGMAP_TEST_NEO4J_PASSWORD", ""))
    elif shutil.which("java") and shutil.which("mvn"):
        from argmap.engines.neo4j_local import LocalNeo4j

        with LocalNeo4j(home=tmp_path_factory.mktemp("neo4j")) as server:
            status = server.status()
            yield Neo4jEngine(server.bolt_uri, browser_url=status.browser_url, pid=status.pid)
    else:
        _unavailable("ARGMAP_TEST_NEO4J_URI is unset and java/mvn are missing for the local server")


@pytest.fixture(scope="session")
def neo4j_container() -> Iterator[Neo4jEngine]:
    if not _docker_has(NEO4J_IMAGE):
        _unavailable(f"no Docker engine holds {NEO4J_IMAGE}", require="ARGMAP_REQUIRE_DOCKER")
    # Ryuk (testcontainers' reaper) is an image of its own, from a registry; the `with` below
    # removes the container instead.
    os.environ.setdefault("TESTCONTAINERS_RYUK_DISABLED", "true")
    # Reach it where it is published. Inside a container (as CI may be) testcontainers would
    # go through the bridge gateway instead, where nothing is published.
    os.environ.setdefault("TESTCONTAINERS_CONNECTION_MODE", "docker_host")
    os.environ.setdefault("TESTCONTAINERS_HOST_OVERRIDE", "127.0.0.1")
    from testcontainers.community.neo4j import Neo4jContainer

    container = Neo4jContainer(NEO4J_IMAGE, password="argmap-test-password")
    # Published on loopback only, each on a port Docker picks: docker-py's (host ip, port)
    # form, which testcontainers' with_bind_ports does not take.
    container.ports = {"7687": ("127.0.0.1", None), "7474": ("127.0.0.1", None)}
    with container:
        host_port = container.get_exposed_port
        yield Neo4jEngine(
            f"bolt://127.0.0.1:{host_port(7687)}",
            container.password,
            browser_url=f"http://127.0.0.1:{host_port(7474)}/browser/",
            container=container.get_wrapped_container().id,
        )


def _settings_for(engine: Neo4jEngine) -> Settings:
    return Settings(_env_file=None, neo4j_uri=engine.uri, neo4j_password=engine.password)


@pytest.fixture(scope="session")
def neo4j_settings(neo4j_engine: Neo4jEngine) -> Settings:
    return _settings_for(neo4j_engine)


@pytest.fixture(scope="session", params=ENGINES)
def engine_settings(request: pytest.FixtureRequest) -> Settings:
    """Settings that point argmap at one running engine, holding the seeded map."""
    if request.param == "falkordb":
        server: EmbeddedFalkorDB = request.getfixturevalue("falkordb_server")
        settings = Settings(
            _env_file=None,
            falkordb_url=f"redis://{server.host}:{server.port}",
            falkordb_graph="argmap_test",
        )
    elif request.param == "neo4j":
        settings = request.getfixturevalue("neo4j_settings")
    else:
        settings = _settings_for(request.getfixturevalue("neo4j_container"))
    reseed(settings)
    return settings


def reseed(settings: Settings) -> None:
    """Reset the engine to exactly the seeded map (tests that write call this after)."""

    async def run() -> None:
        async with open_store(settings) as store:
            catalog = load_catalog(store.engine)
            await prepare_database(store, catalog)
            await load_seeds(store, catalog, reset=True)

    asyncio.run(run())


@pytest.fixture(scope="session")
def restore_seeded_map(engine_settings: Settings):
    """Call after a test module that writes: the engine holds exactly the seeds again."""
    return lambda: reseed(engine_settings)


@pytest.fixture(scope="session")
def client(engine_settings: Settings) -> Iterator[TestClient]:
    """The API over one engine with the seeded map; shared by the read-only tests."""
    with TestClient(create_app(engine_settings)) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def writable_api(engine_settings: Settings, restore_seeded_map) -> Iterator[TestClient]:
    """The API over one engine with a write key (`support.WRITE_AUTH`); the seeded map is
    restored after the module."""
    keys = [ApiKey(sha256=hash_key(WRITE_KEY))]
    with TestClient(create_app(engine_settings.model_copy(update={"api_keys": keys}))) as api:
        yield api
    restore_seeded_map()


@pytest.fixture
async def store(engine_settings: Settings):
    async with open_store(engine_settings) as opened:
        yield opened
