// The map, or the part of it a viewer asks for: statements of one speaker, quoted in one
// source, and/or in the argument of one position (filters combine with AND; null = any; an
// id that is not a position selects nothing).
// params: speaker, source, position (each an id or null), limit (max nodes)
// returns: total (statements in scope, before limit), nodes ([{id, role, title, text,
//   speakers: [name], sources: [source id]}], at most `limit`, by id), edges ([[{id, source,
//   target, type, basis, speakers: [name], undercuts}]]: per node, its out-edges among the
//   nodes), undercuts ([{id, source, target, type: 'UNDERCUTS', basis, speakers, node}] aimed
//   at those edges, `node` the undercutting statement shaped as the nodes are); no row when
//   the scope selects nothing. One round trip.
MATCH (s:Statement)
WHERE ($speaker IS NULL OR (s)<-[:ASSERTS]-(:Person {id: $speaker}))
  AND ($source IS NULL OR (s)-[:HAS_QUOTE]->(:Quote)-[:IN]->(:Source {id: $source}))
  AND ($position IS NULL OR (s.id = $position AND s:Position)
       OR (s)-[:SUPPORTS|REFUTES*1..10]->(:Position {id: $position}))
WITH s ORDER BY s.id
WITH collect(s) AS matched
WITH size(matched) AS total, matched[0..$limit] AS kept
UNWIND range(0, size(kept) - 1) AS i
WITH total, kept, i, kept[i] AS a
OPTIONAL MATCH (a)-[r:SUPPORTS|REFUTES]->(b)
WHERE b IN kept
// (FalkorDB: a property of a null in a later OPTIONAL MATCH fails; a WITH variable works)
WITH total, i, a, r, b, r.id AS edge_id
OPTIONAL MATCH (l:Link {id: edge_id})
// Grouped by nodes and numbers only, never by a list: FalkorDB hashes a grouping key's
// every element on every row (an answer's nodes or edges as a key cost it 200 ms at 1M).
WITH total, i, a, collect(CASE WHEN r IS NULL THEN null ELSE {
  id: r.id, source: a.id, target: b.id, type: type(r), basis: r.basis,
  speakers: [(lp:Person)-[:ARGUES]->(l) | lp.name],
  undercuts: [(u:Statement)-[x:UNDERCUTS]->(l) |
              {id: x.id, source: u.id, target: l.id, type: type(x), basis: x.basis}]
} END) AS out
ORDER BY i
WITH total, collect(a {
  .id, .title, .text, .role,
  speakers: [(q:Person)-[:ASSERTS]->(a) | q.name],
  sources: [(a)-[:HAS_QUOTE]->(:Quote)-[:IN]->(src:Source) | src.id]
}) AS nodes, collect(out) AS edges
WITH total, nodes, edges,
     reduce(found = [], out IN edges | found + reduce(f = [], e IN out | f + e.undercuts)) AS aimed
UNWIND CASE size(aimed) WHEN 0 THEN [null] ELSE aimed END AS uc
WITH total, nodes, edges, uc, uc.id AS undercut_id, uc.source AS undercutter
OPTIONAL MATCH (ul:Link {id: undercut_id})
OPTIONAL MATCH (us:Statement {id: undercutter})
RETURN total, head(collect(nodes)) AS nodes, head(collect(edges)) AS edges,
       collect(CASE WHEN uc IS NULL THEN null ELSE {
         id: uc.id, source: uc.source, target: uc.target, type: uc.type, basis: uc.basis,
         speakers: [(up:Person)-[:ARGUES]->(ul) | up.name],
         node: us {
           .id, .title, .text, .role,
           speakers: [(uq:Person)-[:ASSERTS]->(us) | uq.name],
           sources: [(us)-[:HAS_QUOTE]->(:Quote)-[:IN]->(usrc:Source) | usrc.id]
         }
       } END) AS undercuts
