"""Find a pasted passage in a source: a W3C Web Annotation TextQuoteSelector (`exact`, with
an optional `prefix` and `suffix`) resolved to code-point offsets of the source's text.

People paste what they read, not the source's bytes: curly quotes come back straight (or
the other way round), a line break becomes a space, a non-breaking space a plain one. So both
the source text and the selector are *normalised* first (quote marks, apostrophes and primes
to `'` or `"`, a run of dashes or hyphens with the whitespace around it to `-`, `…` to `...`,
every other run of whitespace to one space, soft hyphens and zero-width characters dropped), and the normalised text keeps a map back to the source's
own code points: the span found is the source's characters, whatever was pasted. Case stays
significant (a match that differs only in case is offered as a candidate, not taken).

Offsets are Unicode code points (Python `str` indices), not UTF-16 units or bytes.

Pure Python, no I/O.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

# How much text either side of a candidate its `context` shows, and how many candidates an
# error lists at most.
CONTEXT = 30
MAX_CANDIDATES = 20
# A candidate's context shows a longer match with its middle elided.
_CONTEXT_MATCH = 80

# ‘ ’ ‚ ‛ ′ ‵ ʼ ` ´
_SINGLE = "\u2018\u2019\u201a\u201b\u2032\u2035\u02bc\u0060\u00b4"
# “ ” „ ‟ ″ ‶ « » 〝 〞 ＂
_DOUBLE = "\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb\u301d\u301e\uff02"
# ‐ ‑ ‒ – — ― − ﹘ ﹣ －
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_DROPPED = "\u00ad\u200b\u200c\u200d\u2060\ufeff"  # soft hyphen, zero-width characters

_FOLD: dict[str, str] = {
    **dict.fromkeys(_SINGLE, "'"),
    **dict.fromkeys(_DOUBLE, '"'),
    **dict.fromkeys(_DASHES, "-"),
    **dict.fromkeys(_DROPPED, ""),
    "\u2026": "...",  # …
}
# What normalising changes: a run of dashes and hyphens with any whitespace around it (one
# `-`: "go—now", "go - now" and "go--now" are one); a run of whitespace (and zero-width
# characters in it, or alone: one space or nothing); one other character of _FOLD.
_SPACE = r"[\s" + re.escape(_DROPPED) + "]"
# (A lone plain space, by far the most common whitespace, is left to the plain copy.)
_CHANGED = re.compile(
    f"{_SPACE}*[{re.escape(_DASHES)}\\-]+{_SPACE}*|{_SPACE}{{2,}}|[^\\S ]"
    f"|[{re.escape(''.join(_FOLD))}]"
)


@dataclass(frozen=True)
class Candidate:
    """A place the passage (or, for an absent one, a passage differing in case) occurs."""

    start: int
    end: int
    context: str = field(compare=False)


class AnchorError(ValueError):
    """The passage is absent from the text, or occurs more than once and prefix/suffix do not
    single one out. `candidates` lists where it occurs (at most MAX_CANDIDATES of them); for
    an absent passage, where it occurs when case is ignored (`ignoring_case`)."""

    def __init__(
        self,
        message: str,
        candidates: list[Candidate] | None = None,
        *,
        ignoring_case: bool = False,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.candidates = candidates or []
        self.ignoring_case = ignoring_case


@dataclass(frozen=True)
class Normalised:
    """A text normalised, and the way back from its indexes to the original's.

    `changes` holds (normalised index, original index, normalised length, original length)
    of each place normalising changed, in order; everything between is copied unchanged."""

    text: str
    changes: list[tuple[int, int, int, int]]
    starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "starts", [c[0] for c in self.changes])

    def original_start(self, index: int) -> int:
        """The original index where the normalised character `index` begins."""
        at, inside = self._find(index)
        if at is None:
            return index
        n, o, n_len, o_len = at
        return o if inside else index - (n + n_len) + (o + o_len)

    def original_end(self, index: int) -> int:
        """The original index just after the normalised character `index - 1`."""
        if index == 0:
            return 0
        at, inside = self._find(index - 1)
        if at is None:
            return index
        n, o, n_len, o_len = at
        return o + o_len if inside else index - (n + n_len) + (o + o_len)

    def _find(self, index: int) -> tuple[tuple[int, int, int, int] | None, bool]:
        i = bisect_right(self.starts, index) - 1
        if i < 0:
            return None, False
        change = self.changes[i]
        return change, index < change[0] + change[2]


def normalise(text: str) -> Normalised:
    """`text` with quote marks, dashes and whitespace folded, and its map back."""
    pieces: list[str] = []
    changes: list[tuple[int, int, int, int]] = []
    copied = 0  # original index up to which `pieces` holds the text
    length = 0  # length of the normalised text so far
    for m in _CHANGED.finditer(text):
        start, end = m.span()
        pieces.append(text[copied:start])
        length += start - copied
        chunk = m.group()
        if any(c == "-" or c in _DASHES for c in chunk):
            replacement = "-"
        elif len(chunk) == 1 and chunk in _FOLD:
            replacement = _FOLD[chunk]
        else:  # whitespace, perhaps with zero-width characters; or zero-width ones alone
            replacement = " " if any(c.isspace() for c in chunk) else ""
        if replacement != chunk:
            changes.append((length, start, len(replacement), end - start))
        pieces.append(replacement)
        length += len(replacement)
        copied = end
    pieces.append(text[copied:])
    return Normalised("".join(pieces), changes)


def _selector(value: str) -> str:
    return normalise(value).text.strip(" ")


def anchor(
    text: str, *, exact: str, prefix: str | None = None, suffix: str | None = None
) -> tuple[int, int]:
    """(start, end) in code points of the one place of `text` where `exact` occurs, tolerant
    of quote marks, dashes and whitespace; `prefix` / `suffix` (the text just before / after,
    whitespace between allowed) choose among several. The span is the source's own
    characters without the whitespace around the passage. AnchorError when the passage is
    absent or ambiguous."""
    source = normalise(text)
    wanted = _selector(exact)
    if not wanted:
        raise AnchorError("`exact` has no text besides whitespace")
    before = _selector(prefix) if prefix else ""
    after = _selector(suffix) if suffix else ""

    found = list(_occurrences(source.text, wanted))
    if not found:
        raise _absent(text, source, wanted)
    fitting = [
        (s, e)
        for s, e in found
        if _has_prefix(source.text, s, before) and _has_suffix(source.text, e, after)
    ]
    if len(fitting) == 1:
        return _span(text, source, *fitting[0])
    spans = [_span(text, source, s, e) for s, e in (fitting or found)]
    given = " and ".join(name for name, value in (("prefix", before), ("suffix", after)) if value)
    if not fitting:
        message = (
            f"the passage occurs {_times(len(found))} in the source, but never with the "
            f"given {given}"
        )
    else:
        message = f"the passage occurs {_times(len(fitting))} in the source" + (
            f" with the given {given}" if given else ""
        )
        message += "; give a `prefix` or `suffix` (the text just before or after it) to choose"
    if len(spans) > MAX_CANDIDATES:
        message += f" (the first {MAX_CANDIDATES} are listed)"
    raise AnchorError(message, [_candidate(text, s, e) for s, e in spans[:MAX_CANDIDATES]])


def _span(text: str, source: Normalised, start: int, end: int) -> tuple[int, int]:
    """The original span of a normalised one, without whitespace at its ends (a dash at an
    end of the passage stands for the whitespace around it too)."""
    start, end = source.original_start(start), source.original_end(end)
    while start < end and (text[start].isspace() or text[start] in _DROPPED):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _DROPPED):
        end -= 1
    return start, end


def _occurrences(haystack: str, needle: str):
    """Every (start, end) of `needle` in `haystack`, overlapping ones too."""
    at = haystack.find(needle)
    while at != -1:
        yield at, at + len(needle)
        at = haystack.find(needle, at + 1)


def _has_prefix(haystack: str, start: int, prefix: str) -> bool:
    if not prefix:
        return True
    if start > 0 and haystack[start - 1] == " ":
        start -= 1  # whitespace between the prefix and the passage
    return haystack.endswith(prefix, 0, start)


def _has_suffix(haystack: str, end: int, suffix: str) -> bool:
    if not suffix:
        return True
    if haystack[end : end + 1] == " ":
        end += 1
    return haystack.startswith(suffix, end)


def _absent(text: str, source: Normalised, wanted: str) -> AnchorError:
    pattern = re.compile(re.escape(wanted), re.IGNORECASE)
    spans = [_span(text, source, *m.span()) for m in pattern.finditer(source.text)]
    if not spans:
        return AnchorError("the passage does not occur in the source")
    return AnchorError(
        "the passage does not occur in the source; it does when case is ignored (case is "
        f"significant), {_times(len(spans))}: copy the source's capitals",
        [_candidate(text, s, e) for s, e in spans[:MAX_CANDIDATES]],
        ignoring_case=True,
    )


def _candidate(text: str, start: int, end: int) -> Candidate:
    match = text[start:end]
    if len(match) > _CONTEXT_MATCH:
        half = _CONTEXT_MATCH // 2
        match = f"{match[:half]}…{match[-half:]}"
    context = text[max(0, start - CONTEXT) : start] + match + text[end : end + CONTEXT]
    return Candidate(start, end, context)


def _times(count: int) -> str:
    return "once" if count == 1 else "twice" if count == 2 else f"{count} times"
