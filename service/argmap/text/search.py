"""Full-text search: the engines' query strings, and finding the matched words again.

A user's words go to each engine's own full-text index (Lucene in Neo4j, RediSearch in
FalkorDB), both with the english analyzer, which stems: "defensive" and "defensively" meet,
"pope" and "popes" meet. Stemming alone does not make every form of a word meet: Porter cuts
"defence" to "defenc" and "defensive" to "defens", two terms. So each word is asked for exactly
(analyzed, hence stemmed) OR as a prefix of its stem-like start (`prefix_of`): "defence" asks
`defence|defen*`, which meets "defensive", "defended" and "defence". Prefix terms are not
analyzed by either engine, and they meet the stored (stemmed) terms: a prefix is never longer
than the word it comes from less its last letters, so it stays within the stem.

The query string is built here from words alone (letters and digits, lower-cased): the
engines' operators (`"`, `*`, `:`, `-`, `(`, `|`, `@`, `~`, Lucene's AND/OR/NOT) never reach
them, so no user text can be a syntax error; a text with no word left is no query at all.

Words match in any order, and a hit need not hold every word: hits are ranked by how many of
the query's words they hold, then by the engine's score (`rank`). The same word rule finds the
matched words in the hit's text again, in Python (`spans`), for the snippet and its highlights.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from argmap.engines import Engine
from argmap.models import SearchHit, SearchKind, SimilarStatement
from argmap.store import Row

WORD = re.compile(r"[^\W_]+")  # letters and digits: what both engines' tokenizers keep
# Lucene's english stop words (Neo4j's `english` analyzer drops them; a query of them alone
# would be an error there). Dropped from every query, so both engines answer the same.
# fmt: off
STOP_WORDS = frozenset((
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is",
    "it", "no", "not", "of", "on", "or", "s", "such", "t", "that", "the", "their", "then",
    "there", "these", "they", "this", "to", "was", "will", "with",
))
# fmt: on
MAX_WORDS = 16  # words of one query (more are ignored): each is two terms in the engine query
MIN_PREFIX = 5  # a word longer than this is also asked as a prefix of at least this length
SUFFIX_LETTERS = 4  # ... cut by up to this many letters: "defensive" -> "defen"
SNIPPET_CHARS = 160
ELLIPSIS = "…"


@dataclass(frozen=True)
class Term:
    """One word of the query: asked exactly, and as `prefix*`."""

    word: str
    prefix: str


def prefix_of(word: str) -> str:
    """The stem-like start a word is also asked by: the word itself up to MIN_PREFIX letters
    (so "pope" meets "popes" and "pope’s"), else the word less its last letters, never
    shorter than MIN_PREFIX ("defence", "defensive" -> "defen"; "membership" -> "member")."""
    if len(word) <= MIN_PREFIX:
        return word
    return word[: max(MIN_PREFIX, len(word) - SUFFIX_LETTERS)]


def terms(text: str) -> list[Term]:
    """The query's words, lower-cased, without stop words and repeats (at most MAX_WORDS)."""
    words = [w.lower() for w in WORD.findall(text)]
    kept = [w for w in dict.fromkeys(words) if w not in STOP_WORDS and len(w) > 1]
    return [Term(w, prefix_of(w)) for w in kept[:MAX_WORDS]]


def lucene_query(found: Sequence[Term]) -> str:
    """Neo4j (Lucene classic syntax): `defence defen* nato nato*`, clauses OR-ed (the
    default), so a hit holding more words scores more. Words are lower-case letters and
    digits: no operator, no keyword."""
    return " ".join(f"{t.word} {t.prefix}*" for t in found)


def redisearch_query(found: Sequence[Term]) -> str:
    """FalkorDB (RediSearch syntax): `defence|defen*|nato|nato*`, a union; RediSearch adds
    the scores of the terms a hit holds. Words are lower-case letters and digits only."""
    return "|".join(f"{t.word}|{t.prefix}*" for t in found)


QUERY_BUILDERS = {Engine.NEO4J: lucene_query, Engine.FALKORDB: redisearch_query}


def engine_query(engine: Engine, found: Sequence[Term]) -> str:
    return QUERY_BUILDERS[engine](found)


# --- finding the words again, in Python ---------------------------------------------------


LIGHT_SUFFIXES = ("ing", "ies", "es", "ed", "s")


def _light_stem(token: str) -> str:
    """Enough of an english stemmer to meet what the engines' stemming meets when the text's
    word is shorter than the query's prefix ("wars" asked, "war" written)."""
    for suffix in LIGHT_SUFFIXES:
        if token.endswith(suffix) and len(token) - len(suffix) >= 3:
            return token[: -len(suffix)]
    return token


def matches(token: str, term: Term) -> bool:
    """The word rule: a token of the text meets a query word when it is the word, starts with
    the word's prefix, or has the same (light) stem."""
    token = token.lower()
    return (
        token == term.word
        or token.startswith(term.prefix)
        or _light_stem(token) == _light_stem(term.word)
    )


