// The full-text indexes of search/everything, one per label (RediSearch inside FalkorDB),
// english stemming: Statement title and text, Quote quote, Person name, Source title and text.
// FalkorDB's full-text index takes strings only: people's aliases (lists) are searched by
// search/everything itself. FalkorDB's DDL has no IF NOT EXISTS and one procedure call adds
// one field: this creates each (label, field) that db.indexes() does not list as FULLTEXT
// yet, so it runs at every start-up without an "already indexed" error.
// params: none
// returns: created (how many fields were added)
CALL db.indexes() YIELD label, types
UNWIND keys(types) AS key
WITH label, key, types[key] AS kinds
WITH collect(CASE WHEN 'FULLTEXT' IN kinds THEN label + '.' + key END) AS present
UNWIND [['Statement', 'title'], ['Statement', 'text'], ['Quote', 'quote'], ['Person', 'name'],
        ['Source', 'title'], ['Source', 'text']] AS wanted
// (a WITH first: FalkorDB reads `NOT a + b IN c` as `NOT a + (b IN c)`)
WITH wanted, present, wanted[0] + '.' + wanted[1] AS field
WITH wanted WHERE NOT field IN present
CALL db.idx.fulltext.createNodeIndex({label: wanted[0], language: 'english'}, wanted[1])
RETURN count(wanted) AS created
