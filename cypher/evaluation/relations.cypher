// The attacks (REFUTES) and supports (SUPPORTS) leaving the statements in scope, of the basis
// asked for: one row per type and basis, its edges as parallel columns of node ids (those of
// evaluation/statements). The framework drops the edges whose target lies outside the scope.
// params: ids (statement ids, or null for the whole map), basis ('stated', or null for all)
// returns: type, basis, sources, targets (node ids; FalkorDB: as JSON text)
MATCH (a:Statement)-[r:SUPPORTS|REFUTES]->(b)
WHERE ($ids IS NULL OR a.id IN $ids) AND ($basis IS NULL OR r.basis = $basis)
RETURN type(r) AS type, r.basis AS basis, collect(id(a)) AS sources, collect(id(b)) AS targets
