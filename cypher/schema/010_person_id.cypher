// Unique Person ids (lookups by id use the constraint's index).
// params: none
// returns: nothing
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE
