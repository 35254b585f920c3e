// Export: edges (with their grounds), undercuts, rephrases and asserts among the statements
// in scope. An undercut is returned when its undercutting statement is in scope; the caller
// keeps it only when the edge it attacks is exported too.
// params: ids (statement ids, or null for the whole map)
// returns: kind ('edge' | 'undercut' | 'rephrase' | 'assert'), link (a map of that kind;
//   edges and undercuts with basis, note, speakers and quotes (ids, unordered))
MATCH (a:Statement)-[r:SUPPORTS|REFUTES]->(b:Statement)
WHERE $ids IS NULL OR (a.id IN $ids AND b.id IN $ids)
OPTIONAL MATCH (l:Link {id: r.id})
RETURN 'edge' AS kind, {
  id: r.id, source: a.id, target: b.id, type: type(r), inference: r.inference,
  basis: r.basis, note: r.note,
  speakers: CASE WHEN l IS NULL THEN [] ELSE [(p:Person)-[:ARGUES]->(l) | p.id] END,
  quotes: CASE WHEN l IS NULL THEN [] ELSE [(l)-[:HAS_QUOTE]->(q:Quote) | q.id] END
} AS link
UNION ALL
MATCH (u:Statement)-[r:UNDERCUTS]->(target:Link)
WHERE $ids IS NULL OR u.id IN $ids
OPTIONAL MATCH (l:Link {id: r.id})
RETURN 'undercut' AS kind, {
  id: r.id, source: u.id, target: target.id, basis: r.basis, note: r.note,
  speakers: CASE WHEN l IS NULL THEN [] ELSE [(p:Person)-[:ARGUES]->(l) | p.id] END,
  quotes: CASE WHEN l IS NULL THEN [] ELSE [(l)-[:HAS_QUOTE]->(q:Quote) | q.id] END
} AS link
UNION ALL
MATCH (a:Statement)-[:REPHRASES]->(b:Statement)
WHERE $ids IS NULL OR (a.id IN $ids AND b.id IN $ids)
RETURN 'rephrase' AS kind, {source: a.id, target: b.id} AS link
UNION ALL
MATCH (p:Person)-[:ASSERTS]->(s:Statement)
WHERE $ids IS NULL OR s.id IN $ids
RETURN 'assert' AS kind, {person: p.id, statement: s.id} AS link
