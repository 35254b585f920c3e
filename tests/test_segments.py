"""Segmenting a source: sentences with offsets, reported speech, discourse markers and the
map's quotes over them (`argmap.text.segments`, `GET /sources/{id}/segments`)."""

import re

import pytest
from support import WRITE_AUTH, assert_error

from argmap.models import MarkerSignal, Segment
from argmap.text.segments import MARKERS, SPEECH_VERBS, segment_source, sentence_spans

PEOPLE = [
    {"id": "blinken", "name": "Antony Blinken", "aliases": ["Anthony Blinken"]},
    {"id": "putin", "name": "Vladimir Putin", "aliases": None},
    {"id": "bill-clinton", "name": "Bill Clinton", "aliases": []},
    {"id": "hillary-clinton", "name": "Hillary Clinton", "aliases": []},
    {"id": "ned-price", "name": "Ned Price", "aliases": []},
    {"id": "kremlin", "name": "Russian government (the Kremlin)", "aliases": []},
    {
        "id": "theodoracopulos",
        "name": "Taki Theodoracopulos",
        "aliases": ["Takisi O’Doracopoulos", "Takisi O'Doracopoulos"],
    },
]
SOURCES = ("src-blinken-colbert", "src-will-russia-join-nato")


def segments(text: str, **kwargs) -> list[Segment]:
    return segment_source(text, people=PEOPLE, **kwargs)


def attributions(text: str) -> list[tuple[str, str, str | None, str]]:
    """(cue, speaker, person, the text at the speaker's offsets) of every segment."""
    return [
        (a.cue, a.speaker, a.person, text[a.start : a.end])
        for s in segments(text)
        for a in s.attributions
    ]


def assert_tiles(text: str, found: list[Segment]) -> None:
    """Each segment is its text's slice; in order, no overlap, only whitespace between."""
    assert [s.index for s in found] == list(range(len(found)))
    position = 0
    for s in found:
        assert s.text == text[s.start : s.end] and s.text == s.text.strip() and s.text
        assert s.start >= position and not text[position : s.start].strip()
        position = s.end
    assert not text[position:].strip()


# --- sentences ----------------------------------------------------------------------------


def test_offsets_are_code_points():
    text = "Emoji 😀 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 first. “Curly,” he said. Last one."
    found = segments(text)
    assert [s.text for s in found] == [
        "Emoji 😀 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 first.",
        "“Curly,” he said.",
        "Last one.",
    ]
    assert found[1].start == text.index("“") == 27  # not 35 (UTF-16 units) or 51 (UTF-8 bytes)
    assert_tiles(text, found)


def test_a_blank_line_always_ends_a_segment():
    text = "A heading with no stop\n\nFirst paragraph, one sentence\n \t\n\nSecond. Third."
    assert [s.text for s in segments(text)] == [
        "A heading with no stop",
        "First paragraph, one sentence",
        "Second.",
        "Third.",
    ]
    assert_tiles(text, segments(text))


@pytest.mark.parametrize(
    "text",
    [
        # pysbd's own placeholder characters: pysbd alone drops these sentences
        "Odd ∯ char. And ȸ here. Also ♨ and ☝ too. End.",
        "No. No. No.\n\nNo. He said no. No.",  # repeated sentences
        "  Leading spaces. Trailing spaces.   \n\n\n",
        "U.S. officials said so. Mr. Smith left at 5 p.m. yesterday. Wait... what?! Yes.",
        "\r\nWindows\r\n\r\nline ends. Here.\r\n",
    ],
)
def test_no_text_is_lost_whatever_pysbd_does(text):
    found = segments(text)
    assert_tiles(text, found)
    assert re.sub(r"\s", "", "".join(s.text for s in found)) == re.sub(r"\s", "", text)


def test_pysbd_reserved_characters_still_split_sentences():
    text = "Odd ∯ char. And ȸ here."
    assert [text[a:b] for a, b in sentence_spans(text)] == ["Odd ∯ char.", "And ȸ here."]


def test_empty_and_blank_texts_have_no_segments():
    assert segments("") == [] and segments(" \n\n \n") == []


