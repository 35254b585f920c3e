// The ids of the statements a scope selects (as graph/scoped selects them, without shaping
// anything): what export and evaluation narrow the map to.
// params: speaker, source, position (each an id or null)
// returns: ids (statement ids, by id)
MATCH (s:Statement)
WHERE ($speaker IS NULL OR (s)<-[:ASSERTS]-(:Person {id: $speaker}))
  AND ($source IS NULL OR (s)-[:HAS_QUOTE]->(:Quote)-[:IN]->(:Source {id: $source}))
  AND ($position IS NULL OR (s.id = $position AND s:Position)
       OR (s)-[:SUPPORTS|REFUTES*1..10]->(:Position {id: $position}))
WITH s.id AS id ORDER BY id
RETURN collect(id) AS ids
