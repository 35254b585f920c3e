"""The interchange layer: argmap documents, AIF, Argdown, GraphML, DOT. Pure conversions, no
database."""

from __future__ import annotations

import copy
import hashlib
import json
import re
import shutil
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from argmap.domain import _storable
from argmap.formats import (
    MapDocument,
    Problem,
    aif_to_document,
    document_to_aif,
    document_to_argdown,
    document_to_dot,
    document_to_graphml,
    graphml_to_document,
    parse_json_bytes,
    render_svg,
    validate_document,
)
from argmap.formats.document import COLLECTIONS, V1_EDGE_NOTE

AIF = Path(__file__).parent / "fixtures" / "aif"
ARTICLE = "Blinken said: NATO is a defensive alliance. The Kremlin replied: expansion threatens us."


def load(name: str) -> Any:
    return json.loads((AIF / name).read_text())


def as_set(items: list[Any]) -> set[str]:
    return {json.dumps(i.model_dump(mode="json"), sort_keys=True) for i in items}


def locations(problems: list[Any]) -> list[str]:
    return [p.location for p in problems]


def sample() -> dict[str, Any]:
    """A small but complete document: every collection, linked premises, a cycle, a shared
    quote, a quote whose speaker does not assert the statement, an assertion without quote."""
    start = ARTICLE.index("NATO")
    end = ARTICLE.index(" The Kremlin")
    return {
        "format": "argmap",
        "version": 1,
        "statements": [
            {
                "id": "nato-defensive",
                "role": "Position",
                "title": "NATO is defensive",
                "text": "NATO is a defensive alliance.",
            },
            {
                "id": "never-attacked",
                "role": "Premise",
                "title": "Never attacked [anyone]",
                "text": "NATO has never attacked Russia.",
            },
            {
                "id": "no-intent",
                "role": "Premise",
                "text": "NATO has no aggressive intent.",
                "base_score": 0.8,
            },
            {
                "id": "expansion-threat",
                "role": "Rebuttal",
                "title": "Expansion threatens Russia",
                "text": 'Expansion "threatens" Russia\'s security.',
            },
            {"id": "alliance-defends", "role": "Claim", "text": "The alliance only defends."},
        ],
        "edges": [
            {
                "source": "never-attacked",
                "target": "nato-defensive",
                "type": "SUPPORTS",
                "inference": "defensive-record",
            },
            {
                "source": "no-intent",
                "target": "nato-defensive",
                "type": "SUPPORTS",
                "inference": "defensive-record",
            },
            {"source": "expansion-threat", "target": "nato-defensive", "type": "REFUTES"},
            {"source": "nato-defensive", "target": "expansion-threat", "type": "REFUTES"},
            {"source": "alliance-defends", "target": "never-attacked", "type": "SUPPORTS"},
        ],
        "rephrases": [{"source": "alliance-defends", "target": "nato-defensive"}],
        "people": [
            {"id": "blinken", "name": "Antony Blinken", "description": "US Secretary of State"},
            {"id": "kremlin", "name": "Russian government (the Kremlin)"},
            {"id": "reporter", "name": "Reporter"},
        ],
        "sources": [
            {
                "id": "src-news",
                "title": "News",
                "kind": "news report",
                "text": ARTICLE,
                "sha256": hashlib.sha256(ARTICLE.encode()).hexdigest(),
            },
        ],
        "quotes": [
            {
                "statement": "nato-defensive",
                "source": "src-news",
                "start": start,
                "end": end,
                "quote": ARTICLE[start:end],
                "speaker": "blinken",
            },
            {
                "statement": "alliance-defends",
                "source": "src-news",
                "start": start,
                "end": end,
                "quote": ARTICLE[start:end],
                "speaker": "blinken",
            },
        ],
        "asserts": [
            {"person": "blinken", "statement": "nato-defensive"},
            {"person": "kremlin", "statement": "expansion-threat"},
        ],
        "authored": [{"person": "reporter", "source": "src-news"}],
    }


def sample_doc() -> MapDocument:
    doc, problems = validate_document(sample())
    assert problems == []
    assert doc is not None
    return doc


# --- the argmap document -----------------------------------------------------------------


def test_valid_document_derives_edge_and_quote_ids() -> None:
    doc = sample_doc()
    assert doc.edges[0].id == "never-attacked~supports~nato-defensive"
    assert doc.edges[2].id == "expansion-threat~refutes~nato-defensive"
    start = ARTICLE.index("NATO")
    assert doc.quotes[0].id == f"src-news-{start}-{ARTICLE.index(' The Kremlin')}"


