// Delete one quote, unless a stated relation cites no other quote: a stated relation needs
// the words that make it, so nothing is deleted and `stranded` names those relations. The
// relation is found from its source statement, the first part of its :Link's id.
// params: id
// returns: stranded (relation ids; empty when the quote was deleted); no row when the quote
//   does not exist
MATCH (q:Quote {id: $id})
OPTIONAL MATCH (l:Link)-[:HAS_QUOTE]->(q)
WITH q, l, CASE WHEN l IS NULL THEN 0 ELSE size([(l)-[:HAS_QUOTE]->(cited:Quote) | cited]) END
     AS quotes
// Links citing this quote alone: their relation, from its source statement
WITH q, CASE WHEN quotes = 1 THEN split(l.id, '~')[0] END AS source, l.id AS link
OPTIONAL MATCH (:Statement {id: source})-[r:SUPPORTS|REFUTES|UNDERCUTS]->()
WHERE r.id = link AND r.basis = 'stated'
WITH q, collect(DISTINCT r.id) AS stranded
FOREACH (_ IN CASE WHEN stranded = [] THEN [1] ELSE [] END | DETACH DELETE q)
RETURN stranded
