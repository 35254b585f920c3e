"""The benchmarks' own Cypher (`argmap_bench/cypher/`): bulk loading and the engines' baselines,
queries the product never runs. Loaded by the product's catalog loader, so their names are
checked against the files the same way (FalkorDB overrides would go under `cypher/falkordb/`)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from argmap.catalog import Catalog, load_catalog
from argmap.engines import Engine

BENCH_CYPHER_DIR = Path(__file__).resolve().parent / "cypher"


class BenchQuery(StrEnum):
    """Every query under `argmap_bench/cypher/`, by its file name."""

    BULK_ASSERTS = "bulk/asserts"
    BULK_AUTHORED = "bulk/authored"
    BULK_DELETE_BATCH = "bulk/delete_batch"
    BULK_EDGES = "bulk/edges"
    BULK_PEOPLE = "bulk/people"
    BULK_POINT_LOOKUP = "bulk/point_lookup"
    BULK_QUOTES = "bulk/quotes"
    BULK_SOURCES = "bulk/sources"
    BULK_STATEMENTS = "bulk/statements"
    READING_SAMPLE_TEXTS = "reading/sample_texts"


def bench_catalog(engine: Engine) -> Catalog[BenchQuery]:
    """The benchmarks' queries for `engine` (read and checked once per engine: cached)."""
    return load_catalog(engine, BenchQuery, BENCH_CYPHER_DIR)
