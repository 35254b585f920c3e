// Every person, with how many statements they assert.
// params: offset, limit
// returns: total, items ([{id, name, description, statements}], ordered by name)
MATCH (p:Person)
WITH p ORDER BY p.name, p.id
WITH collect(p {.id, .name, .description, statements: size([(p)-[:ASSERTS]->(s:Statement) | s])}) AS people
RETURN size(people) AS total, people[$offset..($offset + $limit)] AS items
