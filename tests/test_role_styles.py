"""The viewer and Neo4j Browser give each role a look; the roles themselves are argmap's.

Presentation files (JavaScript, CSS, Browser style) cannot import the `Role` enum, so their
role keys are checked against it here: adding a role without a look fails this test.
"""

import re
from pathlib import Path

from argmap.domain import Role

WEB = Path(__file__).resolve().parents[1] / "service" / "argmap" / "web"


def test_the_viewer_styles_exactly_the_roles_in_order():
    script = (WEB / "app.js").read_text()
    table = script[
        script.index("const ROLE_STYLE = {") : script.index(
            "};", script.index("const ROLE_STYLE = {")
        )
    ]
    assert re.findall(r"^\s+(\w+): \{", table, re.MULTILINE) == list(Role)
    assert "const ROLES = Object.keys(ROLE_STYLE);" in script


def test_the_viewer_css_and_browser_style_have_every_role():
    css = set(re.findall(r"^\.role-(\w+) \{", (WEB / "app.css").read_text(), re.MULTILINE))
    assert css - {"none", "badge"} == set(Role)
    grass = set(re.findall(r"^node\.(\w+) \{", (WEB / "style.grass").read_text(), re.MULTILINE))
    assert set(Role) <= grass
    assert grass - set(Role) <= {
        "Statement",
        "Source",
        "Person",
        "Quote",
        "Accepted",
        "Rejected",
        "Undecided",
    }