# --- reported speech ----------------------------------------------------------------------


@pytest.mark.parametrize("verb", sorted(SPEECH_VERBS))
def test_every_speech_verb_after_a_name(verb):
    text = f"Antony Blinken {verb} that the door is open."
    assert attributions(text) == [(verb, "Antony Blinken", "blinken", "Antony Blinken")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # X said, with a title before the name and an adverb before the verb
        (
            "Secretary of State Blinken previously said it.",
            [("said", "Blinken", "blinken", "Blinken")],
        ),
        # said X, inverted after the clause, the title skipped
        (
            "Russia decided not to join, said US Secretary of State Antony Blinken, who spoke.",
            [("said", "Antony Blinken", "blinken", "Antony Blinken")],
        ),
        ("According to Blinken, it is over.", [("according to", "Blinken", "blinken", "Blinken")]),
        # X's statement, with a curly and a straight apostrophe
        ("Blinken’s statement is clear.", [("statement", "Blinken", "blinken", "Blinken")]),
        ("Blinken's statement is clear.", [("statement", "Blinken", "blinken", "Blinken")]),
        # an alias, and a name case-insensitively
        ("Anthony Blinken says so.", [("says", "Anthony Blinken", "blinken", "Anthony Blinken")]),
        ("ANTONY BLINKEN says so.", [("says", "ANTONY BLINKEN", "blinken", "ANTONY BLINKEN")]),
        # a parenthesised form of a name ("Russian government (the Kremlin)")
        ("The Kremlin denied it.", [("denied", "The Kremlin", "kremlin", "The Kremlin")]),
        # a misspelt several-word name, matched closely
        ("Anthony Blinkin wrote it.", [("wrote", "Anthony Blinkin", "blinken", "Anthony Blinkin")]),
        # a name no one has, and a pronoun: reported with no person
        ("Kiev insists it was unprovoked.", [("insists", "Kiev", None, "Kiev")]),
        ("He added that it was over.", [("added", "He", None, "He")]),
        # not a name: a common noun, a lower-case word that is someone's last name
        ("The secretary said the price was right.", []),
    ],
)
def test_reported_speech(text, expected):
    assert attributions(text) == expected


def test_an_ambiguous_last_name_goes_to_whom_the_text_last_named_in_full():
    text = (
        "Clinton said so. Bill Clinton wrote it. Then Clinton added more. "
        "Hillary Clinton denied it. Clinton said no."
    )
    assert [(a[2], a[3]) for a in attributions(text)] == [
        (None, "Clinton"),
        ("bill-clinton", "Bill Clinton"),
        ("bill-clinton", "Clinton"),
        ("hillary-clinton", "Hillary Clinton"),
        ("hillary-clinton", "Clinton"),
    ]


def test_quoted_speech_goes_to_the_nearest_named_speaker_outside_the_quotation():
    text = "Blinken continued: “Well, Putin later decided he didn’t want to do that.”"
    assert attributions(text) == [("quotation marks", "Blinken", "blinken", "Blinken")]
    straight = '"It is over now," said Ned Price, after Blinken.'
    assert attributions(straight) == [
        ("quotation marks", "Ned Price", "ned-price", "Ned Price"),
        ("said", "Ned Price", "ned-price", "Ned Price"),
    ]


def test_quoted_speech_with_no_speaker_in_its_sentence_goes_to_the_previous_one():
    text = (
        "Writing in a report, analyst Takisi O’Doracopoulos said:\n\n"
        "“For 500 years, Russia has tried to please the West.”"
    )
    found = segments(text)
    assert len(found) == 2
    [said] = found[0].attributions
    [quoted] = found[1].attributions
    assert (said.cue, said.person) == ("said", "theodoracopulos")
    assert (quoted.cue, quoted.person, quoted.start, quoted.end) == (
        "quotation marks",
        "theodoracopulos",
        said.start,
        said.end,
    )
    assert text[quoted.start : quoted.end] == "Takisi O’Doracopoulos"


