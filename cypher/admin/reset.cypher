// Delete every node and relationship (seed --reset, tests).
// params: none
// returns: nothing
MATCH (n) DETACH DELETE n
