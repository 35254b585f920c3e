// Link two statements by SUPPORTS, with its grounds, in one statement: the relationship,
// its :Link (same id), ARGUES from each speaker and HAS_QUOTE to each quote. MERGE on the id
// (source~type~target): a duplicate POST keeps the one edge, and its grounds (basis, note,
// speakers, quotes) are replaced by the new ones.
// Nothing is written (`written` false) when a speaker or quote id matches nothing, or when
// $inference already links premises of another target (`taken_by` names it): an inference
// links premises that support ONE conclusion together (the import document's rule too).
// params: id, source, target, inference (null keeps any existing one), basis, note,
//   speakers (person ids), quotes (quote ids),
//   new_quotes (rows {id, source, quote, start, end}: quotes to create, their sources
//   checked to exist before)
// returns: written, taken_by (a target id or null); no row when an endpoint is missing
MATCH (a:Statement {id: $source})
MATCH (b:Statement {id: $target})
// (No inference: no scan of the SUPPORTS edges.)
WITH a, b, CASE WHEN $inference IS NULL THEN [] ELSE
  [(:Statement)-[other:SUPPORTS]->(elsewhere:Statement)
   WHERE other.inference = $inference AND elsewhere.id <> $target | elsewhere.id]
END AS taken
OPTIONAL MATCH (p:Person) WHERE p.id IN $speakers
WITH a, b, taken, collect(p) AS people
OPTIONAL MATCH (q:Quote) WHERE q.id IN $quotes
WITH a, b, taken, people, collect(q) AS quotes
// The sources of the quotes to create (given by their words, found by the service)
OPTIONAL MATCH (src:Source) WHERE src.id IN [n IN $new_quotes | n.source]
WITH a, b, taken, people, quotes, collect(src) AS sources
OPTIONAL MATCH (old:Link {id: $id})
WITH a, b, taken, people, quotes, sources,
     taken = [] AND size(people) = size($speakers) AND size(quotes) = size($quotes)
       AND all(n IN $new_quotes WHERE any(c IN sources WHERE c.id = n.source)) AS ok,
     CASE WHEN old IS NULL THEN [] ELSE
       [(gone:Person)-[argues:ARGUES]->(old) WHERE NOT gone IN people | argues] +
       [(old)-[cites:HAS_QUOTE]->(dropped:Quote)
        WHERE NOT dropped IN quotes AND NOT dropped.id IN [n IN $new_quotes | n.id] | cites]
     END AS stale
FOREACH (_ IN CASE WHEN ok THEN [1] ELSE [] END |
  MERGE (a)-[r:SUPPORTS {id: $id}]->(b)
  SET r.inference = coalesce($inference, r.inference), r.basis = $basis, r.note = $note
  MERGE (l:Link {id: $id})
  FOREACH (p IN people | MERGE (p)-[:ARGUES]->(l))
  FOREACH (q IN quotes | MERGE (l)-[:HAS_QUOTE]->(q))
  // A quote no statement has, as POST /quotes without `statement` makes (MERGE: it may
  // exist by now; its id is its span, so its words are these)
  FOREACH (n IN $new_quotes |
    MERGE (nq:Quote {id: n.id})
    SET nq.quote = n.quote, nq.start = n.start, nq.end = n.end
    MERGE (l)-[:HAS_QUOTE]->(nq)
    FOREACH (held IN [c IN sources WHERE c.id = n.source] | MERGE (nq)-[:IN]->(held))
  )
)
// The grounds no longer given (the others were kept by the MERGEs above).
FOREACH (g IN CASE WHEN ok THEN stale ELSE [] END | DELETE g)
RETURN ok AS written, taken[0] AS taken_by
