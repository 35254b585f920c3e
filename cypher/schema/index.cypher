// One property index, for lookups and filters by a property that is not a key.
// template: Label, key
// params: none
// returns: nothing
CREATE INDEX IF NOT EXISTS FOR (n:Label) ON (n.key)
