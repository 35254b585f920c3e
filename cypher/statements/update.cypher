// Change a statement: the given properties (null removes one), and its role when given.
// params: id, props (map of title/text/base_score), role (null keeps it)
// returns: id
MATCH (s:Statement {id: $id})
SET s += $props, s.role = coalesce($role, s.role)
FOREACH (_ IN CASE WHEN $role IS NULL THEN [] ELSE [1] END | REMOVE s:Position:Claim:Premise:Rebuttal)
FOREACH (_ IN CASE WHEN $role = 'Position' THEN [1] ELSE [] END | SET s:Position)
FOREACH (_ IN CASE WHEN $role = 'Claim' THEN [1] ELSE [] END | SET s:Claim)
FOREACH (_ IN CASE WHEN $role = 'Premise' THEN [1] ELSE [] END | SET s:Premise)
FOREACH (_ IN CASE WHEN $role = 'Rebuttal' THEN [1] ELSE [] END | SET s:Rebuttal)
RETURN s.id AS id
