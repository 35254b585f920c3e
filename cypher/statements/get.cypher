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
  supporters: [(sup:Statement)-[:SUPPORTS]->(s) | sup {.id, .title, .text, role: [l IN labels(sup) WHERE l IN ['Position', 'Claim', 'Premise', 'Rebuttal']][0]}],
  refuters: [(ref:Statement)-[:REFUTES]->(s) | ref {.id, .title, .text, role: [l IN labels(ref) WHERE l IN ['Position', 'Claim', 'Premise', 'Rebuttal']][0]}],
  supports: [(s)-[:SUPPORTS]->(supd:Statement) | supd {.id, .title, .text, role: [l IN labels(supd) WHERE l IN ['Position', 'Claim', 'Premise', 'Rebuttal']][0]}],
  refutes: [(s)-[:REFUTES]->(refd:Statement) | refd {.id, .title, .text, role: [l IN labels(refd) WHERE l IN ['Position', 'Claim', 'Premise', 'Rebuttal']][0]}]
} AS statement
