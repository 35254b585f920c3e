// One position with how much supports and refutes it, counted as positions/list counts them.
// Matched as :Statement (its id index), then filtered by role: a :Position label scan is slow.
// params: id
// returns: position ({id, title, text, supporters, refuters, supporters_total, refuters_total});
//   no row when it is not a position
MATCH (p:Statement {id: $id}) WHERE p:Position
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
