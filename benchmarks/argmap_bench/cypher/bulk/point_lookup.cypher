// A bare point lookup of one statement by id: the engine's own baseline that benchmarks
// compare statements/get (and GET /statements/{id}) against.
// params: id
// returns: id, title, text
MATCH (s:Statement {id: $id})
RETURN s.id AS id, s.title AS title, s.text AS text
