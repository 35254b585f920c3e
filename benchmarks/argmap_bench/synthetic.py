"""Synthetic argument maps of any size, and a lean bulk loader for them (benchmarks, load tests).

`generate(statements, edges_per_statement, seed)` yields `Batch`es of rows in load order:
people, sources, authored, statements, edges, asserts, quotes. Rows have the shapes of the
interchange document (`argmap.formats.MapDocument`), so a small map validates as one.

The shape: the map is a run of debates of `CLUSTER` (100) statements. Statement 0 of a debate
is its Position (1% positions); the rest are Claims (25%), Premises (50%) and Rebuttals (25%).
Edges point "up", from a statement to one earlier in its debate, drawn towards the debate's
start (target = floor(j * r**2) for a statement at local index j): positions and the first
claims collect most support (fan-in of a position ~60 at 3 edges per statement, a late premise
has none or a few), while fan-out is 1 + Poisson. Rebuttals REFUTE (90%), the others SUPPORT
(90%). A few edges break the pattern: 1% point "back" to a later statement of the debate
(cycles), 3% cross to an early statement of an earlier debate, and positions refute an
earlier position now and then (position-versus-position clashes). No self-edges, at most one
edge per (source, target). Roles, relation types, edge ids and quote ids follow the product's
rules (`argmap.domain`: `Role`, `EdgeType`, `edge_id`, `quote_id`); only the `syn-` ids of
statements, people and sources are the generator's own.

People: statements / 50, each statement asserted by one of them (80%, skewed to a few loud
speakers). Sources: statements / 1000 with short texts (~1.5 kB), one author each; quotes
(optional) are verbatim spans of them, on 10% of the statements.

Everything is a pure function of (statements, edges_per_statement, seed): each block of
statements draws from its own generator seeded by (seed, block), so batches are reproducible
one by one and across runs.

`bulk_load` writes the batches with the benchmarks' `bulk/*` queries (`argmap_bench.queries`):
each batch is one atomic UNWIND statement; it CREATEs (the map must not exist yet: a unique-id
constraint stops a second load before it writes anything of that batch).
"""

from __future__ import annotations

import asyncio
import hashlib
import math
import random
import time
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from argmap.domain import Basis, EdgeType, Role, edge_id, quote_id
from argmap.engines import Engine
from argmap.store import GraphStore
from argmap_bench.queries import BenchQuery, bench_catalog

Kind = Literal["people", "sources", "authored", "statements", "edges", "asserts", "quotes"]
KINDS: tuple[Kind, ...] = (
    "people", "sources", "authored", "statements", "edges", "asserts", "quotes",
)  # fmt: skip
# The parameter of `bulk/statements` that takes each role's rows (one literal label each).
ROLE_PARAMS = {Role.POSITION: "positions", Role.CLAIM: "claims", Role.PREMISE: "premises",
               Role.REBUTTAL: "rebuttals"}  # fmt: skip
# ... and of `bulk/edges` for each relation type.
TYPE_PARAMS = {EdgeType.SUPPORTS: "supports", EdgeType.REFUTES: "refutes"}
# No text draws a synthetic map's links: each is the generator's, as a reconstructed one is.
RECONSTRUCTED = Basis.RECONSTRUCTED.value
SYNTHETIC_NOTE = "synthetic map: the generator drew this link"

CLUSTER = 100  # statements per debate; statement 0 of each is its Position (1% positions)
BATCH = 50_000  # rows per batch (one atomic write each)
# Neo4j holds a transaction's state on its heap: with a small heap (the local dev server has
# 512 MB, 358 MB of it for transactions) 50k-row batches fail to allocate, 10k ones do not,
# and are as fast.
BATCH_BY_ENGINE = {Engine.FALKORDB: BATCH, Engine.NEO4J: 10_000}
BLOCK = 10_000  # statements per generator block (multiple of CLUSTER)
PEOPLE_EVERY = 50  # one person per 50 statements
SOURCES_EVERY = 1_000  # one source per 1,000 statements
P_BACK = 0.01  # an edge to a later statement of the debate (makes cycles)
P_CROSS = 0.03  # an edge to an early statement of an earlier debate
P_CLASH = 0.3  # a position refutes an earlier position
P_ASSERTED = 0.8
P_QUOTED = 0.1
PREFIX = "syn"  # every synthetic id starts with it: never clashes with hand-made maps

