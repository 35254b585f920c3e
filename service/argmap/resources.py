"""Where the Cypher catalog and the seeds live: inside the wheel, or in the source tree."""

from pathlib import Path

_PACKAGED = Path(__file__).resolve().parent / "_data"
_SOURCE_TREE = Path(__file__).resolve().parents[2]

DATA_ROOT = _PACKAGED if _PACKAGED.is_dir() else _SOURCE_TREE
CYPHER_DIR = DATA_ROOT / "cypher"
SEEDS_DIR = DATA_ROOT / "seeds"
