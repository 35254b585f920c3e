// Remove "person asserts statement".
// params: person, statement
// returns: deleted (0 or 1)
MATCH (:Person {id: $person})-[a:ASSERTS]->(:Statement {id: $statement})
DELETE a
RETURN count(*) AS deleted
