// Export: edges, rephrases and asserts among the statements in scope.
// params: ids (statement ids, or null for the whole map)
// returns: kind ('edge' | 'rephrase' | 'assert'), link (a map of that kind)
MATCH (a:Statement)-[r:SUPPORTS|REFUTES]->(b:Statement)
WHERE $ids IS NULL OR (a.id IN $ids AND b.id IN $ids)
RETURN 'edge' AS kind, {id: r.id, source: a.id, target: b.id, type: type(r), inference: r.inference} AS link
UNION ALL
MATCH (a:Statement)-[:REPHRASES]->(b:Statement)
WHERE $ids IS NULL OR (a.id IN $ids AND b.id IN $ids)
RETURN 'rephrase' AS kind, {source: a.id, target: b.id} AS link
UNION ALL
MATCH (p:Person)-[:ASSERTS]->(s:Statement)
WHERE $ids IS NULL OR s.id IN $ids
RETURN 'assert' AS kind, {person: p.id, statement: s.id} AS link
