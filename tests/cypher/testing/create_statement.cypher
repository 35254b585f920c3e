// Contract tests: CREATE (not MERGE) a statement, to prove the engine enforces unique ids; it
// is stored as a bulk import stores one (no embedding).
// params: id
// returns: id
CREATE (s:Statement:Claim {id: $id, role: 'Claim', text: 'duplicate probe'})
RETURN s.id AS id
