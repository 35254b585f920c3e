// The stated relations whose every quote is in one source: deleting the source with its
// quotes would leave them without the words that make them.
// params: source
// returns: stranded (relation ids)
MATCH (:Source {id: $source})<-[:IN]-(:Quote)<-[:HAS_QUOTE]-(l:Link)
WITH DISTINCT l
WITH l, [(l)-[:HAS_QUOTE]->(:Quote)-[:IN]->(cited:Source) | cited.id] AS sources
WITH l, [s IN sources WHERE s <> $source] AS elsewhere
WHERE size(elsewhere) = 0
WITH split(l.id, '~')[0] AS source_id, l.id AS link
MATCH (:Statement {id: source_id})-[r:SUPPORTS|REFUTES|UNDERCUTS]->()
WHERE r.id = link AND r.basis = 'stated'
RETURN collect(r.id) AS stranded
