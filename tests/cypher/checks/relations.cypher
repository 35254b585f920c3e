// Every relation (SUPPORTS, REFUTES, UNDERCUTS) with its grounds: basis and note, how many
// :Link nodes carry its id, who ARGUES it, and the quotes its :Link HAS_QUOTE (with their
// source). An undercut's target is a :Link, whose id is the undercut relation's id.
// `l` is bound before the pattern comprehensions: FalkorDB's comprehensions find no multi-hop
// path that starts at an unbound `(l:Link {id: r.id})`.
// params: none
// returns: id, type, source, target, basis, note, links, speakers, quotes ([{id, source, start, end, quote}])
MATCH (a:Statement)-[r:SUPPORTS|REFUTES|UNDERCUTS]->(b)
OPTIONAL MATCH (link:Link {id: r.id})
WITH a, r, b, collect(link) AS links
WITH a, r, b, links, links[0] AS l
RETURN r.id AS id,
       type(r) AS type,
       a.id AS source,
       b.id AS target,
       r.basis AS basis,
       r.note AS note,
       size(links) AS links,
       [(p:Person)-[:ARGUES]->(l) | p.id] AS speakers,
       [(l)-[:HAS_QUOTE]->(q:Quote)-[:IN]->(src:Source) |
        {id: q.id, source: src.id, start: q.start, end: q.end, quote: q.quote}] AS quotes
ORDER BY id
