// The arguments of the framework: statements in scope with their DF-QuAD base scores.
// params: ids (statement ids, or null for the whole map)
// returns: id, base_score (null = the default)
MATCH (s:Statement)
WHERE $ids IS NULL OR s.id IN $ids
RETURN s.id AS id, s.base_score AS base_score
