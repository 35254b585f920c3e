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
    edges.router,
    undercuts.router,
    quotes.router,
    exchange.router,
    evaluation.router,
    viewer.router,
]
