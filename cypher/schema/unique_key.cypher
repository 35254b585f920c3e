// One unique key (lookups by it use the constraint's index). Cypher takes no label or
// property as a parameter: argmap fills `Label` and `key` from argmap.store.schema.
// template: Label, key
// params: none
// returns: nothing
CREATE CONSTRAINT IF NOT EXISTS FOR (n:Label) REQUIRE n.key IS UNIQUE
