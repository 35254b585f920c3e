"""Cut a source's text into sentences and say, for each, who speaks and how it argues.

A suggestion layer for an analyst mapping an article (nothing is written):

- **sentences**, from pysbd, with code-point offsets (Python `str` indices) into the
  source's text, trimmed of surrounding whitespace: the gaps between segments are
  whitespace only. A blank line always ends a segment (each paragraph is segmented alone);
  pysbd ends one at a single line break too.
- **attributions**: reported speech ("X said", "said X", "according to X", "X's statement",
  the verbs of `SPEECH_VERBS`) and quoted passages in double quotation marks, straight or
  curly (of four words or more, or with sentence punctuation: not a title or a scare
  quote; single quotes are left alone, being apostrophes too), given to the nearest named
  speaker in the sentence (outside the quotation) or else the last one of the previous
  sentence. Names resolve to known people by `name` and `aliases`, their last word alone
  too, case-insensitively (a one-word form only where the text capitalises it: "Price
  said", not "the price"); an ambiguous last name ("Clinton") goes to whichever of its
  people the text last named in full, else to nobody; a name that is no one's exactly may
  still match a several-word name or alias closely (rapidfuzz). "he said" is reported with
  no person; "the secretary said" is not reported.
- **discourse markers** (`MARKERS`) that signal support or attack, whole words only.
- **quotes** of the map that overlap the segment, with the statement each expresses.

pysbd's spans are not taken on trust. It replaces a few characters of its own internally
(`∯`, `♨`, `ȸ` …; `_PYSBD_RESERVED`), and a sentence holding one of them comes back altered,
finds no span and is dropped; and it finds each sentence's span by searching the whole text
again from its start (quadratic in the text's length). So pysbd reads a copy of each
paragraph with those characters masked (same length), spans are searched forwards only,
and a segment boundary is kept only where the span it comes from is verbatim in the text:
whatever pysbd gets wrong, no text is lost and every segment is `text[start:end]`.

Pure Python, no I/O.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

import pysbd
from pysbd.utils import TextSpan
from rapidfuzz import fuzz, process

from argmap.models import (
    Attribution,
    DiscourseMarker,
    MarkerSignal,
    Segment,
    SegmentQuote,
)

# --- discourse markers ---------------------------------------------------------------------
# The words and phrases that signal that a segment supports or attacks what comes before it
# (argument-mining indicator lists, e.g. Stab & Gurevych 2017, cut to what news prose uses).
# Matched as whole words, case-insensitively; a space in a phrase matches any whitespace.
# `_NOT_A_MARKER` drops the readings that do not argue: temporal "since" ("since 2014",
# "has … since"), temporal "yet" ("not yet", "yet to"), additive "but also".
MARKERS: dict[MarkerSignal, tuple[str, ...]] = {
    MarkerSignal.SUPPORT: (
        "because",
        "since",  # causal only, see _NOT_A_MARKER
        "therefore",
        "thus",
        "so that",
        "as a result",
        "for example",
        "indeed",
        "which shows",
    ),
    MarkerSignal.ATTACK: (
        "but",
        "however",
        "although",
        "yet",
        "nevertheless",
        "on the other hand",
        "disputed",
        "denied",
        "rejected",
        "not the case",
        "contrary to",
        "on the contrary",
        "false",
        "wrong",
    ),
}
_MONTHS = "january february march april may june july august september october november december"
_NOT_A_MARKER: dict[str, tuple[re.Pattern[str] | None, re.Pattern[str] | None]] = {
    # marker: (what the text before it ends with, what the text after it starts with)
    "since": (
        re.compile(r"(?:\b(?:ever|long)|\b(?:has|have|had)\b(?:\W+\w+){0,6})\W*$", re.IGNORECASE),
        re.compile(
            rf"^\W*(?:\d|(?:then|when|last|early|late|{_MONTHS.replace(' ', '|')})\b)",
            re.IGNORECASE,
        ),
    ),
    "yet": (
        re.compile(r"\b(?:not|as|n't|n’t)\W*$", re.IGNORECASE),
        re.compile(r"^\W*(?:to|again)\b", re.IGNORECASE),
    ),
    "but": (None, re.compile(r"^\s+also\b", re.IGNORECASE)),
}

# --- reported speech -----------------------------------------------------------------------
# "X said", "said X": the verbs that report speech, in the forms news prose uses.
SPEECH_VERBS = frozenset(
    "says said tells told writes wrote argues argued claims claimed adds added notes noted "  # noqa: SIM905
    "asks asked replies replied insists insisted warns warned denies denied".split()
)
ACCORDING_TO = "according to"
STATEMENT_CUE = "statement"
QUOTATION_CUE = "quotation marks"
# Between a speaker and the verb: "Putin previously said", "Blinken has also said".
_BETWEEN = frozenset(
    "also once then later has had have did would will again still".split()  # noqa: SIM905
)
_PRONOUNS = frozenset({"he", "she", "they"})
# Capitalised words that begin a sentence or a date rather than a name.
_NOT_NAMES = frozenset(
    (
        "the a an this that these those it its i we you he she they there here what who which "
        "when where why how but and or so then if also in on at as after before while "
        "monday tuesday wednesday thursday friday saturday sunday " + _MONTHS
    ).split()
)
_CONNECTORS = frozenset({"of", "the", "de", "da", "van", "von", "bin", "al", "le", "la"})
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st gen sen rep gov pres prof jr sr lt col sgt".split()  # noqa: SIM905
)
# A quoted passage is speech, not a title or a scare quote ("The Late Show", "modern
# Hitler"), when it has this many words or sentence punctuation.
_SPEECH_WORDS = 4
FUZZY_NAME_SCORE = 88  # rapidfuzz ratio (0..100) for a several-word name that is no one's exactly

_WORD = re.compile(r"\w+(?:[’'\-.]\w+)*\.?")
_NAME_WORD = re.compile(r"\w+")  # where a known name may begin: "O" of "O’Doracopoulos"
_APOSTROPHES = "'’ʼ‘"
_OPEN_QUOTES, _STRAIGHT_QUOTE = "“„«", '"'  # and the closing ” »
_QUOTE_MARK = re.compile(r'[“„«”»"]')
_SPACES = re.compile(r"[ \t\u00a0]+")
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")  # a blank line (only whitespace on it)

# Characters pysbd uses as placeholders while it segments: a sentence holding one comes back
# altered (and unplaced), so pysbd reads them masked.
_PYSBD_RESERVED = "∯♟♝ǃ♨☝ƪᓴᓷ✂☏ȸȹ☉☈☇☄∮ᓰᓱᓳᓸ⎋⌬♬♭"
_MASK = str.maketrans(dict.fromkeys(_PYSBD_RESERVED, "_"))


# --- sentences -----------------------------------------------------------------------------


class _Segmenter(pysbd.Segmenter):
    """pysbd, placing each sentence by a forward search from where the last one ended
    (pysbd searches the whole text from its start for each sentence)."""

    def sentences_with_char_spans(self, sentences: list[str]) -> list[TextSpan]:
        spans, position, text = [], 0, self.original_text
        for sentence in sentences:
            # str.find, not a regex per sentence (those would crowd pysbd's own out of re's cache)
            if sentence and (found := text.find(sentence, position)) >= 0:
                end = found + len(sentence)
                while end < len(text) and text[end].isspace():
                    end += 1
                spans.append(TextSpan(text[found:end], found, end))
                position = end
        return spans


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence of `text`, in order, trimmed of whitespace; a blank line
    always ends one. The gaps between them are whitespace only."""
    segmenter = _Segmenter(language="en", clean=False, char_span=True)
    spans: list[tuple[int, int]] = []
    start = 0
    for brk in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = brk.start() if brk else len(text)
        spans += _paragraph(segmenter, text, start, end)
        start = brk.end() if brk else len(text)
    return spans


