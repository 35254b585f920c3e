"""The write key of the `writable_api` fixture (conftest.py), for the tests that use it."""

WRITE_KEY = "test-write-key"
WRITE_AUTH = {"Authorization": f"Bearer {WRITE_KEY}"}
