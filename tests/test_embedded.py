"""The embedded FalkorDB: persistence, clean stops, no orphans, clear startup errors, a
password per start, the CLI beside a running serve, fixed ports free again at once."""

import errno
import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from stat import S_IMODE

import httpx
import pytest
import redis
from serving import clean_env, http_server
from support import SEEDED_STATEMENTS

from argmap.engines.embedded_falkordb import RUNTIME_NAME, EmbeddedEngineError, EmbeddedFalkorDB
from argmap.engines.process import free_port, pid_alive, spawn, wait_gone
from argmap.engines.process import stop as stop_process


def test_data_survives_a_restart(tmp_path):
    with EmbeddedFalkorDB(tmp_path) as server:
        redis.Redis(port=server.port).execute_command(
            "GRAPH.QUERY", "g", "CREATE (:Statement {id: 'kept'})"
        )
    with EmbeddedFalkorDB(tmp_path) as server:
        rows = redis.Redis(port=server.port).execute_command(
            "GRAPH.RO_QUERY", "g", "MATCH (s:Statement) RETURN s.id"
        )
    assert rows[1] == [[b"kept"]]


def test_stop_leaves_no_process(tmp_path):
    server = EmbeddedFalkorDB(tmp_path).start()
    pid = server.process.pid
    server.stop()
    assert wait_gone(pid, timeout=15)


def test_second_user_of_a_data_dir_gets_a_clear_error(tmp_path):
    with (
        EmbeddedFalkorDB(tmp_path),
        pytest.raises(EmbeddedEngineError, match="is in use by argmap pid"),
    ):
        EmbeddedFalkorDB(tmp_path).start()


