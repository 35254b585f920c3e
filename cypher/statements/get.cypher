// One statement with who asserts it, its quotes, and its direct neighbours in the argument.
// params: id
// returns: statement ({id, role, title, text, speakers, quotes, supporters, refuters, supports, refutes})
MATCH (s:Statement {id: $id})
RETURN s {
  .id, .title, .text,
  role: [l IN labels(s) WHERE l IN ['Position', 'Claim', 'Premise', 'Rebuttal']][0],
  speakers: [(p:Person)-[:ASSERTS]->(s) | p {.id, .name}],
  quotes: [(s)-[:HAS_QUOTE]->(q:Quote)-[:IN]->(src:Source) |
           q {.id, .quote, .start, .end, .note, source: src.id}],
  supporters: [(x:Statement)-[:SUPPORTS]->(s) | x {.id, .title, .text, role: [l IN labels(x) WHERE l IN ['Position', 'Claim', 'Premise', 'Rebuttal']][0]}],
  refuters: [(x:Statement)-[:REFUTES]->(s) | x {.id, .title, .text, role: [l IN labels(x) WHERE l IN ['Position', 'Claim', 'Premise', 'Rebuttal']][0]}],
  supports: [(s)-[:SUPPORTS]->(x:Statement) | x {.id, .title, .text, role: [l IN labels(x) WHERE l IN ['Position', 'Claim', 'Premise', 'Rebuttal']][0]}],
  refutes: [(s)-[:REFUTES]->(x:Statement) | x {.id, .title, .text, role: [l IN labels(x) WHERE l IN ['Position', 'Claim', 'Premise', 'Rebuttal']][0]}]
} AS statement