def _paragraph(
    segmenter: pysbd.Segmenter, text: str, start: int, end: int
) -> list[tuple[int, int]]:
    paragraph = text[start:end]
    if not paragraph.strip():
        return []
    masked = paragraph.translate(_MASK)
    # A boundary only where pysbd's sentence is verbatim at its span, after the last one.
    cuts, last = {0, len(paragraph)}, 0
    for span in segmenter.segment(masked):
        if span.start >= last and masked[span.start : span.end] == span.sent:
            cuts.update((span.start, span.end))
            last = span.end
    bounds = sorted(cuts)
    return [
        (
            start + a + (len(piece) - len(piece.lstrip())),
            start + b - (len(piece) - len(piece.rstrip())),
        )
        for a, b in pairwise(bounds)
        if (piece := paragraph[a:b]).strip()
    ]


# --- people --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    text: str
    person: str | None


def _fold(name: str) -> str:
    """A name compared: case-folded, one kind of apostrophe, single spaces."""
    for mark in _APOSTROPHES:
        name = name.replace(mark, "'")
    return " ".join(name.casefold().split())


def _forms(name: str) -> list[str]:
    """A name or alias as the text may give it: whole, without a parenthesis, the
    parenthesis ("Russian government (the Kremlin)"), and its last word alone."""
    base = re.sub(r"\s*\([^)]*\)", "", name).strip()
    inner = [i.strip() for i in re.findall(r"\(([^)]*)\)", name) if any(c.isupper() for c in i)]
    forms = [name.strip(), base, *inner]
    for form in [base, *inner]:
        words = form.split()
        if len(words) > 1 and words[-1][:1].isupper() and len(words[-1]) >= 3:
            forms.append(words[-1])
    return [f for f in dict.fromkeys(forms) if f]