def test_every_document_problem_is_reported_at_its_location() -> None:
    raw = sample()
    raw["version"] = 3
    raw["colour"] = "blue"
    raw["statements"] += [
        {"id": "nato-defensive", "role": "Claim", "text": "Duplicate id."},
        {"id": "bossy", "role": "Boss", "text": "Bad role."},
        {"id": "too-long", "role": "Claim", "text": "x" * 5001},
        {"id": "Bad Id", "role": "Claim", "text": "Not a slug.", "colour": "red"},
    ]
    raw["edges"] += [
        {"source": "never-attacked", "target": "nowhere", "type": "SUPPORTS"},
        {"source": "no-intent", "target": "no-intent", "type": "SUPPORTS"},
        {"source": "no-intent", "target": "expansion-threat", "type": "ATTACKS"},
        {"id": "wrong", "source": "no-intent", "target": "expansion-threat", "type": "REFUTES"},
        {
            "source": "alliance-defends",
            "target": "expansion-threat",
            "type": "REFUTES",
            "inference": "defensive-record",
        },
        # An edge into an invalid statement is not also reported as dangling.
        {"source": "too-long", "target": "nato-defensive", "type": "SUPPORTS"},
        {"source": "never-attacked", "target": "nato-defensive", "type": "SUPPORTS"},
    ]
    raw["rephrases"].append({"source": "gone", "target": "gone"})
    raw["people"].append({"id": "blinken", "name": ""})
    raw["sources"][0]["sha256"] = "0" * 64
    raw["quotes"] += [
        {
            "statement": "nato-defensive",
            "source": "src-news",
            "start": 0,
            "end": 7,
            "quote": "Blinken!",
        },
        {
            "statement": "nato-defensive",
            "source": "src-missing",
            "start": 0,
            "end": 7,
            "quote": "Blinken",
            "speaker": "nobody",
        },
        {"statement": "no-intent", "source": "src-news", "start": 9, "end": 3, "quote": "x"},
        {
            "id": "src-news-0-7",
            "statement": "no-intent",
            "source": "src-news",
            "start": 0,
            "end": 7,
            "quote": "Blinken",
            "note": "differs from the first in more than statement",
        },
    ]
    raw["asserts"].append({"person": "nobody", "statement": "nowhere"})
    raw["authored"].append({"person": "reporter", "source": "src-missing"})
    # Version 3 does not exist, so nothing upgrades the version-1 edges: give them grounds.
    raw["edges"] = [{"basis": "reconstructed", "note": "read in"} | e for e in raw["edges"]]

    doc, problems = validate_document(raw)

    assert doc is None
    assert locations(problems) == [
        "version",
        "colour",
        "statements[6].role",
        "statements[7].text",
        "statements[8].id",
        "statements[8].colour",
        "edges[6]",
        "edges[7].type",
        "edges[9]",
        "people[3].name",
        "quotes[4]",
        "statements[5].id",
        "people[3].id",
        "sources[0].sha256",
        "edges[5].target",
        "edges[8].id",
        "edges[11].id",
        "rephrases[1].source",
        "rephrases[1].target",
        "rephrases[1]",
        "quotes[2].quote",
        "quotes[3].source",
        "quotes[3].speaker",
        "quotes[5].id",
        "asserts[2].person",
        "asserts[2].statement",
        "authored[1].source",
    ]
    messages = {p.location: p.message for p in problems}
    assert messages["edges[8].id"] == "must be 'no-intent~refutes~expansion-threat'"
    assert messages["edges[11].id"].startswith(
        "duplicate id 'never-attacked~supports~nato-defensive'"
    )
    assert (
        "Input should be 'Position', 'Claim', 'Premise' or 'Rebuttal'"
        in messages["statements[6].role"]
    )
    assert "at most 5000 characters" in messages["statements[7].text"]
    assert messages["quotes[2].quote"] == "differs from the text of source 'src-news' at [0:7]"
    assert messages["edges[6]"] == "a statement cannot support or refute itself"
    assert messages["edges[9]"] == "only SUPPORTS edges carry an inference"
    assert messages["quotes[4]"] == "end must be after start"


def test_an_inference_links_premises_of_one_conclusion_only() -> None:
    raw = sample()
    raw["edges"][1]["target"] = "expansion-threat"
    _, problems = validate_document(raw)
    assert locations(problems) == ["edges[1].inference"]
    assert "linked premises share one conclusion" in problems[0].message


