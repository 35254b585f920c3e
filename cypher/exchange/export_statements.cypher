// Export: the statements in scope.
// params: ids (statement ids, or null for the whole map)
// returns: statement ({id, role, title, text, base_score})
MATCH (s:Statement)
WHERE $ids IS NULL OR s.id IN $ids
RETURN s {
  .id, .title, .text, .base_score,
  .role
} AS statement
ORDER BY statement.id
