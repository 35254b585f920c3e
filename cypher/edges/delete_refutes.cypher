// Remove one REFUTES edge, found from its (indexed) source statement, with its :Link (and so
// who argues it and the quotes it cites) and the undercuts aimed at it, with their :Links.
// params: source, id
// returns: deleted (1), undercuts (how many went with it); no row when there is no such edge
MATCH (:Statement {id: $source})-[r:REFUTES {id: $id}]->(:Statement)
OPTIONAL MATCH (l:Link {id: $id})
WITH r, l, CASE WHEN l IS NULL THEN [] ELSE [(:Statement)-[aimed:UNDERCUTS]->(l) | aimed.id] END
     AS undercuts
OPTIONAL MATCH (ul:Link) WHERE ul.id IN undercuts
WITH r, l, undercuts, collect(ul) AS undercut_links
FOREACH (x IN undercut_links + CASE WHEN l IS NULL THEN [] ELSE [l] END | DETACH DELETE x)
DELETE r
RETURN 1 AS deleted, size(undercuts) AS undercuts
