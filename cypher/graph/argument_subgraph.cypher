// A statement's whole argument: every statement reaching it within `depth` SUPPORTS or
// REFUTES steps, and the SUPPORTS/REFUTES edges among them.
// depth-bound: 10
// params: id
// returns: ids (the root first), edges ([{id, source, target, type, basis}])
MATCH (root:Statement {id: $id})
OPTIONAL MATCH (root)<-[:SUPPORTS|REFUTES*1..10]-(x:Statement)
WITH root, collect(DISTINCT x) AS found
WITH root, [root] + [x IN found WHERE x <> root] AS tree
UNWIND tree AS a
OPTIONAL MATCH (a)-[r:SUPPORTS|REFUTES]->(b:Statement)
WHERE b IN tree
WITH tree, collect(CASE WHEN r IS NULL THEN null
                   ELSE {id: r.id, source: a.id, target: b.id, type: type(r),
                         basis: r.basis} END) AS edges
RETURN [n IN tree | n.id] AS ids, edges