def test_titles_scare_quotes_and_apostrophes_are_not_speech():
    text = (
        "Blinken appeared on “The Late Show” and called it a “modern Hitler” moment. Russia’s aim."
    )
    assert attributions(text) == []


# --- discourse markers --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "signal"),
    [(phrase, signal) for signal, phrases in MARKERS.items() for phrase in phrases],
)
def test_every_marker_is_found_as_a_whole_phrase(phrase, signal):
    text = f"The door is open. It holds, {phrase} the treaty says, Mr. Smith."
    [marker] = [m for s in segments(text) for m in s.markers]
    assert (marker.marker, marker.signal) == (phrase, signal)
    assert text[marker.start : marker.end] == phrase


def test_markers_are_case_insensitive_whole_words_across_whitespace():
    text = "HOWEVER, on the  other\thand it was butter, thusly sincere and yesterday's."
    found = [(m.marker, m.signal, text[m.start : m.end]) for s in segments(text) for m in s.markers]
    assert found == [
        ("however", MarkerSignal.ATTACK, "HOWEVER"),
        ("on the other hand", MarkerSignal.ATTACK, "on the  other\thand"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "It has been calm since 2014.",
        "Ever since the war they have argued.",
        "Russia has lived with it since the treaty.",
        "He has not yet answered.",
        "The bill has yet to pass.",
        "Not only this but also that.",
    ],
)
def test_readings_that_do_not_argue_are_not_markers(text):
    assert [m.marker for s in segments(text) for m in s.markers] == []


def test_causal_since_and_contrastive_yet_are_markers():
    text = "Since the call is possible, why not now? It is possible, yet they wait."
    found = [(m.marker, m.signal) for s in segments(text) for m in s.markers]
    assert found == [("since", MarkerSignal.SUPPORT), ("yet", MarkerSignal.ATTACK)]


# --- the map's quotes ---------------------------------------------------------------------


def test_quotes_are_listed_by_every_segment_they_overlap():
    text = "One sentence here. Two sentence here. Three sentence here."
    quotes = [
        {"id": "q-both", "start": 4, "end": 25, "statement": "s1"},  # in One and Two
        {"id": "q-both", "start": 4, "end": 25, "statement": "s2"},  # the same, another statement
        {"id": "q-link", "start": 38, "end": 43, "statement": None},  # a relation's only
        {"id": "q-touch", "start": 0, "end": 18, "statement": "s3"},  # ends where Two starts
    ]
    found = segments(text, quotes=quotes)
    listed = [[(q.quote, q.statement) for q in s.quoted_by] for s in found]
    assert listed == [
        [("q-touch", "s3"), ("q-both", "s1"), ("q-both", "s2")],
        [("q-both", "s1"), ("q-both", "s2")],
        [("q-link", None)],
    ]


# --- the API, on each engine --------------------------------------------------------------


@pytest.fixture(scope="module")
def seeded(client) -> dict[str, tuple[str, dict]]:
    """Each seeded source's text and its segments."""
    found = {}
    for source in SOURCES:
        text = client.get(f"/sources/{source}", params={"include_text": True}).json()["text"]
        response = client.get(f"/sources/{source}/segments")
        assert response.status_code == 200, response.text
        found[source] = (text, response.json())
    return found


@pytest.mark.parametrize("source", SOURCES)
def test_segments_tile_the_seeded_sources(seeded, source):
    text, page = seeded[source]
    found = [Segment.model_validate(item) for item in page["items"]]
    assert page["total"] == len(found) > 20
    assert_tiles(text, found)


def segment_with(page: dict, words: str) -> dict:
    [found] = [s for s in page["items"] if words in s["text"]]
    return found


