"""The graph engines argmap runs on, and the processes it starts for them.

`Engine` names them (configuration, catalog overrides, stores). The launchers are the
embedded FalkorDB (`embedded_falkordb`) and a local Neo4j from Maven Central
(`neo4j_local`), over one process supervisor (`process`).
"""

from enum import StrEnum


class Engine(StrEnum):
    NEO4J = "neo4j"
    FALKORDB = "falkordb"
