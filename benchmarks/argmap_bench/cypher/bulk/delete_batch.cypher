// Delete up to $limit nodes and their relationships (a large map is emptied batch by batch:
// one DETACH DELETE of everything would hold the whole graph in one transaction).
// params: limit
// returns: deleted (how many nodes went; fewer than limit means the graph is now empty)
MATCH (n)
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
