"""Liveness, readiness and the error shape, on every engine."""


def test_healthz(client):
    assert client.get("/healthz").json() == {"status": "ok", "engine": None}


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
