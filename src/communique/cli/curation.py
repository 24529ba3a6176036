"""``communique actors merge|split|rename|curation|undo``: curation of named actors, kept in the
store so that a re-ingest keeps it (``store.curation``).

The commands are subcommands of ``communique actors`` (``browse.actors``), which lists actors
when called bare; ``--db`` may be given to either (``actors --db x.db merge A B``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..errors import StoreError
from .options import (
    build_settings,
    db_option,
    emit,
    emit_json,
    handle_errors,
    json_option,
    open_store,
)

if TYPE_CHECKING:
    from ..store import Store
    from ..store.curation import Change

ACTOR_HELP = "A and B are actor ids or names, as `communique actor` takes them."


def _db(db: str | None) -> str | None:
    """``--db`` of the subcommand, else of ``communique actors``."""
    if db is not None:
        return db
    parent = click.get_current_context().parent
    return parent.params.get("db") if parent is not None else None


def _open(db: str | None) -> Store:
    """The database, opened for writing; a missing file is an error, not a new store."""
    from ..store import Store

    path = build_settings(db=_db(db)).db
    if path != ":memory:" and not Path(path).exists():
        raise StoreError(f"{path}: no such database (run `communique ingest` first)")
    return Store(path)


def _report(change: Change, as_json: bool) -> None:
    if as_json:
        emit_json(change.to_dict())
    else:
        click.echo(change.message)


@click.command("merge")
@click.argument("a")
@click.argument("b")
@click.option(
    "--force", is_flag=True, help="Merge actors of two kinds (a person, an organisation)."
)
@db_option
@json_option()
@handle_errors
def merge(a: str, b: str, force: bool, db: str | None, as_json: bool) -> None:
    """Merge actor B into actor A: B's articles, aliases, quotes and events become A's, and an
    article naming B resolves to A from now on.

    A and B are actor ids or names, as `communique actor` takes them; only named actors
    (not descriptions such as "officials") are merged."""
    from ..store import curation

    with _open(db) as store:
        _report(curation.merge(store, a, b, force=force), as_json)


@click.command("split")
@click.argument("a")
@click.argument("alias")
@db_option
@json_option()
@handle_errors
def split(a: str, alias: str, db: str | None, as_json: bool) -> None:
    """Give ALIAS an actor of its own: the articles where actor A is named ALIAS move to it, and
    an article naming ALIAS no longer resolves to A."""
    from ..store import curation

    with _open(db) as store:
        _report(curation.split(store, a, alias), as_json)


@click.command("rename")
@click.argument("a")
@click.argument("new_name", metavar="NEW")
@db_option
@json_option()
@handle_errors
def rename(a: str, new_name: str, db: str | None, as_json: bool) -> None:
    """Show actor A as NEW; its old name stays an alias."""
    from ..store import curation

    with _open(db) as store:
        _report(curation.rename(store, a, new_name), as_json)


@click.command("undo")
@click.argument("decision_id", metavar="ID", type=click.IntRange(min=1))
@db_option
@json_option()
@handle_errors
def undo(decision_id: int, db: str | None, as_json: bool) -> None:
    """Drop curation decision ID and resolve the articles it moved again without it."""
    from ..store import curation

    with _open(db) as store:
        _report(curation.undo(store, decision_id), as_json)


@click.command("curation")
@db_option
@json_option()
@handle_errors
def curation_list(db: str | None, as_json: bool) -> None:
    """List the curation decisions in force, oldest first (ID is what `undo` takes)."""
    from ..store import curation

    with open_store(_db(db)) as store:
        rows = [d.to_dict() for d in curation.decisions(store)]
    emit(rows, as_json, ["id", "action", "created_at", "description"], fill="description")


COMMANDS = (merge, split, rename, curation_list, undo)
"""The subcommands of ``communique actors``."""