def test_a_shared_quote_repeats_with_another_statement() -> None:
    raw = sample()
    raw["quotes"].append(dict(raw["quotes"][0]))
    _, problems = validate_document(raw)
    assert locations(problems) == ["quotes[2].id"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ([], [("$", "expected a JSON object")]),
        ({"statements": {}}, [("statements", "expected a list")]),
        (
            {"statements": ["x"]},
            [("statements[0]", "Input should be a valid dictionary or instance of Statement")],
        ),
    ],
)
def test_document_shape_problems(raw: Any, expected: list[tuple[str, str]]) -> None:
    doc, problems = validate_document(raw)
    assert doc is None
    assert [(p.location, p.message) for p in problems] == expected


def test_empty_document_is_valid() -> None:
    doc, problems = validate_document({})
    assert problems == [] and doc == MapDocument()


@pytest.mark.parametrize(
    ("data", "location", "message"),
    [
        (
            b'{"statements": [\n  {"id": "a",}\n]}',
            "2:14",
            "Expecting property name enclosed in double quotes",
        ),
        (b"", "1:1", "Expecting value"),
        (b'{"a": 1}\n\n  x', "3:3", "Extra data"),
        (b'{"a":\n "\xff"}', "2:3", "not UTF-8: invalid start byte"),
    ],
)
def test_bad_json_is_located_by_line_and_column(data: bytes, location: str, message: str) -> None:
    raw, problems = parse_json_bytes(data)
    assert raw is None
    assert [(p.location, p.message) for p in problems] == [(location, message)]


def test_deeply_nested_json_is_a_problem_not_a_crash() -> None:
    assert parse_json_bytes(b"[" * 100_000 + b"]" * 100_000) == (
        None,
        [Problem(location="$", message="nested too deeply")],
    )


def test_json_with_a_byte_order_mark_parses() -> None:
    assert parse_json_bytes(b'\xef\xbb\xbf{"format": "argmap"}') == ({"format": "argmap"}, [])


# --- AIF import ----------------------------------------------------------------------------


def test_aif_inference_conflict_rephrase_and_preference() -> None:
    doc, problems, _ = aif_to_document(load("inference.json"))
    assert problems == [] and doc is not None
    assert [(s.id, s.role.value) for s in doc.statements] == [
        ("aif-1", "Position"),  # supported and attacked, supports nothing
        ("aif-2", "Claim"),  # premise of RA 10 and conclusion of RA 12
        ("aif-3", "Premise"),
        ("aif-4", "Rebuttal"),  # premise of the CA
        ("aif-5", "Claim"),  # only rephrases
        ("aif-6", "Premise"),
    ]
    assert doc.statements[0].text == "Russia should not join NATO."
    assert [(e.id, e.inference) for e in doc.edges] == [
        ("aif-2~supports~aif-1", "aif-10"),  # linked premises share the RA
        ("aif-3~supports~aif-1", "aif-10"),
        ("aif-4~refutes~aif-1", None),
        ("aif-6~supports~aif-2", None),  # a single premise links nothing
    ]
    assert [(r.source, r.target) for r in doc.rephrases] == [("aif-5", "aif-2")]
    assert doc.people == doc.sources == doc.quotes == doc.asserts == []


def test_aif_locutions_become_quotes_speakers_and_assertions() -> None:
    doc, problems, _ = aif_to_document(load("dialogue.json"), prefix="debate")
    assert problems == [] and doc is not None
    assert [(s.id, s.role.value) for s in doc.statements] == [
        ("debate-101", "Position"),
        ("debate-104", "Claim"),
        ("debate-108", "Premise"),
        ("debate-114", "Rebuttal"),
    ]
    # TA nodes and the YA anchoring the RA ("Arguing") add nothing.
    assert [e.id for e in doc.edges] == [
        "debate-108~supports~debate-101",
        "debate-114~refutes~debate-101",
    ]
    assert [(p.id, p.name) for p in doc.people] == [
        ("debate-person-1", "Alice Smith"),
        ("debate-person-2", "Bob"),
        ("debate-person-carol", "Carol"),  # no participants entry: named by the L-node text
    ]
    [source] = doc.sources
    assert source.text == (
        "Alice Smith: NATO is a defensive alliance.\n\n"
        "Bob: Has NATO ever attacked anyone?\n\n"
        "Alice Smith: It never attacked Russia.\n\n"
        "Carol: Expansion threatens Russia."
    )
    assert source.sha256 == hashlib.sha256(source.text.encode()).hexdigest()
    assert source.id == f"debate-locutions-{source.sha256[:12]}"
    assert [(q.statement, q.quote, q.speaker) for q in doc.quotes] == [
        ("debate-101", "NATO is a defensive alliance.", "debate-person-1"),
        ("debate-104", "Has NATO ever attacked anyone?", "debate-person-2"),
        ("debate-108", "It never attacked Russia.", "debate-person-1"),
        ("debate-114", "Expansion threatens Russia.", "debate-person-carol"),  # direct L→I
    ]
    for q in doc.quotes:
        assert source.text[q.start : q.end] == q.quote
        assert q.id == f"{source.id}-{q.start}-{q.end}"
    # Bob only asked ("Pure Questioning"): he asserts nothing.
    assert {(a.person, a.statement) for a in doc.asserts} == {
        ("debate-person-1", "debate-101"),
        ("debate-person-1", "debate-108"),
        ("debate-person-carol", "debate-114"),
    }