_VOCABULARY = (
    "alliance security expansion treaty border promise guarantee membership sovereignty "
    "neutrality deterrence escalation diplomacy sanctions referendum minority pipeline "
    "summit memorandum assurance buffer influence agreement negotiation withdrawal troops "
    "exercise missile defence partnership council accession veto consensus declaration "
    "ceasefire intervention regime elections protest annexation recognition mandate "
    "historians archive record transcript interview speech envoy minister president "
    "parliament public opinion media narrative evidence witness document claim source "
    "economic energy trade credit debt reform corruption oligarch market gas oil grain "
    "east west north south central region capital frontier corridor coast port island"
)
WORDS = tuple(_VOCABULARY.split())
CONNECTIVES = ("because", "although", "so", "yet", "and", "while", "since", "therefore")


@dataclass(frozen=True)
class Batch:
    kind: Kind
    rows: list[dict[str, Any]]


def statement_id(i: int) -> str:
    return f"{PREFIX}-{i}"


def person_id(k: int) -> str:
    return f"{PREFIX}-person-{k}"


def source_id(k: int) -> str:
    return f"{PREFIX}-source-{k}"


def counts(statements: int) -> dict[str, int]:
    """How many people, sources and positions a map of `statements` statements has."""
    return {
        "people": max(1, statements // PEOPLE_EVERY),
        "sources": max(1, statements // SOURCES_EVERY),
        "positions": -(-statements // CLUSTER),
    }


def _rng(seed: int, *stream: int) -> random.Random:
    # A string seed is hashed with SHA-512: stable across runs, platforms and Python versions.
    return random.Random(f"argmap-synthetic:{seed}:{':'.join(map(str, stream))}")


def _sentence(rng: random.Random, words: int) -> str:
    out = rng.choices(WORDS, k=words)
    out.insert(words // 2, rng.choice(CONNECTIVES))
    return " ".join(out)


def _text_pool(seed: int, size: int = 4096) -> list[str]:
    rng = _rng(seed, 0)
    return [_sentence(rng, rng.randint(10, 22)).capitalize() for _ in range(size)]


def _source_text(rng: random.Random) -> str:
    sentences = []
    while sum(map(len, sentences)) < 1500:
        sentences.append(_sentence(rng, rng.randint(8, 20)).capitalize() + ".")
    return " ".join(sentences)


def _roles(seed: int, block: int, lo: int, hi: int) -> list[Role]:
    rng = _rng(seed, 1, block)
    roles = []
    for i in range(lo, hi):
        if i % CLUSTER == 0:
            roles.append(Role.POSITION)
        else:
            r = rng.random()
            roles.append(Role.CLAIM if r < 0.25 else Role.PREMISE if r < 0.75 else Role.REBUTTAL)
    return roles


def _statements(seed: int, block: int, lo: int, hi: int, pool: list[str]) -> list[dict]:
    rng = _rng(seed, 2, block)
    rows = []
    for i, role in zip(range(lo, hi), _roles(seed, block, lo, hi), strict=True):
        text = pool[rng.randrange(len(pool))]
        title = f"{role} {i}: {' '.join(text.split()[:4])}"[:60]
        rows.append({"id": statement_id(i), "role": role, "title": title,
                     "text": f"{text} (statement {i})."})  # fmt: skip
    return rows


def _poisson(rng: random.Random, mean: float) -> int:
    # Knuth's method: fine for the small means used here, and exactly reproducible.
    if mean <= 0:
        return 0
    limit, k, p = math.exp(-mean), 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k


def _edges(seed: int, block: int, lo: int, hi: int, n: int, per: float) -> list[dict]:
    """The edges out of statements lo..hi-1 (a whole number of debates)."""
    rng = _rng(seed, 3, block)
    random_, randrange = rng.random, rng.randrange
    roles = _roles(seed, block, lo, hi)
    # Fan-out 1 + Poisson(mean - 1) for the 99% non-positions gives `per` edges per statement
    # overall (positions add ~P_CLASH); the first statements of a debate have fewer targets.
    mean_extra = max(0.0, per * CLUSTER / (CLUSTER - 1) - 1)
    rows: list[dict] = []
    add = rows.append
    sid, refutes, supports = statement_id, EdgeType.REFUTES, EdgeType.SUPPORTS  # hot loop

    def edge(source: str, type_: EdgeType, target: str) -> None:
        add({"id": edge_id(source, type_, target), "source": source, "target": target,
             "type": type_, "basis": RECONSTRUCTED, "note": SYNTHETIC_NOTE})  # fmt: skip

    for i, role in zip(range(lo, hi), roles, strict=True):
        base, j = i - i % CLUSTER, i % CLUSTER
        size = min(CLUSTER, n - base)  # the last debate may be short
        source = sid(i)
        if j == 0:
            if base and random_() < P_CLASH:
                edge(source, refutes, sid(randrange(0, base, CLUSTER)))
            continue
        wanted = 1 + _poisson(rng, mean_extra)
        targets: list[int] = []
        for _ in range(wanted * 3):  # a few draws more than wanted: duplicates are skipped
            if len(targets) == wanted:
                break
            r = random_()
            if r < P_BACK:  # back to a later statement of the debate: a cycle
                if j + 1 >= size:
                    continue
                target = base + randrange(j + 1, size)
            elif r < P_BACK + P_CROSS:  # across to an early statement of an earlier debate
                if not base:
                    continue
                target = randrange(0, base, CLUSTER) + int(CLUSTER * random_() ** 3)
            else:  # up the debate, drawn towards its start
                target = base + int(j * random_() ** 2)
            if target != i and target not in targets:
                targets.append(target)
        refute_odds = 0.9 if role is Role.REBUTTAL else 0.1
        for target in targets:
            edge(source, refutes if random_() < refute_odds else supports, sid(target))
    return rows


def _blocks(n: int) -> Iterator[tuple[int, int, int]]:
    for block, lo in enumerate(range(0, n, BLOCK)):
        yield block, lo, min(n, lo + BLOCK)


def _chunks(kind: Kind, rows: Iterable[dict], size: int) -> Iterator[Batch]:
    buffer: list[dict] = []
    for row in rows:
        buffer.append(row)
        if len(buffer) == size:
            yield Batch(kind, buffer)
            buffer = []
    if buffer:
        yield Batch(kind, buffer)


def generate(
    statements: int,
    edges_per_statement: float = 3,
    seed: int = 0,
    *,
    batch_size: int = BATCH,
    quotes: bool = False,
) -> Iterator[Batch]:
    """Batches of rows (at most `batch_size` each) in load order; deterministic for a seed."""
    if statements < 1:
        raise ValueError("statements must be at least 1")
    if edges_per_statement < 0:
        raise ValueError("edges_per_statement must be >= 0")
    n, sizes = statements, counts(statements)
    meta = _rng(seed, 4)
    people = [
        {"id": person_id(k), "name": f"Speaker {k}",
         "description": f"A synthetic speaker ({_sentence(meta, 4)})."}
        for k in range(sizes["people"])
    ]  # fmt: skip
    yield from _chunks("people", people, batch_size)
    sources = []
    for k in range(sizes["sources"]):
        text = _source_text(meta)
        sources.append({
            "id": source_id(k), "title": f"Synthetic source {k}", "kind": "news report",
            "author": f"Speaker {k % sizes['people']}", "outlet": "Synthetic Times",
            "url": f"https://example.org/synthetic/{k}", "published": "2024-01-01",
            "sha256": hashlib.sha256(text.encode()).hexdigest(), "text": text,
        })  # fmt: skip
    yield from _chunks("sources", sources, batch_size)
    authored = [{"person": person_id(k % sizes["people"]), "source": source_id(k)}
                for k in range(sizes["sources"])]  # fmt: skip
    yield from _chunks("authored", authored, batch_size)

    pool = _text_pool(seed)
    yield from _chunks(
        "statements",
        (row for block, lo, hi in _blocks(n) for row in _statements(seed, block, lo, hi, pool)),
        batch_size,
    )
    yield from _chunks(
        "edges",
        (
            row
            for block, lo, hi in _blocks(n)
            for row in _edges(seed, block, lo, hi, n, edges_per_statement)
        ),
        batch_size,
    )
    yield from _chunks("asserts", _asserts(seed, n, sizes["people"]), batch_size)
    if quotes:
        yield from _chunks("quotes", _quotes(seed, n, sources), batch_size)


def _asserts(seed: int, n: int, people: int) -> Iterator[dict[str, str]]:
    for block, lo, hi in _blocks(n):
        rng = _rng(seed, 5, block)
        for i in range(lo, hi):
            if rng.random() < P_ASSERTED:
                # r**3: a few loud speakers assert much, most people a little.
                yield {"person": person_id(int(people * rng.random() ** 3)),
                       "statement": statement_id(i)}  # fmt: skip


def _quotes(seed: int, n: int, sources: list[dict]) -> Iterator[dict[str, Any]]:
    spaces = [[k for k, ch in enumerate(s["text"]) if ch == " "] for s in sources]
    for block, lo, hi in _blocks(n):
        rng = _rng(seed, 6, block)
        for i in range(lo, hi):
            if rng.random() >= P_QUOTED:
                continue
            k = rng.randrange(len(sources))
            text, cuts = sources[k]["text"], spaces[k]
            a = rng.randrange(len(cuts) - 8)
            start, end = cuts[a] + 1, cuts[a + rng.randint(3, 8)]
            yield {"id": quote_id(sources[k]["id"], start, end), "statement": statement_id(i),
                   "source": sources[k]["id"], "quote": text[start:end], "start": start,
                   "end": end}  # fmt: skip


def document(statements: int, edges_per_statement: float = 3, seed: int = 0, *,
             quotes: bool = False) -> dict[str, Any]:  # fmt: skip
    """The same map as one raw interchange document (`MapDocument` JSON shape), e.g. to write a
    file for `argmap import` or to validate with `validate_document`. Small maps only: it is
    held in memory whole."""
    doc: dict[str, list[dict]] = {k: [] for k in KINDS}
    for batch in generate(statements, edges_per_statement, seed, quotes=quotes):
        doc[batch.kind].extend(batch.rows)
    return {"format": "argmap", "version": 1, **{k: v for k, v in doc.items() if v}}


# --- bulk load ---------------------------------------------------------------------------------

QUERIES: dict[Kind, BenchQuery] = {
    "people": BenchQuery.BULK_PEOPLE,
    "sources": BenchQuery.BULK_SOURCES,
    "authored": BenchQuery.BULK_AUTHORED,
    "statements": BenchQuery.BULK_STATEMENTS,
    "edges": BenchQuery.BULK_EDGES,
    "asserts": BenchQuery.BULK_ASSERTS,
    "quotes": BenchQuery.BULK_QUOTES,
}


def params_for(batch: Batch) -> dict[str, Any]:
    """The parameters of the batch's `bulk/<kind>` query."""
    if batch.kind == "statements":
        by_role: dict[str, list[dict]] = {name: [] for name in ROLE_PARAMS.values()}
        for row in batch.rows:
            by_role[ROLE_PARAMS[row["role"]]].append(
                {"id": row["id"], "title": row["title"], "text": row["text"]}
            )
        return by_role
    if batch.kind == "edges":
        by_type: dict[str, list[dict]] = {name: [] for name in TYPE_PARAMS.values()}
        for row in batch.rows:
            by_type[TYPE_PARAMS[row["type"]]].append(
                {key: row[key] for key in ("id", "source", "target", "note")}
            )
        return by_type
    return {"rows": batch.rows}


@dataclass
class LoadStats:
    rows: dict[str, int] = field(default_factory=dict)
    # Wall time of each kind's phase, from its first write to the end of its last (generation
    # runs meanwhile, in a thread).
    seconds: dict[str, float] = field(default_factory=dict)
    batches: int = 0
    wall: float = 0.0  # the whole load, generation included

    def rate(self, kind: str) -> float:
        return self.rows.get(kind, 0) / self.seconds[kind] if self.seconds.get(kind) else 0.0


Progress = Callable[[Batch, float], None]
_DONE = object()


async def _prefetch(batches: Iterable[Batch]) -> AsyncIterator[tuple[Batch, dict[str, Any]]]:
    """Make the next batch and its parameters in a thread while the current ones are written:
    the engine (its own process) works while Python generates."""
    iterator = iter(batches)

    def produce() -> Any:
        batch = next(iterator, _DONE)
        return batch if batch is _DONE else (batch, params_for(batch))  # type: ignore[arg-type]

    upcoming = asyncio.ensure_future(asyncio.to_thread(produce))
    while True:
        item = await upcoming
        if item is _DONE:
            return
        upcoming = asyncio.ensure_future(asyncio.to_thread(produce))
        yield item


async def bulk_load(
    store: GraphStore,
    batches: Iterable[Batch],
    progress: Progress | None = None,
    *,
    concurrency: int = 1,
) -> LoadStats:
    """Write the batches, each as one atomic UNWIND statement, in kind order: every write of
    one kind (e.g. statements) has finished before the first of the next kind (edges, which
    need them) starts. Within a kind up to `concurrency` writes are in flight (the batches of
    one kind are independent; more than 1 measured no faster on FalkorDB, whose writes commit
    one at a time anyway, and on Neo4j concurrent edge batches contend for the locks of the same
    hub nodes). `progress(batch, seconds)` runs after each write.

    A failed batch raises (after the writes in flight settle); the batches written before it
    stay written, each whole."""
    catalog = bench_catalog(store.engine)
    limit = max(1, concurrency)
    stats = LoadStats()
    started = time.perf_counter()
    in_flight: set[asyncio.Task[None]] = set()
    current: Kind | None = None
    kind_started = 0.0

    async def write(batch: Batch, params: dict[str, Any]) -> None:
        t0 = time.perf_counter()
        await store.write(catalog(QUERIES[batch.kind]), params)
        elapsed = time.perf_counter() - t0
        stats.rows[batch.kind] = stats.rows.get(batch.kind, 0) + len(batch.rows)
        stats.batches += 1
        if progress:
            progress(batch, elapsed)

    async def settle(until: int) -> None:
        while len(in_flight) > until:
            done, _ = await asyncio.wait(in_flight, return_when=asyncio.FIRST_COMPLETED)
            in_flight.difference_update(done)
            for task in done:
                if task.exception():
                    await asyncio.gather(*in_flight, return_exceptions=True)
                    in_flight.clear()
                    raise task.exception()  # type: ignore[misc]

    def close_kind() -> None:
        if current is not None:
            stats.seconds[current] = stats.seconds.get(current, 0.0) + (
                time.perf_counter() - kind_started
            )

    async for batch, params in _prefetch(batches):
        if batch.kind != current:
            await settle(0)
            close_kind()
            current, kind_started = batch.kind, time.perf_counter()
        await settle(limit - 1)
        in_flight.add(asyncio.ensure_future(write(batch, params)))
    await settle(0)
    close_kind()
    stats.wall = time.perf_counter() - started
    return stats


async def delete_all(store: GraphStore, batch: int = 10_000) -> int:
    """Delete every node in batches of `batch` (one huge DETACH DELETE would need the whole
    graph in one transaction's memory on Neo4j). Returns how many nodes went."""
    query = bench_catalog(store.engine)(BenchQuery.BULK_DELETE_BATCH)
    deleted = 0
    while True:
        rows = await store.write(query, {"limit": batch})
        count = rows[0]["deleted"] if rows else 0
        deleted += count
        if count < batch:
            return deleted
