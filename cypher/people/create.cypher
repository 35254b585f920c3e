// Create one person.
// params: id, name, description
// returns: id
CREATE (p:Person {id: $id, name: $name})
SET p.description = $description
RETURN p.id AS id
