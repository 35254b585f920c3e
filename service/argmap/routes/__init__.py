"""HTTP routes, one module per resource; each router is thin over the repository."""

from . import health

ROUTERS = [health.router]