def test_malformed_aif_reports_every_problem() -> None:
    doc, problems, _ = aif_to_document(load("malformed.json"))
    assert doc is None
    assert sorted(locations(problems)) == sorted(
        [
            "nodes[1].nodeID",  # duplicate
            "nodes[2].text",  # blank I-node
            "nodes[3].type",  # unknown type
            "nodes[4].nodeID",  # missing
            "nodes[5].text",  # missing
            "edges[1].edgeID",  # duplicate
            "edges[1].toID",  # dangling
            "edges[2].fromID",  # dangling
            "edges[3]",  # I→I
            "edges[4].edgeID",  # missing
            "locutions[0].nodeID",  # dangling
        ]
    )
    messages = {p.location: p.message for p in problems}
    assert messages["nodes[3].type"].startswith("unknown node type 'XA'")
    # An RA without a conclusion loses nothing else: a warning, not a refusal.
    _, _, warnings = aif_to_document(load("malformed.json"))
    assert "nodes[5]" in locations(warnings)
    assert messages["edges[1].toID"] == "no node '99'"
    assert messages["nodes[1].nodeID"] == "duplicate nodeID '1' (first at nodes[0])"


def test_aif_text_over_the_limits() -> None:
    raw = load("dialogue.json")
    raw["nodes"][1]["text"] = "x" * 5001  # an I-node
    raw["nodes"][3]["text"] = "Bob: " + "y" * 5001  # an L-node
    doc, problems, _ = aif_to_document(raw)
    assert doc is None
    assert locations(problems) == ["nodes[3].text", "nodes[1].text"]


def test_aif_undercut_is_imported_and_odd_shapes_are_warnings() -> None:
    raw = load("inference.json")
    raw["nodes"].append({"nodeID": 20, "text": "Default Conflict", "type": "CA"})
    raw["edges"] += [
        {"edgeID": 20, "fromID": 5, "toID": 20},
        {"edgeID": 21, "fromID": 20, "toID": 10},  # attacks the RA itself: an undercut
    ]
    doc, problems, warnings = aif_to_document(raw)
    assert problems == [] and doc is not None
    # The RA has two premises: the undercut attacks the inference of each of its edges.
    assert [(u.source, u.target, u.basis.value) for u in doc.undercuts] == [
        ("aif-5", "aif-2~supports~aif-1", "reconstructed"),
        ("aif-5", "aif-3~supports~aif-1", "reconstructed"),
    ]
    assert doc.undercuts[0].note == "AIF: no locution argues this CA"
    assert all(e.basis.value == "reconstructed" for e in doc.edges)

    raw["edges"][8]["toID"] = 5  # the MA now rephrases its own source
    raw["nodes"][0]["argmap"] = {"role": "Boss"}
    _, problems, warnings = aif_to_document(raw)
    assert locations(problems) == ["nodes[0].argmap.role"]
    assert "nodes[9]" in locations(warnings)  # the MA relates a statement to itself


def test_aif_ids_from_argmap_must_be_slugs_and_unique() -> None:
    raw = load("inference.json")
    raw["nodes"][0]["argmap"] = {"id": "Not A Slug"}
    raw["nodes"][1]["argmap"] = {"id": "same"}
    raw["nodes"][2]["argmap"] = {"id": "same"}
    _, problems, _ = aif_to_document(raw)
    assert locations(problems) == ["nodes[0].argmap.id", "nodes[2].argmap.id"]
    with pytest.raises(ValueError, match="prefix"):
        aif_to_document(raw, prefix="Not A Slug")


