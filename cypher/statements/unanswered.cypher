// Statements that nothing refutes.
// params: offset, limit
// returns: total, items ([{id, role, title, text}])
MATCH (s:Statement)
WHERE NOT (s)<-[:REFUTES]-(:Statement)
WITH s ORDER BY s.id
WITH collect(s {.id, .title, .text, .role}) AS found
RETURN size(found) AS total, found[$offset..($offset + $limit)] AS items
