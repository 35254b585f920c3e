// Where a statement merged into another now lives: its redirect (:Merged {id, into}).
// params: id
// returns: into (no row when the id was never merged)
MATCH (m:Merged {id: $id})
RETURN m.into AS into
