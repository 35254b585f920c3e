// Integrity of every statement: its role (property and labels) and how many quotes, edges
// (SUPPORTS, REFUTES, and UNDERCUTS of a relation) and asserters it has.
// params: none
// returns: id, role (property), labels, quotes, edges, asserters
MATCH (s:Statement)
RETURN s.id AS id,
       s.role AS role,
       labels(s) AS labels,
       size([(s)-[:HAS_QUOTE]->(q:Quote) | q]) AS quotes,
       size([(s)-[e:SUPPORTS|REFUTES|UNDERCUTS]-() | e]) AS edges,
       size([(p:Person)-[:ASSERTS]->(s) | p]) AS asserters
ORDER BY id
