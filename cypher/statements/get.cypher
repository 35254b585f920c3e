// One statement with who asserts it, its quotes, and its direct neighbours in the argument.
// params: id
// returns: statement ({id, role, title, text, speakers, quotes, supporters, refuters, supports, refutes})
MATCH (s:Statement {id: $id})
RETURN s {
  .id, .role, .title, .text,
  speakers: [(p:Person)-[:ASSERTS]->(s) | p {.id, .name}],
  quotes: [(s)-[:HAS_QUOTE]->(q:Quote)-[:IN]->(src:Source) |
           q {.id, .quote, .start, .end, .note, source: src.id}],
  supporters: [(sup:Statement)-[:SUPPORTS]->(s) | sup {.id, .title, .text, .role}],
  refuters: [(ref:Statement)-[:REFUTES]->(s) | ref {.id, .title, .text, .role}],
  supports: [(s)-[:SUPPORTS]->(supd:Statement) | supd {.id, .title, .text, .role}],
  refutes: [(s)-[:REFUTES]->(refd:Statement) | refd {.id, .title, .text, .role}]
} AS statement
