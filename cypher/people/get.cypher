// One person with the statements they assert and the sources they wrote.
// params: id
// returns: person ({id, name, description, statements: [{id, role, title, text}], authored: [{id, title}]})
MATCH (p:Person {id: $id})
RETURN p {
  .id, .name, .description,
  statements: [(p)-[:ASSERTS]->(s:Statement) |
               s {.id, .title, .text, role: [l IN labels(s) WHERE l IN ['Position', 'Claim', 'Premise', 'Rebuttal']][0]}],
  authored: [(p)-[:AUTHORED]->(src:Source) | src {.id, .title}]
} AS person