@lru_cache(maxsize=256)
def _pattern(found: tuple[Term, ...]) -> re.Pattern[str]:
    """The word rule (`matches`) for all of a query's words as one regular expression, so a
    long text is scanned once, in C: each word is a named group `t<i>` matching a whole token
    that starts with its prefix (the word itself included) or is its light stem plus one of
    the suffixes `_light_stem` strips."""
    branches = []
    for i, term in enumerate(found):
        stem = re.escape(_light_stem(term.word))
        suffixes = "|".join(LIGHT_SUFFIXES)
        branches.append(
            rf"(?P<t{i}>{re.escape(term.prefix)}[^\W_]*|{stem}(?:{suffixes})?(?![^\W_]))"
        )
    return re.compile(rf"(?<![^\W_])(?:{'|'.join(branches)})", re.IGNORECASE)


def spans(text: str, found: Sequence[Term]) -> list[tuple[int, int, Term]]:
    """Every token of `text` that meets a query word: [start, end) and the word it meets."""
    if not found:
        return []
    terms_ = tuple(found)
    out = []
    for match in _pattern(terms_).finditer(text):
        if match.lastgroup is not None:
            out.append((match.start(), match.end(), terms_[int(match.lastgroup[1:])]))
    return out


@dataclass(frozen=True)
class Snippet:
    text: str
    highlights: list[tuple[int, int]]


