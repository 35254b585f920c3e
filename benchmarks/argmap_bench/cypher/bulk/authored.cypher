// Bulk load: link people to the sources they wrote (both must exist).
// params: rows (list of {person, source})
// returns: done (1: the statement ran to its end)
UNWIND $rows AS row
MATCH (p:Person {id: row.person})
MATCH (src:Source {id: row.source})
CREATE (p)-[:AUTHORED]->(src)
WITH count(*) AS done
RETURN done
