"""Which Neo4j each contract-suite engine really is: the local server from Maven Central's jars
(a java process of ours), or a container of the configured image on the Docker engine."""

import json
import subprocess
from pathlib import Path

import pytest
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError
from support import NEO4J_IMAGE

from argmap.engines.process import pid_alive


def docker(*args: str) -> str:
    return subprocess.run(["docker", *args], capture_output=True, text=True, check=True).stdout


def test_the_local_neo4j_is_a_java_process_of_this_run(neo4j_engine):
    if neo4j_engine.pid is None:
        pytest.skip("ARGMAP_TEST_NEO4J_URI names a server of someone else's")
    assert pid_alive(neo4j_engine.pid)
    cmdline = Path(f"/proc/{neo4j_engine.pid}/cmdline").read_bytes().split(b"\0")
    assert b"org.neo4j.server.CommunityEntryPoint" in cmdline
    assert neo4j_engine.container is None


def test_the_container_neo4j_runs_the_configured_image_on_loopback(neo4j_container):
    (info,) = json.loads(docker("inspect", neo4j_container.container))
    assert info["State"]["Running"] and info["Config"]["Image"] == NEO4J_IMAGE
    bolt = info["NetworkSettings"]["Ports"]["7687/tcp"]
    assert [binding["HostIp"] for binding in bolt] == ["127.0.0.1"]
    assert neo4j_container.uri == f"bolt://127.0.0.1:{bolt[0]['HostPort']}"
    # NEO4J_AUTH took: the password opens it, another does not.
    with GraphDatabase.driver(neo4j_container.uri, auth=("neo4j", neo4j_container.password)) as d:
        d.verify_connectivity()
    with GraphDatabase.driver(neo4j_container.uri, auth=("neo4j", "wrong")) as driver:
        with pytest.raises(AuthError):
            driver.verify_connectivity()