def test_blinken_speaks_in_the_seeded_articles(seeded):
    text, page = seeded["src-blinken-colbert"]
    said = segment_with(page, "said US Secretary of State Antony Blinken, who spoke")
    assert {"speaker": "Antony Blinken", "person": "blinken", "cue": "said"} in [
        {k: a[k] for k in ("speaker", "person", "cue")} for a in said["attributions"]
    ]
    for a in said["attributions"]:
        assert text[a["start"] : a["end"]] == a["speaker"]
    assert (
        segment_with(page, "In the 1990s, Blinken said")["attributions"][0]["person"] == "blinken"
    )

    text, page = seeded["src-will-russia-join-nato"]
    continued = segment_with(page, "Blinken continued: “Well")
    [quoted] = continued["attributions"]
    assert (quoted["cue"], quoted["person"]) == ("quotation marks", "blinken")
    assert text[quoted["start"] : quoted["end"]] == "Blinken"
    # the answer with no name in its sentence goes to the one before: "See how Blinken answered—"
    answer = segment_with(page, "“You know what? In the 1990s")
    assert [(a["person"], a["speaker"]) for a in answer["attributions"]] == [("blinken", "Blinken")]
    assert answer["attributions"][0]["end"] <= answer["start"]


def test_markers_in_the_seeded_articles(seeded):
    text, page = seeded["src-blinken-colbert"]
    doors = segment_with(page, "the doors, on the contrary, are closed")
    assert [(m["marker"], m["signal"]) for m in doors["markers"]] == [
        ("on the contrary", "attack"),
        ("because", "support"),
    ]
    case = segment_with(page, "but the secretary said that was not the case")
    assert ("not the case", "attack") in [(m["marker"], m["signal"]) for m in case["markers"]]
    for m in doors["markers"] + case["markers"]:
        assert text[m["start"] : m["end"]].casefold() == m["marker"]


@pytest.mark.parametrize("source", SOURCES)
def test_quoted_by_lists_every_seeded_quote_and_its_statement(client, seeded, source):
    _, page = seeded[source]
    statements = client.get(f"/sources/{source}/statements").json()["items"]
    expected = {(q["id"], s["id"], q["start"], q["end"]) for s in statements for q in s["quotes"]}
    assert expected
    listed = set()
    for segment in page["items"]:
        for q in segment["quoted_by"]:
            assert q["start"] < segment["end"] and q["end"] > segment["start"]
            listed.add((q["quote"], q["statement"], q["start"], q["end"]))
    # every statement quote is listed by exactly the segments it overlaps
    for quote, statement, start, end in expected:
        overlapping = [s for s in page["items"] if start < s["end"] and end > s["start"]]
        assert overlapping
        for s in overlapping:
            assert {"quote": quote, "statement": statement, "start": start, "end": end} in s[
                "quoted_by"
            ]
    # the rest are quotes only relations cite
    relation_only = listed - expected
    assert relation_only and all(statement is None for _, statement, _, _ in relation_only)
    assert not {q for q, *_ in relation_only} & {q for q, *_ in expected}


def test_a_quote_over_two_sentences_is_listed_by_both(seeded):
    _, page = seeded["src-blinken-colbert"]
    quote = {
        "quote": "src-blinken-colbert-2407-2587",
        "statement": "us-closed-door-to-russia",
        "start": 2407,
        "end": 2587,
    }
    holding = [s["text"][:30] for s in page["items"] if quote in s["quoted_by"]]
    assert holding == ["The American side has spoken a", "He said that the doors, on the"]


def test_unknown_source_is_404(client):
    assert_error(client.get("/sources/no-such-source/segments"), 404, "not_found")


def test_speakers_resolve_to_people_in_the_database(writable_api):
    person = {"id": "seg-stoltenberg", "name": "Jens Stoltenberg", "aliases": ["Stoltenbergs"]}
    assert writable_api.post("/people", json=person, headers=WRITE_AUTH).status_code == 201
    source = {"id": "seg-source", "text": "Stoltenberg said NATO is open.\n\nStoltenbergs wrote."}
    assert writable_api.post("/sources", json=source, headers=WRITE_AUTH).status_code == 201
    page = writable_api.get("/sources/seg-source/segments").json()
    assert [[(a["speaker"], a["person"]) for a in s["attributions"]] for s in page["items"]] == [
        [("Stoltenberg", "seg-stoltenberg")],
        [("Stoltenbergs", "seg-stoltenberg")],
    ]
    assert all(s["quoted_by"] == [] for s in page["items"])