class People:
    """Known people's names and aliases, found in a text and resolved to person ids."""

    def __init__(self, people: Iterable[Mapping[str, Any]]) -> None:
        self.ids: dict[str, set[str]] = {}  # folded form -> ids
        for person in people:
            for name in [person["name"], *(person.get("aliases") or [])]:
                for form in _forms(name):
                    self.ids.setdefault(_fold(form), set()).add(person["id"])
        # several-word forms of one person, for a close match of a name no one has exactly
        self.full = {f: next(iter(i)) for f, i in self.ids.items() if " " in f and len(i) == 1}
        # each form by its first word, longest first: a text is read word by word
        self.by_first: dict[str, list[str]] = {}
        for form in sorted(self.ids, key=len, reverse=True):
            if first := _NAME_WORD.match(form):
                self.by_first.setdefault(first.group(), []).append(form)
        self.patterns: dict[str, re.Pattern[str]] = {}  # compiled when first needed

    def _pattern(self, form: str) -> re.Pattern[str]:
        if (pattern := self.patterns.get(form)) is None:
            words = (re.sub("'", f"[{_APOSTROPHES}]", re.escape(w)) for w in form.split(" "))
            pattern = re.compile(r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)
            self.patterns[form] = pattern
        return pattern

    def mentions(self, text: str) -> list[_Mention]:
        """Every known name in `text`, the longest where several begin at one word; an
        ambiguous one resolved to whichever of its people the text last named unambiguously."""
        found: list[_Mention] = []
        last_seen: dict[str, int] = {}
        for word in _NAME_WORD.finditer(text):
            if found and word.start() < found[-1].end:
                continue
            for form in self.by_first.get(word.group().casefold(), ()):
                if match := self._pattern(form).match(text, word.start()):
                    break
            else:
                continue
            said = match.group()
            if " " not in _fold(said) and not said[:1].isupper():
                continue  # "the price", not Price
            ids = self.ids.get(_fold(said))
            if not ids:
                continue
            if len(ids) == 1:
                person = next(iter(ids))
                last_seen[person] = match.start()
            else:
                seen = [(last_seen[i], i) for i in ids if i in last_seen]
                person = max(seen)[1] if seen else None
            found.append(_Mention(match.start(), match.end(), said, person))
        return found

    def closest(self, name: str) -> str | None:
        """The person whose several-word name or alias `name` is close to, if any."""
        if len(name.split()) < 2 or not self.full:
            return None
        best = process.extractOne(
            _fold(name), self.full.keys(), scorer=fuzz.ratio, score_cutoff=FUZZY_NAME_SCORE
        )
        return self.full[best[0]] if best else None


# --- one segment ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    text: str

    @property
    def bare(self) -> str:
        return self.text.rstrip(".")

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def closes(self) -> bool:
        """Ends with a full stop that is not an abbreviation's ("U.S.", "Mr.")."""
        return (
            self.text.endswith(".")
            and "." not in self.bare
            and self.bare.casefold() not in _ABBREVIATIONS
        )


def _joined(text: str, left: _Token, right: _Token) -> bool:
    """Two words next to each other on one line, nothing but spaces between."""
    return bool(_SPACES.fullmatch(text, left.end, right.start))


def _run(text: str, tokens: list[_Token], i: int, step: int) -> tuple[int, int] | None:
    """[start, end) of the capitalised name that token i begins (step 1) or ends (step -1):
    "US Secretary of State Antony Blinken"; None when token i begins no name."""
    words: list[_Token] = []
    j = i
    while 0 <= j < len(tokens):
        token = tokens[j]
        if words and not _joined(text, *sorted((words[-1], token), key=lambda t: t.start)):
            break
        if token.capitalised:
            if step < 0 and words and token.closes:
                break
            words.append(token)
            if step > 0 and token.closes:
                break
        elif token.text.casefold() in _CONNECTORS and words:
            words.append(token)
        else:
            break
        j += step
    words.sort(key=lambda t: t.start)
    while words and (
        words[0].bare.casefold() in _NOT_NAMES | _CONNECTORS or not words[0].capitalised
    ):
        words.pop(0)
    while words and not words[-1].capitalised:
        words.pop()
    if not words:
        return None
    start, end = words[0].start, words[-1].end
    if words[-1].closes:
        end -= 1
    return start, end


