// Create one statement with its role label, the people who assert it and its quotes.
// The role is a property (what reads use) and a label (for Neo4j Browser); it comes from
// argmap.domain.Role, and each FOREACH sets one fixed label (labels cannot be parameters).
// params: id, role, title, text, base_score, embedding (256 floats: claim matching),
//   embedding_digest (its digest, argmap.text.embedding.stored),
//   speakers (person ids, checked to exist before),
//   quotes (rows {id, source, quote, start, end, note}, found verbatim in their sources
//   before; a quote whose source vanished meanwhile is left out, as a vanished speaker is)
// returns: id
// FalkorDB form: the query of cypher/statements/create.cypher with the embedding stored as vecf32
// (FalkorDB vector-indexes only vecf32 values); tests/test_similarity.py checks that
// nothing else differs.
CREATE (s:Statement {id: $id, role: $role, text: $text})
SET s.title = $title, s.base_score = $base_score, s.embedding = vecf32($embedding),
    s.embedding_digest = $embedding_digest
FOREACH (_ IN CASE WHEN $role = 'Position' THEN [1] ELSE [] END | SET s:Position)
FOREACH (_ IN CASE WHEN $role = 'Claim' THEN [1] ELSE [] END | SET s:Claim)
FOREACH (_ IN CASE WHEN $role = 'Premise' THEN [1] ELSE [] END | SET s:Premise)
FOREACH (_ IN CASE WHEN $role = 'Rebuttal' THEN [1] ELSE [] END | SET s:Rebuttal)
WITH s
OPTIONAL MATCH (p:Person) WHERE p.id IN $speakers
FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | MERGE (p)-[:ASSERTS]->(s))
// Its quotes: (s)-[:HAS_QUOTE]->(q)-[:IN]->(src), as quotes/create does
WITH DISTINCT s
OPTIONAL MATCH (src:Source) WHERE src.id IN [row IN $quotes | row.source]
WITH s, collect(src) AS sources
FOREACH (row IN $quotes |
  FOREACH (held IN [c IN sources WHERE c.id = row.source] |
    MERGE (q:Quote {id: row.id})
    SET q.quote = row.quote, q.start = row.start, q.end = row.end, q.note = row.note
    MERGE (s)-[:HAS_QUOTE]->(q)
    MERGE (q)-[:IN]->(held)
  )
)
RETURN s.id AS id
