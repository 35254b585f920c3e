"""The viewer in a real browser: the service on FalkorDB, the page in headless Chromium."""

import re

import httpx
import pytest
from browser_support import CHROMIUM, CHROMIUM_ARGS, SHOTS
from serving import http_server

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium installed (Debian package `chromium`)"
)

STATEMENTS = "argmap.cy.nodes('[!handle]')"  # the rest are the rings undercuts end on


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("viewer")
    args = ["-m", "argmap", "serve", "--port", "{port}", "--data-dir", str(workdir / "data")]
    with http_server(args, workdir=workdir) as base:
        yield base


@pytest.fixture(scope="module")
def graph(service):
    return httpx.get(f"{service}/graph").json()


@pytest.fixture(scope="module")
def page(service):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(f"{service}/")
        page.evaluate("() => window.argmap.ready")
        yield page
        browser.close()


def rgb(css: str) -> tuple[int, ...]:
    """cytoscape's "rgb(196,234,220)" as numbers."""
    return tuple(int(x) for x in re.findall(r"\d+", css)[:3])


def next_frame(page):
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def test_drawn_nodes_match_the_graph_route(graph, page):
    drawn = set(page.evaluate(f"() => {STATEMENTS}.map(n => n.id())"))
    assert drawn == {node["id"] for node in graph["nodes"]}
    edges = set(page.evaluate("() => argmap.cy.edges().map(e => e.id())"))
    assert edges == {edge["id"] for edge in graph["edges"]}
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "viewer-map.png"))


def test_speakers_are_on_the_node(graph, page):
    labels = page.evaluate(
        f"() => Object.fromEntries({STATEMENTS}.map(n => [n.id(), n.data('label')]))"
    )
    with_speakers = [n for n in graph["nodes"] if n["speakers"]]
    assert with_speakers
    for node in with_speakers:
        # the last line(s): "— Antony Blinken, Xiaoyin" (a long list ends in "+n")
        attribution = labels[node["id"]].split("—", 1)[1]
        assert node["speakers"][0].split(" (")[0].split()[0] in attribution, node["id"]


def test_reconstructed_links_are_dashed_and_lighter_stated_ones_solid(graph, page):
    basis = {e["id"]: e["basis"] for e in graph["edges"]}
    assert set(basis.values()) == {"stated", "reconstructed"}  # the seeds have both
    drawn = page.evaluate(
        "() => Object.fromEntries(argmap.cy.edges().map(e => "
        "[e.id(), [e.style('line-style'), e.style('line-color'), e.data('type')]]))"
    )
    colours = {}
    for id, b in basis.items():
        style, colour, type = drawn[id]
        assert style == ("dashed" if b == "reconstructed" else "solid"), id
        colours.setdefault((type, b), set()).add(colour)
    for type in ("SUPPORTS", "REFUTES"):
        stated, reconstructed = colours.get((type, "stated")), colours.get((type, "reconstructed"))
        if stated and reconstructed:
            # one colour per type and basis; the reconstructed one is lighter
            assert len(stated) == len(reconstructed) == 1
            assert sum(rgb(reconstructed.pop())) > sum(rgb(stated.pop()))


def test_an_undercut_is_drawn_on_the_link_it_attacks_and_stays_there(graph, page):
    undercuts = [e for e in graph["edges"] if e["type"] == "UNDERCUTS"]
    assert undercuts, "the seeds have an undercut"
    where = """(id) => {
        const cy = argmap.cy, e = cy.$id(id), ring = e.target(), link = cy.$id(e.data('attacks'));
        return {source: e.source().id(), link: ring.data('link'), ring: ring.position(),
                middle: link.midpoint(), visible: e.visible() && ring.visible() && link.visible()};
    }"""
    for undercut in undercuts:
        drawn = page.evaluate(where, undercut["id"])
        assert drawn["source"] == undercut["source"] and drawn["link"] == undercut["target"]
        assert drawn["visible"]
        assert drawn["ring"] == pytest.approx(drawn["middle"], abs=1)
    # move one end of the attacked link: the ring follows
    undercut = undercuts[0]
    before = page.evaluate(where, undercut["id"])
    page.evaluate(
        "(id) => { const n = argmap.cy.$id(id); n.position({x: n.position('x') + 90, "
        "y: n.position('y') + 40}); }",
        undercut["target"].split("~")[0],
    )
    next_frame(page)
    after = page.evaluate(where, undercut["id"])
    assert after["ring"] != pytest.approx(before["ring"], abs=5)
    assert after["ring"] == pytest.approx(after["middle"], abs=1)
    page.evaluate("() => argmap.loadMap()")  # back to the laid-out map
    page.evaluate("() => argmap.idle()")


