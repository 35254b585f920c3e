// Contract tests: MERGE bare nodes of one test label by id, one atomic batch.
// params: rows (list of {id, text})
// returns: written
UNWIND $rows AS row
MERGE (n:ContractTest {id: row.id})
SET n.text = row.text
RETURN count(n) AS written
