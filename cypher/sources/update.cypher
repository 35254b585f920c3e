// Change a source's metadata (never its text: quotes point into it).
// params: id, props (map of title/kind/author/outlet/url/published/file)
// returns: id
MATCH (src:Source {id: $id})
SET src += $props
RETURN src.id AS id
