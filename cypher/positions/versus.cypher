// The clash between two positions: statements on one side (reaching it through SUPPORTS,
// or the position itself) that also argue against the other (refute it, directly or by
// supporting a refuter).
// params: a, b
// returns: a_against_b, b_against_a (statement ids)
MATCH (a:Position {id: $a})
MATCH (b:Position {id: $b})
OPTIONAL MATCH (x:Statement)-[:SUPPORTS*0..10]->(a)
WITH a, b, collect(DISTINCT x) AS side_a
OPTIONAL MATCH (y:Statement)-[:SUPPORTS*0..10]->(b)
WITH a, b, side_a, collect(DISTINCT y) AS side_b
OPTIONAL MATCH (x:Statement)-[:SUPPORTS*0..10]->(:Statement)-[:REFUTES]->(b)
WITH a, side_a, side_b, collect(DISTINCT x) AS against_b
OPTIONAL MATCH (y:Statement)-[:SUPPORTS*0..10]->(:Statement)-[:REFUTES]->(a)
WITH side_a, side_b, against_b, collect(DISTINCT y) AS against_a
RETURN [s IN side_a WHERE s IN against_b | s.id] AS a_against_b,
       [s IN side_b WHERE s IN against_a | s.id] AS b_against_a
