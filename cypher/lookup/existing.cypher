// Which of the given ids exist, per kind (for 404s that name the missing id).
// params: statements, people, sources, positions (lists of ids)
// returns: statements, people, sources, positions (the ids found)
OPTIONAL MATCH (s:Statement) WHERE s.id IN $statements
WITH collect(s.id) AS statements
OPTIONAL MATCH (p:Person) WHERE p.id IN $people
WITH statements, collect(p.id) AS people
OPTIONAL MATCH (src:Source) WHERE src.id IN $sources
WITH statements, people, collect(src.id) AS sources
// Matched as :Statement (its id index), then filtered by role: a :Position label scan is slow.
OPTIONAL MATCH (pos:Statement) WHERE pos.id IN $positions AND pos:Position
RETURN statements, people, sources, collect(pos.id) AS positions
