// Record a verbatim quote (checked against the source text before), of a statement or, with
// a null $statement, one only relations cite.
// params: id, statement (or null), source, quote, start, end, note
// returns: quote ({id, source, quote, start, end, note}); no row when the source, or a
//   statement asked for, is missing
MATCH (src:Source {id: $source})
OPTIONAL MATCH (s:Statement {id: $statement})
WITH src, s
WHERE $statement IS NULL OR s IS NOT NULL
MERGE (q:Quote {id: $id})
SET q.quote = $quote, q.start = $start, q.end = $end, q.note = $note
MERGE (q)-[:IN]->(src)
FOREACH (x IN CASE WHEN s IS NULL THEN [] ELSE [s] END | MERGE (x)-[:HAS_QUOTE]->(q))
RETURN q {.id, .quote, .start, .end, .note, source: src.id} AS quote
