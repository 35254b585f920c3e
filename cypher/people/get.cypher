// One person with the statements they assert and the sources they wrote.
// params: id
// returns: person ({id, name, description, statements: [{id, role, title, text}], authored: [{id, title}]})
MATCH (p:Person {id: $id})
RETURN p {
  .id, .name, .description,
  statements: [(p)-[:ASSERTS]->(s:Statement) |
               s {.id, .title, .text, .role}],
  authored: [(p)-[:AUTHORED]->(src:Source) | src {.id, .title}]
} AS person
