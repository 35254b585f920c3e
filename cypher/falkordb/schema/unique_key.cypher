// The index under one unique key. FalkorDB's unique constraint itself is a server command
// (GRAPH.CONSTRAINT), not Cypher: the store sends it right after. Its DDL has no IF NOT
// EXISTS; the store takes "already indexed" as success.
// template: Label, key
// params: none
// returns: nothing
CREATE INDEX FOR (n:Label) ON (n.key)
