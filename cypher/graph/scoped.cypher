// The map, or the part of it a viewer asks for: statements of one speaker, quoted in one
// source, and/or in the argument of one position (filters combine with AND; null = any).
// params: speaker, source, position (each an id or null), limit (max nodes)
// returns: nodes ([{id, role, title, text, speakers: [name], sources: [source id]}], at most
//   `limit`, by id), edges ([{id, source, target, type, basis, speakers: [name], undercuts}]
//   between them), undercuts ([{id, source, target, type: 'UNDERCUTS', basis, speakers,
//   node}] aimed at those edges, `node` the undercutting statement shaped as the nodes are),
//   total (statements in scope, before limit). One round trip.
MATCH (s:Statement)
WHERE ($speaker IS NULL OR (s)<-[:ASSERTS]-(:Person {id: $speaker}))
  AND ($source IS NULL OR (s)-[:HAS_QUOTE]->(:Quote)-[:IN]->(:Source {id: $source}))
  AND ($position IS NULL OR s.id = $position
       OR (s)-[:SUPPORTS|REFUTES*1..10]->(:Position {id: $position}))
WITH s ORDER BY s.id
WITH collect(s) AS matched
WITH size(matched) AS total, matched[0..$limit] AS kept
UNWIND CASE WHEN size(kept) = 0 THEN [null] ELSE kept END AS a
OPTIONAL MATCH (a)-[r:SUPPORTS|REFUTES]->(b:Statement)
WHERE b IN kept
// (FalkorDB: a property of a null in a later OPTIONAL MATCH fails; a WITH variable works)
WITH total, kept, a, r, b, r.id AS edge_id
OPTIONAL MATCH (l:Link {id: edge_id})
WITH total, kept, collect(CASE WHEN r IS NULL THEN null ELSE {
  id: r.id, source: a.id, target: b.id, type: type(r), basis: r.basis,
  speakers: [(lp:Person)-[:ARGUES]->(l) | lp.name],
  undercuts: [(u:Statement)-[x:UNDERCUTS]->(l) |
              {id: x.id, source: u.id, target: l.id, type: type(x), basis: x.basis}]
} END) AS edges
UNWIND CASE WHEN size(kept) = 0 THEN [null] ELSE kept END AS n
WITH total, edges, collect(CASE WHEN n IS NULL THEN null ELSE n {
  .id, .title, .text, .role,
  speakers: [(q:Person)-[:ASSERTS]->(n) | q.name],
  sources: [(n)-[:HAS_QUOTE]->(:Quote)-[:IN]->(src:Source) | src.id]
} END) AS nodes
WITH total, nodes, edges, reduce(found = [], e IN edges | found + e.undercuts) AS aimed
UNWIND CASE size(aimed) WHEN 0 THEN [null] ELSE aimed END AS uc
WITH total, nodes, edges, uc, uc.id AS undercut_id, uc.source AS undercutter
OPTIONAL MATCH (ul:Link {id: undercut_id})
OPTIONAL MATCH (us:Statement {id: undercutter})
RETURN total, nodes, edges, collect(CASE WHEN uc IS NULL THEN null ELSE {
  id: uc.id, source: uc.source, target: uc.target, type: uc.type, basis: uc.basis,
  speakers: [(up:Person)-[:ARGUES]->(ul) | up.name],
  node: us {
    .id, .title, .text, .role,
    speakers: [(uq:Person)-[:ASSERTS]->(us) | uq.name],
    sources: [(us)-[:HAS_QUOTE]->(:Quote)-[:IN]->(usrc:Source) | usrc.id]
  }
} END) AS undercuts
