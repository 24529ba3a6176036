"""A database ingested from the samples, shared by the command tests."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from communique.cli import main

from helpers import SAMPLES


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("db") / "c.db")
    result = CliRunner().invoke(main, ["ingest", str(SAMPLES), "--db", db])
    assert result.exit_code == 0, result.output
    return db
