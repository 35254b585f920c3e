// A statement's whole argument: every statement reaching it within `depth` SUPPORTS or
// REFUTES steps, and the SUPPORTS/REFUTES edges among them.
// depth-bound: 10
// params: id
// returns: nodes ([{id, role, title, text, speakers: [name], sources: [source id]}], the
//   root first), edges ([[{id, source, target, type, basis, speakers: [name], undercuts}]]:
//   per node, its out-edges among the nodes), undercuts ([{id, source, target, type:
//   'UNDERCUTS', basis, speakers, node}] aimed at those edges, `node` the undercutting
//   statement shaped as the nodes are); nodes empty for an unknown id. One round trip: the
//   statements, the edges, who argues each and the undercuts.
MATCH (root:Statement {id: $id})
OPTIONAL MATCH (root)<-[:SUPPORTS|REFUTES*1..10]-(x:Statement)
WITH root, collect(DISTINCT x) AS found
WITH [root] + [x IN found WHERE x <> root] AS tree
UNWIND range(0, size(tree) - 1) AS i
WITH tree, i, tree[i] AS a
OPTIONAL MATCH (a)-[r:SUPPORTS|REFUTES]->(b)
WHERE b IN tree
// (FalkorDB: a property of a null in a later OPTIONAL MATCH fails; a WITH variable works)
WITH i, a, r, b, r.id AS edge_id
OPTIONAL MATCH (l:Link {id: edge_id})
// Grouped by nodes and numbers only, never by a list: FalkorDB hashes a grouping key's
// every element on every row (an answer's nodes or edges as a key cost it 200 ms at 1M).
WITH i, a, collect(CASE WHEN r IS NULL THEN null ELSE {
  id: r.id, source: a.id, target: b.id, type: type(r), basis: r.basis,
  speakers: [(lp:Person)-[:ARGUES]->(l) | lp.name],
  undercuts: [(u:Statement)-[x:UNDERCUTS]->(l) |
              {id: x.id, source: u.id, target: l.id, type: type(x), basis: x.basis}]
} END) AS out
ORDER BY i
WITH collect(a {
  .id, .title, .text, .role,
  speakers: [(q:Person)-[:ASSERTS]->(a) | q.name],
  sources: [(a)-[:HAS_QUOTE]->(:Quote)-[:IN]->(src:Source) | src.id]
}) AS nodes, collect(out) AS edges
WITH nodes, edges,
     reduce(found = [], out IN edges | found + reduce(f = [], e IN out | f + e.undercuts)) AS aimed
UNWIND CASE size(aimed) WHEN 0 THEN [null] ELSE aimed END AS uc
WITH nodes, edges, uc, uc.id AS undercut_id, uc.source AS undercutter
OPTIONAL MATCH (ul:Link {id: undercut_id})
OPTIONAL MATCH (us:Statement {id: undercutter})
RETURN head(collect(nodes)) AS nodes, head(collect(edges)) AS edges,
       collect(CASE WHEN uc IS NULL THEN null ELSE {
         id: uc.id, source: uc.source, target: uc.target, type: uc.type, basis: uc.basis,
         speakers: [(up:Person)-[:ARGUES]->(ul) | up.name],
         node: us {
           .id, .title, .text, .role,
           speakers: [(uq:Person)-[:ASSERTS]->(us) | uq.name],
           sources: [(us)-[:HAS_QUOTE]->(:Quote)-[:IN]->(usrc:Source) | usrc.id]
         }
       } END) AS undercuts
