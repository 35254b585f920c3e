// How many statements the map holds (a label count: constant time on both engines).
// params: none
// returns: statements
MATCH (s:Statement)
RETURN count(s) AS statements
