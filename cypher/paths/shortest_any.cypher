// The shortest argument chains from one statement to another along SUPPORTS|REFUTES edges
// (at most 25 of equal length). Both ends are matched first: FalkorDB needs them bound.
// depth-bound: 10
// params: from, to
// returns: ids (statement ids in path order), edges ([{id, source, target, type}] in order)
MATCH (a:Statement {id: $from})
MATCH (b:Statement {id: $to})
WITH a, b
MATCH p = allShortestPaths((a)-[:SUPPORTS|REFUTES*1..10]->(b))
RETURN [n IN nodes(p) | n.id] AS ids,
       [r IN relationships(p) | {id: r.id, source: startNode(r).id, target: endNode(r).id, type: type(r)}] AS edges
LIMIT 25
