"""What every command shares: the common options, settings and store opening, output
(JSON, tables) and the turning of library errors into one-line messages and exit codes.

This module imports nothing from the command modules beside it, and nothing heavy.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import shutil
import sys
from collections.abc import Callable, Iterable
from functools import wraps
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from ..errors import CommuniqueError
from ..records import MAX_LIMIT
from ..settings import Settings

if TYPE_CHECKING:
    from ..store import Store

F = TypeVar("F", bound=Callable[..., Any])

# --- options ----------------------------------------------------------------------------------

JSON_TABLE = "Print JSON instead of a table."
JSON_SUMMARY = "Print the summary as JSON."
JSON_SCORES = "Print JSON."


TABLE_MODES = ("wide", "tsv")
"""How ``emit`` writes a table besides the default: ``wide`` (every cell whole, the article's
title, outlet and URL added where the rows have them) and ``tsv`` (tab-separated, a header
line, the same columns as ``wide``, for a spreadsheet or ``cut``)."""

PROVENANCE = ("title", "outlet", "url")
"""Columns ``--wide`` and ``--tsv`` add to a listing whose rows carry them."""


def _table_mode(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value:
        ctx.meta["communique.table"] = param.name


def json_option(help: str = JSON_TABLE) -> Callable[[F], F]:
    """``--json`` (parameter ``as_json``; ``help`` says what it replaces), with ``--wide``
    and ``--tsv`` (``TABLE_MODES``), read by ``emit`` from the command's context."""

    def decorate(func: F) -> F:
        for mode, text in (
            ("tsv", "Print tab-separated values with a header line, cells whole."),
            ("wide", "Print every cell whole, with the article's title, outlet and URL."),
        ):
            func = click.option(
                f"--{mode}",
                mode,
                is_flag=True,
                expose_value=False,
                callback=_table_mode,
                help=text,
            )(func)
        return click.option("--json", "as_json", is_flag=True, help=help)(func)

    return decorate


db_option = click.option("--db", help=f"Database file (default {Settings.db}).")
"""``--db``: the database file, overriding ``COMMUNIQUE_DB``."""

limit_option = click.option(
    "--limit",
    type=click.IntRange(min=0, max=MAX_LIMIT),
    default=50,
    show_default=True,
    help=f"Rows at most, up to {MAX_LIMIT} (page on with --offset).",
)
offset_option = click.option(
    "--offset", type=click.IntRange(min=0), default=0, help="Rows to skip first."
)


def iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A date option's value checked: a calendar date written YYYY-MM-DD (not "yesterday",
    not month 13)."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date written YYYY-MM-DD") from None


