// The grounds of the relations an explanation names (SUPPORTS, REFUTES or UNDERCUTS, by
// id): who argues each, and the quotes that make it with their source's title. Each is
// found from its (indexed) source statement, the first part of every relation id.
// params: ids (relation ids)
// returns: relation ({id, source, target, type, inference, basis, note,
//   speakers: [{id, name}], quotes: [{id, source, source_title, quote, start, end, note}]});
//   one row per relation found
UNWIND $ids AS relation_id
MATCH (a:Statement {id: split(relation_id, '~')[0]})-[r:SUPPORTS|REFUTES|UNDERCUTS]->(b)
WHERE r.id = relation_id
OPTIONAL MATCH (l:Link {id: relation_id})
RETURN r {
  .id, source: a.id, target: b.id, type: type(r), .inference, .basis, .note,
  speakers: CASE WHEN l IS NULL THEN [] ELSE [(p:Person)-[:ARGUES]->(l) | p {.id, .name}] END,
  quotes: CASE WHEN l IS NULL THEN [] ELSE
    [(l)-[:HAS_QUOTE]->(q:Quote)-[:IN]->(src:Source) |
     q {.id, source: src.id, source_title: src.title, .quote, .start, .end, .note}] END
} AS relation
