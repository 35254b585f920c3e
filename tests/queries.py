"""The tests' own Cypher (`tests/cypher/`): checks and fixtures the product never runs, loaded
by the product's catalog loader so their names are checked the same way."""

from enum import StrEnum
from pathlib import Path

from argmap.catalog import Catalog, load_catalog
from argmap.engines import Engine

TESTS_CYPHER_DIR = Path(__file__).resolve().parent / "cypher"


class FixtureQuery(StrEnum):
    CHECKS_OUTCOME_LABELS = "checks/outcome_labels"
    CHECKS_QUOTE_SUBSTRINGS = "checks/quote_substrings"
    CHECKS_RELATIONS = "checks/relations"
    CHECKS_STATEMENT_INTEGRITY = "checks/statement_integrity"
    TESTING_CREATE_STATEMENT = "testing/create_statement"
    TESTING_DELETE_NODES = "testing/delete_nodes"
    TESTING_GET_NODES = "testing/get_nodes"
    TESTING_PUT_NODES = "testing/put_nodes"


def fixture_queries(engine: Engine) -> Catalog:
    return load_catalog(engine, FixtureQuery, TESTS_CYPHER_DIR)
