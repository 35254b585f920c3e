// Remove one REFUTES edge, found from its (indexed) source statement.
// params: source, id
// returns: deleted (0 or 1)
MATCH (:Statement {id: $source})-[r:REFUTES {id: $id}]->(:Statement)
DELETE r
RETURN count(*) AS deleted
