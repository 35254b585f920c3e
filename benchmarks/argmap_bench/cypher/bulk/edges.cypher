// Bulk load: create SUPPORTS and REFUTES edges between existing statements (each endpoint
// found through the Statement id index), each with its :Link (docs/architecture.md, relations
// and their grounds). CREATE, not MERGE: the rows must be new edges. Every synthetic edge is
// reconstructed: no text draws it.
// params: supports, refutes (lists of {id, source, target, note}; id is source~supports|refutes~target)
// returns: done (1: the statement ran to its end)
UNWIND $supports AS row
MATCH (a:Statement {id: row.source})
MATCH (b:Statement {id: row.target})
CREATE (a)-[:SUPPORTS {id: row.id, basis: 'reconstructed', note: row.note}]->(b)
CREATE (:Link {id: row.id})
WITH count(*) AS done
UNWIND $refutes AS row
MATCH (a:Statement {id: row.source})
MATCH (b:Statement {id: row.target})
CREATE (a)-[:REFUTES {id: row.id, basis: 'reconstructed', note: row.note}]->(b)
CREATE (:Link {id: row.id})
WITH count(*) AS done
RETURN done