def snippet(text: str, found: Sequence[Term], width: int = SNIPPET_CHARS) -> Snippet:
    """The passage of `text` around its first match, about `width` characters, cut at word
    boundaries (an ellipsis marks a cut), with every matched word's [start, end) in it. In a
    long text the first match is the first where most of the query's different words are
    close together ("NATO defensive" in an article: where both are, not its first "NATO")."""
    matched = spans(text, found)
    if len(text) <= width:
        start, end = 0, len(text)
    else:
        first = _densest(matched, width * 3 // 4)
        start = _word_start(text, max(0, first - width // 4))
        end = _word_end(text, min(len(text), start + width))
        if end <= first:  # one long word: keep the match at least
            end = _word_end(text, first + 1)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    lead = ELLIPSIS if start > 0 else ""
    tail = ELLIPSIS if end < len(text) else ""
    shift = len(lead) - start
    highlights = [(s + shift, e + shift) for s, e, _ in matched if s >= start and e <= end]
    return Snippet(lead + text[start:end] + tail, highlights)


def _densest(matched: list[tuple[int, int, Term]], reach: int) -> int:
    """Where the first window of `reach` characters holding most different query words
    starts (a matched word's start; 0 when nothing matched). One pass, two pointers."""
    best, best_at, counts, right = 0, 0, {}, 0
    for left, (start, _, _) in enumerate(matched):
        while right < len(matched) and matched[right][0] < start + reach:
            term = matched[right][2]
            counts[term] = counts.get(term, 0) + 1
            right += 1
        if len(counts) > best:
            best, best_at = len(counts), start
        term = matched[left][2]
        counts[term] -= 1
        if not counts[term]:
            del counts[term]
    return best_at


def _word_start(text: str, at: int) -> int:
    """`at`, moved forward to the start of the next word unless it is at one already."""
    if at == 0 or not text[at - 1].isalnum():
        return at
    while at < len(text) and text[at].isalnum():
        at += 1
    return at


def _word_end(text: str, at: int) -> int:
    """`at`, moved back to the end of the previous word unless it is at one already."""
    if at >= len(text) or not text[at].isalnum():
        return at
    back = at
    while back > 0 and text[back - 1].isalnum():
        back -= 1
    return back if back > 0 else at


def matched_words(texts: Iterable[str | None], found: Sequence[Term]) -> set[str]:
    """The query words any of `texts` holds."""
    return {term.word for text in texts if text for _, _, term in spans(text, found)}


# --- ranking the engine's hits -------------------------------------------------------------

# The fields each kind of hit is searched by, in the order a snippet prefers them; a
# statement is also found through its quotes and its speakers (names and aliases).
FIELDS = {
    SearchKind.STATEMENT: ("title", "text", "quotes", "speakers"),
    SearchKind.QUOTE: ("quote",),
    SearchKind.PERSON: ("name", "aliases"),
    SearchKind.SOURCE: ("title", "text"),
}
FIELD_NAMES = {"quotes": "quote", "speakers": "speaker"}  # what `SearchHit.field` says
KIND_ORDER = list(SearchKind)
# A statement found through a quote or a speaker rather than its own words: the engine score
# of that quote or person counts at this weight.
VIA_WEIGHT = 0.5
# A source is a whole article: that it holds the words says less than a statement, a quote or
# a name holding them. Its engine score counts at this weight.
SOURCE_WEIGHT = 0.5


def rank(
    rows: Sequence[Row], found: Sequence[Term], *, per_label: bool, offset: int, limit: int
) -> tuple[int, list[SearchHit]]:
    """The engine's hits (rows of search/everything) as ranked `SearchHit`s, one per node.

    score = how many of the query's words the hit holds (found again in Python by the word
    rule, over all its fields) + the engine's score normalised to (0, 1]: divided by the best
    engine score of the answer, or with `per_label` (FalkorDB: one RediSearch index per label,
    whose scores are not comparable across labels) by the best score of the same index;
    through a quote or a speaker at VIA_WEIGHT, a source at SOURCE_WEIGHT. Word count first, so "NATO defensive" ranks
    what holds both words above what holds one on both engines; the engine's relevance orders
    hits holding as many words; then kind and id. Rows of one node (found by its words and
    through a quote, or by name and by alias) merge: their fields, and the best score."""
    tops: dict[str, float] = {}
    for row in rows:
        group = row["label"] if per_label else ""
        tops[group] = max(tops.get(group, 0.0), float(row["score"]))
    merged: dict[tuple[str, str], dict] = {}
    for row in rows:
        top = tops[row["label"] if per_label else ""]
        weight = VIA_WEIGHT if row.get("via") else 1.0
        weight *= SOURCE_WEIGHT if row["kind"] == SearchKind.SOURCE else 1.0
        relevance = weight * float(row["score"]) / top if top > 0 else 0.0
        hit = merged.setdefault(
            (row["kind"], row["id"]),
            {"kind": row["kind"], "id": row["id"], "fields": {}, "relevance": 0.0},
        )
        hit["relevance"] = max(hit["relevance"], relevance)
        for name, value in (row.get("fields") or {}).items():
            if isinstance(value, list):
                known = hit["fields"].setdefault(name, [])
                known.extend(v for v in value if v not in known)
            elif value is not None:
                hit["fields"].setdefault(name, value)
        for link in ("statement", "source"):
            if row.get(link) and not hit.get(link):
                hit[link] = row[link]
    scored = [_scored(hit, found) for hit in merged.values()]
    scored.sort(key=lambda h: (-h["score"], KIND_ORDER.index(h["kind"]), h["id"]))
    # Snippets only for the page: cutting one costs more than scoring a hit.
    return len(scored), [_hit(hit, found) for hit in scored[offset : offset + limit]]


def _texts(kind: SearchKind, fields: Row) -> list[tuple[str, str]]:
    """(field name, text) of a hit, in snippet order; a list field is one text per item."""
    texts = []
    for name in FIELDS[kind]:
        value = fields.get(name)
        for text in value if isinstance(value, list) else [value]:
            if isinstance(text, str) and text:
                texts.append((FIELD_NAMES.get(name, name), text))
    return texts


def _scored(hit: dict, found: Sequence[Term]) -> dict:
    """The hit with its texts, the query words each holds, and its score."""
    kind = SearchKind(hit["kind"])
    texts = _texts(kind, hit["fields"])
    per_text = [matched_words([text], found) for _, text in texts]
    held = set().union(*per_text) if per_text else set()
    return {**hit, "kind": kind, "texts": texts, "per_text": per_text,
            "score": round(len(held) + hit["relevance"], 6)}  # fmt: skip


def _hit(hit: dict, found: Sequence[Term]) -> SearchHit:
    kind, fields, texts, per_text = hit["kind"], hit["fields"], hit["texts"], hit["per_text"]
    # The snippet comes from the text holding most of the query's words (the first on a tie).
    chosen = max(range(len(texts)), key=lambda i: (len(per_text[i]), -i)) if texts else None
    field, text = texts[chosen] if chosen is not None else (FIELDS[kind][0], "")
    cut = snippet(text, found)
    statement, source = hit.get("statement") or {}, hit.get("source") or {}
    if kind is SearchKind.QUOTE:
        title = statement.get("title") or source.get("title")
    else:
        title = fields.get("name") if kind is SearchKind.PERSON else fields.get("title")
    return SearchHit(
        kind=kind,
        id=hit["id"],
        title=title,
        field=field,
        snippet=cut.text,
        highlights=cut.highlights,
        score=hit["score"],
        statement=statement.get("id"),
        source=source.get("id"),
    )


def semantic_hit(similar: SimilarStatement, found: Sequence[Term]) -> SearchHit:
    """A statement found by meaning (claim matching) as a hit: its text as the snippet, with
    whatever query words it holds marked; `score` is claim matching's (0..1)."""
    field, text = "text", similar.text
    if not matched_words([text], found) and matched_words([similar.title], found):
        field, text = "title", similar.title
    cut = snippet(text, found)
    return SearchHit(
        kind=SearchKind.STATEMENT,
        id=similar.id,
        title=similar.title,
        field=field,
        snippet=cut.text,
        highlights=cut.highlights,
        score=similar.score,
    )
