// The ids of the statements stored without an embedding (seeds loaded by their Cypher
// scripts, data from before claim matching), all at once: the start-up step then reads and
// embeds them a batch at a time (statements/embedding_texts), in one pass over the graph.
// params: none
// returns: id
MATCH (s:Statement)
WHERE s.embedding IS NULL
RETURN s.id AS id
