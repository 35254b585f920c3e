"""GET /search on every engine, over the seeded map: statements, quotes, people and sources
by their words, through each engine's full-text index."""

import pytest
from support import WRITE_AUTH, assert_error

from argmap.models import Page, SearchHit
from argmap.text.search import matches, terms


def search(client, q: str, **params) -> list[SearchHit]:
    response = client.get("/search", params={"q": q, "limit": 500, **params})
    assert response.status_code == 200, response.text
    page = Page[SearchHit].model_validate(response.json())
    assert page.total == len(page.items)
    return page.items


def ids(hits: list[SearchHit], kind: str) -> list[str]:
    return [h.id for h in hits if h.kind == kind]


def assert_highlighted(hits: list[SearchHit], q: str) -> None:
    """Every highlight is a word of the snippet that meets a word of the query."""
    asked = terms(q)
    for hit in hits:
        for start, end in hit.highlights:
            word = hit.snippet[start:end]
            assert word.isalnum() and any(matches(word, t) for t in asked), (hit, word)


def test_pope_finds_his_claim_his_quotes_and_himself(client):
    hits = search(client, "Pope")
    # His claim: its own words do not name him; he asserts it and its quotes do.
    assert "nato-expansion-shares-blame" in ids(hits, "statement")
    assert "src-blinken-colbert-942-1056" in ids(hits, "quote")  # "Colbert cited Pope Francis's"
    assert "pope-francis" in ids(hits, "person")
    quote = next(h for h in hits if h.id == "src-blinken-colbert-942-1056")
    assert quote.statement == "nato-expansion-shares-blame"
    assert quote.source == "src-blinken-colbert"
    assert quote.title == "NATO expansion shares blame for the war in Ukraine"
    assert [quote.snippet[s:e] for s, e in quote.highlights] == ["Pope"]
    assert_highlighted(hits, "Pope")


def test_colbert_finds_the_person_and_the_quotes(client):
    hits = search(client, "Colbert")
    assert ids(hits, "person")[0] == "colbert"
    person = next(h for h in hits if h.id == "colbert")
    assert person.field == "name" and person.snippet == "Stephen Colbert"
    assert person.highlights == [(8, 15)]
    quotes = ids(hits, "quote")
    assert {"src-blinken-colbert-273-470", "src-blinken-colbert-942-1056"} <= set(quotes)
    assert_highlighted(hits, "Colbert")


def test_an_alias_finds_the_person(client):
    """Kobel is how the machine-translated commentary spells Colbert: an alias."""
    hits = search(client, "Kobel")
    assert "colbert" in ids(hits, "person")
    person = next(h for h in hits if h.id == "colbert")
    assert person.field == "aliases" and person.snippet == "Kobel"
    assert person.highlights == [(0, 5)]
    # and the quote that uses the alias
    assert "src-will-russia-join-nato-3517-3609" in ids(hits, "quote")


def test_defence_finds_defensive_by_its_prefix(client):
    """Porter stems defence to defenc and defensive to defens: the prefix defen* meets both."""
    hits = search(client, "defence")
    assert "nato-is-defensive" in ids(hits, "statement")
    statement = next(h for h in hits if h.id == "nato-is-defensive")
    assert "defensive" in [statement.snippet[s:e] for s, e in statement.highlights]
    assert_highlighted(hits, "defence")


@pytest.mark.parametrize("q", ["NATO defensive", "defensive NATO", "nato DEFENSIVE"])
def test_words_in_any_order_and_more_words_rank_first(client, q):
    hits = search(client, q)
    statements = [h for h in hits if h.kind == "statement"]
    assert statements[0].id == "nato-is-defensive"
    snippet = statements[0]
    assert {snippet.snippet[s:e].lower() for s, e in snippet.highlights} == {"nato", "defensive"}
    # holding both words ranks above holding one: NATO alone is in most statements
    assert statements[0].score >= 2 > statements[-1].score
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert_highlighted(hits, q)


def test_gunman_finds_the_quotes_their_statements_and_the_source(client):
    hits = search(client, "gunman")
    assert {"src-will-russia-join-nato-8240-8294", "src-will-russia-join-nato-8133-8332"} <= set(
        ids(hits, "quote")
    )
    assert {"us-drives-the-war", "us-should-seek-to-end-crisis"} <= set(ids(hits, "statement"))
    assert ids(hits, "source") == ["src-will-russia-join-nato"]
    source = next(h for h in hits if h.kind == "source")
    assert source.field == "text" and len(source.snippet) <= 170
    assert [source.snippet[s:e] for s, e in source.highlights] == ["gunman"]
    via = next(h for h in hits if h.id == "us-drives-the-war")
    assert via.field == "quote" and "gunman" in via.snippet
    assert_highlighted(hits, "gunman")


def test_kinds_narrow_the_answer(client):
    people = search(client, "Pope Colbert", kind="person")
    assert {h.kind for h in people} == {"person"}
    assert {"pope-francis", "colbert"} <= {h.id for h in people}
    both = client.get("/search", params=[("q", "Pope"), ("kind", "quote"), ("kind", "source")])
    assert both.status_code == 200
    assert {h["kind"] for h in both.json()["items"]} == {"quote", "source"}
    assert_error(client.get("/search", params={"q": "Pope", "kind": "edge"}), 422, "invalid")


def test_pages(client):
    everything = search(client, "NATO")
    page = client.get("/search", params={"q": "NATO", "offset": 2, "limit": 3}).json()
    assert page["total"] == len(everything) > 5
    assert [h["id"] for h in page["items"]] == [h.id for h in everything[2:5]]


@pytest.mark.parametrize(
    "q", ['"', "*", ":", "-", "(", "|", "@", "~", '"NATO', "NATO*", "title:NATO", "-NATO",
          "(NATO", "NATO|Russia", "@title:{x}", "NATO~2", "AND", "NOT NATO", "the", "a of",
          "%", "\\", "[]{}", "'; DROP", "NATO)", "n*t*"],
)  # fmt: skip
def test_operators_and_punctuation_never_fail(client, q):
    response = client.get("/search", params={"q": q})
    assert response.status_code in (200, 422), response.text
    if response.status_code == 200:
        Page[SearchHit].model_validate(response.json())


def test_nothing_to_look_for(client):
    assert search(client, "?!") == []
    assert search(client, "the of") == []  # stop words only
    assert_error(client.get("/search", params={"q": ""}), 422, "invalid")
    assert_error(client.get("/search"), 422, "invalid")


def test_semantic_search_ranks_statements_by_meaning(client):
    """semantic=true goes through claim matching: other words, the same claim."""
    hits = search(client, "the alliance is purely for protection", semantic="true")
    assert hits and {h.kind for h in hits} == {"statement"}
    assert "nato-is-defensive" in [h.id for h in hits[:3]]
    assert all(0 <= h.score <= 1 for h in hits)
    assert_highlighted(hits, "the alliance is purely for protection")
    wrong = client.get("/search", params={"q": "NATO", "semantic": "true", "kind": "person"})
    assert_error(wrong, 422, "invalid")


def test_a_write_is_searchable_at_once(writable_api):
    assert search(writable_api, "Zanzibarian") == []
    body = {
        "role": "Claim",
        "title": "A Zanzibarian view",
        "text": "The Zanzibarian delegation backs the defensive reading.",
    }
    created = writable_api.post("/statements", json=body, headers=WRITE_AUTH)
    assert created.status_code == 201, created.text
    hits = search(writable_api, "zanzibar")  # a prefix of the word written
    assert ids(hits, "statement") == [created.json()["id"]]
    assert hits[0].field == "title" and hits[0].highlights == [(2, 13)]
