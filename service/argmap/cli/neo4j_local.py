"""`argmap neo4j-local ...`: a local Neo4j 5.26 from Maven Central jars (argmap.engines.neo4j_local)."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from argmap.engines.neo4j_local import (
    DEFAULT_HEAP,
    DEFAULT_PAGE_CACHE,
    LocalNeo4j,
    Neo4jLocalError,
    resolve,
)

neo4j_app = typer.Typer(
    help="Run a local Neo4j 5.26 Community server from Maven Central jars (no Docker).",
    no_args_is_help=True,
)

HomeOpt = Annotated[
    Path | None,
    typer.Option(help="server home (conf, data, logs); env ARGMAP_NEO4J_LOCAL_HOME"),
]


@contextlib.contextmanager
def _cli_errors() -> Iterator[None]:
    try:
        yield
    except Neo4jLocalError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None


def _echo_urls(server: LocalNeo4j, browser: bool) -> None:
    typer.echo(f"bolt:    {server.bolt_uri}")
    if browser:
        typer.echo(f"browser: {server.browser_url}")
    else:
        typer.echo("browser: (neo4j-browser jar not resolved)")


@neo4j_app.command()
def start(
    home: HomeOpt = None,
    bolt_port: Annotated[int | None, typer.Option(help="Bolt port (default: a free one)")] = None,
    http_port: Annotated[int | None, typer.Option(help="HTTP port (default: a free one)")] = None,
    foreground: Annotated[
        bool, typer.Option("--foreground/--detach", help="block until Ctrl-C, or run detached")
    ] = False,
    heap: Annotated[
        str, typer.Option(help="JVM heap, e.g. 4g", envvar="ARGMAP_NEO4J_LOCAL_HEAP")
    ] = DEFAULT_HEAP,
    page_cache: Annotated[
        str, typer.Option(help="page cache, e.g. 2g", envvar="ARGMAP_NEO4J_LOCAL_PAGE_CACHE")
    ] = DEFAULT_PAGE_CACHE,
) -> None:
    """Start the server and print its bolt URI and Browser URL."""
    with _cli_errors():
        server = LocalNeo4j(
            home, bolt_port=bolt_port, http_port=http_port, heap=heap, page_cache=page_cache
        )
        current = server.status()
        if current.running:
            typer.echo(f"already running (pid {current.pid})")
            _echo_urls(server, bool(current.browser_url))
            return
        server.start(detach=not foreground)
        _echo_urls(server, bool(server.status().browser_url))
        if not foreground:
            typer.echo(f"detached (pid {server.pid}); stop with: argmap neo4j-local stop")
            return
        typer.echo("running in the foreground; Ctrl-C stops it")
        try:
            code = server.wait()
        except KeyboardInterrupt:
            typer.echo("stopping...", err=True)
            server.stop()
            return
        server.stop()
        typer.echo(f"Neo4j exited on its own (code {code}); see {server.home / 'logs'}", err=True)
        raise typer.Exit(code or 1)


@neo4j_app.command()
def stop(home: HomeOpt = None) -> None:
    """Stop the server running from HOME."""
    with _cli_errors():
        server = LocalNeo4j(home)
        typer.echo("stopped" if server.stop() else f"no server running from {server.home}")


@neo4j_app.command()
def status(
    home: HomeOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the status as JSON")] = False,
) -> None:
    """Show whether a server runs from HOME (exit code 1 when it does not)."""
    with _cli_errors():
        current = LocalNeo4j(home).status()
    if as_json:
        typer.echo(json.dumps(asdict(current), indent=2))
    elif current.running:
        answering = "answering" if current.answering else "not answering yet"
        typer.echo(f"running (pid {current.pid}, {answering})")
        typer.echo(f"bolt:    {current.bolt_uri}")
        typer.echo(f"browser: {current.browser_url or '(not available)'}")
    else:
        typer.echo(f"not running (home {current.home})")
    if not current.running:
        raise typer.Exit(1)


@neo4j_app.command("resolve")
def resolve_cmd() -> None:
    """Fetch the server jars (once) and print the lib folder."""
    with _cli_errors():
        typer.echo(str(resolve()))
