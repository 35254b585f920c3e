"""argmap's app served by uvicorn with proposed changes applied from outside (experiment only;
`argmap_bench.server_variants` starts it as `python -m argmap_bench.variant_server`).
Configured by ARGMAP_* like `argmap serve` (ARGMAP_PORT: its port), plus:

- NO_ACCESS_LOG=1: uvicorn without its access log (one log record per request).

hiredis is switched by the Python path the server runs with (see `server_variants`). The
measured runs also had ASYNC_DEPS=1 (the request dependencies as `async def`, through
`app.dependency_overrides`): argmap ships its dependencies that way since, so that variant is
now the shipped app and has gone from here.
"""

import os

import uvicorn

from argmap.app import create_app
from argmap.settings import Settings


def main() -> None:
    settings = Settings()
    uvicorn.run(
        create_app(settings),
        host="127.0.0.1",
        port=settings.port,
        access_log=os.environ.get("NO_ACCESS_LOG") != "1",
    )


if __name__ == "__main__":
    main()
