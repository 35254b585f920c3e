// Positions and claims that nothing supports: assertions standing on no stated grounds.
// params: offset, limit
// returns: total, items ([{id, role, title, text}])
MATCH (s:Statement)
WHERE (s:Position OR s:Claim) AND NOT (s)<-[:SUPPORTS]-(:Statement)
WITH s ORDER BY s.id
WITH collect(s {.id, .title, .text, .role}) AS found
RETURN size(found) AS total, found[$offset..($offset + $limit)] AS items
