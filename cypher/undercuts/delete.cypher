// Remove one undercut, found from its (indexed) undercutting statement, with its :Link.
// params: source, id
// returns: deleted (1); no row when there is no such undercut
MATCH (:Statement {id: $source})-[x:UNDERCUTS {id: $id}]->(:Link)
OPTIONAL MATCH (l:Link {id: $id})
FOREACH (y IN CASE WHEN l IS NULL THEN [] ELSE [l] END | DETACH DELETE y)
DELETE x
RETURN 1 AS deleted
