// The full-text index `search` (search/everything): statements' title and text, quotes,
// people's name and aliases (Neo4j 5.26 indexes a LIST<STRING> element by element), sources'
// title and text. The english analyzer stems; argmap.text.search adds prefixes for what
// stemming leaves apart (defence/defensive).
// params: none
// returns: nothing
CREATE FULLTEXT INDEX search IF NOT EXISTS
FOR (n:Statement|Quote|Person|Source) ON EACH [n.title, n.text, n.quote, n.name, n.aliases]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}}
