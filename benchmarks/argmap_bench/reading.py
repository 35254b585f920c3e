"""Search and claim matching at scale: `argmap-bench reading`.

For each engine and map size: bulk-load a synthetic map, embed every statement as argmap's
start-up does for a map stored without embeddings (`argmap.store.schema.embed_statements`,
timed), then measure p50/p99 of
- `search`: `GET /search?q=` as its read service runs it (two words of a statement's text),
  against the engine running the same full-text query (`search/everything`) through its own
  client, with the query string argmap builds;
- `similar`: `GET /statements/similar?text=` (a statement's text, reworded by dropping a word),
  against the engine running the same vector query (`statements/similar`) with the embedding
  computed beforehand: argmap's share is the embedding, the re-ranking and the answer's models.
Figures, not tests; printed as a markdown table with the ratios.
"""

from __future__ import annotations

import asyncio
import random
import time
from typing import Any

from argmap.catalog import Query
from argmap.services.reads import ReadService
from argmap.store.open import open_store
from argmap.store.schema import embed_statements
from argmap.text import matching
from argmap.text import search as text_search
from argmap.text.embedding import embed_one
from argmap_bench.engines import Target
from argmap_bench.measure import cycle, summary, timed
from argmap_bench.queries import BenchQuery, bench_catalog
from argmap_bench.run import WARMUP, Plan, direct_samples, load, say

SEARCH_CANDIDATES = 1000  # as argmap.services.reads


def _queries(texts: list[str], rng: random.Random) -> tuple[list[str], list[str]]:
    """Two-word searches and one-word-dropped rewordings of stored statements."""
    searches, rewordings = [], []
    for text in texts:
        words = text.rstrip(".").split()
        searches.append(" ".join(rng.sample(words, 2)))
        drop = rng.randrange(len(words))
        rewordings.append(" ".join(words[:drop] + words[drop + 1 :]))
    return searches, rewordings


def run_reading(target: Target, plan: Plan, samples: int) -> dict[str, Any]:
    say(f"{target.engine} {plan.statements:,}: loading")
    loaded, catalog = asyncio.run(load(target, plan))
    say(f"  loaded: {loaded['statements_per_s']:,} statements/s")

    async def measure() -> dict[str, Any]:
        async with open_store(target.settings) as store:
            started = time.perf_counter()
            embedded = await embed_statements(store, catalog)
            embed_s = time.perf_counter() - started
            say(f"  embedded {embedded:,} statements in {embed_s:.1f} s")
            sample_texts = bench_catalog(store.engine)(BenchQuery.READING_SAMPLE_TEXTS)
            rows = await store.read(sample_texts, {"n": samples * 20})
            rng = random.Random(plan.seed)
            texts = rng.sample([r["text"] for r in rows], min(samples, len(rows)))
            searches, rewordings = _queries(texts, rng)
            reads = ReadService(store, catalog)
            out: dict[str, Any] = {"embedding_backfill_s": round(embed_s, 1),
                                   "embedded": embedded}  # fmt: skip

            terms = [text_search.terms(q) for q in searches]
            search_params = [{"query": text_search.engine_query(store.engine, t),
                              "kinds": ["statement", "quote", "person", "source"],
                              "prefixes": [x.prefix for x in t],
                              "candidates": SEARCH_CANDIDATES} for t in terms]  # fmt: skip
            out["search"] = direct_samples(target, catalog(Query.SEARCH_EVERYTHING), search_params,
                                    len(searches))  # fmt: skip
            nxt = cycle(searches)
            out["search"]["argmap_service"] = summary(await timed(
                lambda: reads.search(q=nxt(), kinds=None, semantic=False, offset=0, limit=20),
                len(searches), WARMUP))  # fmt: skip

            k = max(10 * matching.CANDIDATES_PER_RESULT, matching.MIN_CANDIDATES)
            similar_params = [{"embedding": embed_one(t), "k": k, "exclude": []}
                              for t in rewordings]  # fmt: skip
            out["similar"] = direct_samples(target, catalog(Query.STATEMENTS_SIMILAR), similar_params,
                                     len(rewordings))  # fmt: skip
            nxt = cycle(rewordings)
            out["similar"]["argmap_service"] = summary(
                await timed(
                    lambda: reads.similar_statements(text=nxt(), limit=10), len(rewordings), WARMUP
                )
            )
            hits = 0
            for original, reworded in zip(texts, rewordings, strict=True):
                page = await reads.similar_statements(text=reworded, limit=1)
                hits += bool(page.items) and page.items[0].text == original
            out["similar"]["top1_of_reworded"] = round(hits / len(texts), 3)
            return out

    result = asyncio.run(measure())
    result["load"] = loaded
    return result


def table(results: list[dict[str, Any]]) -> str:
    header = (
        "| engine | statements | route | engine internal p50 / p99 ms "
        "| engine client p50 / p99 ms | argmap p50 / p99 ms | argmap ÷ engine client (p50) |"
    )
    lines = [header, "|---|---|---|---|---|---|---|"]
    for r in results:
        for op, route in (("search", "GET /search?q="), ("similar", "GET /statements/similar")):
            m = r[op]
            internal, client, service = (
                m["engine_internal"],
                m["engine_client"],
                m["argmap_service"],
            )
            ratio = service["p50"] / client["p50"] if client["p50"] else float("nan")
            lines.append(
                f"| {r['engine']} | {r['statements']:,} | {route} | "
                f"{internal['p50']:.2f} / {internal['p99']:.2f} | "
                f"{client['p50']:.2f} / {client['p99']:.2f} | "
                f"{service['p50']:.2f} / {service['p99']:.2f} | {ratio:.1f} |"
            )
    second = (
        "| engine | statements | bulk load statements/s | embedding backfill | top-1 reworded |"
    )
    lines += ["", second, "|---|---|---|---|---|"]
    for r in results:
        rate = r["embedded"] / r["embedding_backfill_s"] if r["embedding_backfill_s"] else 0
        lines.append(
            f"| {r['engine']} | {r['statements']:,} | {r['load']['statements_per_s']:,} | "
            f"{r['embedding_backfill_s']} s ({rate:,.0f} statements/s) | "
            f"{r['similar']['top1_of_reworded']:.0%} |"
        )
    return "\n".join(lines)
