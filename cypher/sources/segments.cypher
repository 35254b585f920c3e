// What segmenting a source needs, in one round trip: its text, the map's quotes of it (one
// entry per quote and statement it expresses; statement null for a quote only relations
// cite) and every known person with their aliases (to resolve speakers' names).
// params: id
// returns: text (no row when the source is unknown), quotes ([{id, start, end, statement}] by
//          start), people ([{id, name, aliases}] by id)
MATCH (src:Source {id: $id})
OPTIONAL MATCH (src)<-[:IN]-(q:Quote)
OPTIONAL MATCH (q)<-[:HAS_QUOTE]-(s:Statement)
WITH src, q, s ORDER BY q.start, q.end, q.id, s.id
WITH src, collect(CASE WHEN q IS NULL THEN null ELSE q {.id, .start, .end, statement: s.id} END) AS quotes
OPTIONAL MATCH (p:Person)
WITH src, quotes, p ORDER BY p.id
WITH src, quotes, collect(CASE WHEN p IS NULL THEN null ELSE p {.id, .name, aliases: coalesce(p.aliases, [])} END) AS people
RETURN src.text AS text, quotes, people
