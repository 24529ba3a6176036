"""``settings`` (communique.cli.settings) and the settings table it prints."""

from __future__ import annotations

import json

from click.testing import CliRunner

from communique.cli import main
from communique.settings import SETTINGS, Settings, settings_markdown


def _env_free() -> dict[str, str | None]:
    return {s.env: None for s in SETTINGS}


def test_settings_lists_every_setting_with_its_default() -> None:
    result = CliRunner(env=_env_free()).invoke(main, ["settings", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["setting"] for r in rows] == [s.name for s in SETTINGS]
    assert {r["setting"]: r["value"] for r in rows} == {s.name: s.default for s in SETTINGS}


def test_the_table_and_the_dataclass_are_one() -> None:
    assert Settings() == Settings(**{s.name: s.default for s in SETTINGS})
    assert {s.name: s.kind for s in SETTINGS}["fetch_timeout"] is float
    assert all(s.help for s in SETTINGS)


def test_settings_markdown_is_the_docs_table() -> None:
    result = CliRunner().invoke(main, ["settings", "--markdown"])
    assert result.stdout == settings_markdown()


def test_a_bad_environment_value_is_one_line() -> None:
    result = CliRunner(env={"COMMUNIQUE_WORKERS": "many"}).invoke(main, ["settings"])
    assert result.exit_code == 1
    assert result.stderr.startswith("communique: COMMUNIQUE_WORKERS='many' is not a valid int")
