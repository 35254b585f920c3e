// The arguments of the framework: the statements in scope, as parallel columns
// in one row (a million statements come back as five values, not a million records), with
// each statement's node id, by which evaluation/attacks and supports name the ends of
// edges. In no order: the service sorts them by id (as FalkorDB's form must).
// params: ids (statement ids, or null for the whole map), sep (FalkorDB's form: the string
//         columns' separator, a character no stored text holds)
// returns: ids, roles, titles ('' for none), base_scores (-1.0 for none: the default),
//          nodes (engine node ids); FalkorDB: ids, roles and titles joined by $sep, base_scores
//          and nodes as JSON text
MATCH (s:Statement)
WHERE $ids IS NULL OR s.id IN $ids
RETURN collect(s.id) AS ids,
       collect(s.role) AS roles,
       collect(coalesce(s.title, '')) AS titles,
       collect(coalesce(s.base_score, -1.0)) AS base_scores,
       collect(id(s)) AS nodes
