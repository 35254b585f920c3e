// One source's metadata, and its full text when asked for.
// params: id, include_text (boolean)
// returns: source ({id, title, kind, author, outlet, url, published, file, sha256, length, text})
MATCH (src:Source {id: $id})
RETURN src {
  .id, .title, .kind, .author, .outlet, .url, .published, .file, .sha256,
  length: size(src.text),
  text: CASE WHEN $include_text THEN src.text ELSE null END
} AS source
