"""Synthetic maps: the generator is deterministic and well-shaped, and `bulk_load` writes
exactly what it generates, on every engine. The load writes into the shared test database
(next to the seeded map, under `syn-` ids) and restores the seeded map at the end."""

import re
from collections import Counter

import pytest
from typer.testing import CliRunner

from argmap.catalog import Query, load_catalog
from argmap.domain import EdgeType, Role, edge_id, quote_id
from argmap.formats import validate_document
from argmap.models import TreeKind
from argmap.services.reads import ReadService
from argmap.store import StoreError
from argmap_bench import synthetic as syn
from argmap_bench.cli import app as bench_app
from argmap_bench.measure import summary
from argmap_bench.report import render_table

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def rows(*args, **kwargs) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for batch in syn.generate(*args, **kwargs):
        out.setdefault(batch.kind, []).extend(batch.rows)
    return out


def index(statement_id: str) -> int:
    return int(statement_id.removeprefix(f"{syn.PREFIX}-"))


@pytest.fixture(scope="module")
def generated() -> dict[str, list[dict]]:
    return rows(5_000, 3, 7, quotes=True)


def test_same_seed_same_map_other_seed_other_map():
    assert list(syn.generate(1_200, 3, 7)) == list(syn.generate(1_200, 3, 7))
    assert rows(1_200, 3, 7)["edges"] != rows(1_200, 3, 8)["edges"]


def test_batches_are_bounded_and_do_not_change_the_map():
    small = list(syn.generate(1_200, 3, 7, batch_size=100))
    assert all(len(b.rows) <= 100 for b in small)
    assert rows(1_200, 3, 7, batch_size=100) == rows(1_200, 3, 7)


def test_batches_come_in_load_order(generated):
    kinds = [b.kind for b in syn.generate(5_000, 3, 7, batch_size=1_000, quotes=True)]
    first = {kind: kinds.index(kind) for kind in set(kinds)}
    assert sorted(first, key=first.get) == list(syn.KINDS)
    # Grouped: every statement batch before the first edge batch, edges before asserts.
    assert kinds == sorted(kinds, key=syn.KINDS.index)


def test_roles_people_and_sources(generated):
    roles = Counter(s["role"] for s in generated["statements"])
    assert roles["Position"] == 50  # 1%: one per debate of 100
    assert set(roles) == set(Role)
    assert 0.2 < roles["Claim"] / 5_000 < 0.3 and 0.2 < roles["Rebuttal"] / 5_000 < 0.3
    assert len(generated["people"]) == 100 and len(generated["sources"]) == 5
    assert all(len(s["title"]) <= 60 and s["text"] for s in generated["statements"])


def test_ids_are_unique_slugs(generated):
    for kind in ("statements", "people", "sources"):
        ids = [r["id"] for r in generated[kind]]
        assert len(set(ids)) == len(ids), kind
        assert all(SLUG.match(i) for i in ids), kind


def test_edges_are_well_formed(generated):
    edges = generated["edges"]
    statements = {s["id"] for s in generated["statements"]}
    assert 2.8 < len(edges) / 5_000 < 3.1
    for e in edges:
        assert e["id"] == edge_id(e["source"], e["type"], e["target"])  # the product's rule
        assert e["source"] != e["target"]
        assert {e["source"], e["target"]} <= statements
    pairs = [(e["source"], e["target"]) for e in edges]
    assert len(set(pairs)) == len(pairs)  # one edge per ordered pair, whatever its type


def test_edges_point_up_with_a_few_back_edges(generated):
    edges = generated["edges"]
    back = [e for e in edges if index(e["target"]) > index(e["source"])]
    assert 0 < len(back) < 0.03 * len(edges)  # cycles exist, but few
    fan_in = Counter(e["target"] for e in edges)
    positions = [s["id"] for s in generated["statements"] if s["role"] == "Position"]
    assert min(fan_in[p] for p in positions[:10]) >= 20  # positions collect support
    assert fan_in.most_common(1)[0][1] < 200
    fan_out = Counter(e["source"] for e in edges)
    assert max(fan_out.values()) < 20
    types = Counter(e["type"] for e in edges)
    assert 0.2 < types[EdgeType.REFUTES] / len(edges) < 0.4


def test_quotes_are_verbatim_and_the_map_is_a_valid_document():
    raw = syn.document(1_500, 3, 7, quotes=True)
    texts = {s["id"]: s["text"] for s in raw["sources"]}
    assert raw["quotes"]
    for q in raw["quotes"]:
        assert texts[q["source"]][q["start"] : q["end"]] == q["quote"]
        assert q["id"] == quote_id(q["source"], q["start"], q["end"])
    doc, problems = validate_document(raw)
    assert problems == [] and doc is not None
    assert len(doc.statements) == 1_500