@dataclass
class _Speaker:
    start: int
    end: int
    text: str
    person: str | None
    named: bool = True  # a name, not a pronoun


class _Reader:
    """Reads a source, segment by segment, for who speaks (offsets in source coordinates)."""

    def __init__(self, text: str, people: People) -> None:
        self.text, self.people = text, people
        self.mentions = people.mentions(text)
        self.mention_starts = [m.start for m in self.mentions]

    def mentions_in(self, start: int, end: int) -> list[_Mention]:
        """The known names that overlap [start, end) ("The Kremlin" for "Kremlin")."""
        i = bisect_left(self.mention_starts, start)
        if i > 0 and self.mentions[i - 1].end > start:
            i -= 1
        found = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            found.append(self.mentions[i])
            i += 1
        return found

    def speaker(self, start: int, end: int) -> _Speaker:
        """Who the name at [start, end) is: its last known name ("US Secretary of State
        Antony Blinken" -> Antony Blinken), else a close several-word name, else nobody."""
        if known := self.mentions_in(start, end):
            m = known[-1]
            return _Speaker(m.start, m.end, m.text, m.person)
        name = self.text[start:end]
        words = list(_WORD.finditer(name))
        for k in range(len(words) - 1):  # the longest tail first
            tail = name[words[k].start() :]
            if person := self.people.closest(tail):
                return _Speaker(start + words[k].start(), end, tail, person)
        return _Speaker(start, end, name, None)

    def read(
        self, start: int, end: int
    ) -> tuple[list[tuple[str, _Speaker]], list[tuple[int, int]]]:
        """The cue-speaker pairs of reported speech in [start, end), and the quoted passages
        that read as speech."""
        text = self.text
        tokens = [_Token(m.start(), m.end(), m.group()) for m in _WORD.finditer(text, start, end)]
        found: list[tuple[str, _Speaker]] = []
        for i, token in enumerate(tokens):
            word = token.bare.casefold()
            if word in SPEECH_VERBS:
                found += self._verb(tokens, i, word)
            elif word in ("statement", "statements") and i > 0:
                owner = tokens[i - 1]
                if (
                    len(owner.text) > 2
                    and owner.text[-2] in _APOSTROPHES
                    and owner.text[-1] in "sS"
                ):
                    trimmed = [
                        *tokens[: i - 1],
                        _Token(owner.start, owner.end - 2, owner.text[:-2]),
                    ]
                    if _joined(text, owner, token) and (name := _run(text, trimmed, i - 1, -1)):
                        found.append((STATEMENT_CUE, self.speaker(*name)))
        for cue in re.finditer(r"(?<!\w)according\s+to\s+", text[start:end], re.IGNORECASE):
            after = start + cue.end()
            k = bisect_left([t.start for t in tokens], after)
            if k < len(tokens) and tokens[k].start == after and (name := _run(text, tokens, k, 1)):
                found.append((ACCORDING_TO, self.speaker(*name)))
        return found, _quoted(text, start, end)

    def _verb(self, tokens: list[_Token], i: int, verb: str) -> list[tuple[str, _Speaker]]:
        text = self.text
        # "X said", "X previously said", "he said"
        j = i - 1
        while (
            j >= 0
            and i - j <= 2
            and _joined(text, tokens[j], tokens[j + 1])
            and (
                tokens[j].text in _BETWEEN
                or (tokens[j].text.islower() and tokens[j].text.endswith("ly"))
            )
        ):
            j -= 1
        if j >= 0 and _joined(text, tokens[j], tokens[j + 1]):
            subject = tokens[j]
            if subject.text.casefold() in _PRONOUNS:
                return [(verb, _Speaker(subject.start, subject.end, subject.text, None, False))]
            if subject.capitalised and (name := _run(text, tokens, j, -1)):
                return [(verb, self.speaker(*name))]
        # ", said X" (inverted, after a clause or a quotation)
        before = text[: tokens[i].start].rstrip()
        if (
            i + 1 < len(tokens)
            and (i == 0 or before.endswith((",", "”", '"', "—", "–", ";")))
            and _joined(text, tokens[i], tokens[i + 1])
            and (name := _run(text, tokens, i + 1, 1))
        ):
            return [(verb, self.speaker(*name))]
        return []


