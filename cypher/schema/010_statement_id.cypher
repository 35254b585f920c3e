// Unique Statement ids (lookups by id use the constraint's index).
// params: none
// returns: nothing
CREATE CONSTRAINT statement_id IF NOT EXISTS FOR (n:Statement) REQUIRE n.id IS UNIQUE
