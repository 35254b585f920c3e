"""The viewer and Neo4j Browser give each role, relation type and basis a look; the roles,
types and bases themselves are argmap's.

Presentation files (JavaScript, CSS, Browser style) cannot import the enums, so their keys
are checked against them here: adding a role, edge type or basis without a look fails this test.
"""

import re
from pathlib import Path

from argmap.domain import Basis, EdgeType, Role
from argmap.models import UNDERCUTS

WEB = Path(__file__).resolve().parents[1] / "service" / "argmap" / "web"


def table_keys(script: str, name: str) -> list[str]:
    """The keys of `const <name> = { key: {...}, ... };` in app.js, in order."""
    start = script.index(f"const {name} = {{")
    table = script[start : script.index("};", start)]
    return re.findall(r"^\s+(\w+): \{", table, re.MULTILINE)


def test_the_viewer_styles_exactly_the_roles_in_order():
    script = (WEB / "app.js").read_text()
    assert table_keys(script, "ROLE_STYLE") == list(Role)
    assert "const ROLES = Object.keys(ROLE_STYLE);" in script


def test_the_viewer_styles_every_relation_type_and_basis():
    script = (WEB / "app.js").read_text()
    assert table_keys(script, "EDGE_STYLE") == [*EdgeType, UNDERCUTS]
    assert table_keys(script, "BASIS_STYLE") == list(Basis)
    css = (WEB / "app.css").read_text()
    for name in [*EdgeType, UNDERCUTS]:
        assert f".line.{name.lower()} {{" in css
    for basis in [*Basis, "unknown"]:
        assert f".line.basis-{basis} {{" in css


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
        "Link",
    }
    relationships = set(
        re.findall(r"^relationship\.(\w+) \{", (WEB / "style.grass").read_text(), re.MULTILINE)
    )
    assert {*EdgeType, UNDERCUTS, "ARGUES"} <= relationships
    assert "node.Link {" in (WEB / "style.grass").read_text()
