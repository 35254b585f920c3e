"""Reading a source's words: what argmap does with text rather than with the graph.

- `anchoring`: find a pasted passage in a source (a W3C TextQuoteSelector: exact, prefix,
  suffix), tolerant of quote marks and whitespace, giving code-point offsets.
- `segments`: sentences with offsets, reported-speech attributions, discourse markers.
- `embedding`: the packaged embedding model (weights inside the wheel; no download at run time).
- `matching`: claim matching, the blend of the embedding and a lexical score, and opposites.
- `search`: full-text query strings for each engine, and highlighting the matched words.
"""
