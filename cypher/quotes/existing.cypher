// Which of the given quote ids exist (for 404s that name the missing ones).
// params: ids
// returns: found (the ids found)
OPTIONAL MATCH (q:Quote) WHERE q.id IN $ids
RETURN collect(q.id) AS found
