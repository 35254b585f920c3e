"""Finding a pasted passage in a source (argmap.text.anchoring): pure, no engine."""

from __future__ import annotations

import pytest

from argmap.text.anchoring import MAX_CANDIDATES, AnchorError, anchor, normalise

SOURCE = (
    "Blinken continued: \u201cWell, the Russians later decided they didn\u2019t want to do "
    "that.\u201d\n\nColbert pressed, \u201cAnd then what?\u201d"
)


def span(text: str, **selector: str) -> str:
    start, end = anchor(text, **selector)
    return text[start:end]


def test_straight_quotes_find_curly_ones_and_keep_the_sources_characters():
    start, end = anchor(SOURCE, exact="\"Well, the Russians later decided they didn't want")
    assert SOURCE[start:end] == "\u201cWell, the Russians later decided they didn\u2019t want"
    assert start == SOURCE.index("\u201cWell")


def test_curly_quotes_find_straight_ones():
    text = 'He said "it\'s over" and left.'
    assert span(text, exact="\u201cit\u2019s over\u201d") == '"it\'s over"'


@pytest.mark.parametrize(
    "pasted", ["\u2018a\u2019", "\u201aa\u201b", "\u2032a\u2032", "'a'"], ids=repr
)
def test_every_single_quote_mark_is_one(pasted):
    assert span("x \u2018a\u2019 y", exact=pasted) == "\u2018a\u2019"


@pytest.mark.parametrize("mark", ["\u201c", "\u201d", "\u201e", "\u201f", "\u2033", "\u00ab"])
def test_every_double_quote_mark_is_one(mark):
    assert span('say "yes" now', exact=f"{mark}yes{mark}") == '"yes"'


def test_dashes_match_a_hyphen():
    assert span("See how Blinken answered\u2014 now", exact="answered- now") == (
        "answered\u2014 now"
    )


def test_a_line_break_pasted_as_a_space_and_the_other_way_round():
    assert span(SOURCE, exact='that." Colbert pressed') == "that.\u201d\n\nColbert pressed"
    text = "one two three"
    assert span(text, exact="one\r\n  two") == "one two"


def test_nbsp_and_tabs_are_whitespace():
    text = "a\u00a0long\tpassage\u202fhere"
    assert span(text, exact="a long passage here") == text
    assert span("a long passage", exact="a\u00a0long\u00a0passage") == "a long passage"


def test_whitespace_around_the_pasted_passage_is_not_part_of_the_span():
    text = "before\n\nthe passage\n\nafter"
    assert span(text, exact="  the passage\n") == "the passage"


def test_case_is_significant_and_a_case_insensitive_match_is_offered():
    with pytest.raises(AnchorError) as caught:
        anchor(SOURCE, exact="colbert pressed")
    assert "does not occur" in caught.value.message
    assert "case" in caught.value.message
    assert caught.value.ignoring_case
    [candidate] = caught.value.candidates
    assert SOURCE[candidate.start : candidate.end] == "Colbert pressed"
    assert "Colbert pressed" in candidate.context


def test_absent():
    with pytest.raises(AnchorError) as caught:
        anchor(SOURCE, exact="Russia joined NATO")
    assert caught.value.message == "the passage does not occur in the source"
    assert caught.value.candidates == []
    assert not caught.value.ignoring_case


def test_only_whitespace_is_no_passage():
    with pytest.raises(AnchorError, match="besides whitespace"):
        anchor(SOURCE, exact=" \n\u00a0")


def test_ambiguity_lists_every_place_with_context():
    text = "The cat sat. A dog sat. " + "x" * 50 + " The bird sat."
    with pytest.raises(AnchorError) as caught:
        anchor(text, exact="sat")
    error = caught.value
    assert "3 times" in error.message and "prefix" in error.message
    assert [(c.start, c.end) for c in error.candidates] == [
        (i, i + 3) for i in (8, 19, len(text) - 4)
    ]
    first = error.candidates[0]
    assert first.context == text[0 : 11 + 30]
    last = error.candidates[-1]
    assert last.context == text[last.start - 30 :]


