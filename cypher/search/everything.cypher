// Search everything through the full-text index `search` (schema/fulltext_index): statements
// (title, text), quotes, people (name, aliases) and sources (title, text), in one Lucene score
// space. A quote hit also leads to the statements it expresses, a person hit to the statements
// they assert: a statement is found by its own words, its quotes' and its speakers' names.
// $query is built by argmap.text.search from words and prefixes only.
// params: query (Lucene query), kinds (the kinds to answer: statement|quote|person|source),
//         prefixes (unused here: the index holds aliases), candidates (most index hits read)
// returns: one row per hit and way to it: kind, id, score (the index's), label (the kind of
//          node the index scored), via (null, or quote|speaker for a statement found through
//          one), fields ({title, text, quote, name, aliases, quotes, speakers}, null where
//          none), statement ({id, title} a quote hit expresses), source ({id, title} of a
//          quote hit's source)
CALL db.index.fulltext.queryNodes('search', $query) YIELD node, score
WITH node, score ORDER BY score DESC, node.id LIMIT $candidates
WITH node, score,
     CASE WHEN node:Statement THEN 'statement'
          WHEN node:Quote THEN 'quote'
          WHEN node:Person THEN 'person'
          ELSE 'source' END AS label
WITH node, score, label,
     CASE label WHEN 'quote' THEN [(s:Statement)-[:HAS_QUOTE]->(node) | s]
                WHEN 'person' THEN [(node)-[:ASSERTS]->(s:Statement) | s]
                ELSE [] END AS led
WITH node, score, label, [null] + led AS reached
UNWIND reached AS s
WITH node, score, label, s, CASE WHEN s IS NULL THEN label ELSE 'statement' END AS kind
WHERE kind IN $kinds
RETURN kind, coalesce(s.id, node.id) AS id, score, label,
       CASE WHEN s IS NULL THEN null WHEN label = 'quote' THEN 'quote' ELSE 'speaker' END AS via,
       CASE WHEN s IS NULL THEN node {.title, .text, .quote, .name, .aliases}
            WHEN label = 'quote' THEN s {.title, .text, quotes: [node.quote]}
            ELSE s {.title, .text, speakers: [node.name] + coalesce(node.aliases, [])} END AS fields,
       CASE WHEN s IS NULL AND label = 'quote'
            THEN head([(q:Statement)-[:HAS_QUOTE]->(node) | q {.id, .title}]) END AS statement,
       CASE WHEN s IS NULL AND label = 'quote'
            THEN head([(node)-[:IN]->(src:Source) | src {.id, .title}]) END AS source
