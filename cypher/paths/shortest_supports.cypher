// The shortest argument chains from one statement to another along SUPPORTS edges
// (at most 25 of equal length). Both ends are matched first: FalkorDB needs them bound.
// depth-bound: 10
// params: from, to
// returns: ids (statement ids in path order), edges ([{id, source, target, type, basis}] in order)
MATCH (a:Statement {id: $from})
MATCH (b:Statement {id: $to})
WITH a, b
MATCH p = allShortestPaths((a)-[:SUPPORTS*1..10]->(b))
RETURN [n IN nodes(p) | n.id] AS ids,
       [i IN range(0, length(p) - 1) | {
         id: relationships(p)[i].id, source: nodes(p)[i].id, target: nodes(p)[i + 1].id,
         type: type(relationships(p)[i]), basis: relationships(p)[i].basis
       }] AS edges
LIMIT 25
