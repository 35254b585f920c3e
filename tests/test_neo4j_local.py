"""The local Neo4j launcher against a real Neo4j 5.26 server (jars from Maven Central, no mocks).

Starts cost ~6-15 s each on two cores, so one module-scoped server serves the read-only checks;
the lifetime tests (detached CLI, SIGKILLed parent) need servers of their own.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import textwrap
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import GraphDatabase

from argmap.engines.neo4j_local import (
    LocalNeo4j,
    Neo4jLocalError,
    default_cache_dir,
    find_java,
    resolve,
)
from argmap.engines.process import pid_alive, wait_gone

SERVICE_DIR = Path(__file__).resolve().parents[1] / "service"
_missing = [tool for tool in ("java", "mvn") if shutil.which(tool) is None]
needs_jvm = pytest.mark.skipif(
    bool(_missing), reason=f"{' and '.join(_missing)} not on PATH: cannot run a local Neo4j"
)


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SERVICE_DIR), env.get("PYTHONPATH")]))
    return env


@pytest.fixture(scope="module")
def module_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalNeo4j]:
    server = LocalNeo4j(tmp_path_factory.mktemp("neo4j-home"))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def server(module_server: LocalNeo4j) -> LocalNeo4j:
    # test_stop_leaves_no_jvm stops the shared server; restart it for any test that runs later.
    if not module_server.status().running:
        module_server.start()
    return module_server


@needs_jvm
def test_query_through_bolt(server: LocalNeo4j) -> None:
    with GraphDatabase.driver(server.bolt_uri, auth=None) as driver:
        records, _, _ = driver.execute_query("RETURN 1 AS one")
    assert records[0]["one"] == 1


@needs_jvm
def test_status_and_loopback_config(server: LocalNeo4j) -> None:
    status = server.status()
    assert status.running and status.answering
    assert status.pid is not None and status.pid == server.pid and pid_alive(status.pid)
    assert status.bolt_uri == server.bolt_uri and status.bolt_uri.startswith("bolt://127.0.0.1:")
    conf = (server.home / "conf" / "neo4j.conf").read_text()
    assert "server.default_listen_address=127.0.0.1" in conf
    assert "dbms.security.auth_enabled=false" in conf
    state = json.loads((server.home / "argmap-neo4j.json").read_text())
    assert state["pid"] == server.pid and state["detached"] is False


@needs_jvm
def test_http_and_browser_served(server: LocalNeo4j) -> None:
    with urllib.request.urlopen(server.http_url, timeout=10) as response:
        discovery = json.load(response)
    assert discovery["neo4j_version"].startswith("5.26.")
    if server.status().browser_url:
        with urllib.request.urlopen(server.browser_url, timeout=10) as response:
            assert response.status == 200
            assert b"<html" in response.read().lower()


@needs_jvm
def test_resolve_skips_maven_when_cached(
    server: LocalNeo4j, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no mvn reachable: the marker must suffice
    lib = resolve()
    assert lib == default_cache_dir() / "lib"
    assert any(lib.glob("neo4j-5.26.*.jar"))


@needs_jvm
def test_second_start_on_same_home_is_refused(server: LocalNeo4j) -> None:
    with pytest.raises(Neo4jLocalError, match="already runs"):
        LocalNeo4j(server.home).start()


@needs_jvm
def test_stop_leaves_no_jvm(server: LocalNeo4j) -> None:
    pid = server.pid
    assert pid is not None and pid_alive(pid)
    assert server.stop() is True
    assert not pid_alive(pid)
    assert not (server.home / "argmap-neo4j.json").exists()
    assert not server.status().running
    assert server.stop() is False  # idempotent


@needs_jvm
def test_detached_cli_outlives_launcher(tmp_path: Path) -> None:
    home = tmp_path / "home"
    cli = [sys.executable, "-m", "argmap", "neo4j-local"]

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*cli, *args, "--home", str(home)],
            env=_child_env(),
            capture_output=True,
            text=True,
            timeout=300,
        )

    started = run("start", "--detach")
    assert started.returncode == 0, started.stderr
    assert "bolt://127.0.0.1:" in started.stdout
    try:
        status = run("status", "--json")  # from a third process: the launcher has exited
        assert status.returncode == 0, status.stderr
        info = json.loads(status.stdout)
        assert info["running"] and info["detached"] and info["answering"]
        with GraphDatabase.driver(info["bolt_uri"], auth=None) as driver:
            assert driver.execute_query("RETURN 2 AS two").records[0]["two"] == 2
    finally:
        stopped = run("stop")
    assert stopped.returncode == 0 and "stopped" in stopped.stdout
    assert wait_gone(info["pid"], timeout=5)
    assert run("status").returncode == 1


@needs_jvm
def test_sigkilled_parent_leaves_no_jvm(tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        import time
        from argmap.engines.neo4j_local import LocalNeo4j
        server = LocalNeo4j({str(tmp_path / "home")!r})
        server.start()
        print(server.pid, flush=True)
        time.sleep(600)
        """
    )
    parent = subprocess.Popen(
        [sys.executable, "-c", script],
        env=_child_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert parent.stdout is not None
        line = parent.stdout.readline()  # blocks until the server answers
        assert line.strip().isdigit(), f"launcher failed (exit {parent.poll()})"
        jvm = int(line)
        assert pid_alive(jvm)
        parent.send_signal(signal.SIGKILL)  # no atexit, no handler: only PDEATHSIG is left
        parent.wait(10)
        assert wait_gone(jvm, timeout=30), f"JVM {jvm} survived its SIGKILLed parent"
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()


@needs_jvm
def test_startup_timeout_reports_and_cleans_up(module_server: LocalNeo4j, tmp_path: Path) -> None:
    # module_server first: the jars (and class archive) must not count against the 1 s.
    server = LocalNeo4j(tmp_path, startup_timeout=1)
    with pytest.raises(Neo4jLocalError, match=r"did not answer .* within 1s; log tail"):
        server.start()
    assert not (tmp_path / "argmap-neo4j.json").exists() and not server.status().running
    processes = subprocess.run(["ps", "-ww", "-eo", "args"], capture_output=True, text=True).stdout
    assert f"--home-dir={tmp_path.resolve()}" not in processes  # the JVM was stopped


@pytest.mark.parametrize("which", ["bolt_port", "http_port"])
def test_taken_port_is_refused(tmp_path: Path, which: str) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(Neo4jLocalError, match=rf"\b{port}\b.*in use"):
            LocalNeo4j(tmp_path, **{which: port}).start()
    assert not (tmp_path / "argmap-neo4j.json").exists()


def test_missing_tools_are_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    with pytest.raises(Neo4jLocalError, match="`mvn` not found"):
        resolve(tmp_path / "empty-cache")
    with pytest.raises(Neo4jLocalError, match="`java` not found"):
        find_java()


@pytest.mark.skipif(shutil.which("mvn") is None, reason="mvn not on PATH")
def test_maven_failure_shows_its_output(tmp_path: Path) -> None:
    pom = tmp_path / "pom.xml"
    pom.write_text(
        textwrap.dedent(
            """\
            <project xmlns="http://maven.apache.org/POM/4.0.0">
              <modelVersion>4.0.0</modelVersion>
              <groupId>argmap.test</groupId><artifactId>broken</artifactId><version>1</version>
              <packaging>pom</packaging>
              <dependencies><dependency>
                <groupId>org.neo4j</groupId><artifactId>neo4j</artifactId>
                <version>0.0.0-does-not-exist</version>
              </dependency></dependencies>
            </project>
            """
        )
    )
    with pytest.raises(Neo4jLocalError, match="Maven could not resolve") as caught:
        resolve(tmp_path / "cache", pom=pom)
    assert "0.0.0-does-not-exist" in str(caught.value)
    assert not (tmp_path / "cache" / "lib").exists()


@needs_jvm
def test_an_import_over_the_transaction_memory_is_refused_whole(tmp_path: Path) -> None:
    """A Neo4j with a small transaction limit (`transaction_memory`, beside heap and page
    cache in neo4j.conf) refuses a large import: 413, and not one statement written."""
    from fastapi.testclient import TestClient
    from support import WRITE_AUTH, WRITE_KEY

    from argmap.app import create_app
    from argmap.keys import ApiKey, hash_key
    from argmap.settings import Settings

    with LocalNeo4j(tmp_path / "home", heap="256m", transaction_memory="2m") as small:
        conf = (small.home / "conf" / "neo4j.conf").read_text()
        assert "db.memory.transaction.max=2m" in conf and "server.memory.heap.max_size=256m" in conf
        settings = Settings(
            _env_file=None, neo4j_uri=small.bolt_uri, neo4j_password="", seed_on_empty=False,
            embed_backlog=False, api_keys=[ApiKey(sha256=hash_key(WRITE_KEY))],
        )  # fmt: skip
        statements = [
            {"id": f"big-{i}", "role": "Claim", "text": f"statement number {i} " + "words " * 40}
            for i in range(5_000)
        ]
        doc = {"format": "argmap", "version": 2, "statements": statements}
        with TestClient(create_app(settings)) as api:
            response = api.post("/import", content=json.dumps(doc), headers=WRITE_AUTH)
            assert response.status_code == 413, response.text
            assert response.json()["error"] == "too_large"
            assert api.get("/statements", params={"limit": 1}).json()["total"] == 0
