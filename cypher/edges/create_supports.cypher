// Link two statements by SUPPORTS. MERGE on the id (source~type~target): a duplicate POST
// returns the existing edge instead of adding a second one.
// params: id, source, target, inference (null keeps any existing one)
// returns: edge ({id, source, target, type, inference}); no row when an endpoint is missing
MATCH (a:Statement {id: $source})
MATCH (b:Statement {id: $target})
MERGE (a)-[r:SUPPORTS {id: $id}]->(b)
SET r.inference = coalesce($inference, r.inference)
RETURN {id: r.id, source: a.id, target: b.id, type: type(r), inference: r.inference} AS edge
