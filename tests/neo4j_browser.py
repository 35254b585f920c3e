"""Driving Neo4j Browser 5 in Playwright: its editor, its result frames, its graph view.
Shared by the Browser end-to-end tests (local server, compose stack)."""

from playwright.sync_api import expect


def frames(page):
    return page.locator("[data-testid=stream] [data-testid=frame]")


def editor(page):
    return page.locator("[data-testid=activeEditor]")


def run_in_new_frame(page, submit, command_start: str):
    """Submit the editor's command; return the new (topmost) frame, once its command shows."""
    before = frames(page).count()
    submit()
    expect(frames(page)).to_have_count(before + 1)
    frame = frames(page).first
    expect(frame.locator("[data-testid=frameCommand]")).to_contain_text(command_start)
    return frame


def type_and_run(page, command: str):
    editor(page).click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.keyboard.insert_text(command)  # not typed: no autocompletion or auto-closed brackets
    return run_in_new_frame(
        page, lambda: page.locator("[data-testid=editor-Run]").click(), command[:30]
    )


def graph_nodes(frame):
    return frame.locator("svg g.node[aria-label^=graph-node]")


def wait_for_layout(page, frame) -> None:
    """Wait until the force layout settles: node positions unchanged over ~1 s of polls."""
    frame.locator("svg g.node").first.wait_for()
    page.wait_for_function(
        """(frame) => {
            const now = [...frame.querySelectorAll('svg g.node')]
                .map(n => n.getAttribute('transform')).join('|');
            const same = frame.__lastLayout === now;
            frame.__lastLayout = now;
            frame.__stable = same ? (frame.__stable || 0) + 1 : 0;
            return frame.__stable >= 4;
        }""",
        arg=frame.element_handle(),
        polling=250,
    )
