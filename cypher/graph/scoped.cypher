// The map, or the part of it a viewer asks for: statements of one speaker, quoted in one
// source, and/or in the argument of one position (filters combine with AND; null = any).
// params: speaker, source, position (each an id or null), limit (max nodes)
// returns: ids (statement ids), edges ([{id, source, target, type, basis}] between them),
//   total (before limit)
MATCH (s:Statement)
WHERE ($speaker IS NULL OR (s)<-[:ASSERTS]-(:Person {id: $speaker}))
  AND ($source IS NULL OR (s)-[:HAS_QUOTE]->(:Quote)-[:IN]->(:Source {id: $source}))
  AND ($position IS NULL OR s.id = $position
       OR (s)-[:SUPPORTS|REFUTES*1..10]->(:Position {id: $position}))
WITH s ORDER BY s.id
WITH collect(s) AS matched
WITH matched, matched[0..$limit] AS kept
UNWIND CASE WHEN size(kept) = 0 THEN [null] ELSE kept END AS a
OPTIONAL MATCH (a)-[r:SUPPORTS|REFUTES]->(b:Statement)
WHERE b IN kept
WITH matched, kept,
     collect(CASE WHEN r IS NULL THEN null
             ELSE {id: r.id, source: a.id, target: b.id, type: type(r),
                   basis: r.basis} END) AS edges
RETURN [n IN kept | n.id] AS ids, edges, size(matched) AS total
