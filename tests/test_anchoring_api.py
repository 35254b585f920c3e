"""Quoting by text (issue #15): quotes given by their words (`exact`, `prefix`, `suffix`) on
POST /quotes, inline in POST /statements, in a relation's `quotes`, and in an import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support import WRITE_AUTH as AUTH
from support import assert_error

from argmap.catalog import Query

COMMENTARY = "src-will-russia-join-nato"
COMMENTARY_TEXT = (
    Path(__file__).parents[1] / "seeds" / "articles" / "004_2f6544d741bed8bb.txt"
).read_text(encoding="utf-8")
# As a reader pastes it: straight quotes, a hyphen for the em dash, the paragraph break gone.
PASTED = 'See how Blinken answered- "You know what? In the 1990s, people did talk about it."'
# The source's own characters for it.
FOUND = (
    "See how Blinken answered\u2014\n\n\u201cYou know what? In the 1990s, people did talk "
    "about it.\u201d"
)
EMOJI_TEXT = "\U0001f600\U0001f680 Launch day. The rocket \u201cwill fly\u201d, she said."


def post(api, url, body):
    return api.post(url, json=body, headers=AUTH)


def counts(api) -> dict:
    rows = api.portal.call(api.app.state.store.read, api.app.state.catalog(Query.ADMIN_COUNTS))
    return {(r["kind"], r["name"]): r["count"] for r in rows}


def quote_of(api, id: str) -> dict | None:
    """The stored quote (with its source and the statements and links that have it)."""
    rows = api.portal.call(
        api.app.state.store.read,
        "MATCH (q:Quote {id: $id})-[:IN]->(src:Source) "
        "RETURN q {.id, .quote, .start, .end, .note, source: src.id, "
        "statements: [(s:Statement)-[:HAS_QUOTE]->(q) | s.id], "
        "links: [(l:Link)-[:HAS_QUOTE]->(q) | l.id]} AS quote",
        {"id": id},
    )
    return rows[0]["quote"] if rows else None


@pytest.fixture(scope="module")
def api(writable_api):
    for sid, role in (("an-a", "Claim"), ("an-b", "Position")):
        created = post(writable_api, "/statements", {"id": sid, "role": role, "text": sid})
        assert created.status_code == 201, created.text
    created = post(writable_api, "/sources", {"id": "an-emoji", "text": EMOJI_TEXT})
    assert created.status_code == 201, created.text
    return writable_api


def test_the_seeded_commentary_has_what_the_tests_paste():
    assert COMMENTARY_TEXT.count(FOUND) == 1
    assert PASTED not in COMMENTARY_TEXT


def test_a_quote_by_its_words_stores_the_sources_characters(api):
    response = post(
        api, "/quotes", {"statement": "an-a", "source": COMMENTARY, "exact": PASTED, "note": "n"}
    )
    assert response.status_code == 201, response.text
    start = COMMENTARY_TEXT.index(FOUND)
    end = start + len(FOUND)
    assert response.json() == {
        "id": f"{COMMENTARY}-{start}-{end}",
        "source": COMMENTARY,
        "quote": FOUND,
        "start": start,
        "end": end,
        "note": "n",
    }
    stored = quote_of(api, f"{COMMENTARY}-{start}-{end}")
    assert stored["quote"] == COMMENTARY_TEXT[stored["start"] : stored["end"]] == FOUND
    assert stored["statements"] == ["an-a"]


def test_offsets_are_code_points(api):
    response = post(api, "/quotes", {"source": "an-emoji", "exact": '"will fly"'})
    assert response.status_code == 201, response.text
    quote = response.json()
    assert (quote["start"], quote["end"]) == (26, 36)  # UTF-16 units would be 28, 38
    assert quote["quote"] == EMOJI_TEXT[26:36] == "\u201cwill fly\u201d"
    assert quote_of(api, quote["id"])["quote"] == "\u201cwill fly\u201d"


def test_an_ambiguous_passage_lists_its_candidates_then_a_prefix_resolves_it(api):
    before = counts(api)
    body = {"source": COMMENTARY, "exact": "Kobel"}
    body_json = assert_error(post(api, "/quotes", body), 422, "invalid")
    assert "3 times" in body_json["message"] and "prefix" in body_json["message"]
    candidates = body_json["details"]
    assert [(c["start"], c["end"]) for c in candidates] == [(i, i + 5) for i in (761, 1022, 3562)]
    for candidate in candidates:
        assert candidate["location"] == "body.exact"
        assert candidate["message"]
        assert "Kobel" in candidate["context"] and len(candidate["context"]) <= 5 + 60
        assert COMMENTARY_TEXT[candidate["start"] : candidate["end"]] == "Kobel"
    assert counts(api) == before

    resolved = post(api, "/quotes", {**body, "prefix": "Is ", "suffix": "an open mind"})
    assert resolved.status_code == 201, resolved.text
    assert (resolved.json()["start"], resolved.json()["end"]) == (1022, 1027)


def test_an_absent_passage_writes_nothing(api):
    before = counts(api)
    body = {"statement": "an-a", "source": COMMENTARY, "exact": "Russia joined NATO in 1997"}
    error = assert_error(post(api, "/quotes", body), 422, "invalid")
    assert "does not occur" in error["message"]
    assert "details" not in error
    # differing in case only: said so, and offered
    lower = {**body, "exact": "see how blinken answered"}
    error = assert_error(post(api, "/quotes", lower), 422, "invalid")
    assert "case" in error["message"]
    [candidate] = error["details"]
    assert candidate["start"] == COMMENTARY_TEXT.index("See how Blinken answered")
    assert counts(api) == before


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"exact": "Kobel", "quote": "Kobel", "start": 761, "end": 766}, "not both"),
        ({"exact": "Kobel", "start": 761}, "not both"),
        ({"prefix": "Is "}, "go with `exact`"),
        ({"quote": "Kobel", "start": 761}, "missing `end`"),
        ({}, "missing `quote`, `start`, `end`"),
        ({"exact": "Kobel", "prefix": "x" * 501}, "body.prefix"),
    ],
)
def test_one_form_or_the_other(api, body, message):
    error = assert_error(post(api, "/quotes", {"source": COMMENTARY, **body}), 422, "invalid")
    assert message in error["message"]


def test_offsets_still_work(api):
    start = COMMENTARY_TEXT.index("Blinken continued")
    body = {"source": COMMENTARY, "quote": "Blinken continued", "start": start, "end": start + 17}
    assert post(api, "/quotes", body).status_code == 201
    wrong = assert_error(post(api, "/quotes", {**body, "quote": "Blinken said"}), 422, "invalid")
    assert "not verbatim" in wrong["message"]


def test_a_statement_with_its_quotes(api):
    start = COMMENTARY_TEXT.index("Colbert pressed")
    body = {
        "id": "an-quoted",
        "role": "Claim",
        "text": "Colbert asked what followed.",
        "quotes": [
            {"source": COMMENTARY, "exact": 'Colbert pressed, "And then what?"', "note": "asked"},
            {"source": "an-emoji", "quote": "Launch day.", "start": 3, "end": 14},
        ],
    }
    created = post(api, "/statements", body)
    assert created.status_code == 201, created.text
    quotes = sorted(created.json()["quotes"], key=lambda q: q["source"])
    end = start + len("Colbert pressed, \u201cAnd then what?\u201d")
    assert quotes == [
        {
            "id": "an-emoji-3-14",
            "source": "an-emoji",
            "quote": "Launch day.",
            "start": 3,
            "end": 14,
            "note": None,
        },
        {
            "id": f"{COMMENTARY}-{start}-{end}",
            "source": COMMENTARY,
            "quote": COMMENTARY_TEXT[start:end],
            "start": start,
            "end": end,
            "note": "asked",
        },
    ]


@pytest.mark.parametrize(
    ("quote", "status", "error", "message"),
    [
        ({"source": COMMENTARY, "exact": "Kobel"}, 422, "invalid", "3 times"),
        ({"source": COMMENTARY, "exact": "not in the text at all"}, 422, "invalid", "not occur"),
        ({"source": "an-no-such-source", "exact": "Kobel"}, 404, "not_found", "an-no-such"),
        (
            {"source": "an-emoji", "quote": "Launch", "start": 0, "end": 6},
            422,
            "invalid",
            "not verbatim",
        ),
    ],
)
def test_a_statement_whose_quote_cannot_be_placed_is_not_written(
    api, quote, status, error, message
):
    before = counts(api)
    body = {"id": "an-unplaced", "role": "Claim", "text": "x", "quotes": [quote]}
    answer = assert_error(post(api, "/statements", body), status, error)
    assert message in answer["message"]
    assert counts(api) == before
    assert api.get("/statements/an-unplaced").status_code == 404


def test_an_edge_citing_a_passage_by_its_words_creates_the_quote(api):
    before = counts(api)
    selector = {"source": COMMENTARY, "exact": "Kobel", "prefix": "Is", "suffix": "'s brain"}
    body = {
        "source": "an-a",
        "target": "an-b",
        "type": "SUPPORTS",
        "basis": "stated",
        "quotes": [selector],
    }
    created = post(api, "/edges", body)
    assert created.status_code == 201, created.text
    quote_id = f"{COMMENTARY}-761-766"
    assert [q["id"] for q in created.json()["quotes"]] == [quote_id]
    stored = quote_of(api, quote_id)
    assert stored["quote"] == "Kobel" and stored["statements"] == []
    assert stored["links"] == ["an-a~supports~an-b"]
    after = counts(api)
    assert after[("label", "Quote")] == before[("label", "Quote")] + 1

    # The same words again (an existing quote now) and an id: no new quote, none stale.
    other = f"{COMMENTARY}-1022-1027"
    post(api, "/quotes", {"source": COMMENTARY, "exact": "Kobel", "prefix": "Is", "suffix": "an"})
    quotes_before = counts(api)[("label", "Quote")]
    again = post(api, "/edges", {**body, "quotes": [selector, other]})
    assert again.status_code == 201, again.text
    assert sorted(q["id"] for q in again.json()["quotes"]) == sorted([quote_id, other])
    assert counts(api)[("label", "Quote")] == quotes_before

    # PATCH with words only: the id given before is dropped, the words' quote kept.
    patched = api.patch("/edges/an-a~supports~an-b", json={"quotes": [selector]}, headers=AUTH)
    assert patched.status_code == 200, patched.text
    assert [q["id"] for q in patched.json()["quotes"]] == [quote_id]
    assert quote_of(api, quote_id)["links"] == ["an-a~supports~an-b"]


def test_relation_quotes_by_words_that_cannot_be_placed(api):
    before = counts(api)
    base = {"source": "an-b", "target": "an-a", "type": "REFUTES", "basis": "stated"}
    ambiguous = post(api, "/edges", {**base, "quotes": [{"source": COMMENTARY, "exact": "Kobel"}]})
    error = assert_error(ambiguous, 422, "invalid")
    assert [d["location"] for d in error["details"]] == ["body.quotes.0.exact"] * 3
    twice = post(
        api,
        "/edges",
        {
            **base,
            "quotes": [
                {"source": COMMENTARY, "exact": "Kobel", "suffix": "'s brain"},
                f"{COMMENTARY}-761-766",
            ],
        },
    )
    assert "twice" in assert_error(twice, 422, "invalid")["message"]
    assert counts(api) == before
    assert api.get("/edges/an-b~refutes~an-a").status_code == 404


def test_an_undercut_citing_words(api):
    body = {
        "source": "an-quoted",
        "target": "an-a~supports~an-b",
        "basis": "stated",
        "quotes": [{"source": "an-emoji", "exact": "she said"}],
    }
    created = post(api, "/undercuts", body)
    assert created.status_code == 201, created.text
    start = EMOJI_TEXT.index("she said")
    assert created.json()["quotes"][0]["id"] == f"an-emoji-{start}-{start + 8}"


def test_import_a_quote_given_by_its_words(api):
    text = "Title\n\nShe said:  \u201cWe\u2019ll go\u2014now.\u201d Then she went.\n"
    doc = {
        "format": "argmap",
        "version": 2,
        "sources": [{"id": "an-imported", "text": text}],
        "statements": [
            {"id": "an-imp-a", "role": "Claim", "text": "She will go."},
            {"id": "an-imp-b", "role": "Position", "text": "She goes."},
        ],
        "quotes": [
            {"statement": "an-imp-a", "source": "an-imported", "exact": '"We\'ll go - now."'},
        ],
        "edges": [
            {
                "source": "an-imp-a",
                "target": "an-imp-b",
                "type": "SUPPORTS",
                "basis": "stated",
                "quotes": [{"source": "an-imported", "exact": "she went", "prefix": "Then"}],
            }
        ],
    }
    response = api.post("/import", content=json.dumps(doc), headers=AUTH)
    assert response.status_code == 200, response.text
    assert response.json()["quotes"] == 2
    start = text.index("\u201cWe")
    end = text.index(" Then")
    statement = api.get("/statements/an-imp-a").json()
    assert statement["quotes"] == [
        {
            "id": f"an-imported-{start}-{end}",
            "source": "an-imported",
            "quote": text[start:end],
            "start": start,
            "end": end,
            "note": None,
        }
    ]
    went = text.index("she went")
    edge = api.get("/edges/an-imp-a~supports~an-imp-b").json()
    assert [q["id"] for q in edge["quotes"]] == [f"an-imported-{went}-{went + 8}"]

    # Export writes offsets.
    exported = json.loads(api.get("/export").content)
    mine = [q for q in exported["quotes"] if q["source"] == "an-imported"]
    assert mine and all("exact" not in q and "start" in q for q in mine)


def test_an_import_whose_quote_cannot_be_found_writes_nothing(api):
    before = counts(api)
    doc = {
        "sources": [{"id": "an-imported-2", "text": "one two one"}],
        "statements": [{"id": "an-imp-c", "role": "Claim", "text": "c"}],
        "quotes": [
            {"statement": "an-imp-c", "source": "an-imported-2", "exact": "one"},
            {"statement": "an-imp-c", "source": "an-imported-2", "exact": "three"},
        ],
    }
    response = api.post("/import", content=json.dumps(doc), headers=AUTH)
    error = assert_error(response, 422, "invalid_document")
    problems = {d["location"]: d["message"] for d in error["details"]}
    assert set(problems) == {"quotes[0].exact", "quotes[1].exact"}
    assert "twice" in problems["quotes[0].exact"] and "[0:3]" in problems["quotes[0].exact"]
    assert "does not occur" in problems["quotes[1].exact"]
    assert counts(api) == before
