// Link two statements by SUPPORTS. MERGE on the id (source~type~target): a duplicate POST
// returns the existing edge instead of adding a second one.
// An inference links premises that support ONE conclusion together (the import document's
// rule too): when $inference already links premises of another target, nothing is written
// and `taken_by` names that target.
// params: id, source, target, inference (null keeps any existing one)
// returns: edge ({id, source, target, type, inference}) or null, taken_by (a target id or
//   null); no row when an endpoint is missing
MATCH (a:Statement {id: $source})
MATCH (b:Statement {id: $target})
// (No inference: no scan of the SUPPORTS edges.)
WITH a, b, CASE WHEN $inference IS NULL THEN [] ELSE
  [(:Statement)-[other:SUPPORTS]->(elsewhere:Statement)
   WHERE other.inference = $inference AND elsewhere.id <> $target | elsewhere.id]
END AS taken
FOREACH (_ IN CASE WHEN taken = [] THEN [1] ELSE [] END |
  MERGE (a)-[r:SUPPORTS {id: $id}]->(b)
  SET r.inference = coalesce($inference, r.inference)
)
WITH a, b, taken
OPTIONAL MATCH (a)-[r:SUPPORTS {id: $id}]->(b)
RETURN CASE WHEN taken = [] THEN
         {id: r.id, source: a.id, target: b.id, type: type(r), inference: r.inference}
       END AS edge,
       taken[0] AS taken_by
