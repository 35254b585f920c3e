"""The annotation page in a real browser: argmap in its own process over the test engine, with
a write key, the page in headless Chromium; everything it writes is checked through the API."""

import shutil
from itertools import pairwise
from pathlib import Path

import httpx
import pytest
from browser_support import CHROMIUM, CHROMIUM_ARGS, SHOTS
from serving import engine_env, http_server
from support import WRITE_AUTH, WRITE_KEY

from argmap.keys import ApiKey, hash_key

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium installed (Debian package `chromium`)"
)

TEXT = "[data-testid=source-text]"
# An emoji, a flag (two code points) and a symbol beyond the BMP before and inside the passage:
# UTF-16 indices and code points part ways at each.
ASTRAL_TEXT = (
    "Notes 😀 on the alliance 🇺🇦.\n\n"
    "The 𝔸lliance says it is defensive because it never attacked anyone 🙂, "
    "however its critics disagree."
)
ASTRAL_PASSAGE = "𝔸lliance says it is defensive because it never attacked anyone 🙂"


@pytest.fixture(scope="module")
def service(engine_settings, restore_seeded_map, tmp_path_factory):
    """uvicorn over the test engine with the write key of tests/support.py."""
    args = ["-m", "uvicorn", "argmap.app:create_app", "--factory", "--host", "127.0.0.1",
            "--port", "{port}", "--log-level", "warning"]  # fmt: skip
    workdir = tmp_path_factory.mktemp("annotate")
    keys = [ApiKey(sha256=hash_key(WRITE_KEY))]
    try:
        with http_server(args, workdir=workdir, env=engine_env(engine_settings, keys)) as url:
            yield url
    finally:
        restore_seeded_map()


@pytest.fixture(scope="module")
def api(service):
    with httpx.Client(base_url=service, timeout=30) as client:
        yield client


@pytest.fixture(scope="module")
def commentary(api) -> dict:
    sources = api.get("/sources").json()["items"]
    source = next(s for s in sources if s["kind"] == "commentary")
    return api.get(f"/sources/{source['id']}", params={"include_text": True}).json()


@pytest.fixture(scope="module")
def page(service):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(f"{service}/viewer/annotate")
        page.evaluate("() => window.annotate.ready")
        yield page
        browser.close()
        assert not errors, errors


