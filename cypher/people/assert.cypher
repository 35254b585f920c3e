// Record that a person asserts a statement (idempotent).
// params: person, statement
// returns: person, statement; no row when either is missing
MATCH (p:Person {id: $person})
MATCH (s:Statement {id: $statement})
MERGE (p)-[:ASSERTS]->(s)
RETURN p.id AS person, s.id AS statement
