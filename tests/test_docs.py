from __future__ import annotations

import importlib.util
import re

from helpers import ROOT


def _generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("docgen", ROOT / "docs" / "generate.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_cli_reference_is_current() -> None:
    gen = _generator()
    current = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert current == gen.cli_markdown(), "docs/cli.md is stale: run `python docs/generate.py`"


def test_every_command_is_documented() -> None:
    gen = _generator()
    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for path in gen.commands(gen.main):
        assert f"## communique {' '.join(path)}\n" in text


def test_settings_doc_is_current() -> None:
    gen = _generator()
    assert (ROOT / "docs" / "settings.md").read_text(encoding="utf-8") == gen.settings_doc()


def test_readme_names_every_top_level_command() -> None:
    gen = _generator()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in gen.commands(gen.main):
        if len(path) == 1:
            assert re.search(rf"communique {path[0]}\b", readme), (
                f"README does not mention `communique {path[0]}`"
            )
