// The attacks (REFUTES) leaving the statements in scope, of the basis asked for: one row per basis,
// its edges as parallel columns of node ids (those of evaluation/statements). FalkorDB form:
// each column as one JSON text, which its client parses as one value instead of a million.
// params: ids (statement ids, or null for the whole map), basis ('stated', or null for all)
// returns: basis, sources, targets (node ids, as JSON text)
MATCH (a:Statement)-[r:REFUTES]->(b)
WHERE ($ids IS NULL OR a.id IN $ids) AND ($basis IS NULL OR r.basis = $basis)
RETURN r.basis AS basis, toJSON(collect(id(a))) AS sources, toJSON(collect(id(b))) AS targets
