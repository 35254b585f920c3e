// Write the outcome onto the map, replacing any earlier one: the grounded label as an
// extra node label (Accepted / Rejected / Undecided, so Neo4j Browser can colour by it)
// and the DF-QuAD strength as a property.
// params: rows ([{id, label, strength}])
// returns: written
OPTIONAL MATCH (old:Statement)
WHERE old:Accepted OR old:Rejected OR old:Undecided
REMOVE old:Accepted:Rejected:Undecided
WITH count(*) AS cleared
UNWIND $rows AS row
MATCH (s:Statement {id: row.id})
FOREACH (_ IN CASE WHEN row.label = 'Accepted' THEN [1] ELSE [] END | SET s:Accepted)
FOREACH (_ IN CASE WHEN row.label = 'Rejected' THEN [1] ELSE [] END | SET s:Rejected)
FOREACH (_ IN CASE WHEN row.label = 'Undecided' THEN [1] ELSE [] END | SET s:Undecided)
SET s.strength = row.strength
RETURN count(s) AS written
