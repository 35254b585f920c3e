// Search and filter statements: case-insensitive text match on title and text, role,
// speaker, source. A plain CONTAINS scan gives the same answers on both engines.
// params: q, role, speaker, source (each null or a value), offset, limit
// returns: total, items ([{id, role, title, text}], ordered by id)
MATCH (s:Statement)
WHERE ($q IS NULL OR toLower(s.text) CONTAINS toLower($q) OR toLower(s.title) CONTAINS toLower($q))
  AND ($role IS NULL OR s.role = $role)
  AND ($speaker IS NULL OR (s)<-[:ASSERTS]-(:Person {id: $speaker}))
  AND ($source IS NULL OR (s)-[:HAS_QUOTE]->(:Quote)-[:IN]->(:Source {id: $source}))
WITH s ORDER BY s.id
WITH collect(s) AS matched
RETURN size(matched) AS total,
       [s IN matched[$offset..($offset + $limit)] | s {.id, .title, .text, .role}] AS items
