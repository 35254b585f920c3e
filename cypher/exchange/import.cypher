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
// params: people, sources, statements, supports, refutes, rephrases, quotes, asserts, authored
//   (lists of maps; statements: {id, role, props}; sources: {id, text, sha256, meta};
//   edges: {id, source, target, inference})
// returns: done (always 1: the statement ran to its end)
UNWIND $people AS row
MERGE (p:Person {id: row.id})
SET p.name = row.name, p.description = row.description
WITH count(*) AS done
UNWIND $sources AS row
MERGE (src:Source {id: row.id})
SET src += row.meta, src.text = coalesce(src.text, row.text), src.sha256 = row.sha256
FOREACH (_ IN CASE WHEN src.text <> row.text THEN [1] ELSE [] END | CREATE (:Source {id: row.id}))
WITH count(*) AS done
UNWIND $statements AS row
MERGE (s:Statement {id: row.id})
SET s += row.props, s.role = row.role
REMOVE s:Position:Claim:Premise:Rebuttal
FOREACH (_ IN CASE WHEN row.role = 'Position' THEN [1] ELSE [] END | SET s:Position)
FOREACH (_ IN CASE WHEN row.role = 'Claim' THEN [1] ELSE [] END | SET s:Claim)
FOREACH (_ IN CASE WHEN row.role = 'Premise' THEN [1] ELSE [] END | SET s:Premise)
FOREACH (_ IN CASE WHEN row.role = 'Rebuttal' THEN [1] ELSE [] END | SET s:Rebuttal)
WITH count(*) AS done
UNWIND $supports AS row
MATCH (a:Statement {id: row.source})
MATCH (b:Statement {id: row.target})
MERGE (a)-[r:SUPPORTS {id: row.id}]->(b)
SET r.inference = row.inference
WITH count(*) AS done
UNWIND $refutes AS row
MATCH (a:Statement {id: row.source})
MATCH (b:Statement {id: row.target})
MERGE (a)-[r:REFUTES {id: row.id}]->(b)
WITH count(*) AS done
UNWIND $rephrases AS row
MATCH (a:Statement {id: row.source})
MATCH (b:Statement {id: row.target})
MERGE (a)-[:REPHRASES]->(b)
WITH count(*) AS done
UNWIND $quotes AS row
MATCH (s:Statement {id: row.statement})
MATCH (src:Source {id: row.source})
MERGE (q:Quote {id: row.id})
SET q.quote = row.quote, q.start = row.start, q.end = row.end, q.note = row.note
MERGE (s)-[:HAS_QUOTE]->(q)
MERGE (q)-[:IN]->(src)
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
