// Export: what the exported relations' grounds involve beyond their statements: the quotes
// they cite and the people who argue them; for the whole map, also every quote no statement
// has (so a quote only relations cite, or none yet, still round-trips).
// params: ids (statement ids, or null for the whole map), links (ids of the exported
//   relations)
// returns: kind ('quote' | 'person'), item (quote {id, quote, start, end, note, source} or
//   person {id, name, description, aliases}), source (the quote's source, full; null for people)
MATCH (l:Link)-[:HAS_QUOTE]->(q:Quote)-[:IN]->(src:Source)
WHERE l.id IN $links
RETURN 'quote' AS kind, q {.id, .quote, .start, .end, .note, source: src.id} AS item,
       src {.id, .title, .kind, .author, .outlet, .url, .published, .file, .sha256, .text} AS source
UNION ALL
MATCH (q:Quote)-[:IN]->(src:Source)
WHERE $ids IS NULL
OPTIONAL MATCH (q)<-[h:HAS_QUOTE]-(:Statement)
WITH q, src, count(h) AS statements
WHERE statements = 0
RETURN 'quote' AS kind, q {.id, .quote, .start, .end, .note, source: src.id} AS item,
       src {.id, .title, .kind, .author, .outlet, .url, .published, .file, .sha256, .text} AS source
UNION ALL
MATCH (p:Person)-[:ARGUES]->(l:Link)
WHERE l.id IN $links
RETURN 'person' AS kind, p {.id, .name, .description, .aliases} AS item, null AS source
