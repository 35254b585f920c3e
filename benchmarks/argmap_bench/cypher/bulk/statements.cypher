// Bulk load: create statements, one list per role so that the role label and the `role`
// property (what reads use) are fixed literals (leaner than the FOREACH label switch of
// exchange/import). The ids must be new: the unique-id constraint fails the whole batch
// otherwise. Sections are chained by `WITH count(*) AS done`, which yields one row even after
// an empty UNWIND.
// params: positions, claims, premises, rebuttals (lists of {id, title, text})
// returns: done (1: the statement ran to its end)
UNWIND $positions AS row
CREATE (:Statement:Position {id: row.id, role: 'Position', title: row.title, text: row.text})
WITH count(*) AS done
UNWIND $claims AS row
CREATE (:Statement:Claim {id: row.id, role: 'Claim', title: row.title, text: row.text})
WITH count(*) AS done
UNWIND $premises AS row
CREATE (:Statement:Premise {id: row.id, role: 'Premise', title: row.title, text: row.text})
WITH count(*) AS done
UNWIND $rebuttals AS row
CREATE (:Statement:Rebuttal {id: row.id, role: 'Rebuttal', title: row.title, text: row.text})
WITH count(*) AS done
RETURN done
