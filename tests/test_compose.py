"""docker-compose.yml parses and speaks the same configuration language as `Settings`."""

from pathlib import Path

import yaml

from argmap.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def test_compose_wires_the_api_to_neo4j():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    neo4j, api = compose["services"]["neo4j"], compose["services"]["api"]
    assert neo4j["image"] == "neo4j:5.26-community"
    assert {"7474:7474", "7687:7687"} <= set(neo4j["ports"])
    assert "healthcheck" in neo4j
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert api["environment"]["ARGMAP_NEO4J_URI"] == "bolt://neo4j:7687"


def test_compose_env_names_are_settings_fields():
    api = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]["api"]
    fields = {f"ARGMAP_{name.upper()}" for name in Settings.model_fields}
    unknown = sorted(set(api["environment"]) - fields)
    assert not unknown, f"compose sets variables Settings does not read: {unknown}"


def test_settings_read_the_compose_values(monkeypatch):
    api = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]["api"]
    for name, value in api["environment"].items():
        monkeypatch.setenv(name, value.replace("${NEO4J_PASSWORD:-argmap-dev-password}", "pw"))
    settings = Settings(_env_file=None)
    assert settings.engine == "neo4j"
    assert settings.neo4j_password.get_secret_value() == "pw"
