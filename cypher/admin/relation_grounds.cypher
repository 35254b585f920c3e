// Give relations stored before argmap kept how relations are grounded a basis and their
// :Link: each SUPPORTS/REFUTES without `basis` becomes `reconstructed` with $note (nothing
// in the map says more). Runs at start-up and after seeding; a map whose relations all have
// a basis only reads each relationship's `basis` and writes nothing.
// params: note
// returns: updated
MATCH (:Statement)-[r:SUPPORTS|REFUTES]->(:Statement)
WHERE r.basis IS NULL
SET r.basis = 'reconstructed', r.note = $note
MERGE (:Link {id: r.id})
RETURN count(r) AS updated
