// Every position with how much supports and refutes it. Direct: one edge. Transitive:
// supporters reach it through a chain of SUPPORTS; refuters refute it, or support
// (through a chain) something that refutes it.
// params: id (null for every position)
// returns: position ({id, title, text, supporters, refuters, supporters_total, refuters_total})
MATCH (p:Position)
WHERE $id IS NULL OR p.id = $id
OPTIONAL MATCH (s:Statement)-[:SUPPORTS*1..10]->(p)
WHERE s <> p
WITH p, count(DISTINCT s) AS supporters_total
OPTIONAL MATCH (r:Statement)-[:SUPPORTS*0..10]->(:Statement)-[:REFUTES]->(p)
WITH p, supporters_total, count(DISTINCT r) AS refuters_total
RETURN p {
  .id, .title, .text,
  supporters: size([(sup:Statement)-[:SUPPORTS]->(p) | sup]),
  refuters: size([(ref:Statement)-[:REFUTES]->(p) | ref]),
  supporters_total: supporters_total,
  refuters_total: refuters_total
} AS position
ORDER BY position.id
