// Export: the quotes of the statements in scope, and the sources and people they involve.
// params: ids (statement ids, or null for the whole map)
// returns: quotes, sources, people, authored (lists of maps)
MATCH (s:Statement)
WHERE $ids IS NULL OR s.id IN $ids
OPTIONAL MATCH (s)-[:HAS_QUOTE]->(q:Quote)-[:IN]->(src:Source)
WITH collect(DISTINCT s) AS scoped,
     collect(q {.id, .quote, .start, .end, .note, statement: s.id, source: src.id}) AS quotes,
     collect(DISTINCT src) AS quoted
OPTIONAL MATCH (p:Person)
WHERE $ids IS NULL OR size([(p)-[:ASSERTS]->(x:Statement) WHERE x IN scoped | x]) > 0
   OR size([(p)-[:AUTHORED]->(y:Source) WHERE y IN quoted | y]) > 0
WITH quotes, quoted, collect(DISTINCT p) AS people
RETURN quotes,
       [src IN quoted | src {.id, .title, .kind, .author, .outlet, .url, .published, .file, .sha256, .text}] AS sources,
       [p IN people | p {.id, .name, .description}] AS people,
       [p IN people | [(p)-[:AUTHORED]->(y:Source) WHERE y IN quoted | {person: p.id, source: y.id}]] AS authored