def test_aif_requires_nodes_and_edges() -> None:
    assert aif_to_document([]) == (
        None,
        [Problem(location="$", message="expected a JSON object with nodes and edges")],
        [],
    )
    _, problems, _ = aif_to_document({"nodes": {}, "locutions": "x"})
    assert locations(problems) == ["nodes", "edges", "locutions"]


# --- round trips ---------------------------------------------------------------------------


def test_document_aif_document_round_trip() -> None:
    doc = sample_doc()
    aif = json.loads(json.dumps(document_to_aif(doc)))  # through real JSON
    types = [n["type"] for n in aif["nodes"]]
    assert types.count("I") == 5
    assert types.count("RA") == 2  # the linked premises share one RA
    assert types.count("CA") == 2 and types.count("MA") == 1
    # The shared quote is one L-node; Kremlin's assertion without a quote gets its own.
    assert [n["text"] for n in aif["nodes"] if n["type"] == "L"] == [
        f"Antony Blinken: {doc.quotes[0].quote}",
        'Russian government (the Kremlin): Expansion "threatens" Russia\'s security.',
    ]
    assert sorted(n["text"] for n in aif["nodes"] if n["type"] == "YA") == [
        "Asserting",
        "Asserting",
        "Quoting",
    ]

    back, problems, _ = aif_to_document(aif)
    assert problems == [] and back is not None
    for field in ("statements", "edges", "rephrases", "people", "asserts"):
        assert as_set(getattr(back, field)) == as_set(getattr(doc, field)), field
    # Kremlin's assertion-only locution records the assertion but adds no quote, so a
    # second round trip does not grow the map.
    assert {(q.statement, q.quote, q.speaker) for q in back.quotes} == {
        (q.statement, q.quote, q.speaker) for q in doc.quotes
    }


def test_foreign_aif_keeps_its_ids_through_a_second_round() -> None:
    first, _, _ = aif_to_document(load("dialogue.json"))
    assert first is not None
    second, problems, _ = aif_to_document(document_to_aif(first))
    assert problems == [] and second is not None
    for field in ("statements", "edges", "people", "asserts"):
        assert as_set(getattr(second, field)) == as_set(getattr(first, field)), field


def test_document_graphml_document_round_trip() -> None:
    doc = sample_doc()
    data = document_to_graphml(doc)
    assert data.startswith(b"<?xml") and b"graphml" in data
    back, problems = graphml_to_document(data)
    assert problems == [] and back is not None
    assert (back.format, back.version) == (doc.format, doc.version)
    for field in COLLECTIONS:  # everything, in any order
        assert as_set(getattr(back, field)) == as_set(getattr(doc, field)), field


def test_graphml_problems() -> None:
    assert locations(graphml_to_document(b"<graphml")[1]) == ["1:1"]
    data = document_to_graphml(sample_doc()).replace(b">Premise<", b">Boss<", 1)
    doc, problems = graphml_to_document(data)
    assert doc is None and locations(problems) == ["statements[1].role"]
    data = document_to_graphml(sample_doc()).replace(b">person<", b">widget<", 1)
    assert locations(graphml_to_document(data)[1]) == ["node 'person:blinken'"]


def graphml_with(key: str, value: str) -> bytes:
    """The sample's GraphML with one more node attribute: `key` declared, `value` given."""
    data = document_to_graphml(sample_doc())
    data = data.replace(b"<graph ", f"{key}\n<graph ".encode(), 1)
    return data.replace(b"</node>", f'<data key="extra">{value}</data></node>'.encode(), 1)


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ('<key id="extra" for="node" attr.name="n" attr.type="int"/>', "twelve", "valid int"),
        ('<key id="extra" for="node" attr.name="n" attr.type="long"/>', "9" * 5000, "valid long"),
        ('<key id="extra" for="node" attr.name="n" attr.type="double"/>', "high", "valid double"),
        ('<key id="extra" for="node" attr.name="n" attr.type="boolean"/>', "maybe", "boolean"),
        ('<key id="extra" for="node" attr.name="n" attr.type="complex"/>', "1", "attr.type"),
        (
            '<key id="extra" for="node" attr.name="n" attr.type="int"><default>x</default></key>',
            "1",
            "valid int",
        ),
    ],
)
def test_graphml_values_that_do_not_fit_their_type_are_located_problems(
    key: str, value: str, message: str
) -> None:
    """networkx raised ValueError/KeyError for these: the API answered 500."""
    doc, problems = graphml_to_document(graphml_with(key, value))
    assert doc is None and len(problems) == 1, problems
    assert re.fullmatch(r"\d+:\d+", problems[0].location) and message in problems[0].message


