// Unique Source ids (lookups by id use the constraint's index).
// params: none
// returns: nothing
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE
