"""Fixtures for the township tests: a village, a town, the village registered there (villages.py)."""

from tests.services.township.villages import registered, town, village  # noqa: F401 - fixtures for this folder
