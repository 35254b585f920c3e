"""The one place configuration comes from: `ARGMAP_*` environment variables (or a `.env`)."""

import os
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from argmap.engines import Engine
from argmap.keys import ApiKey


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ARGMAP_", env_file=".env", extra="ignore")

    # Neo4j (production). When `neo4j_uri` is unset, argmap runs the embedded FalkorDB.
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr = SecretStr("")
    neo4j_database: str = "neo4j"

    # FalkorDB: an external server at `falkordb_url` (redis://host:port), else the embedded one.
    falkordb_url: str | None = None
    data_dir: Path = Path("./data")
    falkordb_graph: str = "argmap"
    falkordb_port: int | None = Field(None, description="fixed port; a free one when unset")
    falkordb_startup_timeout: float = Field(
        300.0,
        description="seconds the embedded FalkorDB may take to load its data before argmap "
        "gives up: a 1M-statement map takes ~50 s (its full-text index is rebuilt on load)",
    )
    falkordb_fsync: Literal["everysec", "always"] = Field(
        "everysec",
        description="embedded FalkorDB appendfsync: `everysec` (a 2xx write is on disk within "
        "about 1 s) or `always` (on disk before the 2xx; slower writes, see README)",
    )

    # HTTP service.
    host: str = "127.0.0.1"
    port: int = 8000
    seed_on_empty: bool = Field(True, description="load the seeds when the database is empty")
    embed_backlog: bool = Field(
        True,
        description="embed statements stored without an embedding (claim matching) in the "
        "background from start-up on; off, `similar` does not find them until they are",
    )
    max_body_bytes: int = Field(
        1_000_000,
        ge=1,
        description="largest request body of a route without a limit of its own (/import and "
        "POST /sources have theirs)",
    )
    workers: int = Field(
        default_factory=lambda: default_workers(),
        ge=1,
        le=64,
        description="HTTP worker processes of `argmap serve` (default: the CPU cores, at most 4)",
    )

    access_log: bool = Field(
        False,
        description="uvicorn's line per request; off by default (a proxy in front logs "
        "requests, and the line costs the hottest reads a few percent)",
    )

    # API keys, as hashes: a JSON list of {"sha256": ..., "scope": "write"|"read", "name": ...}.
    api_keys: list[ApiKey] = Field(default_factory=list)
    read_requires_key: bool = False
    cors_origins: list[str] = Field(["*"], description="origins allowed to call the API")

    @property
    def engine(self) -> Engine:
        return Engine.NEO4J if self.neo4j_uri else Engine.FALKORDB


def default_workers() -> int:
    # One worker is one Python process on one core: on 2 cores, 2 workers serve ~1.5x what one
    # does (docs/scaling.md); past 4, the engine's own cores are the limit.
    return max(1, min(4, os.cpu_count() or 1))


@cache
def get_settings() -> Settings:
    return Settings()
