"""HTTP routes, one module per resource; each router is thin over the repository."""

from . import graph, health, people, positions, sources, statements

ROUTERS = [
    health.router,
    statements.router,
    graph.router,
    positions.router,
    people.router,
    sources.router,
]
