// Bulk load: create SUPPORTS and REFUTES edges between existing statements (each endpoint
// found through the Statement id index). CREATE, not MERGE: the rows must be new edges.
// params: supports, refutes (lists of {id, source, target}; id is source~supports|refutes~target)
// returns: done (1: the statement ran to its end)
UNWIND $supports AS row
MATCH (a:Statement {id: row.source})
MATCH (b:Statement {id: row.target})
CREATE (a)-[:SUPPORTS {id: row.id}]->(b)
WITH count(*) AS done
UNWIND $refutes AS row
MATCH (a:Statement {id: row.source})
MATCH (b:Statement {id: row.target})
CREATE (a)-[:REFUTES {id: row.id}]->(b)
WITH count(*) AS done
RETURN done
