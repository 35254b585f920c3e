// A statement's whole argument: everything that reaches it through SUPPORTS or REFUTES.
// depth-bound: 10
// params: id
// returns: ids (the root, then each node; may repeat), edges ([{id, source, target, type}])
MATCH (root:Statement {id: $id})
OPTIONAL MATCH p = (root)<-[:SUPPORTS|REFUTES*1..10]-(:Statement)
UNWIND CASE WHEN p IS NULL THEN [null] ELSE relationships(p) END AS r
WITH root, collect(DISTINCT r) AS rels
RETURN [root.id] + [r IN rels | startNode(r).id] AS ids,
       [r IN rels | {id: r.id, source: startNode(r).id, target: endNode(r).id, type: type(r)}] AS edges
