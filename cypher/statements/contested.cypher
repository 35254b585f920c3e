// Statements ranked by how many statements refute them (most contested first).
// params: offset, limit
// returns: total, items ([{id, role, title, text, refuters}])
MATCH (s:Statement)<-[r:REFUTES]-(:Statement)
WITH s, count(r) AS refuters
ORDER BY refuters DESC, s.id
WITH collect(s {.id, .title, .text, .role, refuters: refuters}) AS ranked
RETURN size(ranked) AS total, ranked[$offset..($offset + $limit)] AS items
