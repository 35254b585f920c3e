// Bulk load: create statements, one list per role so that every label is a fixed literal
// (leaner than the FOREACH label switch of interchange/import). The ids must be new: the
// unique-id constraint fails the whole batch otherwise. Sections are chained by
// `WITH count(*) AS done`, which yields one row even after an empty UNWIND.
// params: positions, claims, premises, rebuttals (lists of {id, title, text})
// returns: done (1: the statement ran to its end)
UNWIND $positions AS row
CREATE (:Statement:Position {id: row.id, title: row.title, text: row.text})
WITH count(*) AS done
UNWIND $claims AS row
CREATE (:Statement:Claim {id: row.id, title: row.title, text: row.text})
WITH count(*) AS done
UNWIND $premises AS row
CREATE (:Statement:Premise {id: row.id, title: row.title, text: row.text})
WITH count(*) AS done
UNWIND $rebuttals AS row
CREATE (:Statement:Rebuttal {id: row.id, title: row.title, text: row.text})
WITH count(*) AS done
RETURN done
