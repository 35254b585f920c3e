// Create one person.
// params: id, name, description, aliases (a list; empty: none)
// returns: id
CREATE (p:Person {id: $id, name: $name})
SET p.description = $description,
    p.aliases = CASE WHEN size($aliases) = 0 THEN null ELSE $aliases END
RETURN p.id AS id
