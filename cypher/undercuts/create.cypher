// Statement $source undercuts the edge $target (attacks its inference, not its statements),
// in one statement: UNDERCUTS to the edge's :Link, the undercut's own :Link (id $id), ARGUES
// from each speaker and HAS_QUOTE to each quote. MERGE on the id: a repeat replaces the
// grounds. Nothing is written (`written` false) when a speaker or quote id matches nothing.
// params: id, source, target (an edge id), basis, note, speakers, quotes
// returns: written; no row when the statement or the edge is missing
MATCH (u:Statement {id: $source})
MATCH (edge:Link {id: $target})
OPTIONAL MATCH (p:Person) WHERE p.id IN $speakers
WITH u, edge, collect(p) AS people
OPTIONAL MATCH (q:Quote) WHERE q.id IN $quotes
WITH u, edge, people, collect(q) AS quotes
OPTIONAL MATCH (old:Link {id: $id})
WITH u, edge, people, quotes,
     size(people) = size($speakers) AND size(quotes) = size($quotes) AS ok,
     CASE WHEN old IS NULL THEN [] ELSE
       [(gone:Person)-[argues:ARGUES]->(old) WHERE NOT gone IN people | argues] +
       [(old)-[cites:HAS_QUOTE]->(dropped:Quote) WHERE NOT dropped IN quotes | cites]
     END AS stale
FOREACH (_ IN CASE WHEN ok THEN [1] ELSE [] END |
  MERGE (u)-[x:UNDERCUTS {id: $id}]->(edge)
  SET x.basis = $basis, x.note = $note
  MERGE (l:Link {id: $id})
  FOREACH (p IN people | MERGE (p)-[:ARGUES]->(l))
  FOREACH (q IN quotes | MERGE (l)-[:HAS_QUOTE]->(q))
)
// The grounds no longer given (the others were kept by the MERGEs above).
FOREACH (g IN CASE WHEN ok THEN stale ELSE [] END | DELETE g)
RETURN ok AS written
