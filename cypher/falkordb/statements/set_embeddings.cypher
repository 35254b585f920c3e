// Store statements' embeddings (the start-up step for statements stored without one: the
// seeds, data from before claim matching). FalkorDB indexes only vecf32 values.
// params: rows ({id, embedding: 256 floats, embedding_digest})
// returns: written (how many statements got one)
UNWIND $rows AS row
MATCH (s:Statement {id: row.id})
SET s.embedding = vecf32(row.embedding), s.embedding_digest = row.embedding_digest
RETURN count(s) AS written
