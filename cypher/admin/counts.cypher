// Node counts per label and relationship counts per type, for status output and tests.
// params: none
// returns: kind, name, count
MATCH (n)
UNWIND labels(n) AS label
RETURN 'label' AS kind, label AS name, count(*) AS count
UNION ALL
MATCH ()-[r]->()
RETURN 'type' AS kind, type(r) AS name, count(*) AS count
