// Write a whole validated map document as ONE statement, so an import lands whole or not
// at all. Everything MERGEs on ids: importing twice changes nothing; an import over an
// existing map updates what it names. Sections are chained by `WITH count(*) AS done`: an
// aggregate without grouping keys yields one row even after an empty UNWIND.
// A source's text is evidence (quotes index into it, sha256 hashes it): an import may merge
// a source's metadata but never change its text. An existing source with another text fails
// the whole statement, nothing written, by CREATEing a second Source with its id, which the
// unique key refuses (a ConstraintViolation on both engines; neither has another way to
// abort a statement). The check follows the MERGE and SET, which lock the node: no race lets a
// concurrent import slip another text in between.
// Relations (docs/architecture.md, "Relations and their grounds"): each SUPPORTS/REFUTES/
// UNDERCUTS is written with its :Link (same id) in this statement; `argues` and `cites` hang
// the speakers and quotes off the links. Quotes come before the relations that cite them.
// params: people, sources, statements, quotes, quoted, supports, refutes, undercuts, argues,
//   cites, rephrases, asserts, authored (lists of maps; people: {id, name, description,
//   aliases}; statements: {id, role, props, embedding? (256 floats: claim matching; absent
//   in a large import, embedded later), embedding_digest?}; sources: {id, text, sha256,
//   meta}; quotes: one per Quote node {id, source, quote, start, end, note}; quoted: {statement, quote};
//   supports/refutes: {id, source, target, inference, basis, note}; undercuts: {id, source,
//   target (an edge id), basis, note}; argues: {person, link}; cites: {link, quote})
// returns: done (always 1: the statement ran to its end)
// FalkorDB form: the query of cypher/exchange/import.cypher with the embedding stored as vecf32
// (FalkorDB vector-indexes only vecf32 values); tests/test_similarity.py checks that
// nothing else differs.
UNWIND $people AS row
MERGE (p:Person {id: row.id})
SET p.name = row.name, p.description = row.description,
    p.aliases = CASE WHEN size(row.aliases) > 0 THEN row.aliases END
WITH count(*) AS done
UNWIND $sources AS row
MERGE (src:Source {id: row.id})
SET src += row.meta, src.text = coalesce(src.text, row.text), src.sha256 = row.sha256
FOREACH (_ IN CASE WHEN src.text <> row.text THEN [1] ELSE [] END | CREATE (:Source {id: row.id}))
WITH count(*) AS done
// Statements already stored: words and role updated in place; the labels only when the role
// changes (a label change costs FalkorDB ~0.5 ms a node). No WHERE after a SET here: FalkorDB
// moves such a filter ahead of the SET, which then skips the rows it drops. A row without an
// embedding (a large import, embedded later in the background) drops a stored vector its new
// words no longer match, so the backlog (statements/unembedded) embeds it again.
UNWIND $statements AS row
MATCH (s:Statement {id: row.id})
FOREACH (_ IN CASE WHEN row.embedding IS NULL
                        AND (s.title <> row.props.title OR s.text <> row.props.text)
                   THEN [1] ELSE [] END |
  REMOVE s.embedding, s.embedding_digest)
FOREACH (_ IN CASE WHEN coalesce(s.role, '') <> row.role THEN [1] ELSE [] END |
  REMOVE s:Position:Claim:Premise:Rebuttal
  FOREACH (label IN CASE WHEN row.role = 'Position' THEN [1] ELSE [] END | SET s:Position)
  FOREACH (label IN CASE WHEN row.role = 'Claim' THEN [1] ELSE [] END | SET s:Claim)
  FOREACH (label IN CASE WHEN row.role = 'Premise' THEN [1] ELSE [] END | SET s:Premise)
  FOREACH (label IN CASE WHEN row.role = 'Rebuttal' THEN [1] ELSE [] END | SET s:Rebuttal))
SET s += row.props, s.role = row.role
WITH count(*) AS done
// New statements: CREATEd whole, labels and properties at once (a MERGE then SET writes each
// node, and its index entries, twice). The unique key refuses one created meanwhile by
// another writer: the whole statement fails, nothing written.
UNWIND $statements AS row
OPTIONAL MATCH (s:Statement {id: row.id})
WITH row WHERE s IS NULL
FOREACH (_ IN CASE WHEN row.role = 'Position' THEN [1] ELSE [] END |
  CREATE (:Statement:Position {id: row.id, role: row.role, title: row.props.title,
    text: row.props.text, base_score: row.props.base_score}))
