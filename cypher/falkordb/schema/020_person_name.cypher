// Index speaker names for the people filters.
// params: none
// returns: nothing
CREATE INDEX FOR (n:Person) ON (n.name)
