// A statement's whole argument: every statement reaching it within `depth` SUPPORTS or
// REFUTES steps, and the SUPPORTS/REFUTES edges among them.
// depth-bound: 10
// params: id
// returns: nodes ([{id, role, title, text, speakers: [name], sources: [source id]}], the root
//   first), edges ([{id, source, target, type, basis, speakers: [name], undercuts}] among
//   them), undercuts ([{id, source, target, type: 'UNDERCUTS', basis, speakers, node}] aimed
//   at those edges, `node` the undercutting statement shaped as the nodes are); no row for an
//   unknown id. One round trip: the statements, the edges, who argues each and the undercuts.
MATCH (root:Statement {id: $id})
OPTIONAL MATCH (root)<-[:SUPPORTS|REFUTES*1..10]-(x:Statement)
WITH root, collect(DISTINCT x) AS found
WITH [root] + [x IN found WHERE x <> root] AS tree
UNWIND tree AS a
OPTIONAL MATCH (a)-[r:SUPPORTS|REFUTES]->(b:Statement)
WHERE b IN tree
// (FalkorDB: a property of a null in a later OPTIONAL MATCH fails; a WITH variable works)
WITH tree, a, r, b, r.id AS edge_id
OPTIONAL MATCH (l:Link {id: edge_id})
WITH tree, collect(CASE WHEN r IS NULL THEN null ELSE {
  id: r.id, source: a.id, target: b.id, type: type(r), basis: r.basis,
  speakers: [(lp:Person)-[:ARGUES]->(l) | lp.name],
  undercuts: [(u:Statement)-[x:UNDERCUTS]->(l) |
              {id: x.id, source: u.id, target: l.id, type: type(x), basis: x.basis}]
} END) AS edges
UNWIND tree AS n
WITH edges, collect(n {
  .id, .title, .text, .role,
  speakers: [(q:Person)-[:ASSERTS]->(n) | q.name],
  sources: [(n)-[:HAS_QUOTE]->(:Quote)-[:IN]->(src:Source) | src.id]
}) AS nodes
WITH nodes, edges, reduce(found = [], e IN edges | found + e.undercuts) AS aimed
UNWIND CASE size(aimed) WHEN 0 THEN [null] ELSE aimed END AS uc
WITH nodes, edges, uc, uc.id AS undercut_id, uc.source AS undercutter
OPTIONAL MATCH (ul:Link {id: undercut_id})
OPTIONAL MATCH (us:Statement {id: undercutter})
RETURN nodes, edges, collect(CASE WHEN uc IS NULL THEN null ELSE {
  id: uc.id, source: uc.source, target: uc.target, type: uc.type, basis: uc.basis,
  speakers: [(up:Person)-[:ARGUES]->(ul) | up.name],
  node: us {
    .id, .title, .text, .role,
    speakers: [(uq:Person)-[:ASSERTS]->(us) | uq.name],
    sources: [(us)-[:HAS_QUOTE]->(:Quote)-[:IN]->(usrc:Source) | usrc.id]
  }
} END) AS undercuts
