// The statements a source gives, in reading order, each with its quotes from that source.
// params: id
// returns: source (id, or no row when unknown), total, items ([{id, role, title, text, quotes}])
MATCH (src:Source {id: $id})
OPTIONAL MATCH (src)<-[:IN]-(q:Quote)<-[:HAS_QUOTE]-(s:Statement)
WITH src, s, q ORDER BY q.start
WITH src, s, collect(q {.id, .quote, .start, .end, .note, source: src.id}) AS quotes, min(q.start) AS first
ORDER BY first, s.id
WITH src, collect(CASE WHEN s IS NULL THEN null ELSE s {
  .id, .title, .text,
  .role,
  quotes: quotes
} END) AS items
RETURN src.id AS source, size(items) AS total, items
