// The arguments of the framework: statements in scope, with their DF-QuAD base scores.
// params: ids (statement ids, or null for the whole map)
// returns: id, role, title, base_score (null = the default)
MATCH (s:Statement)
WHERE $ids IS NULL OR s.id IN $ids
RETURN s.id AS id,
       s.role AS role,
       s.title AS title,
       s.base_score AS base_score
ORDER BY id
