// The vector index of statements' embeddings (argmap.text.embedding: 256 dimensions,
// L2-normalised), searched by statements/similar.
// params: none
// returns: nothing
CREATE VECTOR INDEX statement_embedding IF NOT EXISTS
FOR (s:Statement) ON (s.embedding)
OPTIONS {indexConfig: {`vector.dimensions`: 256, `vector.similarity_function`: 'cosine'}}
