// Relations (SUPPORTS, REFUTES or UNDERCUTS) by id with their grounds: who argues each, the
// quotes that make it (with their source's title), and the ids of the undercuts aimed at it.
// GET /edges/{id}, /undercuts/{id} and explanations all read grounds here. Each is found from its
// (indexed) source statement, the first part of every relation id; an UNDERCUTS' target is
// the :Link of the edge it undercuts, whose id is that edge's id.
// params: ids (relation ids)
// returns: relation ({id, source, target, type, inference, basis, note,
//   speakers: [{id, name}], quotes: [{id, source, source_title, quote, start, end, note}]}),
//   undercuts ([undercut id]); one row per relation found
UNWIND $ids AS relation_id
MATCH (a:Statement {id: split(relation_id, '~')[0]})-[r:SUPPORTS|REFUTES|UNDERCUTS]->(b)
WHERE r.id = relation_id
OPTIONAL MATCH (l:Link {id: relation_id})
RETURN {
  id: r.id, source: a.id, target: b.id, type: type(r),
  inference: r.inference, basis: r.basis, note: r.note,
  speakers: CASE WHEN l IS NULL THEN [] ELSE [(p:Person)-[:ARGUES]->(l) | p {.id, .name}] END,
  quotes: CASE WHEN l IS NULL THEN [] ELSE
    [(l)-[:HAS_QUOTE]->(q:Quote)-[:IN]->(src:Source) |
     q {.id, .quote, .start, .end, .note, source: src.id, source_title: src.title}] END
} AS relation,
CASE WHEN l IS NULL THEN [] ELSE [(u:Statement)-[aimed:UNDERCUTS]->(l) | aimed.id] END
  AS undercuts
