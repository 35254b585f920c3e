"""Claim matching: how alike two statements are, and whether one says the opposite.

`score` blends the embeddings' cosine (`semantic`, -1..1) with a word-overlap score
(`lexical`, 0..1) into 0..1. Either alone misleads: the embedding model (argmap.text.embedding)
places "NATO is a defensive alliance" and "NATO is not a defensive alliance" almost together,
and word overlap misses a claim the other article words differently. The weights and
thresholds below were set on the seeds (docs/architecture.md, "Claim matching").

`opposite` flags a pair in which one side negates what the other asserts: it is still
listed (it is the same claim's contradiction, worth seeing) but never called the same, and
never blocks a new statement as a near-duplicate.
"""

from __future__ import annotations

import re
from collections import Counter
from difflib import SequenceMatcher
from typing import TypeVar

import numpy as np
from rapidfuzz import fuzz

# The blend: score = SEMANTIC_WEIGHT * (cosine clipped to 0..1) + LEXICAL_WEIGHT * lexical.
SEMANTIC_WEIGHT = 0.8
LEXICAL_WEIGHT = 0.2
# A new statement this close to a stored one is refused as a near-duplicate (409) unless
# forced. Chosen on the seeds: see docs/architecture.md, "Claim matching".
NEAR_DUPLICATE_SCORE = 0.88
# Two texts whose negation cues differ are opposites when at least this share of the shorter
# one's other words is aligned with the other's.
OPPOSITE_OVERLAP = 0.75
# A one-sided run of words at either end longer than this is extra content, not a negation.
DANGLING_WORDS = 2
# The vector index is asked for this many candidates per result wanted, which the lexical
# score then re-ranks.
CANDIDATES_PER_RESULT = 4
MIN_CANDIDATES = 20

# Words that negate or deny, each mapped to its kind: "not", "never", "n't" all negate alike
# (either side saying "never" where the other says "not" is no opposite); a denial verb is
# its own kind ("denied that X" vs "not X" is no opposite either, but is flagged against X).
NEGATORS = ("not", "no", "never", "n't", "cannot", "none", "nobody", "nothing", "neither", "nor")
NEGATIONS = {
    **dict.fromkeys(NEGATORS, "not"),
    **dict.fromkeys(("deny", "denies", "denied", "denying", "denial"), "deny"),
    **dict.fromkeys(("false", "untrue", "wrong"), "false"),
    **dict.fromkeys(("reject", "rejects", "rejected", "rejecting", "rejection"), "reject"),
    **dict.fromkeys(("dispute", "disputes", "disputed", "disputing"), "dispute"),
    **dict.fromkeys(("refuse", "refuses", "refused", "refusing", "refusal"), "refuse"),
}
_WORD = re.compile(r"n't|[^\W_]+", re.UNICODE)

A = TypeVar("A", float, np.ndarray)


def words(text: str) -> list[str]:
    """Lower-case words, typographic apostrophes straightened; "didn't" gives "did", "n't"."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    return _WORD.findall(text.replace("n't", " n't"))


def _lexical(a: list[str], b: list[str]) -> float:
    # token_sort_ratio: the edit similarity of the two texts' words, each sorted, so word order
    # (active/passive, "Blinken said X" / "X, Blinken said") does not count. Measured on the
    # seeds (quotes ranked against all statements, benchmarks/argmap_bench/claim_matching.py)
    # the blend ranks the quoted statement first for 70% of quotes with it, 63% with
    # token_set_ratio, whose subset rule also scores 1.0 for any text that holds all of a short
    # query's words ("NATO" would match every statement naming NATO) and would make such
    # pairs near-duplicates. Plain ratio and WRatio rank worse still.
    if not a or not b:
        return 0.0
    return fuzz.token_sort_ratio(" ".join(a), " ".join(b)) / 100


def lexical_score(a: str, b: str) -> float:
    """Word overlap of two texts, 0..1."""
    return _lexical(words(a), words(b))


def blend(semantic: A, lexical: A) -> A:
    """The ranking score, 0..1, of a cosine (-1..1) and a lexical score (0..1); works on
    numbers and on numpy arrays alike."""
    return SEMANTIC_WEIGHT * np.clip(semantic, 0.0, 1.0) + LEXICAL_WEIGHT * lexical


def _negations(tokens: list[str]) -> Counter[str]:
    return Counter(NEGATIONS[t] for t in tokens if t in NEGATIONS)


def opposite(a: str, b: str) -> bool:
    """One side negates what the other asserts: aligned word by word, a negation cue stands
    in one where the other has none of its kind, and the rest of the shorter side is
    (nearly) all in the other. Words one side has beyond the other's end (a statement's
    longer text after a short query) are extra content, not a negation, unless they are a
    cue or two dangling at either end ("not true: ...")."""
    wa, wb = words(a), words(b)
    if not wa or not wb or not (_negations(wa) or _negations(wb)):
        return False  # no cue on either side (most pairs): nothing to align
    opcodes = SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes()
    only_a: Counter[str] = Counter()
    only_b: Counter[str] = Counter()
    matched = 0
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            matched += i2 - i1
            continue
        at_end = index in (0, len(opcodes) - 1)
        if at_end and max(i2 - i1, j2 - j1) > DANGLING_WORDS:
            continue
        only_a += _negations(wa[i1:i2])
        only_b += _negations(wb[j1:j2])
    if only_a == only_b:
        return False
    rest = min(sum(w not in NEGATIONS for w in wa), sum(w not in NEGATIONS for w in wb))
    return rest > 0 and matched / rest >= OPPOSITE_OVERLAP
