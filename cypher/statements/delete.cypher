// Delete a statement and its relations. Quotes only it has would be orphaned: without
// $cascade nothing is deleted and no row returns; with it they go too (a quote a relation
// also cites stays). Its relations go with their :Links, and so do the undercuts it makes
// and those aimed at its relations, with theirs.
// params: id, cascade (boolean)
// returns: deleted (1), quotes (how many of its own quotes went with it), relations (how
//   many relations went with it: edges and undercuts)
MATCH (s:Statement {id: $id})
OPTIONAL MATCH (s)-[:HAS_QUOTE]->(q:Quote)
WITH s, q, CASE WHEN q IS NULL THEN 0
  ELSE size([(q)<-[:HAS_QUOTE]-(other) WHERE other <> s | other]) END AS others
WITH s, collect(CASE WHEN others = 0 THEN q END) AS own
WHERE size(own) = 0 OR $cascade
WITH s, own,
     [(s)-[edge:SUPPORTS|REFUTES]-(:Statement) | edge.id] AS edges,
     [(s)-[made:UNDERCUTS]->(:Link) | made.id] AS made
OPTIONAL MATCH (l:Link) WHERE l.id IN edges
OPTIONAL MATCH (:Statement)-[aimed:UNDERCUTS]->(l)
WITH s, own, made, collect(DISTINCT l) AS links, collect(aimed.id) AS aimed
WITH s, own, links, made + aimed AS undercuts
// (`IN undercuts`, not `IN made + aimed`: FalkorDB reads the latter as `(... IN made) + aimed`,
// which every :Link passes.)
OPTIONAL MATCH (ul:Link) WHERE ul.id IN undercuts
WITH s, own, links, collect(DISTINCT ul) AS undercut_links
FOREACH (x IN own + links + undercut_links | DETACH DELETE x)
DETACH DELETE s
RETURN 1 AS deleted, size(own) AS quotes, size(links) + size(undercut_links) AS relations
