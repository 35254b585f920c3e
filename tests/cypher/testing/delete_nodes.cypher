// Contract tests: remove what the tests wrote.
// params: ids (list of string)
// returns: deleted
MATCH (n)
WHERE (n:ContractTest OR n:Statement) AND n.id IN $ids
DETACH DELETE n
RETURN count(*) AS deleted
