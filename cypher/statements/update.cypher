// Change a statement: the given properties (null removes one), and its role when given.
// The embedding (claim matching) is given when title or text change: null keeps it.
// params: id, props (map of title/text/base_score), role (null keeps it), embedding (256
//   floats or null), embedding_digest (its digest, or null)
// returns: id
MATCH (s:Statement {id: $id})
SET s += $props, s.role = coalesce($role, s.role)
// Only a vector that differs from the stored one (by digest) is written, REMOVE first:
// FalkorDB's vector index drops a node whose vector is SET again, or REMOVEd and SET to the
// same value (docs/architecture.md, "Claim matching"). Neo4j runs the same steps.
FOREACH (_ IN CASE WHEN $embedding IS NULL OR s.embedding_digest = $embedding_digest
                   THEN [] ELSE [1] END |
  REMOVE s.embedding SET s.embedding = $embedding, s.embedding_digest = $embedding_digest)
FOREACH (_ IN CASE WHEN $role IS NULL THEN [] ELSE [1] END | REMOVE s:Position:Claim:Premise:Rebuttal)
FOREACH (_ IN CASE WHEN $role = 'Position' THEN [1] ELSE [] END | SET s:Position)
FOREACH (_ IN CASE WHEN $role = 'Claim' THEN [1] ELSE [] END | SET s:Claim)
FOREACH (_ IN CASE WHEN $role = 'Premise' THEN [1] ELSE [] END | SET s:Premise)
FOREACH (_ IN CASE WHEN $role = 'Rebuttal' THEN [1] ELSE [] END | SET s:Rebuttal)
RETURN s.id AS id
