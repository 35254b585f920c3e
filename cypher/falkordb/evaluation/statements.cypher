// The arguments of the framework: the statements in scope, as parallel columns
// in one row. FalkorDB form: its client parses every value of a reply in Python, so each
// column comes back as one string (joined by $sep, or JSON text for numbers). In no order:
// the service sorts them by id (FalkorDB's ORDER BY takes 3 s of 1M strings, Python 0.1 s).
// params: ids (statement ids, or null for the whole map), sep (the string columns' separator,
//         a character no stored text holds)
// returns: ids, roles, titles ('' for none), base_scores (-1.0 for none: the default),
//          nodes (engine node ids); ids, roles and titles joined by $sep, base_scores and nodes
//          as JSON text
MATCH (s:Statement)
WHERE $ids IS NULL OR s.id IN $ids
RETURN string.join(collect(s.id), $sep) AS ids,
       string.join(collect(s.role), $sep) AS roles,
       string.join(collect(coalesce(s.title, '')), $sep) AS titles,
       toJSON(collect(coalesce(s.base_score, -1.0))) AS base_scores,
       toJSON(collect(id(s))) AS nodes