def shot(page, name: str) -> Path:
    """For a person to look at (not compared): /tmp and build/screenshots."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = Path(f"/tmp/annotate-{name}.png")
    page.screenshot(path=str(path))
    shutil.copy(path, SHOTS / path.name)
    return path


def idle(page):
    page.evaluate("() => annotate.idle()")


def open_source(page, source_id: str):
    page.select_option("[data-testid=source-select]", source_id)
    page.locator(f"{TEXT}[data-source='{source_id}'][data-state=ready]").wait_for()
    idle(page)


def utf16(text: str, at: int) -> int:
    """The UTF-16 index (what the DOM counts) of code point `at` of `text`."""
    return len(text[:at].encode("utf-16-le")) // 2


def select(page, text: str, start: int, end: int):
    """Select text[start:end] (code points) as a mouse would: a DOM Range over the text nodes,
    found here by counting UTF-16 units, then the mouseup the page listens to."""
    page.evaluate(
        """([start, end]) => {
            const root = document.querySelector('[data-testid=source-text]');
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            const range = document.createRange();
            let at = 0, started = false, node;
            while ((node = walker.nextNode())) {
                const length = node.data.length;
                if (!started && start < at + length) { range.setStart(node, start - at); started = true; }
                if (started && end <= at + length) { range.setEnd(node, end - at); break; }
                at += length;
            }
            const selection = window.getSelection();
            selection.removeAllRanges();
            selection.addRange(range);
            root.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
        }""",
        [utf16(text, start), utf16(text, end)],
    )
    offsets = page.locator("[data-testid=selection-offsets]")
    offsets.wait_for()
    assert (offsets.get_attribute("data-start"), offsets.get_attribute("data-end")) == (
        str(start),
        str(end),
    )
    assert page.locator("[data-testid=selection-text]").text_content() == text[start:end]


def highlighted(page, quote_id: str) -> str:
    """The text of the runs highlighted for one quote, in order."""
    return "".join(page.locator(f"{TEXT} .hl[data-quotes~='{quote_id}']").all_text_contents())


def unquoted(api, source: dict, words: str) -> tuple[int, int]:
    """Where `words` stand in the source (code points), checked to be quoted by nothing yet."""
    start = source["text"].index(words)
    end = start + len(words)
    for statement in api.get(f"/sources/{source['id']}/statements").json()["items"]:
        for q in statement["quotes"]:
            assert q["end"] <= start or q["start"] >= end, (words, q)
    return start, end


def enter_key(page):
    page.fill("[data-testid=write-key]", WRITE_KEY)


def test_the_page_is_served_and_linked_from_the_viewer(service):
    page = httpx.get(f"{service}/viewer/annotate")
    assert page.status_code == 200 and "annotate.js" in page.text
    viewer = httpx.get(f"{service}/")
    assert 'href="/viewer/annotate"' in viewer.text
    for asset in ("annotate.js", "annotate.css"):
        assert httpx.get(f"{service}/viewer/{asset}").status_code == 200


def test_the_commentary_shows_its_quoted_passages_highlighted(api, commentary, page):
    open_source(page, commentary["id"])
    assert page.locator(TEXT).text_content() == commentary["text"]
    statements = api.get(f"/sources/{commentary['id']}/statements").json()["items"]
    assert statements, "the seeded commentary has quoted statements"
    fills = {}
    for statement in statements:
        for q in statement["quotes"]:
            assert highlighted(page, q["id"]) == q["quote"], q
        runs = page.locator(f"{TEXT} .hl[data-statements~='{statement['id']}']")
        fills[statement["id"]] = runs.first.evaluate("e => getComputedStyle(e).backgroundColor")
    # coloured: no transparent highlight, and neighbours told apart by colour
    assert all(f not in ("rgba(0, 0, 0, 0)", "transparent") for f in fills.values())
    assert len(set(fills.values())) > 5
    legend = page.locator("[data-testid=statements-legend] [data-statement]")
    assert legend.count() == len(statements)
    # three panels side by side, none over another
    boxes = [
        page.locator(f".{name}").bounding_box()
        for name in ("segments-panel", "text-panel", "side-panel")
    ]
    for left, right in pairwise(boxes):
        assert left["x"] + left["width"] <= right["x"] + 0.5
    assert page.locator(TEXT).evaluate("e => parseFloat(getComputedStyle(e).fontSize)") >= 14
    shot(page, "highlights")


def test_the_segments_panel_shows_attributions_markers_and_what_is_quoted(api, commentary, page):
    segments = api.get(f"/sources/{commentary['id']}/segments").json()["items"]
    assert segments
    items = page.locator("[data-testid=segments] [data-testid=segment]")
    assert items.count() == len(segments)
    for segment, item in zip(segments, items.all(), strict=True):
        assert item.get_attribute("data-index") == str(segment["index"])
        assert item.get_attribute("data-quoted") == str(bool(segment["quoted_by"])).lower()
        assert item.locator("[data-testid=segment-attribution]").count() == len(
            segment["attributions"]
        )
        markers = item.locator("[data-testid=segment-marker]")
        assert [m.get_attribute("data-signal") for m in markers.all()] == [
            m["signal"] for m in segment["markers"]
        ]
    assert any(s["quoted_by"] for s in segments) and any(not s["quoted_by"] for s in segments)
    assert any(s["markers"] for s in segments) and any(s["attributions"] for s in segments)
    # quotes that only relations cite are marked in the text too, apart from statements' ones
    cited = next(q for s in segments for q in s["quoted_by"] if not q["statement"])
    runs = page.locator(f"{TEXT} [data-cited~='{cited['quote']}']").all_text_contents()
    assert "".join(runs) == commentary["text"][cited["start"] : cited["end"]]
    # the markers are marked in the text too
    marker = next(m for s in segments for m in s["markers"])
    run = page.locator(f"{TEXT} .mk[data-start='{marker['start']}']")
    assert commentary["text"][marker["start"] : marker["end"]].startswith(run.text_content())


def test_a_selection_shows_the_matching_statements(api, commentary, page):
    words = "Some foreign media commented that Turkey is up for sale"
    start, end = unquoted(api, commentary, words)
    select(page, commentary["text"], start, end)
    page.locator("[data-testid=suggestions][data-state=ready]").wait_for()
    expected = api.get("/statements/similar", params={"text": words, "limit": 5}).json()["items"]
    assert expected
    shown = page.locator("[data-testid=suggestions] [data-testid=suggestion]")
    assert [s.get_attribute("data-id") for s in shown.all()] == [s["id"] for s in expected]
    for item, s in zip(shown.all(), expected, strict=True):
        assert item.locator("[data-testid=suggestion-score]").text_content() == f"{s['score']:.2f}"
        flag = item.locator("[data-testid=suggestion-opposite]")
        assert flag.count() == int(s["opposite"])
        if s["opposite"]:
            assert flag.text_content() == "says the opposite?"
    shot(page, "suggestions")


def test_creating_a_statement_from_the_selection_quotes_it(api, commentary, page):
    words = "Some foreign media commented that Turkey is up for sale"
    start, end = unquoted(api, commentary, words)
    select(page, commentary["text"], start, end)
    page.fill("[data-testid=write-key]", "")
    page.select_option("[data-testid=create-role]", "Premise")
    page.fill("[data-testid=create-title]", "Turkey is said to be for sale")
    page.fill(
        "[data-testid=create-text]",
        "Some foreign media say Turkey trades its consent to NATO enlargement for concessions.",
    )
    # without a key: the API's 401 is shown, not swallowed
    page.click("[data-testid=create-submit]")
    error = page.locator("[data-testid=selection-error]")
    error.wait_for()
    assert "401" in error.text_content() and "POST /statements" in error.text_content()

    enter_key(page)
    page.click("[data-testid=create-submit]")
    result = page.locator("[data-testid=selection-result][data-statement]")
    result.wait_for()
    idle(page)
    assert not error.is_visible()
    statement = api.get(f"/statements/{result.get_attribute('data-statement')}").json()
    assert statement["role"] == "Premise" and statement["title"] == "Turkey is said to be for sale"
    [quote] = statement["quotes"]
    assert (quote["source"], quote["start"], quote["end"]) == (commentary["id"], start, end)
    assert quote["quote"] == words
    assert highlighted(page, quote["id"]) == words
    assert page.evaluate("() => sessionStorage.getItem('argmap.writeKey')") == WRITE_KEY
    shot(page, "created")


def test_a_near_duplicate_is_shown_and_can_be_created_anyway(api, commentary, page):
    words = "Is it still possible for the foreign ministers of the United States and Russia"
    start, end = unquoted(api, commentary, words)
    existing = api.get("/statements/talks-should-be-arranged-now").json()
    select(page, commentary["text"], start, end)
    page.fill("[data-testid=create-title]", existing["title"])
    page.fill("[data-testid=create-text]", existing["text"])
    page.click("[data-testid=create-submit]")
    duplicates = page.locator("[data-testid=near-duplicates]")
    duplicates.wait_for()
    listed = [
        d.get_attribute("data-id") for d in duplicates.locator("[data-testid=near-duplicate]").all()
    ]
    assert existing["id"] in listed
    shot(page, "near-duplicate")
    page.click("[data-testid=create-anyway]")
    result = page.locator("[data-testid=selection-result][data-statement]")
    result.wait_for()
    idle(page)
    created = api.get(f"/statements/{result.get_attribute('data-statement')}").json()
    assert created["id"] != existing["id"] and created["text"] == existing["text"]
    assert [(q["start"], q["end"]) for q in created["quotes"]] == [(start, end)]


def test_attaching_the_selection_to_a_suggested_statement(api, commentary, page):
    words = (
        "Peskov, the press secretary of the Russian President, also responded to the question "
        "of whether Russia was invited to join NATO not long ago"
    )
    start, end = unquoted(api, commentary, words)
    select(page, commentary["text"], start, end)
    page.locator("[data-testid=suggestions][data-state=ready]").wait_for()
    first = page.locator("[data-testid=suggestions] [data-testid=suggestion]").first
    statement_id = first.get_attribute("data-id")
    before = {q["id"] for q in api.get(f"/statements/{statement_id}").json()["quotes"]}
    first.locator("[data-testid=suggestion-attach]").click()
    result = page.locator("[data-testid=selection-result][data-quote]")
    result.wait_for()
    idle(page)
    assert result.get_attribute("data-statement") == statement_id
    quotes = api.get(f"/statements/{statement_id}").json()["quotes"]
    [quote] = [q for q in quotes if q["id"] not in before]
    assert (quote["source"], quote["start"], quote["end"], quote["quote"]) == (
        commentary["id"], start, end, words,
    )  # fmt: skip
    assert highlighted(page, quote["id"]) == words


def test_attaching_the_selection_to_a_statement_by_id(api, commentary, page):
    words = "Of course, he could consider this a false proposition"
    start, end = unquoted(api, commentary, words)
    select(page, commentary["text"], start, end)
    page.fill("[data-testid=attach-id]", "blinken-sidestepped-present")
    page.click("[data-testid=attach-by-id]")
    page.locator("[data-testid=selection-result][data-quote]").wait_for()
    idle(page)
    quotes = api.get("/statements/blinken-sidestepped-present").json()["quotes"]
    assert (commentary["id"], start, end) in [(q["source"], q["start"], q["end"]) for q in quotes]


def marked_segment(api, source_id: str) -> dict:
    """A segment with a discourse marker whose words already quote a statement."""
    segments = api.get(f"/sources/{source_id}/segments").json()["items"]
    return next(s for s in segments if s["markers"] and any(q["statement"] for q in s["quoted_by"]))


def open_relation(page, segment: dict):
    page.locator(f"[data-testid=segment][data-index='{segment['index']}']").click()
    panel = page.locator(f"[data-testid=relation-panel][data-segment='{segment['index']}']")
    panel.wait_for()


def test_drawing_a_stated_relation_from_a_marker(api, commentary, page):
    segment = marked_segment(api, commentary["id"])
    marker = segment["markers"][0]
    cited = next(q for q in segment["quoted_by"] if q["statement"])
    target = "russia-nato-must-coexist"
    open_relation(page, segment)
    expected_type = {"support": "SUPPORTS", "attack": "REFUTES"}[marker["signal"]]
    assert page.locator("[data-testid=relation-type]").get_attribute("data-type") == expected_type
    page.select_option("[data-testid=relation-from]", cited["statement"])
    page.select_option("[data-testid=relation-quote]", cited["quote"])
    page.fill("[data-testid=relation-target]", target)
    page.check("[data-testid=basis-stated]")
    page.click("[data-testid=relation-submit]")
    result = page.locator("[data-testid=relation-result][data-edge]")
    result.wait_for()
    idle(page)
    edge = api.get(f"/edges/{result.get_attribute('data-edge')}").json()
    assert (edge["source"], edge["target"], edge["type"], edge["basis"]) == (
        cited["statement"], target, expected_type, "stated",
    )  # fmt: skip
    assert [q["id"] for q in edge["quotes"]] == [cited["quote"]]
    people = {a["person"] for a in segment["attributions"] if a["person"]}
    assert {p["id"] for p in edge["speakers"]} == people
    shot(page, "relation")


def test_drawing_a_reconstructed_relation_needs_a_note(api, commentary, page):
    segment = marked_segment(api, commentary["id"])
    cited = next(q for q in segment["quoted_by"] if q["statement"])
    target = "space-cooperation-continues"
    open_relation(page, segment)
    page.select_option("[data-testid=relation-from]", cited["statement"])
    page.fill("[data-testid=relation-target]", target)
    page.check("[data-testid=basis-reconstructed]")
    page.fill("[data-testid=relation-note]", "")
    page.click("[data-testid=relation-submit]")
    error = page.locator("[data-testid=relation-error]")
    error.wait_for()
    assert "422" in error.text_content() and "note" in error.text_content()
    page.fill("[data-testid=relation-note]", "the marker links the two in the commentary's reading")
    page.click("[data-testid=relation-submit]")
    result = page.locator("[data-testid=relation-result][data-edge]")
    result.wait_for()
    idle(page)
    edge = api.get(f"/edges/{result.get_attribute('data-edge')}").json()
    assert (edge["source"], edge["target"], edge["basis"]) == (
        cited["statement"], target, "reconstructed",
    )  # fmt: skip
    assert edge["note"] == "the marker links the two in the commentary's reading"


def test_offsets_are_code_points_beyond_the_bmp(api, service, page):
    created = api.post(
        "/sources",
        json={"id": "src-astral", "title": "Astral test", "kind": "test", "text": ASTRAL_TEXT},
        headers=WRITE_AUTH,
    )
    assert created.status_code == 201, created.text
    page.goto(f"{service}/viewer/annotate?source=src-astral")
    page.evaluate("() => annotate.ready")
    page.locator(f"{TEXT}[data-source='src-astral'][data-state=ready]").wait_for()
    idle(page)
    assert page.locator(TEXT).text_content() == ASTRAL_TEXT
    start = ASTRAL_TEXT.index(ASTRAL_PASSAGE)
    end = start + len(ASTRAL_PASSAGE)
    assert utf16(ASTRAL_TEXT, start) != start  # the test means something
    select(page, ASTRAL_TEXT, start, end)
    assert page.locator("[data-testid=write-key]").input_value() == WRITE_KEY  # sessionStorage
    page.fill("[data-testid=create-title]", "The alliance is defensive (astral)")
    page.fill("[data-testid=create-text]", "The alliance is defensive: it never attacked anyone.")
    page.click("[data-testid=create-submit]")
    result = page.locator("[data-testid=selection-result][data-statement]")
    result.wait_for()
    idle(page)
    statement = api.get(f"/statements/{result.get_attribute('data-statement')}").json()
    [quote] = statement["quotes"]
    assert (quote["start"], quote["end"], quote["quote"]) == (start, end, ASTRAL_PASSAGE)
    assert highlighted(page, quote["id"]) == ASTRAL_PASSAGE
    shot(page, "astral")
