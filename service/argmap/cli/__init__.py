"""The `argmap` command line."""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import click
import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from typer.core import TyperGroup

from argmap.catalog import Query, load_catalog
from argmap.cli.neo4j_local import neo4j_app
from argmap.engines.embedded_falkordb import EmbeddedEngineError
from argmap.errors import ApiError
from argmap.keys import ApiKey, Scope, hash_key, new_key
from argmap.models import Applied, BasisFilter, Evaluation, MapScope, Semantics
from argmap.seeding import load_seeds
from argmap.services.evaluation import EvaluationService
from argmap.services.exchange import (
    ExchangeService,
    ExportFormat,
    ImportFormat,
    InvalidDocument,
    embeds_inline,
    parse,
)
from argmap.settings import Settings
from argmap.store import GraphStore, StoreError
from argmap.store.open import open_store
from argmap.store.schema import prepare_database

console = Console()
err = Console(stderr=True)
T = TypeVar("T")


class ReportErrorsCleanly(TyperGroup):
    """The one place where every command's errors end: one `error: ...` line (and the problem
    list of an invalid file), a non-zero exit, never a traceback. Commands just raise."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except InvalidDocument as exc:
            err.print(f"[red]error:[/] {escape(exc.message)}", soft_wrap=True)
            table = Table("location", "problem")
            for problem in exc.details or []:
                table.add_row(escape(problem["location"]), escape(problem["message"]))
            err.print(table)
            raise typer.Exit(2) from None
        except (ApiError, EmbeddedEngineError, StoreError, OSError) as exc:
            err.print(f"[red]error:[/] {escape(_describe(exc))}", soft_wrap=True)
            raise typer.Exit(1) from None


def _describe(exc: Exception) -> str:
    if isinstance(exc, ApiError):
        return exc.message
    if isinstance(exc, OSError) and exc.filename is not None:
        return f"{exc.filename}: {exc.strerror or exc}"
    return str(exc)


app = typer.Typer(
    help="argmap: argument maps as a property graph.",
    no_args_is_help=True,
    cls=ReportErrorsCleanly,
)
app.add_typer(neo4j_app, name="neo4j-local")

DataDir = Annotated[
    Path | None, typer.Option(help="embedded FalkorDB data directory (env ARGMAP_DATA_DIR)")
]
Neo4jUri = Annotated[str | None, typer.Option(help="use Neo4j at this URI (env ARGMAP_NEO4J_URI)")]


def _settings(**overrides: Any) -> Settings:
    """The environment's settings, overridden by the options given: every option defaults to
    None (not given), so an unset flag never hides an `ARGMAP_*` variable."""
    return Settings(**{k: v for k, v in overrides.items() if v is not None})


def _with_store(settings: Settings, work: Callable[[GraphStore], Awaitable[T]]) -> T:
    """Open the configured engine, apply the schema, run `work`."""

    async def run() -> T:
        async with open_store(settings) as store:
            await prepare_database(store, load_catalog(store.engine))
            return await work(store)

    return asyncio.run(run())


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="bind address (env ARGMAP_HOST)")] = None,
    port: Annotated[int | None, typer.Option(help="HTTP port (env ARGMAP_PORT)")] = None,
    data_dir: DataDir = None,
    neo4j_uri: Neo4jUri = None,
    seed: Annotated[
        bool | None,
        typer.Option(help="load the seeds into an empty database (env ARGMAP_SEED_ON_EMPTY)"),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(help="HTTP worker processes (env ARGMAP_WORKERS; default: CPU cores, ≤ 4)"),
    ] = None,
    access_log: Annotated[
        bool | None,
        typer.Option(help="log a line per request (env ARGMAP_ACCESS_LOG; default: off)"),
    ] = None,
) -> None:
    """Serve the REST API (and the viewer); loads the seeds on first start."""
    from argmap.cli.serve import serve as run

    settings = _settings(
        host=host,
        port=port,
        data_dir=data_dir,
        neo4j_uri=neo4j_uri,
        seed_on_empty=seed,
        workers=workers,
        access_log=access_log,
    )
    console.print(
        f"argmap on {settings.engine}, {settings.workers} worker(s): "
        f"http://{settings.host}:{settings.port}/docs"
    )
    run(settings)


@app.command()
def seed(
    reset: Annotated[bool, typer.Option(help="delete everything first")] = False,
    data_dir: DataDir = None,
    neo4j_uri: Neo4jUri = None,
) -> None:
    """Load the seed scripts (idempotent: a second run changes nothing)."""

    async def work(store: GraphStore) -> tuple[int, list[dict[str, Any]]]:
        catalog = load_catalog(store.engine)
        count = await load_seeds(
            store,
            catalog,
            reset=reset,
            on_file=lambda path, n: console.print(f"  {path.name}: {n} Cypher statements"),
        )
        return count, await store.read(catalog(Query.ADMIN_COUNTS))

    count, totals = _with_store(_settings(data_dir=data_dir, neo4j_uri=neo4j_uri), work)
    console.print(f"[green]seeded[/]: {count} Cypher statements run")
    held = ", ".join(f"{row['count']} {row['name']}" for row in sorted(totals, key=_by_kind))
    console.print(f"the map holds: {held}")


def _by_kind(row: dict[str, Any]) -> tuple[str, str]:
    return row["kind"], row["name"]


@app.command()
def query(
    file: Annotated[Path, typer.Argument(help="a .cypher file, or - for standard input")],
    params: Annotated[str, typer.Option(help="parameters as a JSON object")] = "{}",
    data_dir: DataDir = None,
    neo4j_uri: Neo4jUri = None,
) -> None:
    """Run one Cypher statement against the configured engine and print a table."""
    text = sys.stdin.read() if str(file) == "-" else file.read_text(encoding="utf-8")
    try:
        parameters = json.loads(params)
    except json.JSONDecodeError as exc:
        err.print(f"[red]error:[/] --params is not JSON: {exc}")
        raise typer.Exit(2) from None

    async def work(store: GraphStore) -> list[dict[str, Any]]:
        return await store.write(text, parameters)

    rows = _with_store(_settings(data_dir=data_dir, neo4j_uri=neo4j_uri), work)
    table = Table(*(rows[0].keys() if rows else ["(no rows)"]))
    for row in rows:
        table.add_row(*(_cell(value) for value in row.values()))
    console.print(table)


def _cell(value: Any) -> str:
    # Nodes, relationships and paths print as the engine's client shows them.
    if isinstance(value, str):
        return escape(value)
    return escape(json.dumps(value, ensure_ascii=False, default=str))


@app.command("import")
def import_file(
    file: Annotated[Path, typer.Argument(help="argmap JSON, AIF JSON or GraphML")],
    format: Annotated[ImportFormat, typer.Option(help="file format")] = ImportFormat.AUTO,
    data_dir: DataDir = None,
    neo4j_uri: Neo4jUri = None,
) -> None:
    """Import a map file, all or nothing: any problem is listed and nothing is written."""
    columns = (
        SpinnerColumn(),
        TextColumn("{task.description:<10}"),
        BarColumn(),
        TextColumn("{task.fields[detail]}"),
        TimeElapsedColumn(),
    )
    with Progress(*columns, console=err) as progress:
        tasks: dict[str, TaskID] = {}

        def phase(name: str | None, detail: str = "", total: float | None = None) -> None:
            """End the running phase and start `name` (an open bar without a total), if any."""
            for task in tasks.values():
                if not progress.tasks[task].finished:
                    progress.update(task, total=1, completed=1)
                    progress.stop_task(task)
            if name is not None:
                tasks[name] = progress.add_task(name, total=total, detail=detail)

        phase("reading", f"{file.name}", total=file.stat().st_size)
        data = _read_with_progress(file, lambda n: progress.advance(tasks["reading"], n))
        try:
            doc, detected, warnings = parse(data, format, phase=phase)
        except InvalidDocument as exc:
            exc.message = f"{file}: {exc.message}"  # the report names the file
            raise
        del data  # the document holds what is needed; a large file's bytes can go
        phase("writing", f"{len(doc.statements):,} statements, {len(doc.edges):,} edges")

        async def work(store: GraphStore) -> None:
            await ExchangeService(store, load_catalog(store.engine)).import_document(doc=doc)

        _with_store(_settings(data_dir=data_dir, neo4j_uri=neo4j_uri), work)
        phase(None)
    console.print(
        f"[green]imported[/] {escape(file.name)} ({detected}): {len(doc.statements)} statements, "
        f"{len(doc.edges)} edges, {len(doc.undercuts)} undercuts, "
        f"{len({q.id for q in doc.quotes})} quotes, {len(doc.people)} people, "
        f"{len(doc.sources)} sources"
    )
    if not embeds_inline(doc):
        err.print(
            f"{len(doc.statements):,} statements were written without their embeddings "
            "(claim matching): `argmap serve` embeds them in the background (a server "
            "running now, at its next start), and `/statements/similar` finds each once "
            "it is embedded"
        )
    for warning in warnings:  # imported around, not refused: the reader should know
        err.print(f"[yellow]warning:[/] {escape(warning.location)}: {escape(warning.message)}")


def _read_with_progress(file: Path, advance: Callable[[int], None]) -> bytes:
    chunks = []
    with file.open("rb") as stream:
        while chunk := stream.read(16 << 20):
            chunks.append(chunk)
            advance(len(chunk))
    return b"".join(chunks)


@app.command()
def export(
    format: Annotated[ExportFormat, typer.Option(help="output format")] = ExportFormat.JSON,
    out: Annotated[Path | None, typer.Option(help="file to write (default: stdout)")] = None,
    position: Annotated[str | None, typer.Option(help="only this position's argument")] = None,
    speaker: Annotated[str | None, typer.Option(help="only this person's statements")] = None,
    source: Annotated[str | None, typer.Option(help="only the statements of this source")] = None,
    data_dir: DataDir = None,
    neo4j_uri: Neo4jUri = None,
) -> None:
    """Export the map (or a scope of it) as argmap JSON, AIF, Argdown, GraphML, DOT or SVG."""

    async def work(store: GraphStore) -> bytes:
        exchange = ExchangeService(store, load_catalog(store.engine))
        scope = MapScope(position=position, speaker=speaker, source=source)
        return await exchange.export(fmt=format, scope=scope)

    data = _with_store(_settings(data_dir=data_dir, neo4j_uri=neo4j_uri), work)
    if out:
        out.write_bytes(data)
        err.print(f"wrote {out} ({len(data):,} bytes)")
    else:
        sys.stdout.buffer.write(data)


@app.command()
def keygen(
    scope: Annotated[Scope, typer.Option(help="write (read and write) or read")] = Scope.WRITE,
    name: Annotated[str, typer.Option(help="a label for the key")] = "",
) -> None:
    """Make an API key: prints the key (give it to the client) and its hash (for the server)."""
    key = new_key()
    entry = ApiKey(sha256=hash_key(key), scope=scope, name=name).model_dump(mode="json")
    console.print(f"key (shown once): {key}", soft_wrap=True)
    console.print(
        escape(f"server setting:   ARGMAP_API_KEYS='{json.dumps([entry])}'"), soft_wrap=True
    )


@app.command()
def evaluate(
    semantics: Annotated[Semantics, typer.Option(help="which semantics")] = Semantics.GROUNDED,
    basis: Annotated[
        BasisFilter,
        typer.Option(help="believe only the relations the sources state, or all"),
    ] = BasisFilter.ALL,
    write: Annotated[
        bool, typer.Option(help="write :Accepted/:Rejected/:Undecided and strength onto the map")
    ] = False,
    position: Annotated[str | None, typer.Option(help="only this position's argument")] = None,
    speaker: Annotated[str | None, typer.Option(help="only what this person asserts")] = None,
    source: Annotated[str | None, typer.Option(help="only what this source says")] = None,
    max_arguments: Annotated[int, typer.Option(help="preferred: largest framework")] = 200,
    data_dir: DataDir = None,
    neo4j_uri: Neo4jUri = None,
) -> None:
    """Which statements stand: print the evaluation; --write stores the grounded outcome."""

    async def work(store: GraphStore) -> tuple[Evaluation, Applied | None]:
        evaluator = EvaluationService(store, load_catalog(store.engine))
        scope = MapScope(position=position, speaker=speaker, source=source)
        result = await evaluator.evaluate(
            semantics=semantics,
            scope=scope,
            max_arguments=max_arguments,
            timeout_s=60,
            basis=basis,
        )
        return result, (await evaluator.apply(basis=basis) if write else None)

    result, applied = _with_store(_settings(data_dir=data_dir, neo4j_uri=neo4j_uri), work)
    title = f"{semantics}, basis {basis}: {result.counts}\nrelations used: {result.relations}"
    table = Table("statement", "role", "outcome", title=escape(title))
    for item in result.items:
        outcome = (
            item.label
            or (f"{item.strength:.3f}" if item.strength is not None else None)
            or ("sceptical" if item.sceptical else "credulous" if item.credulous else "rejected")
        )
        table.add_row(escape(item.title or item.id), item.role, str(outcome))
    console.print(table)
    if applied:
        console.print(f"[green]wrote[/] {applied.written} outcomes: {applied.counts}")