FOREACH (_ IN CASE WHEN row.role = 'Claim' THEN [1] ELSE [] END |
  CREATE (:Statement:Claim {id: row.id, role: row.role, title: row.props.title,
    text: row.props.text, base_score: row.props.base_score}))
FOREACH (_ IN CASE WHEN row.role = 'Premise' THEN [1] ELSE [] END |
  CREATE (:Statement:Premise {id: row.id, role: row.role, title: row.props.title,
    text: row.props.text, base_score: row.props.base_score}))
FOREACH (_ IN CASE WHEN row.role = 'Rebuttal' THEN [1] ELSE [] END |
  CREATE (:Statement:Rebuttal {id: row.id, role: row.role, title: row.props.title,
    text: row.props.text, base_score: row.props.base_score}))
WITH count(*) AS done
// Embeddings (a small import's): set only when they differ from the stored one (by digest),
// REMOVE first: see statements/update.
UNWIND $statements AS row
WITH row WHERE row.embedding IS NOT NULL
MATCH (s:Statement {id: row.id})
FOREACH (_ IN CASE WHEN s.embedding_digest = row.embedding_digest THEN [] ELSE [1] END |
  REMOVE s.embedding SET s.embedding = vecf32(row.embedding), s.embedding_digest = row.embedding_digest)
WITH count(*) AS done
UNWIND $quotes AS row
MATCH (src:Source {id: row.source})
MERGE (q:Quote {id: row.id})
SET q.quote = row.quote, q.start = row.start, q.end = row.end, q.note = row.note
MERGE (q)-[:IN]->(src)
WITH count(*) AS done
UNWIND $quoted AS row
MATCH (s:Statement {id: row.statement})
MATCH (q:Quote {id: row.quote})
MERGE (s)-[:HAS_QUOTE]->(q)
WITH count(*) AS done
UNWIND $supports AS row
MATCH (a:Statement {id: row.source})
MATCH (b:Statement {id: row.target})
MERGE (a)-[r:SUPPORTS {id: row.id}]->(b)
SET r.inference = row.inference, r.basis = row.basis, r.note = row.note
MERGE (:Link {id: row.id})
WITH count(*) AS done
UNWIND $refutes AS row
MATCH (a:Statement {id: row.source})
MATCH (b:Statement {id: row.target})
MERGE (a)-[r:REFUTES {id: row.id}]->(b)
SET r.basis = row.basis, r.note = row.note
MERGE (:Link {id: row.id})
WITH count(*) AS done
UNWIND $undercuts AS row
MATCH (u:Statement {id: row.source})
MATCH (target:Link {id: row.target})
MERGE (u)-[r:UNDERCUTS {id: row.id}]->(target)
SET r.basis = row.basis, r.note = row.note
MERGE (:Link {id: row.id})
WITH count(*) AS done
UNWIND $argues AS row
MATCH (p:Person {id: row.person})
MATCH (l:Link {id: row.link})
MERGE (p)-[:ARGUES]->(l)
WITH count(*) AS done
UNWIND $cites AS row
MATCH (l:Link {id: row.link})
MATCH (q:Quote {id: row.quote})
MERGE (l)-[:HAS_QUOTE]->(q)
WITH count(*) AS done
UNWIND $rephrases AS row
MATCH (a:Statement {id: row.source})
MATCH (b:Statement {id: row.target})
MERGE (a)-[:REPHRASES]->(b)
WITH count(*) AS done
UNWIND $asserts AS row
MATCH (p:Person {id: row.person})
MATCH (s:Statement {id: row.statement})
MERGE (p)-[:ASSERTS]->(s)
WITH count(*) AS done
UNWIND $authored AS row
MATCH (p:Person {id: row.person})
MATCH (src:Source {id: row.source})
MERGE (p)-[:AUTHORED]->(src)
WITH count(*) AS done
RETURN done
