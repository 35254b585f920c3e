#!/usr/bin/env python3
"""Rewrite the start/end/id of every quote row in seeds/NNN_*.cypher from the article text.

A quote row is a statement's quote (`statement: '<statement id>'`) or the quote of a
relation's :Link (`link: '<relation id>'`). Each row's offsets become those of the first
occurrence of its quote at or after the row's current start (so offsets are never typed by
hand: write `start: 0, end: 0`, or a rough start to pick a later occurrence). Run after
editing or adding a quote:

    python scripts/fix_seed_offsets.py            # rewrite the seed files
    python scripts/fix_seed_offsets.py --check    # exit 1 if any row's offsets are stale

The seed tests (tests/test_seeds.py) then check every quote on both engines.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
ARTICLES = SEEDS / "articles"
SOURCE_FILES = {
    "src-blinken-colbert": "000_30533afe680c5abc.txt",
    "src-will-russia-join-nato": "004_2f6544d741bed8bb.txt",
}

# A Cypher single-quoted string literal (backslash escapes allowed).
LIT = r"'((?:[^'\\]|\\.)*)'"
QUOTE_ROW = re.compile(
    r"\{id: '(?P<id>[^']*)', (?P<owner>statement|link): '(?P<of>[a-z0-9~-]+)', "
    r"source: '(?P<source>[a-z0-9-]+)', start: (?P<start>-?\d+), end: (?P<end>-?\d+), "
    r"quote: "
    + LIT.replace("(", "(?P<quote>", 1)
    + r"(?:, note: "
    + LIT.replace("(", "(?P<note>", 1)
    + ")?"
)


def seed_files() -> list[Path]:
    return sorted(SEEDS.glob("[0-9][0-9][0-9]_*.cypher"))


def unescape(literal_body: str) -> str:
    table = {"\\": "\\", "'": "'", '"': '"', "n": "\n", "t": "\t", "r": "\r"}
    return re.sub(r"\\(.)", lambda m: table[m.group(1)], literal_body)


def article_texts() -> dict[str, str]:
    return {sid: (ARTICLES / f).read_bytes().decode("utf-8") for sid, f in SOURCE_FILES.items()}


def fixed(name: str, script: str, texts: dict[str, str]) -> tuple[str, list[str]]:
    """`script` with every quote row's start/end/id taken from the article; and problems."""
    problems: list[str] = []

    def repl(m: re.Match[str]) -> str:
        quote = unescape(m["quote"])
        text = texts.get(m["source"])
        if text is None:
            problems.append(f"{name}: unknown source {m['source']}")
            return m[0]
        start = text.find(quote, max(int(m["start"]), 0))
        if start < 0:
            start = text.find(quote)
        if start < 0:
            problems.append(f"{name}: quote not found in {m['source']}: {quote[:70]!r}")
            return m[0]
        if text.count(quote) > 1:
            print(
                f"{name}: note: quote occurs {text.count(quote)}x, using offset {start}: "
                f"{quote[:50]!r}"
            )
        end = start + len(quote)
        return (
            f"{{id: '{m['source']}-{start}-{end}', {m['owner']}: '{m['of']}', "
            f"source: '{m['source']}', start: {start}, end: {end}, quote: '{m['quote']}'"
            + m[0][m.end("quote") + 1 - m.start() :]  # the row's note, if any, unchanged
        )

    return QUOTE_ROW.sub(repl, script), problems


def conflicting_notes(scripts: dict[str, str]) -> list[str]:
    """Quotes whose rows give different notes. Rows MERGE a quote by id and keep an existing
    note when theirs has none, so two different notes would leave whichever row ran last."""
    notes: dict[str, set[str]] = {}
    for script in scripts.values():
        for m in QUOTE_ROW.finditer(script):
            if m["note"] is not None:
                notes.setdefault(m["id"], set()).add(m["note"])
    return [f"quote {id} has {len(n)} different notes" for id, n in notes.items() if len(n) > 1]


def fix_offsets(*, check: bool = False) -> int:
    """Rewrite (or with `check`, only compare) every seed file; returns how many problems."""
    texts = article_texts()
    scripts = {path.name: path.read_text(encoding="utf-8") for path in seed_files()}
    for problem in (found := conflicting_notes(scripts)):
        print(problem)
    problems = len(found)
    for path in seed_files():
        original = scripts[path.name]
        updated, found = fixed(path.name, original, texts)
        for problem in found:
            print(problem)
        problems += len(found)
        if updated != original:
            if check:
                print(f"{path.name}: offsets are stale; run scripts/fix_seed_offsets.py")
                problems += 1
            else:
                path.write_text(updated, encoding="utf-8")
                print(f"{path.name}: offsets rewritten")
    return problems


if __name__ == "__main__":
    sys.exit(1 if fix_offsets(check="--check" in sys.argv[1:]) else 0)
