// The shortest argument chains from one statement to another along SUPPORTS edges
// (at most 25 of equal length). Both ends are matched first: FalkorDB needs them bound.
// depth-bound: 10
// params: from, to
// returns: one row per path: nodes ([{id, role, title, text, speakers, sources}] in chain
//   order), edges ([{id, source, target, type, basis, speakers: [name], undercuts}] in chain
//   order), undercuts ([{id, source, target, type: 'UNDERCUTS', basis, speakers, node}] aimed
//   at its edges, `node` the undercutting statement shaped as the nodes are). One round trip:
//   no row when no chain exists or either end does not.
MATCH (a:Statement {id: $from})
MATCH (b:Statement {id: $to})
WITH a, b
MATCH p = allShortestPaths((a)-[:SUPPORTS*1..10]->(b))
WITH p LIMIT 25
WITH nodes(p) AS chain, relationships(p) AS links
UNWIND range(0, size(links) - 1) AS i
// (FalkorDB: a property of a null in a later OPTIONAL MATCH fails; a WITH variable works)
WITH chain, links, i, links[i] AS r, links[i].id AS edge_id
OPTIONAL MATCH (l:Link {id: edge_id})
// (grouped by the relationships too: two paths may pass the same statements)
WITH chain, links, collect({
  id: r.id, source: chain[i].id, target: chain[i + 1].id, type: type(r), basis: r.basis,
  speakers: [(lp:Person)-[:ARGUES]->(l) | lp.name],
  undercuts: [(u:Statement)-[x:UNDERCUTS]->(l) |
              {id: x.id, source: u.id, target: l.id, type: type(x), basis: x.basis}]
}) AS edges
// (FalkorDB: a pattern comprehension in a list comprehension ignores the element: unwind)
UNWIND range(0, size(chain) - 1) AS j
WITH links, edges, chain[j] AS n
WITH links, edges, collect(n {
  .id, .title, .text, .role,
  speakers: [(q:Person)-[:ASSERTS]->(n) | q.name],
  sources: [(n)-[:HAS_QUOTE]->(:Quote)-[:IN]->(src:Source) | src.id]
}) AS nodes
WITH links, nodes, edges, reduce(found = [], e IN edges | found + e.undercuts) AS aimed
UNWIND CASE size(aimed) WHEN 0 THEN [null] ELSE aimed END AS uc
WITH links, nodes, edges, uc, uc.id AS undercut_id, uc.source AS undercutter
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
