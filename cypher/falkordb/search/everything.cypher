// Search everything: one full-text index per label (schema/fulltext_index), one CALL each,
// joined by UNION ALL; people's aliases (not in FalkorDB's full-text index, which takes
// strings only) by a scan of the few people: an alias word that starts with a query prefix.
// A quote hit also leads to the statements it expresses, a person hit to the statements they
// assert. Scores of different labels are not comparable: argmap.text.search.rank normalises
// them per label.
// params: query (RediSearch query), kinds (the kinds to answer: statement|quote|person|source),
//         prefixes (each query word's prefix, lower case), candidates (most hits per label)
// returns: one row per hit and way to it (a person twice when name and alias both match):
//          kind, id, score (the index's), label (the index that scored it), via (null, or
//          quote|speaker for a statement found through one), fields ({title, text} | {quote}
//          | {name, aliases} | a statement's {title, text, quotes | speakers}), statement
//          ({id, title} a quote hit expresses), source ({id, title} of a quote hit's source)
CALL db.idx.fulltext.queryNodes('Statement', $query) YIELD node, score
WITH node, score WHERE 'statement' IN $kinds
WITH node, score ORDER BY score DESC, node.id LIMIT $candidates
RETURN 'statement' AS kind, node.id AS id, score, 'statement' AS label, null AS via,
       node {.title, .text} AS fields, null AS statement, null AS source
UNION ALL
CALL db.idx.fulltext.queryNodes('Quote', $query) YIELD node, score
WITH node, score ORDER BY score DESC, node.id LIMIT $candidates
WITH node, score, [(s:Statement)-[:HAS_QUOTE]->(node) | s] AS led
WITH node, score, [null] + led AS reached
UNWIND reached AS s
WITH node, score, s, CASE WHEN s IS NULL THEN 'quote' ELSE 'statement' END AS kind
WHERE kind IN $kinds
RETURN kind, coalesce(s.id, node.id) AS id, score, 'quote' AS label,
       CASE WHEN s IS NULL THEN null ELSE 'quote' END AS via,
       CASE WHEN s IS NULL THEN node {.quote}
            ELSE s {.title, .text, quotes: [node.quote]} END AS fields,
       CASE WHEN s IS NULL THEN head([(q:Statement)-[:HAS_QUOTE]->(node) | q {.id, .title}])
            END AS statement,
       CASE WHEN s IS NULL THEN head([(node)-[:IN]->(src:Source) | src {.id, .title}])
            END AS source
UNION ALL
CALL db.idx.fulltext.queryNodes('Person', $query) YIELD node, score
WITH node, score ORDER BY score DESC, node.id LIMIT $candidates
WITH node, score, [(node)-[:ASSERTS]->(s:Statement) | s] AS led
WITH node, score, [null] + led AS reached
UNWIND reached AS s
WITH node, score, s, CASE WHEN s IS NULL THEN 'person' ELSE 'statement' END AS kind
WHERE kind IN $kinds
RETURN kind, coalesce(s.id, node.id) AS id, score, 'person' AS label,
       CASE WHEN s IS NULL THEN null ELSE 'speaker' END AS via,
       CASE WHEN s IS NULL THEN node {.name, .aliases}
            ELSE s {.title, .text, speakers: [node.name]} END AS fields,
       null AS statement, null AS source
UNION ALL
MATCH (node:Person)
WHERE any(alias IN coalesce(node.aliases, []) WHERE
        any(word IN split(toLower(alias), ' ') WHERE
            any(prefix IN $prefixes WHERE word STARTS WITH prefix)))
WITH node ORDER BY node.id LIMIT $candidates
WITH node, [(node)-[:ASSERTS]->(s:Statement) | s] AS led
WITH node, [null] + led AS reached
UNWIND reached AS s
WITH node, s, CASE WHEN s IS NULL THEN 'person' ELSE 'statement' END AS kind
WHERE kind IN $kinds
RETURN kind, coalesce(s.id, node.id) AS id, 1.0 AS score, 'person' AS label,
       CASE WHEN s IS NULL THEN null ELSE 'speaker' END AS via,
       CASE WHEN s IS NULL THEN node {.name, .aliases}
            ELSE s {.title, .text, speakers: node.aliases} END AS fields,
       null AS statement, null AS source
UNION ALL
CALL db.idx.fulltext.queryNodes('Source', $query) YIELD node, score
WITH node, score WHERE 'source' IN $kinds
WITH node, score ORDER BY score DESC, node.id LIMIT $candidates
RETURN 'source' AS kind, node.id AS id, score, 'source' AS label, null AS via,
       node {.title, .text} AS fields, null AS statement, null AS source