def test_clicking_a_node_shows_its_detail_with_the_quote_highlighted(service, page):
    node_id = "nato-is-defensive"
    page.evaluate(f"() => argmap.cy.center(argmap.cy.$id('{node_id}'))")
    position = page.evaluate(f"() => argmap.cy.$id('{node_id}').renderedPosition()")
    box = page.locator("[data-testid=graph]").bounding_box()
    page.mouse.click(box["x"] + position["x"], box["y"] + position["y"])
    panel = page.locator("[data-testid=detail-panel][data-state=ready]")
    panel.wait_for(timeout=10_000)
    assert panel.get_attribute("data-statement-id") == node_id
    statement = httpx.get(f"{service}/statements/{node_id}").json()
    assert page.locator("[data-testid=detail-title]").inner_text() == statement["title"]
    marks = page.locator("[data-testid=detail-quotes] [data-testid=quote-context] mark")
    marks.first.wait_for(timeout=10_000)
    assert marks.first.inner_text() == statement["quotes"][0]["quote"]
    page.screenshot(path=str(SHOTS / "viewer-detail.png"))


def click_edge(page, edge_id):
    """Click the middle of a drawn link, as a person would."""
    page.evaluate("(id) => { const cy = argmap.cy; cy.zoom(1.1); cy.center(cy.$id(id)); }", edge_id)
    middle = page.evaluate("(id) => argmap.cy.$id(id).renderedMidpoint()", edge_id)
    box = page.locator("[data-testid=graph]").bounding_box()
    page.mouse.click(box["x"] + middle["x"], box["y"] + middle["y"])


def test_clicking_a_link_shows_its_basis_speakers_and_quote_in_its_source(service, graph, page):
    undercut = {e["target"] for e in graph["edges"] if e["type"] == "UNDERCUTS"}
    candidates = [e for e in graph["edges"] if e["basis"] == "stated" and e["speakers"]]
    # prefer a link that is also undercut: the panel then lists its undercutter
    candidates.sort(key=lambda e: e["id"] not in undercut)
    link = httpx.get(f"{service}/edges/{candidates[0]['id']}").json()
    click_edge(page, link["id"])
    panel = page.locator("[data-testid=detail-panel][data-state=ready][data-kind=edge]")
    panel.wait_for(timeout=10_000)
    assert panel.get_attribute("data-edge-id") == link["id"]
    assert page.locator("[data-testid=edge-type]").inner_text().lower() == link["type"].lower()
    assert "stated" in page.locator("[data-testid=edge-basis]").inner_text()
    speakers = page.locator("[data-testid=edge-speakers]").inner_text()
    assert link["speakers"] and all(p["name"] in speakers for p in link["speakers"])
    marks = page.locator("[data-testid=edge-quotes] [data-testid=quote-context] mark")
    marks.first.wait_for(timeout=10_000)
    assert marks.all_inner_texts() == [q["quote"] for q in link["quotes"]]
    # highlighted in the source text around it, not shown alone
    context = page.locator("[data-testid=edge-quotes] [data-testid=quote-context]").first
    assert context.get_attribute("data-verified") == "true"
    assert len(context.inner_text()) > len(link["quotes"][0]["quote"])
    undercutters = page.locator("[data-testid=edge-undercutters] li[data-edge-id]")
    assert undercutters.count() == len(link["undercutters"])
    page.screenshot(path=str(SHOTS / "viewer-edge.png"))


def test_a_reconstructed_link_shows_its_note(service, graph, page):
    edge = next(e for e in graph["edges"] if e["basis"] == "reconstructed")
    link = httpx.get(f"{service}/edges/{edge['id']}").json()
    page.evaluate("(id) => argmap.selectEdge(id)", edge["id"])
    page.locator("[data-testid=detail-panel][data-state=ready][data-kind=edge]").wait_for()
    assert "reconstructed" in page.locator("[data-testid=edge-basis]").inner_text()
    assert link["note"] in page.locator("[data-testid=edge-note]").inner_text()


@pytest.mark.parametrize("basis", ["stated", "all"])
def test_the_outcome_toggle_colours_statements_as_the_evaluation_says(service, page, basis):
    page.select_option("[data-testid=outcome-basis]", basis)
    page.wait_for_function(f"() => document.getElementById('cy').dataset.outcome === '{basis}'")
    evaluation = httpx.get(
        f"{service}/evaluation", params={"semantics": "grounded", "basis": basis}
    ).json()
    expected = {item["id"]: item["label"] for item in evaluation["items"]}
    drawn = page.evaluate(
        f"() => Object.fromEntries({STATEMENTS}.map(n => "
        "[n.id(), [n.data('outcome'), n.style('background-color')]]))"
    )
    assert {id: outcome for id, (outcome, _) in drawn.items()} == {id: expected[id] for id in drawn}
    fills = {label: {rgb(fill) for outcome, fill in drawn.values() if outcome == label}
             for label in ("IN", "OUT", "UNDEC")}  # fmt: skip
    assert fills["IN"] and fills["OUT"]  # the seeded map has both
    for label, colours in fills.items():
        assert len(colours) <= 1, label  # one colour per outcome, whatever the role
    (r, g, b) = fills["IN"].pop()
    assert g > r and g > b  # green
    (r, g, b) = fills["OUT"].pop()
    assert r > g and r > b  # red
    for r, g, b in fills["UNDEC"]:
        assert max(r, g, b) - min(r, g, b) < 16  # grey
    assert page.locator("[data-testid=legend-outcome]").is_visible()
    page.screenshot(path=str(SHOTS / f"viewer-outcome-{basis}.png"))


