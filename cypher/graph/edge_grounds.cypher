// What every graph answer adds to its SUPPORTS/REFUTES edges: who argues each (names), and
// the UNDERCUTS aimed at each, shaped as graph edges whose `target` is the undercut edge's id
// (their sources, the undercutting statements, join the answer's nodes).
// params: ids (edge ids)
// returns: id (an edge id), speakers ([name]), undercuts ([{id, source, target, type, basis,
//   speakers: [name]}]); one row per edge with a :Link
UNWIND $ids AS edge_id
MATCH (l:Link {id: edge_id})
OPTIONAL MATCH (u:Statement)-[x:UNDERCUTS]->(l)
// (FalkorDB: a property of a null in a later OPTIONAL MATCH fails; a WITH variable works)
WITH l, u, x, x.id AS undercut_id
OPTIONAL MATCH (ul:Link {id: undercut_id})
WITH l, collect(CASE WHEN x IS NULL THEN null ELSE {
  id: x.id, source: u.id, target: l.id, type: type(x), basis: x.basis,
  speakers: CASE WHEN ul IS NULL THEN [] ELSE [(up:Person)-[:ARGUES]->(ul) | up.name] END
} END) AS undercuts
RETURN l.id AS id, [(p:Person)-[:ARGUES]->(l) | p.name] AS speakers, undercuts
