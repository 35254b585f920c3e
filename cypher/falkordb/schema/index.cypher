// One property index (FalkorDB's DDL has no IF NOT EXISTS; the store takes "already
// indexed" as success).
// template: Label, key
// params: none
// returns: nothing
CREATE INDEX FOR (n:Label) ON (n.key)
