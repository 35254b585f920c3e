// Every relation a statement takes part in, for a merge to move: its SUPPORTS/REFUTES out
// and in, the undercuts it makes, and the undercuts aimed at its relations.
// params: id
// returns: edges ([{id, type, source, target, basis, note, inference}]), undercuts ([{id,
//   source, target (the undercut edge's id), basis, note}]: made by it or aimed at its
//   edges); no row when the statement does not exist
MATCH (s:Statement {id: $id})
WITH s,
     [(s)-[out:SUPPORTS|REFUTES]->(t:Statement) |
      {id: out.id, type: type(out), source: s.id, target: t.id, basis: out.basis,
       note: out.note, inference: out.inference}] AS outgoing,
     [(f:Statement)-[inc:SUPPORTS|REFUTES]->(s) |
      {id: inc.id, type: type(inc), source: f.id, target: s.id, basis: inc.basis,
       note: inc.note, inference: inc.inference}] AS incoming,
     [(s)-[made:UNDERCUTS]->(ml:Link) |
      {id: made.id, source: s.id, target: ml.id, basis: made.basis, note: made.note}] AS made
WITH s, outgoing + incoming AS edges, made
WITH s, edges, made, [e IN edges | e.id] AS edge_ids
OPTIONAL MATCH (u:Statement)-[aimed:UNDERCUTS]->(l:Link)
WHERE l.id IN edge_ids
WITH edges, made,
     collect({id: aimed.id, source: u.id, target: l.id, basis: aimed.basis, note: aimed.note})
       AS aimed
RETURN edges, made + [x IN aimed WHERE x.id IS NOT NULL] AS undercuts
