// Every source's metadata (never its text), with how many quotes and statements it gives.
// params: offset, limit
// returns: total, items ([{id, title, kind, author, outlet, url, published, file, sha256, length, quotes, statements}])
MATCH (src:Source)
OPTIONAL MATCH (src)<-[:IN]-(:Quote)<-[:HAS_QUOTE]-(s:Statement)
WITH src, count(DISTINCT s) AS statements
ORDER BY src.id
WITH collect(src {
  .id, .title, .kind, .author, .outlet, .url, .published, .file, .sha256,
  length: size(src.text),
  quotes: size([(src)<-[:IN]-(q:Quote) | q]),
  statements: statements
}) AS sources
RETURN size(sources) AS total, sources[$offset..($offset + $limit)] AS items
