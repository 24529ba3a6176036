"""``export`` (communique.cli.export)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from communique.cli import main


def test_gdelt_export_from_the_store_loads_in_pandas(seed_db: str, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    from communique.gdelt import GDELT_EVENT_COLUMNS

    out = tmp_path / "events.tsv"
    result = CliRunner().invoke(
        main, ["export", "--format", "gdelt", "--db", seed_db, "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    frame = pd.read_csv(out, sep="\t", header=None, names=list(GDELT_EVENT_COLUMNS), dtype=str)
    assert len(frame) > 0 and list(frame.columns)[:2] == ["GlobalEventID", "Day"]
    assert set(frame["EventRootCode"].dropna()) <= {f"{i:02d}" for i in range(1, 21)}
    assert frame["NumMentions"].astype(int).min() >= 1
