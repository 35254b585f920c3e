// Quotes the engine itself finds not verbatim: substring(source text, start, length) <> quote.
// params: none
// returns: id, quote, found
MATCH (q:Quote)-[:IN]->(src:Source)
WITH q, substring(src.text, q.start, q.end - q.start) AS found
WHERE found <> q.quote
RETURN q.id AS id, q.quote AS quote, found