def test_prefix_and_suffix_choose_and_tolerate_whitespace_and_quote_marks():
    text = "The cat sat. A dog sat.\nThe \u201cbird\u201d  sat down."
    assert anchor(text, exact="sat", prefix="dog") == (19, 22)
    assert anchor(text, exact="sat", prefix='"bird"') == (text.rindex("sat"), len(text) - 6)
    assert anchor(text, exact="sat", suffix="down") == (text.rindex("sat"), len(text) - 6)
    assert anchor(text, exact="sat", suffix=". The") == (19, 22)
    assert anchor(text, exact="sat", prefix="The cat ", suffix=".") == (8, 11)


def test_a_prefix_that_fits_no_occurrence_is_an_error_listing_them_all():
    text = "The cat sat. A dog sat."
    with pytest.raises(AnchorError) as caught:
        anchor(text, exact="sat", prefix="bird")
    assert "never with the given prefix" in caught.value.message
    assert len(caught.value.candidates) == 2


def test_a_prefix_that_still_fits_twice_is_ambiguous():
    text = "a dog sat. a dog sat."
    with pytest.raises(AnchorError) as caught:
        anchor(text, exact="sat", prefix="dog")
    assert "twice" in caught.value.message
    assert len(caught.value.candidates) == 2


def test_the_prefix_must_end_where_the_passage_starts():
    # "dog" occurs before both; only the first is right before the passage
    text = "dog sat. a dog and cat sat."
    assert anchor(text, exact="sat", prefix="dog") == (4, 7)


def test_candidates_are_capped():
    text = "ab " * 100
    with pytest.raises(AnchorError) as caught:
        anchor(text, exact="ab")
    assert "100 times" in caught.value.message
    assert f"first {MAX_CANDIDATES}" in caught.value.message
    assert len(caught.value.candidates) == MAX_CANDIDATES


def test_offsets_are_code_points_beyond_the_bmp():
    text = "\U0001f600\U0001f680 rocket: \u201cto the moon\u201d"
    start, end = anchor(text, exact='"to the moon"')
    assert (start, end) == (11, 24)  # code points: UTF-16 would say 13, UTF-8 bytes 17
    assert text[start:end] == "\u201cto the moon\u201d"
    assert len(text[:start].encode("utf-16-le")) // 2 == 13


def test_an_emoji_in_the_passage():
    text = "go \U0001f680 now, then \U0001f680 later"
    assert anchor(text, exact="\U0001f680 later") == (text.rindex("\U0001f680"), len(text))


def test_ellipsis_and_zero_width_characters():
    text = "and so\u2026 it goes; so\u00adcial"
    assert span(text, exact="so... it goes") == "so\u2026 it goes"
    assert span(text, exact="social") == "so\u00adcial"


def test_normalise_maps_back_to_the_original():
    text = "a\u2014\u2014b  \u201cc\u201d\u2026d"
    norm = normalise(text)
    assert norm.text == 'a-b "c"...d'  # a run of dashes is one
    back = [text[norm.original_start(i) : norm.original_end(i + 1)] for i in range(len(norm.text))]
    assert back == ["a", "\u2014\u2014", "b", "  ", "\u201c", "c", "\u201d"] + ["\u2026"] * 3 + [
        "d"
    ]
    assert norm.original_end(len(norm.text)) == len(text)


def test_a_dash_with_or_without_spaces_around_it():
    text = "We\u2019ll go\u2014now, or go \u2013 later."
    assert span(text, exact="We'll go - now") == "We\u2019ll go\u2014now"
    assert span(text, exact="go--later") == "go \u2013 later"
    # a dash at the end of the passage: the span stops at the dash
    assert span("answered\u2014\n\n\u201cYes\u201d", exact="answered -") == "answered\u2014"