def test_the_outcome_toggle_turns_off(page):
    page.select_option("[data-testid=outcome-basis]", "")
    page.wait_for_function("() => document.getElementById('cy').dataset.outcome === ''")
    assert page.evaluate(f"() => {STATEMENTS}.filter(n => n.data('outcome')).length") == 0
    fill = page.evaluate("() => argmap.cy.nodes('[role = \"Position\"]').style('background-color')")
    assert rgb(fill) == (0, 114, 178)  # the role colour again
    assert not page.locator("[data-testid=legend-outcome]").is_visible()


def test_the_picture_for_the_docs(page, graph):
    """Outcomes (stated links) on, the undercut link's panel open: docs/viewer.png."""
    undercut = next(e for e in graph["edges"] if e["type"] == "UNDERCUTS")
    page.select_option("[data-testid=outcome-basis]", "stated")
    page.wait_for_function("() => document.getElementById('cy').dataset.outcome === 'stated'")
    page.evaluate("(id) => argmap.selectEdge(id)", undercut["target"])
    page.locator("[data-testid=detail-panel][data-state=ready][data-kind=edge]").wait_for()
    page.evaluate(
        "(id) => { const cy = argmap.cy; cy.zoom(0.95); cy.center(cy.$id(id)); }",
        undercut["target"],
    )
    page.screenshot(path=str(SHOTS / "viewer-outcome-edge.png"))
    page.select_option("[data-testid=outcome-basis]", "")
    page.wait_for_function("() => document.getElementById('cy').dataset.outcome === ''")


def test_support_tree_view(service, page):
    page.evaluate("() => argmap.select('nato-is-defensive')")
    page.locator("[data-testid=btn-support-tree]").click()
    page.evaluate("() => argmap.idle()")
    tree = httpx.get(f"{service}/statements/nato-is-defensive/support-tree?depth=4").json()
    drawn = set(page.evaluate(f"() => {STATEMENTS}.map(n => n.id())"))
    assert drawn == {node["id"] for node in tree["nodes"]}


def test_the_search_box_lists_hits_of_every_kind_with_the_words_marked(page):
    page.evaluate("() => argmap.loadMap()")
    page.evaluate("() => argmap.idle()")
    page.fill("[data-testid=search-input]", "Pope")
    page.wait_for_selector("[data-testid=search-hit]")
    hits = page.locator("[data-testid=search-hit]")
    kinds = hits.evaluate_all("els => els.map(e => e.dataset.kind)")
    assert {"statement", "quote", "person", "source"} <= set(kinds)
    marks = page.locator("[data-testid=search-snippet] mark").all_text_contents()
    assert marks and {m.lower() for m in marks} == {"pope"}
    page.screenshot(path="/tmp/search.png")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "viewer-search.png"))

    # a quote selects the statement it expresses
    quote = page.locator("[data-testid=search-hit][data-id='src-blinken-colbert-942-1056']")
    quote.click()
    page.wait_for_function(
        "() => document.getElementById('detail').dataset.statementId === "
        "'nato-expansion-shares-blame' && document.getElementById('detail').dataset.state === "
        "'ready'"
    )
    assert page.locator("[data-testid=search-results]").is_hidden()

    # a person filters the map by speaker
    page.fill("[data-testid=search-input]", "Francis")
    page.locator("[data-testid=search-hit][data-kind=person]").first.click()
    page.evaluate("() => argmap.idle()")
    assert page.input_value("[data-testid=filter-speaker]") == "pope-francis"
    drawn = page.evaluate(f"() => {STATEMENTS}.map(n => n.id())")
    assert "nato-expansion-shares-blame" in drawn

    # punctuation alone lists nothing and breaks nothing
    page.fill("[data-testid=search-input]", '"(*')
    page.wait_for_selector("[data-testid=search-results] .search-note")
    assert page.locator("[data-testid=search-hit]").count() == 0
    page.fill("[data-testid=search-input]", "")
    page.select_option("[data-testid=filter-speaker]", "")
    page.evaluate("() => argmap.idle()")


def test_guide_and_style_are_served_for_neo4j_browser(service):
    guide = httpx.get(f"{service}/browser/guide", headers={"Origin": "http://localhost:7474"})
    assert guide.status_code == 200 and '<article class="guide">' in guide.text
    assert guide.headers["access-control-allow-origin"] == "*"
    style = httpx.get(f"{service}/browser/style.grass")
    assert "node.Position" in style.text and "relationship.REFUTES" in style.text
    assert "node.Link" in style.text and "relationship.UNDERCUTS" in style.text
