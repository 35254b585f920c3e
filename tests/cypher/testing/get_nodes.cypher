// Contract tests: read back the test nodes by id, shaped with a map projection.
// params: ids (list of string)
// returns: node ({id, text})
MATCH (n:ContractTest)
WHERE n.id IN $ids
RETURN n {.id, .text} AS node
ORDER BY node.id