def test_graphml_entity_declarations_are_refused() -> None:
    """No expansion (billion laughs), no external entity (XXE), not even a harmless one."""
    doctype = b'<!DOCTYPE graphml [<!ENTITY word "harmless">]>\n'
    data = document_to_graphml(sample_doc()).replace(b"?>\n", b"?>\n" + doctype, 1)
    doc, problems = graphml_to_document(data.replace(b"NATO", b"&word;", 1))
    assert doc is None and "entity declarations" in problems[0].message
    assert problems[0].location.startswith("2:")  # the DOCTYPE line


def test_every_storable_character_survives_graphml() -> None:
    """The text rule (domain._storable) and GraphML agree: every character the rule lets into
    the graph comes back from export → import unchanged (CR, tab, C1 controls, U+2028...)."""
    storable = []
    for code in range(1, 0x110000):
        try:
            storable.append(_storable(chr(code)))
        except ValueError:
            pass
    assert "\t" in storable and "\r" in storable and "\x00" not in storable
    everything = "".join(storable)
    raw = sample()
    raw["sources"].append({"id": "all-of-unicode", "text": everything})
    raw["statements"][0]["text"] = " \r\n\t\rtrailing \r\x85\x7f\u2028 "
    doc, problems = validate_document(raw)
    assert problems == [] and doc is not None
    back, problems = graphml_to_document(document_to_graphml(doc))
    assert problems == [] and back is not None
    assert back.sources[-1].text == everything
    assert back.statements[0].text == doc.statements[0].text


# --- Argdown -------------------------------------------------------------------------------


def test_argdown_statements_and_relations() -> None:
    doc = sample_doc()
    text = document_to_argdown(doc)
    lines = text.splitlines()
    assert lines[0].startswith("// argmap export: 5 statements, 5 relations.")
    assert (
        '[NATO is defensive]: NATO is a defensive alliance. {id: "nato-defensive", role: "Position"}'
        in lines
    )
    # Brackets in a title become parentheses; in text they are escaped.
    assert any(
        line.strip().startswith("<+ [Never attacked (anyone)]: NATO has never attacked")
        for line in lines
    )
    # Each relation is written once, under its target.
    relations = [line.strip() for line in lines if re.match(r"\s+<[+-] \[", line)]
    assert len(relations) == len(doc.edges)
    # The refutation cycle ends in a reference, not a second definition.
    assert "<- [NATO is defensive]" in relations
    assert sum(line.startswith("[NATO is defensive]:") for line in lines) == 1
    definitions = re.findall(r"^(?:\s+<[+-] )?\[([^\]]+)\]: ", text, re.MULTILINE)
    assert len(definitions) == len(set(definitions)) == len(doc.statements)


def test_argdown_escapes_syntax_and_makes_titles_unique() -> None:
    raw = {
        "statements": [
            {
                "id": "a",
                "role": "Claim",
                "title": "Same",
                "text": "see @[x] #tag *bold* {k: v} <arg>\nnext // line",
            },
            {"id": "b", "role": "Claim", "title": "Same", "text": "U.A.E. at 10:30, :A: .A."},
            {"id": "c", "role": "Claim", "title": "- dash", "text": "x"},
        ],
        "edges": [{"source": "b", "target": "a", "type": "REFUTES"}],
        "version": 1,
    }
    doc, _ = validate_document(raw)
    assert doc is not None
    text = document_to_argdown(doc)
    assert r"[Same]: see \@\[x\] \#tag \*bold\* \{k: v\} \<arg\> next \// line" in text
    # `.A.` and `:A:` would be shortcodes for "∀"; a reference cannot start with "-".
    assert r'  <- [Same (2)]: U\.A\.E. at 10:30, \:A: \.A. {id: "b", role: "Claim"}' in text
    assert "[dash]: x" in text


# --- DOT -----------------------------------------------------------------------------------


def tricky_doc() -> MapDocument:
    raw = sample()
    raw["statements"][0]["title"] = 'A "quoted" \\ backslash\nand a newline'
    doc, problems = validate_document(raw)
    assert problems == [] and doc is not None
    return doc


