// Texts of the first statements the engine finds: where the reading study draws its searches
// and rewordings from.
// params: n
// returns: text
MATCH (s:Statement)
WITH s LIMIT $n
RETURN s.text AS text
