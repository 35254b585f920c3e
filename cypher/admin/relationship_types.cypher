// Make every relationship type argmap's queries name exist before any query is planned.
// Neo4j plans against the live graph, so it needs nothing; FalkorDB's form
// (cypher/falkordb/admin/) writes one relationship of each type and deletes it again.
// params: none
// returns: types (how many types were written and deleted)
RETURN 0 AS types
