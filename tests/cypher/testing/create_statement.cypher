// Contract tests: CREATE (not MERGE) a statement, to prove the engine enforces unique ids.
// params: id
// returns: id
CREATE (s:Statement {id: $id, text: 'duplicate probe'})
RETURN s.id AS id
