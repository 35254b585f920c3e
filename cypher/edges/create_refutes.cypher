// Link two statements by REFUTES. MERGE on the id (source~type~target): a duplicate POST
// returns the existing edge instead of adding a second one. REFUTES carries no inference.
// params: id, source, target
// returns: edge ({id, source, target, type, inference}); no row when an endpoint is missing
MATCH (a:Statement {id: $source})
MATCH (b:Statement {id: $target})
MERGE (a)-[r:REFUTES {id: $id}]->(b)
RETURN {id: r.id, source: a.id, target: b.id, type: type(r), inference: null} AS edge
