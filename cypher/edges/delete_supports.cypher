// Remove one SUPPORTS edge, found from its (indexed) source statement.
// params: source, id
// returns: deleted (0 or 1)
MATCH (:Statement {id: $source})-[r:SUPPORTS {id: $id}]->(:Statement)
DELETE r
RETURN count(*) AS deleted
