// Delete one quote.
// params: id
// returns: deleted (1); no row when it does not exist
MATCH (q:Quote {id: $id})
DETACH DELETE q
RETURN 1 AS deleted
