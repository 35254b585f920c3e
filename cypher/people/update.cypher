// Change a person's properties (null removes one).
// params: id, props (map of name/description/aliases)
// returns: id
MATCH (p:Person {id: $id})
SET p += $props
RETURN p.id AS id
