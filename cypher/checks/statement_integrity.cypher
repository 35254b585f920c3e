// Integrity of every statement: its role labels and how many quotes, edges and asserters it has.
// params: none
// returns: id, roles (role labels), quotes, edges, asserters
MATCH (s:Statement)
RETURN s.id AS id,
       [l IN labels(s) WHERE l IN ['Position', 'Claim', 'Premise', 'Rebuttal']] AS roles,
       size([(s)-[:HAS_QUOTE]->(q:Quote) | q]) AS quotes,
       size([(s)-[e:SUPPORTS|REFUTES]-(:Statement) | e]) AS edges,
       size([(p:Person)-[:ASSERTS]->(s) | p]) AS asserters
ORDER BY id
