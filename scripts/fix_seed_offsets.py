#!/usr/bin/env python3
"""Rewrite the start/end/id of every quote row in seeds/NNN_*.cypher from the article text.

Each quote row's offsets become those of the first occurrence of its quote at or after the
row's current start (so offsets are never typed by hand). Run after editing a quote:

    python scripts/fix_seed_offsets.py

The seed tests (tests/test_seeds.py) then check every quote on both engines.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
ARTICLES = SEEDS / "articles"
SOURCE_FILES = {"src-blinken-colbert": "000_30533afe680c5abc.txt",
                "src-will-russia-join-nato": "004_2f6544d741bed8bb.txt"}

# A Cypher single-quoted string literal (backslash escapes allowed).
LIT = r"'((?:[^'\\]|\\.)*)'"
QUOTE_ROW = re.compile(
    r"\{id: '(?P<id>[^']*)', statement: '(?P<statement>[a-z0-9-]+)', "
    r"source: '(?P<source>[a-z0-9-]+)', start: (?P<start>-?\d+), end: (?P<end>-?\d+), "
    r"quote: " + LIT.replace("(", "(?P<quote>", 1)
)


def seed_files() -> list[Path]:
    return sorted(SEEDS.glob("[0-9][0-9][0-9]_*.cypher"))


def unescape(literal_body: str) -> str:
    table = {"\\": "\\", "'": "'", '"': '"', "n": "\n", "t": "\t", "r": "\r"}
    return re.sub(r"\\(.)", lambda m: table[m.group(1)], literal_body)


def article_texts() -> dict[str, str]:
    return {sid: (ARTICLES / f).read_bytes().decode("utf-8") for sid, f in SOURCE_FILES.items()}


def fix_offsets() -> int:
    """Rewrite start/end/id of every quote row from the article text. Returns #problems."""
    texts = article_texts()
    problems = 0
    for path in seed_files():
        original = path.read_text(encoding="utf-8")

        def repl(m: re.Match[str]) -> str:
            nonlocal problems
            quote = unescape(m["quote"])
            text = texts.get(m["source"])
            if text is None:
                print(f"{path.name}: unknown source {m['source']}")
                problems += 1
                return m[0]
            start = text.find(quote, max(int(m["start"]), 0))
            if start < 0:
                start = text.find(quote)
            if start < 0:
                print(f"{path.name}: quote not found in {m['source']}: {quote[:70]!r}")
                problems += 1
                return m[0]
            if text.count(quote) > 1:
                print(f"{path.name}: note: quote occurs {text.count(quote)}x, using offset {start}: "
                      f"{quote[:50]!r}")
            end = start + len(quote)
            return (f"{{id: '{m['source']}-{start}-{end}', statement: '{m['statement']}', "
                    f"source: '{m['source']}', start: {start}, end: {end}, quote: '{m['quote']}'")

        updated = QUOTE_ROW.sub(repl, original)
        if updated != original:
            path.write_text(updated, encoding="utf-8")
            print(f"{path.name}: offsets rewritten")
    return problems


if __name__ == "__main__":
    sys.exit(1 if fix_offsets() else 0)
