// Make every relationship type argmap's queries name exist, by writing one of each and
// deleting it again. FalkorDB keeps the plan of a query text, and a pattern comprehension
// that collects relationships of a type the graph did not hold when it was planned stays
// empty: planned before the first ARGUES, `[(p)-[a:ARGUES]->(l) | a]` would be [] for good
// (the edge writes collect the ARGUES they replace so). Runs at start-up.
// params: none
// returns: types (how many types were written and deleted)
CREATE (probe)
CREATE (probe)-[:SUPPORTS]->(probe), (probe)-[:REFUTES]->(probe), (probe)-[:UNDERCUTS]->(probe),
       (probe)-[:ARGUES]->(probe), (probe)-[:HAS_QUOTE]->(probe), (probe)-[:IN]->(probe),
       (probe)-[:ASSERTS]->(probe), (probe)-[:AUTHORED]->(probe), (probe)-[:REPHRASES]->(probe)
DETACH DELETE probe
RETURN 9 AS types
