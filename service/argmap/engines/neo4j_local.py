"""Run a real Neo4j 5.26 Community server locally, without Docker.

The server jars come from Maven Central: `neo4j-local/pom.xml` pins `org.neo4j:neo4j` (and the
Neo4j Browser), and `mvn dependency:copy-dependencies` copies them once into a cache folder
outside the work tree (`~/.cache/argmap/neo4j-<version>/lib`, env `ARGMAP_NEO4J_LOCAL_CACHE`).
A marker file holding the pom's hash makes later runs skip Maven entirely. Then `java -cp
"<lib>/*" org.neo4j.server.CommunityEntryPoint` runs the server on a home folder
(`~/.local/share/argmap/neo4j`, env `ARGMAP_NEO4J_LOCAL_HOME`) whose `conf/neo4j.conf` is
rewritten on every start.

Security: authentication is disabled (`dbms.security.auth_enabled=false`). That is acceptable
only because every connector listens on 127.0.0.1: the server is a developer/test instance
reachable from this machine alone. Do not change the listen address without enabling auth.

Lifetime: a server started by `start()` (not detached) dies with the Python process that
started it. On Linux the JVM gets `PR_SET_PDEATHSIG(SIGTERM)`, so even a SIGKILLed parent
takes it down; otherwise an atexit hook and a SIGTERM handler stop it. The JVM runs in its own
session so a terminal Ctrl-C reaches only Python, which then stops the server in order. A
detached server (`start(detach=True)`, the CLI default) outlives the launcher and is found
again through `<home>/argmap-neo4j.json` by `status()`/`stop()` from any process.

Caveat: PDEATHSIG fires when the *thread* that started the server exits, so call `start()`
from a long-lived thread (normally the main one); see `argmap.engines.process`.
"""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Self

from argmap.engines.process import free_port, pid_alive, port_is_taken, port_open, spawn
from argmap.engines.process import stop as stop_process

NEO4J_VERSION = "5.26.30"  # keep in sync with neo4j-local/pom.xml
HOST = "127.0.0.1"
STATE_FILE = "argmap-neo4j.json"
ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
STARTUP_TIMEOUT = 120.0
STOP_TIMEOUT = 30.0
_MARKER = ".argmap-complete"
_ARCHIVE = "neo4j.jsa"  # class-data archive beside lib/, valid only for those very jar files

# What Neo4j's own bootloader passes on Java 17 (its default neo4j.conf `server.jvm.additional`
# list plus the options its config migrator recommends), minus the ones that only help big
# production heaps (AlwaysPreTouch would touch the whole heap before the server starts).
JVM_OPTS: tuple[str, ...] = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "-Dfile.encoding=UTF-8",
    # Off-heap page cache and Netty need reflective access to NIO internals.
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
)


# Memory: a small footprint for tests and a laptop by default; a bulk import of a million
# statements wants more (benchmarks/README.md: `--heap 4g --page-cache 2g`).
DEFAULT_HEAP, DEFAULT_PAGE_CACHE = "512m", "64m"
MEMORY_SIZE = re.compile(r"^[1-9][0-9]*[kmg]$")


def heap_opts(heap: str) -> list[str]:
    return [f"-Xms{heap}", f"-Xmx{heap}"]  # == server.memory.heap.* in neo4j.conf


class Neo4jLocalError(RuntimeError):
    """The local Neo4j could not be resolved, started or stopped; the message says why."""


# ---------------------------------------------------------------------------------------------
# Paths and jars


