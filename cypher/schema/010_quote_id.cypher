// Unique Quote ids (lookups by id use the constraint's index).
// params: none
// returns: nothing
CREATE CONSTRAINT quote_id IF NOT EXISTS FOR (n:Quote) REQUIRE n.id IS UNIQUE
