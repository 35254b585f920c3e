// Statements shaped as graph nodes, for every graph-shaped response.
// params: ids (list of statement ids)
// returns: node ({id, role, title, text, speakers: [name], sources: [source id]})
MATCH (s:Statement)
WHERE s.id IN $ids
RETURN s {
  .id, .title, .text,
  .role,
  speakers: [(p:Person)-[:ASSERTS]->(s) | p.name],
  sources: [(s)-[:HAS_QUOTE]->(:Quote)-[:IN]->(src:Source) | src.id]
} AS node
ORDER BY node.id