def test_taken_port_gets_a_clear_error(tmp_path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        with pytest.raises(EmbeddedEngineError, match=f"port {port} .* is taken"):
            EmbeddedFalkorDB(tmp_path, port=port).start()


CHILD = textwrap.dedent(
    """
    import sys, time
    from argmap.engines.embedded_falkordb import EmbeddedFalkorDB
    server = EmbeddedFalkorDB(sys.argv[1]).start()
    print(server.process.pid, flush=True)
    time.sleep(120)
    """
)


def test_killed_parent_leaves_no_orphan(tmp_path):
    parent = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    server_pid = int(parent.stdout.readline())
    assert pid_alive(server_pid)
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    assert wait_gone(server_pid, timeout=15), "redis-server outlived its SIGKILLed parent"


def test_ctrl_c_on_serve_stops_the_engine(tmp_path):
    port = free_port()
    serve = subprocess.Popen(
        [sys.executable, "-m", "argmap", "serve", "--port", str(port),
         "--data-dir", str(tmp_path), "--no-seed"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        lock = tmp_path / "argmap-falkordb.lock"
        server_pid = None
        while time.monotonic() < deadline and server_pid is None:
            pids = subprocess.run(
                ["pgrep", "-f", f"redis-server.*--dir {tmp_path}|redis-server 127.0.0.1"],
                capture_output=True, text=True, check=False,
            ).stdout.split()  # fmt: skip
            server_pid = next((int(p) for p in pids if _cwd_dir(int(p)) == str(tmp_path)), None)
            time.sleep(0.2)
        assert lock.exists() and server_pid, "serve did not start the embedded engine"
        serve.send_signal(signal.SIGINT)
        serve.wait(timeout=30)
        assert wait_gone(server_pid, timeout=15), (
            "redis-server outlived `argmap serve` after Ctrl-C"
        )
    finally:
        if serve.poll() is None:
            serve.kill()


def _cwd_dir(pid: int) -> str | None:
    # redis-server chdirs into its --dir, so its cwd names the data directory it serves.
    try:
        return os.readlink(f"/proc/{pid}/cwd")
    except OSError:
        return None


def _children(pid: int) -> dict[int, str]:
    """The processes whose parent is `pid`, with their command lines."""
    found = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            if ppid == pid:
                cmdline = (stat.parent / "cmdline").read_bytes().replace(b"\0", b" ")
                found[int(stat.parent.name)] = cmdline.decode(errors="replace")
        except (OSError, IndexError, ValueError):
            continue
    return found


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGKILL], ids=["ctrl-c", "kill-9"])
def test_serve_workers_share_the_parents_engine_and_end_with_it(tmp_path, stop):
    port = free_port()
    args = ["-m", "argmap", "serve", "--port", str(port), "--data-dir", str(tmp_path / "data"),
            "--workers", "2"]  # fmt: skip
    serve = spawn([sys.executable, *args], new_session=False)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            assert serve.poll() is None and time.monotonic() < deadline, "serve did not start"
            try:
                if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        children = _children(serve.pid)
        engines = [pid for pid, cmd in children.items() if "redis-server" in cmd]
        workers = [pid for pid, cmd in children.items() if "spawn_main" in cmd]
        assert len(engines) == 1 and len(workers) == 2, children
        # The parent seeded once; every worker answers from the one engine.
        totals = {httpx.get(f"{base}/statements", timeout=5).json()["total"] for _ in range(20)}
        assert totals == {SEEDED_STATEMENTS}
        serve.send_signal(stop)
        for pid in [*engines, *workers]:
            assert wait_gone(pid, timeout=15), f"{children[pid]} outlived `argmap serve`"
    finally:
        stop_process(serve, timeout=10)


# --- a password per start; the data directory private ----------------------------------------


def test_engine_refuses_clients_without_its_password(tmp_path):
    data_dir = tmp_path / "data"
    with EmbeddedFalkorDB(data_dir, require_password=True) as server:
        assert server.password and len(server.password) >= 32
        cmdline = Path(f"/proc/{server.process.pid}/cmdline").read_bytes()
        assert server.password.encode() not in cmdline, "the password is in argv (/proc)"
        stranger = redis.Redis(port=server.port)
        for command in (("GRAPH.QUERY", "g", "CREATE (:Intruder)"), ("FLUSHALL",)):
            with pytest.raises(redis.exceptions.AuthenticationError, match="NOAUTH|auth"):
                stranger.execute_command(*command)
        with pytest.raises(redis.exceptions.AuthenticationError):
            redis.Redis(port=server.port, password="guessed").ping()
        owner = redis.Redis(port=server.port, password=server.password)
        owner.execute_command("GRAPH.QUERY", "g", "CREATE (:Statement {id: 'mine'})")
        assert owner.execute_command("GRAPH.RO_QUERY", "g", "MATCH (s) RETURN s.id")[1] == [
            [b"mine"]
        ]
        assert S_IMODE(data_dir.stat().st_mode) == 0o700
        runtime = data_dir / RUNTIME_NAME
        assert S_IMODE(runtime.stat().st_mode) == 0o600
        assert json.loads(runtime.read_text())["password"] == server.password
        first_password = server.password
    assert not runtime.exists(), "the runtime file outlived the engine"
    with EmbeddedFalkorDB(data_dir, require_password=True) as server:
        assert server.password != first_password, "a new password each start"


# --- the CLI while `argmap serve` runs --------------------------------------------------------


def test_cli_uses_the_engine_of_a_running_serve(tmp_path):
    """`argmap import` / `argmap query` on the data directory of a running `argmap serve`
    talk to its engine (found through its runtime file) instead of failing "in use"."""
    data_dir = tmp_path / "data"
    args = ["-m", "argmap", "serve", "--port", "{port}", "--data-dir", str(data_dir),
            "--workers", "1"]  # fmt: skip
    with http_server(args, workdir=tmp_path) as base:
        engines_before = _engines_serving(data_dir)
        document = tmp_path / "map.json"
        statement = {"id": "from-the-cli", "role": "Claim", "text": "Imported while serving."}
        document.write_text(json.dumps({"statements": [statement]}))
        cli = [sys.executable, "-m", "argmap"]
        imported = subprocess.run(
            [*cli, "import", str(document), "--data-dir", str(data_dir)],
            capture_output=True, text=True, env=clean_env(), timeout=60, check=False,
        )  # fmt: skip
        assert imported.returncode == 0, imported.stderr
        assert httpx.get(f"{base}/statements/from-the-cli").json()["text"] == statement["text"]

        query = tmp_path / "count.cypher"
        query.write_text("MATCH (s:Statement {id: 'from-the-cli'}) SET s.title = 'via query' "
                         "RETURN count(s) AS changed")  # fmt: skip
        queried = subprocess.run(
            [*cli, "query", str(query), "--data-dir", str(data_dir)],
            capture_output=True, text=True, env=clean_env(), timeout=60, check=False,
        )  # fmt: skip
        assert queried.returncode == 0, queried.stderr
        assert httpx.get(f"{base}/statements/from-the-cli").json()["title"] == "via query"
        assert _engines_serving(data_dir) == engines_before, "the CLI started a second engine"


def _engines_serving(data_dir: Path) -> list[int]:
    return [
        int(cwd.parent.name)
        for cwd in Path("/proc").glob("[0-9]*/cwd")
        if _cwd_dir(int(cwd.parent.name)) == str(data_dir)
    ]


# --- a fixed port is free again at once after a stop -----------------------------------------


def test_fixed_port_restarts_at_once_after_a_stop_with_connections(tmp_path):
    """A stopped server leaves its accepted connections in TIME_WAIT; the port check must not
    count them as "taken" (redis binds with SO_REUSEADDR), or a fixed ARGMAP_FALKORDB_PORT
    blocks a restart for about a minute."""
    port = free_port()
    with EmbeddedFalkorDB(tmp_path, port=port) as server:
        client = redis.Redis(port=port)
        client.ping()  # a connection the server closes at stop: its end goes to TIME_WAIT
        server_pid = server.process.pid
    assert wait_gone(server_pid, timeout=15)
    client.close()
    with socket.socket() as naive, pytest.raises(OSError) as caught:
        naive.bind(("127.0.0.1", port))  # without SO_REUSEADDR: "in use" while in TIME_WAIT
    assert caught.value.errno == errno.EADDRINUSE, "no TIME_WAIT made: the test is void"
    started = time.monotonic()
    with EmbeddedFalkorDB(tmp_path, port=port):
        assert redis.Redis(port=port).ping()
    assert time.monotonic() - started < 10
