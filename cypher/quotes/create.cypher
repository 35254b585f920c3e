// Attach a verbatim quote (checked against the source text before) to a statement.
// params: id, statement, source, quote, start, end, note
// returns: quote ({id, source, quote, start, end, note}); no row when an end is missing
MATCH (s:Statement {id: $statement})
MATCH (src:Source {id: $source})
MERGE (q:Quote {id: $id})
SET q.quote = $quote, q.start = $start, q.end = $end, q.note = $note
MERGE (s)-[:HAS_QUOTE]->(q)
MERGE (q)-[:IN]->(src)
RETURN q {.id, .quote, .start, .end, .note, source: src.id} AS quote
