// Everything that supports a statement, through chains of SUPPORTS (the argument chain):
// the statements within `depth` SUPPORTS steps of it, and the SUPPORTS edges among them.
// Variable-length matching never reuses a relationship, so cycles end; the edges come from
// a plain match, not from unwinding paths (FalkorDB mis-orients unwound cyclic paths).
// depth-bound: 10
// params: id
// returns: ids (the root first), edges ([{id, source, target, type, basis}])
MATCH (root:Statement {id: $id})
OPTIONAL MATCH (root)<-[:SUPPORTS*1..10]-(x:Statement)
WITH root, collect(DISTINCT x) AS found
WITH root, [root] + [x IN found WHERE x <> root] AS tree
UNWIND tree AS a
OPTIONAL MATCH (a)-[r:SUPPORTS]->(b:Statement)
WHERE b IN tree
WITH tree, collect(CASE WHEN r IS NULL THEN null
                   ELSE {id: r.id, source: a.id, target: b.id, type: type(r),
                         basis: r.basis} END) AS edges
RETURN [n IN tree | n.id] AS ids, edges
