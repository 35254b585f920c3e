// The dialectical tree of a statement: its refuters, their refuters and what supports each —
// every statement reaching it within `depth` steps by a chain whose last step is a REFUTES
// into it, and the SUPPORTS/REFUTES edges among them (less any support of the root itself).
// depth-bound: 10
// params: id
// returns: ids (the root first), edges ([{id, source, target, type, basis}])
MATCH (root:Statement {id: $id})
OPTIONAL MATCH p = (root)<-[:SUPPORTS|REFUTES*1..10]-(x:Statement)
WHERE type(relationships(p)[0]) = 'REFUTES'
WITH root, collect(DISTINCT x) AS found
WITH root, [root] + [x IN found WHERE x <> root] AS tree
UNWIND tree AS a
OPTIONAL MATCH (a)-[r:SUPPORTS|REFUTES]->(b:Statement)
WHERE b IN tree AND NOT (b = root AND type(r) = 'SUPPORTS')
WITH tree, collect(CASE WHEN r IS NULL THEN null
                   ELSE {id: r.id, source: a.id, target: b.id, type: type(r),
                         basis: r.basis} END) AS edges
RETURN [n IN tree | n.id] AS ids, edges
