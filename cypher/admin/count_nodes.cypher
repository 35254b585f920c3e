// How many nodes the graph holds (0 means a fresh database to seed).
// params: none
// returns: nodes
MATCH (n) RETURN count(n) AS nodes
