"""Liveness, readiness and the error shape, on every engine."""

from fastapi.testclient import TestClient

from argmap.app import create_app
from argmap.engines.embedded_falkordb import EmbeddedFalkorDB
from argmap.settings import Settings


def test_healthz_is_liveness_and_reports_the_engine_state(client, engine_settings):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok", "engine": engine_settings.engine, "engine_state": "up"
    }  # fmt: skip


def test_healthz_stays_200_and_says_down_while_the_engine_is_gone(tmp_path):
    """Liveness is the process's: an engine outage shows in `engine_state` and in /readyz."""
    with EmbeddedFalkorDB(tmp_path, require_password=True) as server:
        settings = Settings(_env_file=None, falkordb_url=server.url, seed_on_empty=False)
        with TestClient(create_app(settings)) as api:
            server.kill()
            response = api.get("/healthz")
            assert response.status_code == 200
            assert response.json() == {
                "status": "ok", "engine": "falkordb", "engine_state": "down"
            }  # fmt: skip
            assert api.get("/readyz").status_code == 503
            server.restart()
            assert api.get("/healthz").json()["engine_state"] == "up"
            assert api.get("/readyz").status_code == 200


def test_readyz_names_the_engine(client, engine_settings):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ready", "engine": engine_settings.engine}


def test_unknown_route_uses_the_error_shape(client):
    response = client.get("/no/such/route")
    assert response.status_code == 404
    assert response.json() == {"status": 404, "error": "not_found", "message": "Not Found"}


def test_openapi_is_served(client):
    assert client.get("/docs").status_code == 200
    schema = client.get("/openapi.json").json()
    assert "ErrorResponse" in schema["components"]["schemas"]