def test_dot_output() -> None:
    dot = document_to_dot(tricky_doc())
    assert dot.startswith("digraph argmap {") and dot.rstrip().endswith("}")
    assert '"never-attacked" -> "nato-defensive" [color="#2e7d32"' in dot
    assert '"expansion-threat" -> "nato-defensive" [color="#c62828", style=dashed' in dot
    # Wrapped at 32 characters; `"` and `\` escaped.
    assert r'label="A \"quoted\" \\ backslash and a\nnewline"' in dot
    assert 'fillcolor="#cfe2ff"' in dot  # the Position


@pytest.mark.skipif(not shutil.which("dot"), reason="Graphviz `dot` is not installed")
def test_dot_renders_to_svg() -> None:
    svg = render_svg(document_to_dot(tricky_doc())).decode()
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert "A &quot;quoted&quot; \\ backslash" in svg
    assert svg.count('class="node"') == 5 and svg.count('class="edge"') == 6


def test_render_svg_without_graphviz(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda _: None)
    with pytest.raises(RuntimeError, match="apt-get install graphviz"):
        render_svg("digraph {}")


@pytest.mark.skipif(not shutil.which("dot"), reason="Graphviz `dot` is not installed")
def test_render_svg_reports_dot_errors() -> None:
    with pytest.raises(RuntimeError, match="dot failed"):
        render_svg("digraph { a -> }")


def test_conversions_do_not_change_the_document() -> None:
    doc = sample_doc()
    before = copy.deepcopy(doc)
    document_to_aif(doc), document_to_argdown(doc), document_to_dot(doc), document_to_graphml(doc)
    assert doc == before


# --- relations' grounds and undercuts (version 2) -------------------------------------------


def sample_v2() -> dict[str, Any]:
    """The sample with grounds on every relation, an undercut, a quote only a relation cites
    and an alias."""
    raw = sample() | {"version": 2}
    for e in raw["edges"]:
        e |= {"basis": "reconstructed", "note": "the analyst's reading"}
    raw["quotes"].append(
        {"source": "src-news", "start": 0, "end": 7, "quote": "Blinken", "note": "cited only"}
    )
    shared = quote = f"src-news-{ARTICLE.index('NATO')}-{ARTICLE.index(' The Kremlin')}"
    raw["edges"][2] |= {
        "basis": "stated",
        "note": None,
        "speakers": ["blinken", "kremlin"],
        "quotes": [shared, "src-news-0-7"],
    }
    raw["edges"][4]["speakers"] = ["reporter"]  # reconstructed, yet someone argues it
    raw["undercuts"] = [
        {
            "source": "alliance-defends",
            "target": "expansion-threat~refutes~nato-defensive",
            "basis": "stated",
            "quotes": [quote],
            "speakers": ["reporter"],
        },
        {
            "source": "expansion-threat",
            "target": "no-intent~supports~nato-defensive",
            "basis": "reconstructed",
            "note": "attacks one of two linked premises",
        },
    ]
    raw["people"][0]["aliases"] = ["Tony Blinken", "A. Blinken"]
    return raw


def v2_doc() -> MapDocument:
    doc, problems = validate_document(sample_v2())
    assert problems == [] and doc is not None
    return doc


def test_version_1_edges_are_reconstructed_with_a_note() -> None:
    doc = sample_doc()
    assert {(e.basis.value, e.note) for e in doc.edges} == {("reconstructed", V1_EDGE_NOTE)}
    assert doc.version == 2


def test_grounds_refer_to_people_and_quotes_of_the_document() -> None:
    raw = sample_v2()
    raw["edges"][0]["speakers"] = ["nobody"]
    raw["undercuts"][0]["quotes"] = ["src-news-1-2"]
    raw["undercuts"].append({"source": "no-intent", "target": "a~supports~b", "basis": "stated"})
    _, problems = validate_document(raw)
    assert locations(problems) == [
        "undercuts[2]",  # stated without quotes
        "edges[0].speakers[0]",
        "undercuts[0].quotes[0]",
    ]


