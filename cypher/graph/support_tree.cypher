// Everything that supports a statement, through chains of SUPPORTS (the argument chain).
// Variable-length matching never reuses a relationship, so cycles end.
// depth-bound: 10
// params: id
// returns: ids (the root, then each supporter; may repeat), edges ([{id, source, target, type}])
MATCH (root:Statement {id: $id})
OPTIONAL MATCH p = (root)<-[:SUPPORTS*1..10]-(:Statement)
UNWIND CASE WHEN p IS NULL THEN [null] ELSE relationships(p) END AS r
WITH root, collect(DISTINCT r) AS rels
RETURN [root.id] + [r IN rels | startNode(r).id] AS ids,
       [r IN rels | {id: r.id, source: startNode(r).id, target: endNode(r).id, type: type(r)}] AS edges
