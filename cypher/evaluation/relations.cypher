// The relations of the framework: attacks (REFUTES), supports (SUPPORTS) and undercuts
// (UNDERCUTS, whose target is the id of the edge whose inference they attack) leaving the
// statements in scope, of the basis asked for; the framework drops those whose other end
// lies outside it.
// params: ids (statement ids, or null for the whole map), basis ('stated', or null for all)
// returns: id, source, target, type, basis
MATCH (a:Statement)-[r:SUPPORTS|REFUTES]->(b:Statement)
WHERE ($ids IS NULL OR a.id IN $ids) AND ($basis IS NULL OR r.basis = $basis)
RETURN r.id AS id, a.id AS source, b.id AS target, type(r) AS type, r.basis AS basis
UNION ALL
MATCH (u:Statement)-[x:UNDERCUTS]->(l:Link)
WHERE ($ids IS NULL OR u.id IN $ids) AND ($basis IS NULL OR x.basis = $basis)
RETURN x.id AS id, u.id AS source, l.id AS target, type(x) AS type, x.basis AS basis