def _env_path(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    return Path(value).expanduser() if value else default


def default_cache_dir() -> Path:
    return _env_path(
        "ARGMAP_NEO4J_LOCAL_CACHE", Path.home() / ".cache" / "argmap" / f"neo4j-{NEO4J_VERSION}"
    )


def default_home() -> Path:
    return _env_path(
        "ARGMAP_NEO4J_LOCAL_HOME", Path.home() / ".local" / "share" / "argmap" / "neo4j"
    )


def pom_path() -> Path:
    """The pom in the source tree, or the copy a wheel may ship under `argmap/_data`."""
    here = Path(__file__).resolve()
    candidates = [
        here.parents[3] / "neo4j-local" / "pom.xml",
        here.parents[1] / "_data" / "neo4j-local" / "pom.xml",
    ]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    looked = ", ".join(map(str, candidates))
    raise Neo4jLocalError(f"neo4j-local/pom.xml not found (looked at {looked})")


def _tail(text: str, lines: int = 40) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def _log(message: str) -> None:
    print(f"argmap neo4j-local: {message}", file=sys.stderr, flush=True)


def resolve(cache_dir: Path | str | None = None, *, pom: Path | None = None) -> Path:
    """Return the folder holding every server jar, running Maven first when it is incomplete."""
    cache = Path(cache_dir).expanduser() if cache_dir else default_cache_dir()
    pom = pom or pom_path()
    lib = cache / "lib"
    digest = hashlib.sha256(pom.read_bytes()).hexdigest()
    if _lib_complete(lib, digest):
        return lib
    cache.mkdir(parents=True, exist_ok=True)
    # A lock so two processes (parallel test runs) do not copy into the same folder at once.
    with open(cache / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if _lib_complete(lib, digest):
            return lib
        mvn = shutil.which("mvn")
        if mvn is None:
            raise Neo4jLocalError(
                "`mvn` not found on PATH: Maven 3.8+ is needed once to fetch the Neo4j jars "
                "from Maven Central (Debian: apt-get install maven)"
            )
        partial = cache / "lib.partial"
        shutil.rmtree(partial, ignore_errors=True)
        _log(f"fetching Neo4j {NEO4J_VERSION} jars with Maven into {lib} (~140 MB, once)")
        started = time.monotonic()
        cmd = [
            mvn, "-B", "-q", "-f", str(pom), "dependency:copy-dependencies",
            f"-DoutputDirectory={partial}", "-DincludeScope=runtime",
        ]  # fmt: skip
        done = subprocess.run(cmd, capture_output=True, text=True, stdin=subprocess.DEVNULL)
        if done.returncode != 0 or not any(partial.glob("neo4j-*.jar")):
            shutil.rmtree(partial, ignore_errors=True)
            raise Neo4jLocalError(
                f"Maven could not resolve the Neo4j jars (exit {done.returncode}) from {pom}:\n"
                + _tail(done.stdout + done.stderr)
            )
        (partial / _MARKER).write_text(digest + "\n")
        # Swap in the finished folder whole, so a crash never leaves a half-filled lib. The JVM
        # would ignore an archive of the old jars (it checks their size and mtime): drop it.
        (cache / _ARCHIVE).unlink(missing_ok=True)
        shutil.rmtree(lib, ignore_errors=True)
        partial.rename(lib)
        _log(f"jars ready in {time.monotonic() - started:.0f}s")
    return lib


def _lib_complete(lib: Path, digest: str) -> bool:
    marker = lib / _MARKER
    return marker.is_file() and marker.read_text().strip() == digest


def find_java() -> str:
    java_home = os.environ.get("JAVA_HOME")
    if java_home and (Path(java_home) / "bin" / "java").is_file():
        return str(Path(java_home) / "bin" / "java")
    java = shutil.which("java")
    if java is None:
        raise Neo4jLocalError(
            "`java` not found on PATH (nor in $JAVA_HOME): Neo4j 5.26 needs Java 17 or 21 "
            "(Debian: apt-get install openjdk-17-jre-headless)"
        )
    return java


# ---------------------------------------------------------------------------------------------
# Processes and ports


def _home_arg(home: Path) -> str:
    """The JVM argument naming our home: tells our server's pid from a recycled one."""
    return f"--home-dir={home}"


def _http_ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except OSError:  # URLError, refused, timeout (Jetty binds before it accepts)
        return False


# Servers this process owns and must not leave behind (stopped by atexit / SIGTERM).
_OWNED: set[LocalNeo4j] = set()
_owned_lock = threading.Lock()


def _stop_owned() -> None:
    with _owned_lock:
        servers = list(_OWNED)
    for server in servers:
        with contextlib.suppress(Exception):
            server.stop()


atexit.register(_stop_owned)


def _install_sigterm_handler() -> None:
    """Turn SIGTERM into SystemExit so atexit and `with` blocks stop the server cleanly.

    Only when nobody else (uvicorn, pytest...) installed a handler, and only from the main thread.
    """
    if threading.current_thread() is not threading.main_thread():
        return
    if signal.getsignal(signal.SIGTERM) is not signal.SIG_DFL:
        return

    def on_sigterm(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, on_sigterm)


# ---------------------------------------------------------------------------------------------
# The server


@dataclass(frozen=True)
class Status:
    running: bool
    home: str
    pid: int | None = None
    bolt_uri: str | None = None
    http_url: str | None = None
    browser_url: str | None = None
    detached: bool | None = None
    answering: bool = False  # Bolt port accepts connections


class LocalNeo4j:
    """One Neo4j Community server on a home folder; a context manager that stops it on exit."""

    def __init__(
        self,
        home: Path | str | None = None,
        *,
        bolt_port: int | None = None,
        http_port: int | None = None,
        cache_dir: Path | str | None = None,
        startup_timeout: float = STARTUP_TIMEOUT,
        class_archive: bool = True,
        heap: str = DEFAULT_HEAP,
        page_cache: str = DEFAULT_PAGE_CACHE,
        transaction_memory: str | None = None,
    ) -> None:
        sizes = {"heap": heap, "page cache": page_cache, "transaction memory": transaction_memory}
        for name, size in sizes.items():
            if size is not None and not MEMORY_SIZE.match(size):
                raise Neo4jLocalError(f"{name} size {size!r}: give a number and k, m or g (4g)")
        self._heap, self._page_cache = heap, page_cache
        self._transaction_memory = transaction_memory  # None: Neo4j's own limit (none)
        self._home = (Path(home).expanduser() if home else default_home()).resolve()
        self._want_bolt, self._want_http = bolt_port, http_port
        self._cache_dir = cache_dir
        self.startup_timeout = startup_timeout
        self._class_archive = class_archive
        self._jvm_extra: list[str] = []
        self._log_start = 0  # neo4j.log offset at start(): the log accumulates across runs
        self._proc: subprocess.Popen[bytes] | None = None
        self._state: dict[str, Any] | None = self._read_state()

    # -- properties

    @property
    def home(self) -> Path:
        return self._home

    @property
    def state_file(self) -> Path:
        return self._home / STATE_FILE

    @property
    def pid(self) -> int | None:
        return self._state["pid"] if self._state else None

    @property
    def bolt_uri(self) -> str:
        return f"bolt://{HOST}:{self._ports()[0]}"

    @property
    def http_url(self) -> str:
        return f"http://{HOST}:{self._ports()[1]}"

    @property
    def browser_url(self) -> str:
        # Preselects "No authentication" and our Bolt address, so the Browser connects at once.
        return f"{self.http_url}/browser/?preselectAuthMethod=NO_AUTH&dbms={self.bolt_uri}"

    def _ports(self) -> tuple[int, int]:
        if not self._state:
            raise Neo4jLocalError(f"no server started from {self._home}")
        return self._state["bolt_port"], self._state["http_port"]

    # -- state file (the pid file other processes use)

    def _read_state(self) -> dict[str, Any] | None:
        try:
            state: dict[str, Any] = json.loads(self.state_file.read_text())
        except (OSError, ValueError):
            return None
        return state

    def _live_state(self) -> dict[str, Any] | None:
        """The recorded server if it still runs; a stale record is removed."""
        state = self._read_state()
        if state and pid_alive(state["pid"], cmdline_has=_home_arg(self._home)):
            return state
        if state:
            self.state_file.unlink(missing_ok=True)
        return None

    # -- lifecycle

    def status(self) -> Status:
        state = self._live_state()
        if state is None:
            return Status(running=False, home=str(self._home))
        self._state = state
        return Status(
            running=True,
            home=str(self._home),
            pid=state["pid"],
            bolt_uri=self.bolt_uri,
            http_url=self.http_url,
            browser_url=self.browser_url if state.get("browser") else None,
            detached=state.get("detached"),
            answering=port_open(state["bolt_port"], HOST),
        )

    def start(self, *, detach: bool = False) -> str:
        """Start the server, wait until Bolt answers, and return its bolt URI."""
        running = self._live_state()
        if running:
            raise Neo4jLocalError(
                f"a Neo4j server from {self._home} already runs (pid {running['pid']}, "
                f"bolt://{HOST}:{running['bolt_port']}); stop it first"
            )
        self._check_wanted_ports()  # fail fast, before the slow steps
        java = find_java()
        lib = resolve(self._cache_dir)
        browser = any(lib.glob("neo4j-browser-*.jar"))
        jvm_opts = [*heap_opts(self._heap), *JVM_OPTS, *self._jvm_extra]
        jvm_opts += self._archive_opts(java, lib)
        bolt, http = self._pick_ports()  # only now, so nothing grabs them meanwhile
        self._write_conf(bolt, http)

        logs = self._home / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(OSError):
            self._log_start = (logs / "neo4j.log").stat().st_size
        cmd = [
            java, *jvm_opts, "-cp", f"{lib}/*", ENTRY_POINT,
            _home_arg(self._home), f"--config-dir={self._home / 'conf'}",
        ]  # fmt: skip
        _log(f"starting Neo4j {NEO4J_VERSION} on bolt://{HOST}:{bolt} (home {self._home})")
        started = time.monotonic()
        with open(logs / "console.log", "wb") as console:
            # Own session: a terminal Ctrl-C goes to Python alone, which stops us in order.
            self._proc = spawn(
                cmd,
                die_with_parent=not detach,
                cwd=self._home,
                stdout=console,
                stderr=subprocess.STDOUT,
            )
        self._state = {
            "pid": self._proc.pid,
            "bolt_port": bolt,
            "http_port": http,
            "detached": detach,
            "browser": browser,
            "version": NEO4J_VERSION,
            "started_at": time.time(),
        }
        self.state_file.write_text(json.dumps(self._state, indent=2) + "\n")
        if not detach:
            with _owned_lock:
                _OWNED.add(self)
            _install_sigterm_handler()
        try:
            self._wait_for_bolt()
        except BaseException:
            self.stop()
            raise
        _log(f"Neo4j up in {time.monotonic() - started:.1f}s: {self.bolt_uri}")
        return self.bolt_uri

    def stop(self, timeout: float = STOP_TIMEOUT) -> bool:
        """SIGTERM the server (Neo4j shuts down cleanly), SIGKILL after `timeout`.

        Returns False when no server was running.
        """
        with _owned_lock:
            _OWNED.discard(self)
        proc, self._proc = self._proc, None
        state = self._read_state() or self._state
        pid: int | None = proc.pid if proc else (state or {}).get("pid")
        # Our own child (wait() reaps it), or a detached server known only by its pid.
        target = proc if proc is not None else pid
        was_running = target is not None and stop_process(
            target, timeout=timeout, cmdline_has=_home_arg(self._home)
        )
        if state is None or state.get("pid") == pid:
            self.state_file.unlink(missing_ok=True)
        return was_running

    def wait(self) -> int:
        """Block until a server this object started exits; return its exit code."""
        if self._proc is None:
            raise Neo4jLocalError("wait() needs a server started by this object")
        return self._proc.wait()

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- helpers

    def _archive_opts(self, java: str, lib: Path) -> list[str]:
        """Use a class-data (CDS) archive of the server: startup drops from ~10 s to ~6 s.

        Java 17 cannot create one on the fly (-XX:+AutoCreateSharedArchive is Java 19+), so
        the first start records one with a throwaway server. A stale or foreign archive (other
        JVM build) is merely ignored by the JVM, with a warning in console.log.
        """
        if not self._class_archive:
            return []
        archive = lib.parent / _ARCHIVE
        if not archive.is_file():
            self._record_archive(java, lib, archive)
        return [f"-XX:SharedArchiveFile={archive}"] if archive.is_file() else []

    def _record_archive(self, java: str, lib: Path, archive: Path) -> None:
        _log("first start: recording a class-data archive to speed up later starts (once)")
        partial = archive.with_name(f"{archive.name}.{os.getpid()}.partial")
        try:
            with tempfile.TemporaryDirectory(prefix="argmap-neo4j-cds-") as home:
                trainer = LocalNeo4j(home, cache_dir=self._cache_dir, class_archive=False)
                trainer._jvm_extra = [f"-XX:ArchiveClassesAtExit={partial}"]
                trainer.start()
                trainer.stop(timeout=120)  # the JVM writes the archive (~10 s) as it exits
            # A truncated archive crashes the JVM (SIGBUS) instead of being ignored, so adopt
            # it only once a JVM that insists on sharing (-Xshare:on) has mapped it.
            check = [java, *heap_opts(DEFAULT_HEAP), *JVM_OPTS, "-Xshare:on"]
            check += [f"-XX:SharedArchiveFile={partial}"]
            check += ["-cp", f"{lib}/*", "-version"]
            if subprocess.run(check, capture_output=True).returncode == 0:
                partial.rename(archive)
        except Neo4jLocalError as exc:
            _log(f"no class-data archive, starting without one: {exc}")
        finally:
            partial.unlink(missing_ok=True)

    def _check_wanted_ports(self) -> None:
        if self._want_bolt is not None and self._want_bolt == self._want_http:
            raise Neo4jLocalError(f"Bolt and HTTP ports must differ (both {self._want_bolt})")
        for name, port in (("Bolt", self._want_bolt), ("HTTP", self._want_http)):
            if port is not None and port_is_taken(port, HOST):
                raise Neo4jLocalError(f"{name} port {port} on {HOST} is already in use")

    def _pick_ports(self) -> tuple[int, int]:
        self._check_wanted_ports()
        bolt = self._want_bolt or free_port(HOST)
        http = self._want_http or free_port(HOST)
        while http == bolt:
            http = free_port(HOST)
        return bolt, http

    def _write_conf(self, bolt: int, http: int) -> None:
        conf = self._home / "conf"
        conf.mkdir(parents=True, exist_ok=True)
        settings = {
            # Loopback only: this is what makes auth_enabled=false acceptable.
            "server.default_listen_address": HOST,
            "server.default_advertised_address": HOST,
            "server.bolt.listen_address": f"{HOST}:{bolt}",
            "server.bolt.advertised_address": f"{HOST}:{bolt}",
            "server.http.enabled": "true",
            "server.http.listen_address": f"{HOST}:{http}",
            "server.http.advertised_address": f"{HOST}:{http}",
            "server.https.enabled": "false",
            "dbms.security.auth_enabled": "false",
            "server.memory.heap.initial_size": self._heap,
            "server.memory.heap.max_size": self._heap,
            "server.memory.pagecache.size": self._page_cache,
            **(
                {"db.memory.transaction.max": self._transaction_memory}
                if self._transaction_memory
                else {}
            ),
            "db.tx_log.rotation.size": "16m",
            "db.tx_log.rotation.retention_policy": "keep_none",
            "db.tx_log.preallocate": "false",
            "dbms.usage_report.enabled": "false",  # no phoning home from a dev server
            "client.allow_telemetry": "false",  # nor from the Browser
            # Netty's quiet period otherwise adds ~5 s to every shutdown.
            "internal.dbms.bolt.netty_server_shutdown_quiet_period": "0",
            # Browser: let `:play http://127.0.0.1:<port>/browser/guide` load argmap's guide.
            # (dbms.security.http_auth_allowlist is moot while auth is disabled.)
            "browser.remote_content_hostname_whitelist": "*",
        }
        text = "# Written by argmap.engines.neo4j_local on every start; edits are overwritten.\n"
        text += "".join(f"{key}={value}\n" for key, value in settings.items())
        (conf / "neo4j.conf").write_text(text)

    def _wait_for_bolt(self) -> None:
        from neo4j import GraphDatabase
        from neo4j.exceptions import DriverError, Neo4jError

        assert self._proc is not None
        bolt_port = self._ports()[0]
        deadline = time.monotonic() + self.startup_timeout
        while True:
            code = self._proc.poll()
            if code is not None:
                raise Neo4jLocalError(
                    f"Neo4j exited with code {code} while starting; log tail:\n{self.log_tail()}"
                )
            # Bolt answers before the HTTP server starts, and startup ends with the HTTP
            # server: wait for both, so a caller never races (or interrupts) the startup.
            if port_open(bolt_port, HOST) and _http_ok(self.http_url):
                try:
                    with GraphDatabase.driver(self.bolt_uri, auth=None, connection_timeout=5) as d:
                        d.verify_connectivity()
                    return
                except (DriverError, Neo4jError, OSError):
                    pass  # listening, but the DBMS is still starting
            if time.monotonic() > deadline:
                raise Neo4jLocalError(
                    f"Neo4j did not answer on {self.bolt_uri} within {self.startup_timeout:.0f}s;"
                    f" log tail:\n{self.log_tail()}"
                )
            time.sleep(0.25)

    def log_tail(self, lines: int = 30) -> str:
        """The end of this run's neo4j.log and of the JVM's own output (console.log)."""
        parts = []
        for name, offset in (("neo4j.log", self._log_start), ("console.log", 0)):
            path = self._home / "logs" / name
            with contextlib.suppress(OSError), open(path, "rb") as f:
                f.seek(offset)
                text = _tail(f.read().decode(errors="replace"), lines)
                if text:
                    parts.append(f"--- {path}\n{text}")
        return "\n".join(parts) or f"(nothing logged yet in {self._home / 'logs'})"
