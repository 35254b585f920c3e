// The undercuts of the framework: those whose undercutter is in scope, of the basis asked
// for; the target is the id of the edge whose inference they attack (`a~refutes~b`), and the
// framework drops those whose edge it does not hold.
// params: ids (statement ids, or null for the whole map), basis ('stated', or null for all)
// returns: id, source, target, basis
MATCH (u:Statement)-[x:UNDERCUTS]->(l:Link)
WHERE ($ids IS NULL OR u.id IN $ids) AND ($basis IS NULL OR x.basis = $basis)
RETURN x.id AS id, u.id AS source, l.id AS target, x.basis AS basis
ORDER BY id