def to_country_code(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A country option's value as its ISO 3166 alpha-3 code ("Russia", "rus" -> RUS)."""
    if value is None:
        return None
    from ..knowledge.actor_lexicon import country_code

    code = country_code(value, Settings.from_env().knowledge)
    if code is None:
        raise click.BadParameter(
            f"{value!r} names no country: give an ISO 3166 alpha-3 code (RUS) or a country name"
        )
    return code


workers_option = click.option(
    "--workers", type=int, help=f"Worker processes (default {Settings.workers})."
)
model_option = click.option("--model", help="spaCy pipeline to load instead of en_core_web_sm.")


def batch_size_option(help: str) -> Callable[[F], F]:
    """``--batch-size``, overriding ``COMMUNIQUE_BATCH_SIZE``."""
    return click.option("--batch-size", type=int, help=help)


paths_argument = click.argument("paths", nargs=-1, required=True)
"""One or more input paths (the commands that read documents or records)."""


def to_month(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """``--month``: a month ``YYYY-MM`` the calendar has, else a usage error."""
    if value is None:
        return None
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}", value) or not 1 <= int(value[5:]) <= 12:
        raise click.BadParameter(f"{value!r} is not a month like 2013-08")
    return value


def date_range_options(what: str) -> Callable[[F], F]:
    """``--since`` and ``--until``, YYYY-MM-DD; ``what`` names the date (``event``)."""

    def decorate(func: F) -> F:
        func = click.option("--until", callback=iso_date, help=f"Latest {what} date, YYYY-MM-DD.")(
            func
        )
        return click.option(
            "--since", callback=iso_date, help=f"Earliest {what} date, YYYY-MM-DD."
        )(func)

    return decorate


per_article_option = click.option(
    "--per-article",
    is_flag=True,
    help="Count every article's copy of a syndicated story (default: once per story).",
)
"""``--per-article``: raw counts instead of one per story (``queries.STORY_COUNTING``)."""


def min_confidence_option(what: str) -> Callable[[F], F]:
    """``--min-confidence``: keep ``what`` (quotes, events) scored at least this; unset, the
    fitted default threshold (``default_min_confidence``)."""
    return click.option(
        "--min-confidence",
        type=click.FloatRange(0.0, 1.0),
        default=None,
        help=f"Keep {what} whose confidence is at least this, 0-1 (default: the threshold "
        "fitted on the dev set; 0 keeps all). Items stored without one are kept.",
    )


def default_min_confidence(kind: str, given: float | None) -> float:
    """``given``, else the default threshold of the ``kind`` model (``quote``, ``event``)."""
    if given is not None:
        return given
    from ..confidence import default_threshold

    return default_threshold(kind, build_settings().knowledge)


def pred_option(default: str = "analyse GOLD now") -> Callable[[F], F]:
    """``--pred``: analysis records to score; ``default`` says what is scored without it."""
    return click.option(
        "--pred",
        type=click.Path(exists=True, dir_okay=False),
        help=f"Analysis records to score (default: {default}).",
    )


# --- settings and store -----------------------------------------------------------------------


def build_settings(**overrides: Any) -> Settings:
    """The settings in force: the environment, then the options given (``None`` is not given)."""
    return Settings.from_env().replace(**overrides).validate()


def open_store(db: str | None) -> Store:
    """The database of ``--db`` (or the settings), opened read-only."""
    from ..store import Store

    return Store(build_settings(db=db).db, readonly=True)


# --- output and errors ------------------------------------------------------------------------


def fail(message: str, code: int = 1) -> NoReturn:
    """Print ``communique: message`` on stderr and exit with ``code``."""
    click.echo(f"communique: {message}", err=True)
    sys.exit(code)


def handle_errors(func: F) -> F:
    """Turn a ``CommuniqueError`` into a one-line message and exit code 1; a closed pipe
    (``communique analyze ... | head``) into a quiet exit."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except CommuniqueError as e:
            fail(str(e))
        except BrokenPipeError:
            sys.stderr.close()
            sys.exit(0)

    return wrapper  # type: ignore[return-value]


def emit_json(rows: Any) -> None:
    """``rows`` as indented JSON (non-ASCII kept, dates and the like as strings)."""
    click.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))


MIN_FILL_WIDTH = 20
"""Narrowest the column that fills the terminal (``fill``) becomes."""


def print_table(
    rows: list[dict[str, Any]],
    columns: Iterable[str],
    widths: dict[str, int] | None = None,
    fill: str | None = None,
) -> None:
    """``rows`` as a fixed-width table of ``columns``; a cell wider than its column is cut.
    The ``fill`` column takes the width the terminal has left (``COLUMNS``, else the
    terminal's, else 120), so a wide terminal shows more of it and a narrow one no more."""
    cols = list(columns)
    widths = dict(widths or {})
    if not rows:
        click.echo("(nothing found)")
        return
    if fill in cols:
        others = sum(
            widths.get(c, max(len(c), min(40, max(len(str(r.get(c) or "")) for r in rows))))
            for c in cols
            if c != fill
        )
        room = shutil.get_terminal_size((120, 24)).columns - others - 2 * (len(cols) - 1)
        widths[fill] = max(MIN_FILL_WIDTH, room)

    def cell(v: Any, w: int) -> str:
        s = "" if v is None else str(v).replace("\n", " ")
        return (s[: w - 1] + "…") if len(s) > w else s.ljust(w)

    w = {
        c: widths.get(c, max(len(c), min(40, max(len(str(r.get(c) or "")) for r in rows))))
        for c in cols
    }
    click.echo("  ".join(cell(c, w[c]) for c in cols))
    for r in rows:
        click.echo("  ".join(cell(r.get(c), w[c]) for c in cols))


def emit(
    rows: Any,
    as_json: bool,
    columns: Iterable[str],
    widths: dict[str, int] | None = None,
    fill: str | None = None,
) -> None:
    """``rows`` as JSON with ``--json``; else as a table of ``columns`` (see ``print_table``),
    or with ``--wide`` or ``--tsv`` (``TABLE_MODES``) every cell whole, the ``PROVENANCE``
    columns the rows carry added."""
    if as_json:
        emit_json(rows)
        return
    ctx = click.get_current_context(silent=True)
    mode = ctx.meta.get("communique.table") if ctx is not None else None  # shared by subcontexts
    if mode is None:
        print_table(rows, columns, widths, fill)
        return
    cols = list(columns)
    cols += [c for c in PROVENANCE if c not in cols and any(c in r for r in rows)]
    if mode == "tsv":
        writer = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
        writer.writerow(cols)
        for r in rows:
            writer.writerow(["" if r.get(c) is None else str(r.get(c)) for c in cols])
        return
    big = {c: max([len(c)] + [len(str(r.get(c) or "")) for r in rows]) for c in cols}
    print_table(rows, cols, big)