def test_own_aif_gives_back_the_same_document() -> None:
    """argmap's own AIF carries everything AIF has no field for: importing it gives the same
    document, grounds, undercuts, quote notes and sources included (no synthetic source)."""
    doc = v2_doc()
    aif = json.loads(json.dumps(document_to_aif(doc)))
    types = [n["type"] for n in aif["nodes"]]
    assert types.count("CA") == 2 + 2  # two REFUTES, two undercuts
    undercut = next(n for n in aif["nodes"] if n["nodeID"] == doc.undercuts[0].id)
    attacked = [e["toID"] for e in aif["edges"] if e["fromID"] == undercut["nodeID"]]
    assert attacked == [doc.undercuts[0].target]  # the CA's conclusion is the attacked CA
    texts = {n["nodeID"]: (n["type"], n["text"]) for n in aif["nodes"]}
    anchoring = [e["fromID"] for e in aif["edges"] if e["toID"] == doc.edges[2].id]
    # Two quotes × two speakers: four locutions, each anchored by a YA to the CA.
    assert sorted(texts[a] for a in anchoring if texts[a][0] == "YA") == [("YA", "Disagreeing")] * 4
    speakers = {loc["personID"] for loc in aif["locutions"]}
    assert {"blinken", "kremlin", "reporter"} <= speakers

    back, problems, warnings = aif_to_document(aif)
    assert problems == warnings == [] and back is not None
    for name in COLLECTIONS:
        assert as_set(getattr(back, name)) == as_set(getattr(doc, name)), name


def test_foreign_aif_grounds_come_from_anchoring_locutions() -> None:
    doc, problems, warnings = aif_to_document(load("oddities.json"), prefix="odd")
    assert problems == [] and doc is not None
    by_id = {e.id: e for e in doc.edges}
    # RA 3 is argued through the transition 4 → 6: Ann's later locution is its quote.
    support = by_id["odd-2~supports~odd-1"]
    assert support.basis.value == "stated" and support.speakers == ["odd-person-1"]
    [quote] = [q for q in doc.quotes if q.id == support.quotes[0]]
    assert quote.statement == "odd-2" and quote.quote == "Children are losing a year of learning."
    # CA 13 attacks RA 3: an undercut, argued by Ben (transition 6 → 11, "Disagreeing").
    [undercut] = doc.undercuts
    assert (undercut.source, undercut.target) == ("odd-10", "odd-2~supports~odd-1")
    assert undercut.basis.value == "stated" and undercut.speakers == ["odd-person-2"]
    # CA 18 is aimed at L-node 6: it attacks what that locution asserts.
    assert by_id["odd-10~refutes~odd-2"].basis.value == "reconstructed"
    assert by_id["odd-10~refutes~odd-2"].note == "AIF: no locution argues this CA"
    assert [(p.id, p.name) for p in doc.people] == [
        ("odd-person-1", "Ann"),
        ("odd-person-2", "Ben"),
    ]
    assert {(w.location, w.message.split(":")[0].split(" (")[0]) for w in warnings} == {
        ("schemefulfillments", "argument schemes are not kept"),
        ("nodes[15].text", "same text as nodes[0]"),
        ("nodes[16]", "this RA node needs one or more I-nodes in and exactly one out; has 1 in, 0 out"),
        ("locutions[2].nodeID", "a second locution entry for node '6'"),
    }  # fmt: skip


def test_graphml_keeps_grounds_undercuts_and_aliases() -> None:
    doc = v2_doc()
    data = document_to_graphml(doc)
    graph = nx.parse_graphml(data.decode())
    undercut = doc.undercuts[0]
    # A GraphML edge joins nodes: an undercut goes to its target edge's link node.
    assert graph.nodes[f"link:{undercut.target}"]["kind"] == "link"
    assert graph.has_edge(undercut.source, f"link:{undercut.target}")
    back, problems = graphml_to_document(data)
    assert problems == [] and back is not None
    for name in COLLECTIONS:
        assert as_set(getattr(back, name)) == as_set(getattr(doc, name)), name


def test_argdown_and_dot_show_grounds_and_undercuts() -> None:
    doc = v2_doc()
    argdown = document_to_argdown(doc)
    # Argdown has no undercut of a relation in a statement map: a comment says each.
    assert argdown.count("// undercut:") == len(doc.undercuts)
    assert (
        "// undercut: [Expansion threatens Russia] attacks the inference [NATO has no "
        "aggressive intent.] -> [NATO is defensive]; reconstructed: attacks one of two linked "
        "premises" in argdown
    )
    assert "// reconstructed: the analyst's reading" in argdown
    dot = document_to_dot(doc)
    assert dot.count("style=dashed") >= 1  # reconstructed
    for u in doc.undercuts:  # each undercut aims at a point on the edge it attacks
        assert f'"{u.source}" -> "edge:{u.target}"' in dot
    assert "Antony Blinken" in dot  # speakers in the edge tooltip
