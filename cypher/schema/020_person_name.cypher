// Index speaker names for the people filters.
// params: none
// returns: nothing
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name)
