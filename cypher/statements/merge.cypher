// Merge statement $id into statement $into, as ONE statement: $into gets $id's quotes
// (HAS_QUOTE), speakers (ASSERTS), REPHRASES, its SUPPORTS/REFUTES out and in and the
// undercuts it makes, each relation with its grounds; then $id is deleted and a redirect
// (:Merged {id, into}) left, older redirects into $id re-pointed to $into.
// Relation ids name their ends (argmap.domain.edge_id/undercut_id), so a moved relation gets
// a new id: argmap.services.writes plans the rows (old id -> new id) and this writes them.
// A relation whose new id the graph already holds (the target's own) is folded into it by
// the MERGE: it keeps its basis and note unless the moved one is `stated` (then stated),
// and gains the moved one's speakers (ARGUES), quotes (HAS_QUOTE) and undercuts. Relations
// between the two statements (they would become self-loops) are not in the rows: they go,
// with the undercuts aimed at them, by $drop (the old :Links, deleted).
// $expected lists the ids of every relation of $id the plan was made from (its edges, the
// undercuts it makes and those aimed at its edges). When the graph holds others now, the
// statement fails whole by creating a second Statement with $id, which the unique key
// refuses (a ConstraintViolation on both engines; as exchange/import does).
// params: id, into, expected (relation ids), supports / refutes (rows {old, new, source,
//   target, basis, note, inference}), undercuts (rows {old, new, source, target (the new id
//   of the undercut edge), basis, note}), drop (the :Link ids of every moved or dropped
//   relation)
// returns: merged (1, or 0 when either statement does not exist: nothing was written)
OPTIONAL MATCH (a:Statement {id: $id})
WITH a, CASE WHEN a IS NULL THEN [] ELSE
  [(a)-[r:SUPPORTS|REFUTES]-(:Statement) | r.id] END AS edges,
  CASE WHEN a IS NULL THEN [] ELSE [(a)-[u:UNDERCUTS]->(:Link) | u.id] END AS made
OPTIONAL MATCH (:Statement)-[aimed:UNDERCUTS]->(l:Link)
WHERE l.id IN edges
WITH a, edges, made, collect(aimed.id) AS aimed
WITH a, edges + made + aimed AS current
FOREACH (_ IN CASE
    WHEN a IS NULL OR (all(x IN current WHERE x IN $expected)
                       AND all(x IN $expected WHERE x IN current))
    THEN [] ELSE [1] END |
  CREATE (:Statement {id: $id}))
WITH count(*) AS done
// Quotes, speakers and rephrasings
MATCH (a:Statement {id: $id})
MATCH (b:Statement {id: $into})
WITH a, b,
     [(a)-[:HAS_QUOTE]->(q:Quote) | q] AS quoted,
     [(p:Person)-[:ASSERTS]->(a) | p] AS speakers,
     [(a)-[:REPHRASES]->(x:Statement) WHERE x <> b | x] AS rephrased,
     [(y:Statement)-[:REPHRASES]->(a) WHERE y <> b | y] AS rephrasing
FOREACH (q IN quoted | MERGE (b)-[:HAS_QUOTE]->(q))
FOREACH (p IN speakers | MERGE (p)-[:ASSERTS]->(b))
FOREACH (x IN rephrased | MERGE (b)-[:REPHRASES]->(x))
FOREACH (y IN rephrasing | MERGE (y)-[:REPHRASES]->(b))
WITH count(*) AS done
// SUPPORTS, moved or folded, with their grounds
UNWIND $supports AS row
MATCH (:Statement {id: $id})
MATCH (s:Statement {id: row.source})
MATCH (t:Statement {id: row.target})
MATCH (old:Link {id: row.old})
MERGE (s)-[r:SUPPORTS {id: row.new}]->(t)
ON CREATE SET r.basis = row.basis, r.note = row.note, r.inference = row.inference
ON MATCH SET r.basis = CASE WHEN row.basis = 'stated' THEN 'stated' ELSE r.basis END
MERGE (l:Link {id: row.new})
WITH old, l, [(sp:Person)-[:ARGUES]->(old) | sp] AS arguers,
     [(old)-[:HAS_QUOTE]->(sq:Quote) | sq] AS cited
FOREACH (p IN arguers | MERGE (p)-[:ARGUES]->(l))
FOREACH (q IN cited | MERGE (l)-[:HAS_QUOTE]->(q))
WITH count(*) AS done
// REFUTES, the same
UNWIND $refutes AS row
MATCH (:Statement {id: $id})
MATCH (s:Statement {id: row.source})
MATCH (t:Statement {id: row.target})
MATCH (old:Link {id: row.old})
MERGE (s)-[r:REFUTES {id: row.new}]->(t)
ON CREATE SET r.basis = row.basis, r.note = row.note
ON MATCH SET r.basis = CASE WHEN row.basis = 'stated' THEN 'stated' ELSE r.basis END
MERGE (l:Link {id: row.new})
WITH old, l, [(rp:Person)-[:ARGUES]->(old) | rp] AS arguers,
     [(old)-[:HAS_QUOTE]->(rq:Quote) | rq] AS cited
FOREACH (p IN arguers | MERGE (p)-[:ARGUES]->(l))
FOREACH (q IN cited | MERGE (l)-[:HAS_QUOTE]->(q))
WITH count(*) AS done
// Undercuts it makes and those aimed at its relations, to their new ends
UNWIND $undercuts AS row
MATCH (:Statement {id: $id})
MATCH (u:Statement {id: row.source})
MATCH (target:Link {id: row.target})
MATCH (old:Link {id: row.old})
MERGE (u)-[x:UNDERCUTS {id: row.new}]->(target)
ON CREATE SET x.basis = row.basis, x.note = row.note
ON MATCH SET x.basis = CASE WHEN row.basis = 'stated' THEN 'stated' ELSE x.basis END
MERGE (l:Link {id: row.new})
WITH old, l, [(up:Person)-[:ARGUES]->(old) | up] AS arguers,
     [(old)-[:HAS_QUOTE]->(uq:Quote) | uq] AS cited
FOREACH (p IN arguers | MERGE (p)-[:ARGUES]->(l))
FOREACH (q IN cited | MERGE (l)-[:HAS_QUOTE]->(q))
WITH count(*) AS done
// The old :Links (their relations go with the statement or with them), the statement, and
// the redirect
MATCH (a:Statement {id: $id})
MATCH (:Statement {id: $into})
OPTIONAL MATCH (gone:Link) WHERE gone.id IN $drop
WITH a, collect(gone) AS gone
FOREACH (g IN gone | DETACH DELETE g)
DETACH DELETE a
MERGE (m:Merged {id: $id})
SET m.into = $into
WITH count(*) AS merged
OPTIONAL MATCH (older:Merged) WHERE merged > 0 AND older.into = $id
WITH merged, collect(older) AS older
FOREACH (o IN older | SET o.into = $into)
RETURN merged
