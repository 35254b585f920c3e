// How many statements carry each evaluation outcome label, and how many have a strength.
// params: none
// returns: accepted, rejected, undecided, with_strength
MATCH (s:Statement)
RETURN sum(CASE WHEN s:Accepted THEN 1 ELSE 0 END) AS accepted,
       sum(CASE WHEN s:Rejected THEN 1 ELSE 0 END) AS rejected,
       sum(CASE WHEN s:Undecided THEN 1 ELSE 0 END) AS undecided,
       sum(CASE WHEN s.strength IS NULL THEN 0 ELSE 1 END) AS with_strength
