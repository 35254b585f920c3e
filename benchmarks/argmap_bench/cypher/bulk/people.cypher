// Bulk load: create people (synthetic maps; the ids must be new).
// params: rows (list of {id, name, description})
// returns: done (1: the statement ran to its end)
UNWIND $rows AS row
CREATE (:Person {id: row.id, name: row.name, description: row.description})
WITH count(*) AS done
RETURN done
