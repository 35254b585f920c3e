// The statements whose embeddings are nearest to $embedding, by the vector index.
// Neo4j's cosine score is (1 + cos) / 2; `similarity` is the cosine itself (-1..1), as on
// FalkorDB. Never returns the embedding.
// params: embedding (256 floats, L2-normalised), k (how many to ask the index for),
//   exclude (statement ids to leave out)
// returns: id, role, title, text, similarity (cosine, -1..1), nearest first
CALL db.index.vector.queryNodes('statement_embedding', $k, $embedding) YIELD node, score
WITH node AS s, 2 * score - 1 AS similarity
WHERE NOT s.id IN $exclude
RETURN s.id AS id, s.role AS role, s.title AS title, s.text AS text, similarity
ORDER BY similarity DESC, id
