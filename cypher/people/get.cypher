// One person with the statements they assert, the relations they argue and the sources they
// wrote.
// params: id
// returns: person ({id, name, description, aliases, statements: [{id, role, title, text}],
//   argues: [relation id], authored: [{id, title}]})
MATCH (p:Person {id: $id})
RETURN p {
  .id, .name, .description,
  aliases: coalesce(p.aliases, []),
  statements: [(p)-[:ASSERTS]->(s:Statement) |
               s {.id, .title, .text, .role}],
  argues: [(p)-[:ARGUES]->(l:Link) | l.id],
  authored: [(p)-[:AUTHORED]->(src:Source) | src {.id, .title}]
} AS person
