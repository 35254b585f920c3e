// Delete a source. Its quotes would be orphaned: without $cascade nothing is deleted and
// no row returns; with it its quotes go too.
// params: id, cascade (boolean)
// returns: deleted (1), quotes (how many quotes went with it)
MATCH (src:Source {id: $id})
OPTIONAL MATCH (src)<-[:IN]-(q:Quote)
WITH src, collect(q) AS quotes
WHERE size(quotes) = 0 OR $cascade
FOREACH (q IN quotes | DETACH DELETE q)
DETACH DELETE src
RETURN 1 AS deleted, size(quotes) AS quotes
