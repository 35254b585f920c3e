// What is embedded of the given statements (argmap.text.embedding.statement_text).
// params: ids
// returns: id, title, text
UNWIND $ids AS id
MATCH (s:Statement {id: id})
RETURN s.id AS id, s.title AS title, s.text AS text
