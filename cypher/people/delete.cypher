// Delete a person; the statements they asserted stay, without them as speaker, and so do
// the relations they argued (DETACH DELETE removes their ASSERTS and ARGUES).
// params: id
// returns: deleted (1)
MATCH (p:Person {id: $id})
DETACH DELETE p
RETURN 1 AS deleted
