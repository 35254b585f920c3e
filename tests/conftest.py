"""Real engines for the contract tests: FalkorDB always, Neo4j 5 wherever one can be had.

Neo4j comes from, in order: `ARGMAP_TEST_NEO4J_URI` (password in
`ARGMAP_TEST_NEO4J_PASSWORD`), testcontainers when a Docker engine answers and holds the image
`ARGMAP_TEST_NEO4J_IMAGE` (default `neo4j:5.26-community`), the local Maven-built server
(`argmap neo4j-local`) when `java` and `mvn` exist.
Otherwise its tests skip with the reason — or fail when `ARGMAP_REQUIRE_NEO4J=1`.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from api_support import WRITE_KEY
from fastapi.testclient import TestClient

from argmap.app import create_app
from argmap.catalog import load_catalog
from argmap.engines.embedded_falkordb import EmbeddedFalkorDB
from argmap.keys import ApiKey, hash_key
from argmap.seeding import load_seeds
from argmap.settings import Settings
from argmap.store.open import open_store
from argmap.store.schema import prepare_database

ENGINES = ("falkordb", "neo4j")


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="session")
def falkordb_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedFalkorDB]:
    with EmbeddedFalkorDB(tmp_path_factory.mktemp("falkordb")) as server:
        yield server


# The Neo4j image testcontainers runs; it must already be on the Docker engine (no registry
# is assumed reachable: `scripts/build-images` builds one offline).
NEO4J_IMAGE = os.environ.get("ARGMAP_TEST_NEO4J_IMAGE", "neo4j:5.26-community")


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


def _unavailable(reason: str) -> None:
    if os.environ.get("ARGMAP_REQUIRE_NEO4J") == "1":
        pytest.fail(f"ARGMAP_REQUIRE_NEO4J=1 but no Neo4j: {reason}")
    pytest.skip(f"no Neo4j engine: {reason}")


@dataclass(frozen=True)
class Neo4jEngine:
    uri: str
    password: str = ""
    browser_url: str | None = None  # Neo4j Browser, when the local server serves it


@pytest.fixture(scope="session")
def neo4j_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Neo4jEngine]:
    if uri := os.environ.get("ARGMAP_TEST_NEO4J_URI"):
        yield Neo4jEngine(uri, os.environ.get("ARGMAP_TEST_NEO4J_PASSWORD", ""))
    elif _docker_has(NEO4J_IMAGE):
        from testcontainers.neo4j import Neo4jContainer

        with Neo4jContainer(NEO4J_IMAGE) as container:
            yield Neo4jEngine(container.get_connection_url(), container.password)
    elif shutil.which("java") and shutil.which("mvn"):
        from argmap.engines.neo4j_local import LocalNeo4j

        with LocalNeo4j(home=tmp_path_factory.mktemp("neo4j")) as server:
            yield Neo4jEngine(server.bolt_uri, browser_url=server.status().browser_url)
    else:
        _unavailable(
            f"ARGMAP_TEST_NEO4J_URI is unset, no Docker engine holds {NEO4J_IMAGE}, and "
            "java/mvn are missing for the local server"
        )


@pytest.fixture(scope="session")
def neo4j_settings(neo4j_engine: Neo4jEngine) -> Settings:
    return Settings(
        _env_file=None, neo4j_uri=neo4j_engine.uri, neo4j_password=neo4j_engine.password
    )


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
    else:
        settings = request.getfixturevalue("neo4j_settings")
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
    """The API over one engine with a write key (`api_support.WRITE_AUTH`); the seeded map is
    restored after the module."""
    keys = [ApiKey(sha256=hash_key(WRITE_KEY))]
    with TestClient(create_app(engine_settings.model_copy(update={"api_keys": keys}))) as api:
        yield api
    restore_seeded_map()


@pytest.fixture
async def store(engine_settings: Settings):
    async with open_store(engine_settings) as opened:
        yield opened
