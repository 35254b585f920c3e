// Export: the quotes of the statements in scope and the sources and people they involve
// (the whole map: every source and person).
// params: ids (statement ids, or null for the whole map)
// returns: quotes, sources, people, authored (lists of maps)
MATCH (s:Statement)
WHERE $ids IS NULL OR s.id IN $ids
OPTIONAL MATCH (s)-[:HAS_QUOTE]->(q:Quote)-[:IN]->(src:Source)
WITH collect(DISTINCT s) AS scoped,
     collect(CASE WHEN q IS NULL THEN null
             ELSE q {.id, .quote, .start, .end, .note, statement: s.id, source: src.id} END) AS quotes,
     collect(DISTINCT src) AS quoted
OPTIONAL MATCH (anySource:Source)
WHERE $ids IS NULL
WITH scoped, quotes, quoted, collect(anySource) AS allSources
WITH scoped, quotes, CASE WHEN $ids IS NULL THEN allSources ELSE quoted END AS sources
UNWIND CASE WHEN size(scoped) = 0 THEN [null] ELSE scoped END AS s
OPTIONAL MATCH (asserter:Person)-[:ASSERTS]->(s)
WITH quotes, sources, collect(DISTINCT asserter) AS asserters
UNWIND CASE WHEN size(sources) = 0 THEN [null] ELSE sources END AS src
OPTIONAL MATCH (author:Person)-[:AUTHORED]->(src)
WITH quotes, sources, asserters, collect(DISTINCT author) AS authors,
     collect(CASE WHEN author IS NULL THEN null ELSE {person: author.id, source: src.id} END) AS authored
OPTIONAL MATCH (anyone:Person)
WHERE $ids IS NULL
WITH quotes, sources, authored, asserters, authors, collect(anyone) AS everyone
WITH quotes, sources, authored, everyone,
     asserters + [a IN authors WHERE NOT a IN asserters] AS involved
RETURN quotes,
       [src IN sources | src {.id, .title, .kind, .author, .outlet, .url, .published, .file, .sha256, .text}] AS sources,
       [p IN CASE WHEN $ids IS NULL THEN everyone ELSE involved END | p {.id, .name, .description, .aliases}] AS people,
       authored