def _quoted(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The passages of [start, end) in double quotation marks that read as speech; one left
    open runs to the segment's end, one closed without opening from its start."""
    passages, opened = [], None
    for mark in _QUOTE_MARK.finditer(text, start, end):
        at, char = mark.start(), mark.group()
        if char in _OPEN_QUOTES or (char == _STRAIGHT_QUOTE and opened is None):
            opened = at if opened is None else opened
        elif opened is not None:
            passages.append((opened, at + 1))
            opened = None
        elif not passages:
            passages.append((start, at + 1))
    if opened is not None:
        passages.append((opened, end))
    return [(a, b) for a, b in passages if _is_speech(text[a:b])]


def _is_speech(passage: str) -> bool:
    inner = passage.strip('“”„«»" ')
    return len(inner.split()) >= _SPEECH_WORDS or bool(re.search(r"[.?!,;:]", inner))


def _markers(text: str, start: int, end: int) -> list[DiscourseMarker]:
    found = []
    for match in _MARKER_PATTERN.finditer(text, start, end):
        marker = " ".join(match.group().casefold().split())
        ends_with, starts_with = _NOT_A_MARKER.get(marker, (None, None))
        if (ends_with and ends_with.search(text, start, match.start())) or (
            starts_with and starts_with.search(text[match.end() : end])
        ):
            continue
        signal = _SIGNALS[marker]
        found.append(
            DiscourseMarker(marker=marker, signal=signal, start=match.start(), end=match.end())
        )
    return found


_SIGNALS = {phrase: signal for signal, phrases in MARKERS.items() for phrase in phrases}
_MARKER_PATTERN = re.compile(
    r"(?<!\w)(?:"
    + "|".join(
        r"\s+".join(map(re.escape, phrase.split()))
        for phrase in sorted(_SIGNALS, key=len, reverse=True)
    )
    + r")(?!\w)",
    re.IGNORECASE,
)


# --- the source ----------------------------------------------------------------------------


def segment_source(
    text: str,
    *,
    people: Iterable[Mapping[str, Any]] = (),
    quotes: Sequence[Mapping[str, Any]] = (),
) -> list[Segment]:
    """The segments of a source's `text`: sentences with attributions, discourse markers and
    the map's quotes that overlap them. `people`: {id, name, aliases}; `quotes`: {id, start,
    end, statement} (one row per quote and statement it expresses; statement may be None)."""
    reader = _Reader(text, People(people))
    spans = sentence_spans(text)
    pending = sorted(quotes, key=lambda q: (q["start"], q["end"], q["id"], q["statement"] or ""))
    active: list[Mapping[str, Any]] = []
    next_quote = 0
    previous: list[_Speaker] = []
    items = []
    for index, (start, end) in enumerate(spans):
        cues, passages = reader.read(start, end)
        attributions = {(s.start, s.end, cue): (cue, s) for cue, s in cues}
        outside = [
            *(
                _Speaker(m.start, m.end, m.text, m.person)
                for m in reader.mentions_in(start, end)
                if not any(a <= m.start < b for a, b in passages)
            ),
            *(s for _, s in cues if s.named and not any(a <= s.start < b for a, b in passages)),
        ]
        for a, b in passages:
            if speaker := _nearest(outside, a, b) or (previous[-1] if previous else None):
                attributions.setdefault(
                    (speaker.start, speaker.end, QUOTATION_CUE), (QUOTATION_CUE, speaker)
                )
        previous = sorted(outside, key=lambda s: (s.end, s.start))
        # quotes: take those that start before the segment ends, drop those that ended
        while next_quote < len(pending) and pending[next_quote]["start"] < end:
            active.append(pending[next_quote])
            next_quote += 1
        active = [q for q in active if q["end"] > start]
        items.append(
            Segment(
                index=index,
                start=start,
                end=end,
                text=text[start:end],
                attributions=[
                    Attribution(speaker=s.text, person=s.person, cue=cue, start=s.start, end=s.end)
                    for (_, _, _), (cue, s) in sorted(attributions.items())
                ],
                markers=_markers(text, start, end),
                quoted_by=[
                    SegmentQuote(
                        quote=q["id"], statement=q["statement"], start=q["start"], end=q["end"]
                    )
                    for q in active
                ],
            )
        )
    return items


def _nearest(speakers: list[_Speaker], start: int, end: int) -> _Speaker | None:
    """The speaker closest to the passage [start, end); one before it wins a tie."""

    def distance(s: _Speaker) -> tuple[int, int]:
        return (start - s.end, 0) if s.end <= start else (s.start - end, 1)

    return min(speakers, key=distance, default=None)
