// Create one statement with its role label and the people who assert it.
// The role is a property (what reads use) and a label (for Neo4j Browser); it comes from
// argmap.domain.Role, and each FOREACH sets one fixed label (labels cannot be parameters).
// params: id, role, title, text, base_score, speakers (person ids, checked to exist before)
// returns: id
CREATE (s:Statement {id: $id, role: $role, text: $text})
SET s.title = $title, s.base_score = $base_score
FOREACH (_ IN CASE WHEN $role = 'Position' THEN [1] ELSE [] END | SET s:Position)
FOREACH (_ IN CASE WHEN $role = 'Claim' THEN [1] ELSE [] END | SET s:Claim)
FOREACH (_ IN CASE WHEN $role = 'Premise' THEN [1] ELSE [] END | SET s:Premise)
FOREACH (_ IN CASE WHEN $role = 'Rebuttal' THEN [1] ELSE [] END | SET s:Rebuttal)
WITH s
OPTIONAL MATCH (p:Person) WHERE p.id IN $speakers
FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | MERGE (p)-[:ASSERTS]->(s))
RETURN DISTINCT s.id AS id
