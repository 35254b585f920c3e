"""Convert an arg-microtexts `arggraph` XML file (https://github.com/peldszus/arg-microtexts,
CC BY-NC-SA 4.0) to AIF JSON as AIFdb holds monological texts: one I-node per ADU (its EDU's
text), an RA per support, a CA per rebuttal, and a CA aimed at the attacked RA/CA per undercut;
`add` edges join the premise to the scheme node of the edge they add to (linked premises).

    python microtext_to_aif.py micro_b001.xml > microtext-b001.aif.json
"""

import json
import sys
import xml.etree.ElementTree as ET


def convert(path: str) -> dict:
    graph = ET.parse(path).getroot()
    texts = {e.get("id"): e.text for e in graph.iter("edu")}
    nodes, edges = [], []

    def link(source: str, target: str) -> None:
        edges.append({"edgeID": str(len(edges) + 1), "fromID": source, "toID": target})

    relations = {e.get("id"): e for e in graph.iter("edge")}
    for edge in relations.values():
        if edge.get("type") == "seg":
            nodes.append({"nodeID": edge.get("trg"), "text": texts[edge.get("src")], "type": "I"})
    for id, edge in relations.items():
        kind = edge.get("type")
        if kind in ("sup", "exa", "reb", "und"):
            scheme = "RA" if kind in ("sup", "exa") else "CA"
            text = "Default Inference" if scheme == "RA" else "Default Conflict"
            nodes.append({"nodeID": id, "text": text, "type": scheme})
            link(edge.get("src"), id)
            link(id, edge.get("trg"))  # an ADU, or (undercut) the attacked edge's scheme node
        elif kind == "add":
            link(edge.get("src"), edge.get("trg"))
    return {"nodes": nodes, "edges": edges, "locutions": [], "participants": []}


if __name__ == "__main__":
    print(json.dumps(convert(sys.argv[1]), indent=1, ensure_ascii=False))