def test_summary_percentiles():
    s = summary([i / 1000 for i in range(1, 101)])  # 1..100 ms
    assert (s["n"], s["p50"], s["p99"]) == (100, 50.0, 99.0)


def test_generate_command_loads_and_refuses_a_second_load_without_reset(tmp_path):
    runner = CliRunner()
    data = str(tmp_path / "db")
    args = ["generate", "--statements", "800", "--seed", "3", "--data-dir", data]
    first = runner.invoke(bench_app, args, catch_exceptions=False)
    assert first.exit_code == 0, first.output
    assert "statements/s" in first.output and "edges/s" in first.output
    again = runner.invoke(bench_app, args, catch_exceptions=False)
    assert again.exit_code == 1 and "--reset" in again.output
    reset = runner.invoke(bench_app, [*args, "--reset"], catch_exceptions=False)
    assert reset.exit_code == 0, reset.output


def test_report_renders_a_results_file():
    run = {
        "engine": "falkordb", "statements": 10, "label": "shipped",
        "load": {"statements_per_s": 1, "edges_per_s": 2, "counts": {"type:SUPPORTS": 3}},
        "memory": {"vmrss_kb": 2048}, "throughput": {"workers_1": {"rps": 5.0}},
        "latency": {"lookup": {"engine_client": {"n": 1, "p50": 1.0, "p99": 2.0},
                               "argmap_http": {"n": 1, "p50": 3.0, "p99": 4.0},
                               "ratio_http_to_engine_client": 3.0}},
    }  # fmt: skip
    table = render_table({"runs": [run]})
    assert "| falkordb | shipped | 10 |" in table and "3.00 / 4.00" in table


# --- on the engines ------------------------------------------------------------------------


@pytest.fixture
def restored(restore_seeded_map):
    """The test writes into the shared database: afterwards it holds just the seeds again."""
    yield
    restore_seeded_map()


async def _counts(store, catalog) -> Counter:
    return Counter({f"{r['kind']}:{r['name']}": r["count"]
                    for r in await store.read(catalog(Query.ADMIN_COUNTS))})  # fmt: skip


@pytest.mark.anyio
async def test_bulk_load_writes_exactly_the_generated_map(store, restored):
    catalog = load_catalog(store.engine)
    expected = rows(2_000, 3, 11, batch_size=700, quotes=True)
    edges = Counter(e["type"] for e in expected["edges"])
    roles = {s["id"]: s["role"] for s in expected["statements"]}
    before = await _counts(store, catalog)
    stats = await syn.bulk_load(store, syn.generate(2_000, 3, 11, batch_size=700, quotes=True))
    after = await _counts(store, catalog)
    added = after - before
    assert added["label:Statement"] == 2_000
    assert added["label:Position"] == 20
    assert added["type:SUPPORTS"] == edges[EdgeType.SUPPORTS]
    assert added["type:REFUTES"] == edges[EdgeType.REFUTES]
    assert added["type:ASSERTS"] == len(expected["asserts"])
    assert added["label:Person"] == 40 and added["label:Source"] == 2
    assert added["type:HAS_QUOTE"] == len(expected["quotes"])
    assert stats.rows["statements"] == 2_000 and stats.batches > 6

    # What the API reads back is what was generated, roles (read from the `role` property)
    # included.
    reads = ReadService(store, catalog)
    target = Counter(e["target"] for e in expected["edges"]).most_common(1)[0][0]
    statement = await reads.get_statement(id=target)
    assert statement.role == roles[target]
    neighbours = statement.supporters + statement.refuters
    assert {s.id for s in neighbours} == {
        e["source"] for e in expected["edges"] if e["target"] == target
    }
    assert all(s.role == roles[s.id] for s in neighbours)
    tree = await reads.tree(id=target, kind=TreeKind.SUPPORT, depth=4)
    assert len(tree.nodes) > 1

    # A batch is one atomic statement: a batch that repeats one id writes none of its rows.
    first = next(b for b in syn.generate(2_000, 3, 11) if b.kind == "statements")
    fresh = [{**r, "id": f"{r['id']}-fresh"} for r in first.rows[:50]]
    clash = syn.Batch("statements", [*fresh, first.rows[0]])
    with pytest.raises(StoreError):
        await syn.bulk_load(store, [clash])
    assert await _counts(store, catalog) == after


@pytest.mark.anyio
async def test_delete_all_empties_the_graph_in_batches(store, restored):
    catalog = load_catalog(store.engine)
    await syn.bulk_load(store, syn.generate(300, 2, 5))
    gone = await syn.delete_all(store, batch=100)
    assert gone >= 300
    assert (await store.read(catalog(Query.ADMIN_COUNT_NODES)))[0]["nodes"] == 0
