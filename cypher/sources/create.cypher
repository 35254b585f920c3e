// Create one source with its full text and the text's SHA-256.
// params: id, text, sha256, props (map of title/kind/author/outlet/url/published/file)
// returns: id
CREATE (src:Source {id: $id, text: $text, sha256: $sha256})
SET src += $props
RETURN src.id AS id
