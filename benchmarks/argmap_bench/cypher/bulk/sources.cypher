// Bulk load: create sources with their full texts (synthetic maps; the ids must be new).
// params: rows (list of {id, title, kind, author, outlet, url, published, sha256, text})
// returns: done (1: the statement ran to its end)
UNWIND $rows AS row
CREATE (:Source {
  id: row.id, title: row.title, kind: row.kind, author: row.author, outlet: row.outlet,
  url: row.url, published: row.published, sha256: row.sha256, text: row.text
})
WITH count(*) AS done
RETURN done
