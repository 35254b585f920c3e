// The attacks (REFUTES) leaving the statements in scope, of the basis asked for: one row per basis,
// its edges as parallel columns of node ids (those of evaluation/statements). The framework
// drops the edges whose target lies outside the scope. One query per type, so the engine can
// run them side by side.
// params: ids (statement ids, or null for the whole map), basis ('stated', or null for all)
// returns: basis, sources, targets (node ids)
MATCH (a:Statement)-[r:REFUTES]->(b)
WHERE ($ids IS NULL OR a.id IN $ids) AND ($basis IS NULL OR r.basis = $basis)
RETURN r.basis AS basis, collect(id(a)) AS sources, collect(id(b)) AS targets
