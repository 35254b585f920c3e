"""HTTP routes, one module per resource; each router is thin over the repository."""

from argmap.routes import (
    edges,
    evaluation,
    exchange,
    graph,
    health,
    people,
    positions,
    quotes,
    search,
    sources,
    statements,
    undercuts,
    viewer,
)

ROUTERS = [
    health.router,
    statements.router,
    graph.router,
    positions.router,
    people.router,
    sources.router,
    search.router,
    edges.router,
    undercuts.router,
    quotes.router,
    exchange.router,
    evaluation.router,
    viewer.router,
]
