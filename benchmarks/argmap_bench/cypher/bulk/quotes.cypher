// Bulk load: attach verbatim quotes to statements. A quote id names one span of one source,
// so a span quoted twice is one :Quote (MERGE) with two HAS_QUOTE edges.
// params: rows (list of {id, statement, source, quote, start, end})
// returns: done (1: the statement ran to its end)
UNWIND $rows AS row
MATCH (s:Statement {id: row.statement})
MATCH (src:Source {id: row.source})
MERGE (q:Quote {id: row.id})
SET q.quote = row.quote, q.start = row.start, q.end = row.end
MERGE (s)-[:HAS_QUOTE]->(q)
MERGE (q)-[:IN]->(src)
WITH count(*) AS done
RETURN done
