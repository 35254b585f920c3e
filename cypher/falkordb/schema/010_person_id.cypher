// Index Person ids; FalkorDB's unique constraint (a GRAPH.CONSTRAINT command, not Cypher)
// needs this index and is created by the store right after.
// params: none
// returns: nothing
CREATE INDEX FOR (n:Person) ON (n.id)
