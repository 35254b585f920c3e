// Attacks (REFUTES) and supports (SUPPORTS) leaving the statements in scope; the framework
// drops those whose target lies outside it.
// params: ids (statement ids, or null for the whole map)
// returns: source, target, type
MATCH (a:Statement)-[r:SUPPORTS|REFUTES]->(b:Statement)
WHERE $ids IS NULL OR a.id IN $ids
RETURN a.id AS source, b.id AS target, type(r) AS type
