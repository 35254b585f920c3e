// The vector index of statements' embeddings (argmap.text.embedding: 256 dimensions,
// L2-normalised), searched by statements/similar. FalkorDB's DDL has no IF NOT EXISTS; the
// store takes "already indexed" as success. Only vecf32 values are indexed.
// params: none
// returns: nothing
CREATE VECTOR INDEX FOR (s:Statement) ON (s.embedding)
OPTIONS {dimension: 256, similarityFunction: 'cosine'}
