"""Fixtures of the package's tests: the built layernas command, a real coordinator and worker, a clean environment."""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace

import pytest

import search_specs
from nodes import Node


@pytest.fixture(scope="session")
def cli() -> str:
    """The built layernas.dll, named by LAYERNAS_TEST_CLI."""
    path = os.environ.get("LAYERNAS_TEST_CLI", "")
    if not path or not Path(path).is_file():
        pytest.fail(f"LAYERNAS_TEST_CLI must name the built layernas.dll (dotnet build src/LayerNas.Cli), got '{path}'")
    return path


@pytest.fixture(scope="session")
def cluster(cli, tmp_path_factory):
    """A coordinator node serving the API on a free loopback port, and one worker node with two slots joined to it that
    runs the toy trainer registered by name; both read tables inside the repository's examples folder."""
    folder = tmp_path_factory.mktemp("cluster")
    coordinator = Node(cli, folder, "coordinator", "--role", "coordinator", "--port", "0", "--db", str(folder / "coordinator.db"), "--api", "http://127.0.0.1:0",
                       "--data-root", str(search_specs.EXAMPLES),
                       "--dashboard", "http://127.0.0.1:0")
    try:
        worker = Node(cli, folder, "worker", "--role", "worker", "--port", "0", "--slots", "2", "--seed", coordinator.address, "--logs", str(folder / "logs"),
                      "--trainer", search_specs.TOY_REGISTRATION, "--data-root", str(search_specs.EXAMPLES))
        try:
            yield SimpleNamespace(api=coordinator.api)
        finally:
            worker.stop()
    finally:
        coordinator.stop()


@pytest.fixture(autouse=True)
def no_layernas_environment(monkeypatch):
    """Clients take their server and token from the test alone, never from LAYERNAS_SERVER or LAYERNAS_TOKEN."""
    monkeypatch.delenv("LAYERNAS_SERVER", raising=False)
    monkeypatch.delenv("LAYERNAS_TOKEN", raising=False)
