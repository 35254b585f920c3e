// The clash between two positions: statements on one side (reaching it through SUPPORTS,
// or the position itself) that also argue against the other (refute it, directly or by
// supporting a refuter); with both positions' counts (as positions/list counts them: the
// sides are the supporters plus the position, the statements against are the refuters).
// params: a, b
// returns: a, b ({id, title, text, supporters, refuters, supporters_total, refuters_total}),
//   a_against_b, b_against_a ([{id, role, title, text, speakers: [name], sources}]); no row
//   when either is not a position. One round trip.
// Matched as :Statement (its id index), then filtered by role: a :Position label scan is slow.
MATCH (a:Statement {id: $a}) WHERE a:Position
MATCH (b:Statement {id: $b}) WHERE b:Position
OPTIONAL MATCH (x:Statement)-[:SUPPORTS*0..10]->(a)
WITH a, b, collect(DISTINCT x) AS side_a
OPTIONAL MATCH (y:Statement)-[:SUPPORTS*0..10]->(b)
WITH a, b, side_a, collect(DISTINCT y) AS side_b
OPTIONAL MATCH (x:Statement)-[:SUPPORTS*0..10]->(:Statement)-[:REFUTES]->(b)
WITH a, b, side_a, side_b, collect(DISTINCT x) AS against_b
OPTIONAL MATCH (y:Statement)-[:SUPPORTS*0..10]->(:Statement)-[:REFUTES]->(a)
WITH a, b, side_a, side_b, against_b, collect(DISTINCT y) AS against_a
WITH a {
       .id, .title, .text,
       supporters: size([(sa:Statement)-[:SUPPORTS]->(a) | sa]),
       refuters: size([(ra:Statement)-[:REFUTES]->(a) | ra]),
       supporters_total: size(side_a) - 1,
       refuters_total: size(against_a)
     } AS position_a,
     b {
       .id, .title, .text,
       supporters: size([(sb:Statement)-[:SUPPORTS]->(b) | sb]),
       refuters: size([(rb:Statement)-[:REFUTES]->(b) | rb]),
       supporters_total: size(side_b) - 1,
       refuters_total: size(against_b)
     } AS position_b,
     [s IN side_a WHERE s IN against_b] AS a_against_b,
     [s IN side_b WHERE s IN against_a] AS b_against_a
// (FalkorDB: a pattern comprehension in a list comprehension ignores the element: unwind)
UNWIND CASE size(a_against_b) WHEN 0 THEN [null] ELSE a_against_b END AS n
WITH position_a, position_b, b_against_a, collect(CASE WHEN n IS NULL THEN null ELSE n {
  .id, .title, .text, .role,
  speakers: [(q:Person)-[:ASSERTS]->(n) | q.name],
  sources: [(n)-[:HAS_QUOTE]->(:Quote)-[:IN]->(src:Source) | src.id]
} END) AS a_side
UNWIND CASE size(b_against_a) WHEN 0 THEN [null] ELSE b_against_a END AS m
RETURN position_a AS a, position_b AS b, a_side AS a_against_b,
       collect(CASE WHEN m IS NULL THEN null ELSE m {
         .id, .title, .text, .role,
         speakers: [(mq:Person)-[:ASSERTS]->(m) | mq.name],
         sources: [(m)-[:HAS_QUOTE]->(:Quote)-[:IN]->(msrc:Source) | msrc.id]
       } END) AS b_against_a
