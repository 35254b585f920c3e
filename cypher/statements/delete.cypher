// Delete a statement and its edges. Quotes only it has would be orphaned: without
// $cascade nothing is deleted and no row returns; with it they go too.
// params: id, cascade (boolean)
// returns: deleted (1), quotes (how many of its own quotes went with it)
MATCH (s:Statement {id: $id})
OPTIONAL MATCH (s)-[:HAS_QUOTE]->(q:Quote)
OPTIONAL MATCH (q)<-[:HAS_QUOTE]-(other:Statement)
WHERE other <> s
WITH s, q, count(other) AS others
WITH s, collect(CASE WHEN others = 0 THEN q END) AS own
WHERE size(own) = 0 OR $cascade
FOREACH (q IN own | DETACH DELETE q)
DETACH DELETE s
RETURN 1 AS deleted, size(own) AS quotes
