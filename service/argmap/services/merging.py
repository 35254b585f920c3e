"""The plan of a statement merge: which relations move where, under which new ids.

Relation ids name their ends (`domain.edge_id`, `domain.undercut_id`), so every relation of the
merged statement gets a new id, and so does every undercut aimed at one of them. The plan is
made here, from the relations of both statements as read just before, and written by ONE
Cypher statement (`statements/merge.cypher`), which refuses it whole if the merged
statement's relations changed in between.

- A relation between the two statements would become a self-loop: it is dropped, with the
  undercuts aimed at it. So is an undercut that would attack a relation its own statement
  is an end of (the merged statement undercut one of the target's, or the other way round):
  a statement cannot undercut its own relation (`domain`'s rule).
- A relation whose new id the target already has (both supported the same statement) is
  folded into the target's: the MERGE keeps it, adding the moved one's speakers, quotes and
  undercuts; it becomes `stated` when the moved one was.
- Undercuts the merged statement makes, and those aimed at its relations, move to the new
  ids; one that meets an undercut the target already has is folded the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from argmap.domain import EdgeType, edge_id, parse_edge_id, undercut_id


@dataclass
class MergePlan:
    expected: list[str] = field(default_factory=list)  # every relation id of the statement
    supports: list[dict[str, Any]] = field(default_factory=list)
    refutes: list[dict[str, Any]] = field(default_factory=list)
    undercuts: list[dict[str, Any]] = field(default_factory=list)
    drop: list[str] = field(default_factory=list)  # the :Link ids that go
    folded: list[str] = field(default_factory=list)  # new ids the target already had
    dropped: list[str] = field(default_factory=list)  # relations that would be self-loops

    def params(self) -> dict[str, Any]:
        return {
            "expected": self.expected,
            "supports": self.supports,
            "refutes": self.refutes,
            "undercuts": self.undercuts,
            "drop": self.drop,
        }


def plan_merge(
    *, id: str, into: str, relations: dict[str, Any], target_relations: dict[str, Any]
) -> MergePlan:
    """`relations` / `target_relations`: `statements/relations` rows of the merged statement
    and of the target."""
    plan = MergePlan()
    taken = {e["id"] for e in target_relations["edges"]} | {
        u["id"] for u in target_relations["undercuts"]
    }
    moved_to: dict[str, str | None] = {}  # old edge id -> new id (None: dropped)
    for edge in relations["edges"]:
        plan.expected.append(edge["id"])
        source = into if edge["source"] == id else edge["source"]
        target = into if edge["target"] == id else edge["target"]
        plan.drop.append(edge["id"])
        if source == target:
            moved_to[edge["id"]] = None
            plan.dropped.append(edge["id"])
            continue
        new = edge_id(source, edge["type"], target)
        moved_to[edge["id"]] = new
        if new in taken:
            plan.folded.append(new)
        taken.add(new)
        row = {
            "old": edge["id"],
            "new": new,
            "source": source,
            "target": target,
            "basis": edge["basis"],
            "note": edge["note"],
        }
        if edge["type"] == EdgeType.SUPPORTS.value:
            plan.supports.append(row | {"inference": edge["inference"]})
        else:
            plan.refutes.append(row)
    seen = set()
    for undercut in relations["undercuts"]:
        if undercut["id"] in seen:  # made by it and aimed at its own relation: listed twice
            continue
        seen.add(undercut["id"])
        plan.expected.append(undercut["id"])
        plan.drop.append(undercut["id"])
        target = moved_to.get(undercut["target"], undercut["target"])
        if target is None:  # aimed at a relation that is dropped
            plan.dropped.append(undercut["id"])
            continue
        source = into if undercut["source"] == id else undercut["source"]
        ends = parse_edge_id(target)
        if ends and source in (ends[0], ends[2]):  # it would undercut an edge it is an end of
            plan.dropped.append(undercut["id"])
            continue
        new = undercut_id(source, target)
        if new in taken:
            plan.folded.append(new)
        taken.add(new)
        plan.undercuts.append(
            {
                "old": undercut["id"],
                "new": new,
                "source": source,
                "target": target,
                "basis": undercut["basis"],
                "note": undercut["note"],
            }
        )
    return plan
