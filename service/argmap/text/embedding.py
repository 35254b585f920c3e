"""The packaged embedding model: wordllama 0.4.0.post1, `l2_supercat`, 256 dimensions.

Its weights ship inside the wheel (`wordllama/weights/l2_supercat_256.safetensors`), so argmap
never downloads anything at run time. This release's loader looks for its tokenizer under
`<cache_dir>/tokenizers/`, while its default cache layout points elsewhere; giving the package
directory itself as `cache_dir` makes it find the packaged `wordllama/tokenizers/` file
(hence the pin in pyproject.toml). Loading takes about 0.3 s; embedding 1,000 short texts
about 40 ms on one core. The model is loaded once per process, on first use.

What a statement is embedded as (`statement_text`) is defined here once: every writer (create,
update, import, the start-up backfill) and every query embed the same way.
"""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from numpy.typing import NDArray

DIMENSIONS = 256
MODEL_CONFIG = "l2_supercat"
STORED_DECIMALS = 6

_model: Any = None
_lock = threading.Lock()


def _loaded() -> Any:
    global _model
    if _model is None:
        with _lock:
            if _model is None:  # another thread may have loaded it while this one waited
                import wordllama
                from wordllama import WordLlama

                _model = WordLlama.load(
                    config=MODEL_CONFIG,
                    cache_dir=Path(wordllama.__file__).parent,
                    dim=DIMENSIONS,
                    disable_download=True,
                )
    return _model


def statement_text(*, title: str | None, text: str) -> str:
    """What is embedded for a statement: its title, then its text."""
    return f"{title}. {text}" if title else text


def embed(texts: list[str]) -> NDArray[np.float32]:
    """One L2-normalised row of `DIMENSIONS` float32 per text (cosine = dot product)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors = np.asarray(_loaded().embed(list(texts), norm=False), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    # A text of no known tokens embeds as zeros: leave it zero rather than divide by 0.
    return vectors / np.where(norms > 0, norms, 1.0)


def embed_one(text: str) -> list[float]:
    """One text's embedding as a list of floats, as the stores take it as a parameter."""
    return embed([text])[0].tolist()


def stored(vector: NDArray[np.float32]) -> dict[str, Any]:
    """A vector as the write queries take it: its floats and a digest of them. The queries
    write a vector only when its digest differs from the stored one's: FalkorDB's vector
    index drops a node whose vector is written again with the same value. Six decimals
    (cosines move by under 1e-5): FalkorDB's client sends parameters as query text, where a
    float32 written out in full takes three times the characters to send and to parse."""
    values = np.round(np.asarray(vector, np.float64), STORED_DECIMALS)  # float64: short reprs
    digest = hashlib.blake2b(values.astype(np.float32).tobytes(), digest_size=8).hexdigest()
    return {"embedding": values.tolist(), "embedding_digest": digest}
