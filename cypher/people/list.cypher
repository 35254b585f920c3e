// People, with how many statements they assert; with $q, those whose name or any alias
// contains it (case-insensitive: a source's garbled spelling finds the person too).
// params: q (null: everyone), offset, limit
// returns: total, items ([{id, name, description, aliases, statements}], ordered by name)
MATCH (p:Person)
WHERE $q IS NULL OR toLower(p.name) CONTAINS toLower($q)
   OR any(alias IN coalesce(p.aliases, []) WHERE toLower(alias) CONTAINS toLower($q))
WITH p ORDER BY p.name, p.id
WITH collect(p {
  .id, .name, .description,
  aliases: coalesce(p.aliases, []),
  statements: size([(p)-[:ASSERTS]->(s:Statement) | s])
}) AS people
RETURN size(people) AS total, people[$offset..($offset + $limit)] AS items
