"""``communique saved``: searches saved by name, served as Atom feeds (``store.saved``)."""

from __future__ import annotations

import click

from ..records import QUOTE_KINDS
from .options import build_settings, db_option, emit, handle_errors, json_option, open_store


@click.group(invoke_without_command=True)
@db_option
@json_option()
@click.pass_context
@handle_errors
def saved(ctx: click.Context, db: str | None, as_json: bool) -> None:
    """Searches saved by name; without a subcommand, list them with their newest match count.

    The web app serves each as an Atom feed at /feeds/NAME.atom, so a feed reader or a script
    is told of new matches.
    """
    if ctx.invoked_subcommand is not None:
        return
    from ..store import saved as store_saved

    with open_store(db) as store:
        rows = [
            {
                "name": s.name,
                "target": s.target,
                "filters": s.filters,
                "matches": len(store_saved.run(store, s, limit=1000)),
                "feed": f"/feeds/{s.name}.atom",
            }
            for s in store_saved.all_saved(store)
        ]
    emit(rows, as_json, ["name", "target", "filters", "matches", "feed"])


@saved.command("add")
@click.argument("name")
@click.option("--events", "target", flag_value="events", help="Match events (default: quotes).")
@click.option("--quotes", "target", flag_value="quotes", default=True, help="Match quotes.")
@click.option("--about", help="Quotes: words the quote contains.")
@click.option("--speaker", help="Quotes: speaker name or alias.")
@click.option("--country", help="Quotes: the speaker's country (ISO3).")
@click.option("--kind", type=click.Choice(QUOTE_KINDS), help="Quotes: kind of quote.")
@click.option("--source", help="Events: source country or actor-code prefix.")
@click.option("--target-actor", "target_code", help="Events: target country or code prefix.")
@click.option("--code", help="Events: CAMEO code prefix.")
@db_option
@handle_errors
def add(
    name: str,
    target: str,
    about: str | None,
    speaker: str | None,
    country: str | None,
    kind: str | None,
    source: str | None,
    target_code: str | None,
    code: str | None,
    db: str | None,
) -> None:
    """Save a search of quotes (--about, --speaker, --country, --kind) or of events (--events
    with --source, --target-actor, --code) under NAME (replacing one of that name)."""
    from ..store import Store
    from ..store import saved as store_saved

    if target == "quotes":
        filters = {"about": about, "speaker": speaker, "country": country, "kind": kind}
        other = [source, target_code, code]
    else:
        filters = {"source": source, "target": target_code, "code": code}
        other = [about, speaker, country, kind]
    if any(other):
        raise click.UsageError(f"that filter does not apply to a search of {target}")
    with Store(build_settings(db=db).db) as store:
        search = store_saved.save(store, name, target, filters)
    click.echo(f"saved {search.name} ({search.describe()}); feed: /feeds/{search.name}.atom")


@saved.command("remove")
@click.argument("name")
@db_option
@handle_errors
def remove(name: str, db: str | None) -> None:
    """Forget the saved search NAME."""
    from ..store import Store
    from ..store import saved as store_saved

    with Store(build_settings(db=db).db) as store:
        store_saved.remove(store, name)
    click.echo(f"removed {name}")
