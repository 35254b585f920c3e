// Bulk load: record who asserts what (people and statements must exist).
// params: rows (list of {person, statement})
// returns: done (1: the statement ran to its end)
UNWIND $rows AS row
MATCH (p:Person {id: row.person})
MATCH (s:Statement {id: row.statement})
CREATE (p)-[:ASSERTS]->(s)
WITH count(*) AS done
RETURN done
