"""The commands that read the store: ``quotes``, ``actors``, ``actor``, ``show``, ``stats``,
``events`` and ``dyad``. Each calls one query of ``communique.store.queries``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from ..records import ACTOR_KINDS, PERIODS, QUOTE_KINDS, ActorKind, Period, QuoteKind
from .options import (
    date_range_options,
    db_option,
    default_min_confidence,
    emit,
    emit_json,
    handle_errors,
    json_option,
    limit_option,
    min_confidence_option,
    offset_option,
    open_store,
    per_article_option,
    to_country_code,
    to_month,
)

F = TypeVar("F", bound=Callable[..., Any])


def note_undated(count: int, what: str, as_json: bool) -> None:
    """Say on stderr how many undated items a date filter left out (their articles have no
    publication date, so no date range holds them)."""
    if count and not as_json:
        click.echo(
            f"({count} undated {what}(s) matching the other filters left out by the date range:"
            " their articles have no publication date; drop --since/--until to see them)",
            err=True,
        )


def article_options(what: str) -> Callable[[F], F]:
    """``--outlet``, ``--topic`` and ``--month``: of the article ``what`` is read from or
    seen in (``queries.article_filter``)."""

    def decorate(func: F) -> F:
        func = click.option(
            "--month", callback=to_month, help=f"{what} published that month (YYYY-MM)."
        )(func)
        func = click.option("--topic", help=f"{what} on this topic (e.g. economy).")(func)
        return click.option("--outlet", help=f"{what} of this outlet.")(func)

    return decorate


@click.command()
@click.option("--speaker", help="Speaker name or alias (e.g. Lavrov).")
@click.option("--about", help="Words the quote must contain (full-text search).")
@date_range_options("publication")
@click.option("--kind", type=click.Choice(QUOTE_KINDS), help="Kind of quote.")
@click.option("--country", callback=to_country_code, help="Speaker's country: ISO3 code or name.")
@article_options("Quotes of an article")
@min_confidence_option("quotes")
@per_article_option
@db_option
@limit_option
@offset_option
@json_option()
@handle_errors
def quotes(
    speaker: str | None,
    about: str | None,
    since: str | None,
    until: str | None,
    kind: QuoteKind | None,
    country: str | None,
    outlet: str | None,
    topic: str | None,
    month: str | None,
    min_confidence: float | None,
    per_article: bool,
    db: str | None,
    limit: int,
    offset: int,
    as_json: bool,
) -> None:
    """List stored quotations, newest first, once per story.

    A quote that syndicated copies of one story repeat is listed once, REPORTS saying how
    many copies carry it; --per-article lists every copy."""
    from ..store import queries

    filters: dict[str, Any] = {
        "speaker": speaker,
        "about": about,
        "kind": kind,
        "country": country,
        "outlet": outlet,
        "topic": topic,
        "min_confidence": default_min_confidence("quote", min_confidence),
        "per_article": per_article,
    }
    with open_store(db) as store:
        rows = queries.quotes(
            store, **filters, since=since, until=until, month=month, limit=limit, offset=offset
        )
        undated = (
            queries.count_quotes(store, **filters, undated=True) if since or until or month else 0
        )
    emit(
        rows,
        as_json,
        ["published", "doc_id", "speaker", "kind", "reports", "text"],
        {"published": 10, "doc_id": 24, "speaker": 22, "kind": 8, "reports": 7},
        fill="text",
    )
    note_undated(undated, "quote", as_json)


@click.group(invoke_without_command=True)
@click.option("--country", callback=to_country_code, help="Country: ISO3 code (RUS) or name.")
@click.option("--kind", type=click.Choice(ACTOR_KINDS))
@click.option("--name", "query", help="Part of a name or alias.")
@click.option(
    "--descriptions",
    is_flag=True,
    help='List descriptions ("officials", "the company") too: actors of one article each, '
    "which named actors only leave out.",
)
@article_options("Actors seen in an article")
@db_option
@limit_option
@offset_option
@json_option()
@click.pass_context
@handle_errors
def actors(
    ctx: click.Context,
    country: str | None,
    kind: ActorKind | None,
    query: str | None,
    descriptions: bool,
    outlet: str | None,
    topic: str | None,
    month: str | None,
    db: str | None,
    limit: int,
    offset: int,
    as_json: bool,
) -> None:
    """List named actors across articles, most quoted first (--descriptions adds the
    descriptions, each an actor of its article).

    The subcommands curate named actors (merge, split, rename); the decisions are kept in the
    store, so a re-ingest keeps them (`communique actors curation` lists them)."""
    if ctx.invoked_subcommand is not None:
        return
    from ..store import queries

    with open_store(db) as store:
        rows = queries.actors(
            store,
            country=country,
            kind=kind,
            query=query,
            outlet=outlet,
            topic=topic,
            month=month,
            named=None if descriptions else True,
            limit=limit,
            offset=offset,
        )
    emit(
        rows,
        as_json,
        ["id", "name", "kind", "country", "role", "code", "articles", "quotes", "events"],
    )


@click.command()
@click.argument("name")
@db_option
@json_option()
@handle_errors
def actor(name: str, db: str | None, as_json: bool) -> None:
    """Show one actor: aliases, roles over time, quotes and events."""
    from ..store import queries

    with open_store(db) as store:
        info = queries.actor(store, name)
    if as_json:
        emit_json(info)
        return
    click.echo(f"{info['name']}  ({info['kind']}, {info['country'] or '?'}, {info['code'] or '-'})")
    click.echo(f"aliases: {', '.join(info['aliases'])}")
    for r in info["roles"]:
        click.echo(
            f"role: {r['role'] or '-'} ({r['code'] or '-'}) {r['first'] or '?'} .. {r['last'] or '?'}"
            f" in {r['articles']} article(s)"
        )
    click.echo(
        f"{info['articles']} articles, {info['quote_count']} quotes, {info['event_count']} events"
    )
    for q in info["quotes"][:10]:
        click.echo(f"  “{q['text'][:100]}” ({q['published'] or '?'}, {q['doc_id']})")


@click.command()
@click.argument("doc_id")
@db_option
@json_option()
@handle_errors
def show(doc_id: str, db: str | None, as_json: bool) -> None:
    """Show one stored article with its actors, quotes and events."""
    from ..store import queries

    with open_store(db) as store:
        analysis = queries.show(store, doc_id)
    if as_json:
        emit_json(analysis.to_dict())
        return
    a = analysis.article
    click.echo(
        f"{a.title or '(untitled)'}\n{a.outlet or ''} {a.published or ''} {', '.join(a.byline)}".rstrip()
    )
    click.echo(f"\nactors ({len(analysis.actors)}):")
    for x in analysis.actors:
        click.echo(
            f"  {x.id:>4} {x.name} [{x.kind}] {x.country or ''} {x.role or ''} {x.code or ''}".rstrip()
        )
    click.echo(f"\nquotes ({len(analysis.quotes)}):")
    for q in analysis.quotes:
        click.echo(f"  {q.speaker or '?'} ({q.kind}, {q.cue or '-'}): “{q.text[:110]}”")
    click.echo(f"\nevents ({len(analysis.events)}):")
    names = {x.id: x.name for x in analysis.actors}
    for e in analysis.events:
        # a party known by name only has no code: its name stands for it
        src = e.source or names.get(e.source_actor or "") or "?"
        tgt = e.target or names.get(e.target_actor or "") or "?"
        click.echo(f"  {src} -> {tgt} {e.code} {e.name} ({e.goldstein})")


@click.command()
@db_option
@json_option()
@handle_errors
def stats(db: str | None, as_json: bool) -> None:
    """Counts of what the database holds, top speakers and skip reasons."""
    from ..store import queries

    with open_store(db) as store:
        info = queries.stats(store)
    if as_json:
        emit_json(info)
        return
    click.echo(
        f"{info['documents']} articles in {info['stories']} stories ({info['skips']} skipped "
        f"inputs), {info['actors']} actors, {info['quotes']} quotes, {info['events']} events"
    )
    if info["top_speakers"]:
        click.echo("quotes by speaker:")
        for r in info["top_speakers"]:
            click.echo(f"  {r['quotes']:>5}  {r['speaker']}")
    for r in info["skip_reasons"]:
        click.echo(f"  skipped {r['n']}: {r['reason']}")


@click.command()
@click.option("--source", help="Source country (ISO3) or actor-code prefix (RUSGOV).")
@click.option("--target", help="Target country (ISO3) or actor-code prefix.")
@click.option("--code", help="CAMEO code or root prefix (04, 043).")
@date_range_options("event")
@min_confidence_option("events")
@per_article_option
@db_option
@limit_option
@offset_option
@json_option()
@handle_errors
def events(
    source: str | None,
    target: str | None,
    code: str | None,
    since: str | None,
    until: str | None,
    min_confidence: float | None,
    per_article: bool,
    db: str | None,
    limit: int,
    offset: int,
    as_json: bool,
) -> None:
    """List coded events, newest first, once per story.

    An event that syndicated copies of one story repeat (same source, target, code and date)
    is listed once, REPORTS saying how many copies carry it; --per-article lists every copy."""
    from ..store import queries

    filters: dict[str, Any] = {
        "source": source,
        "target": target,
        "code": code,
        "min_confidence": default_min_confidence("event", min_confidence),
        "per_article": per_article,
    }
    with open_store(db) as store:
        rows = queries.events(
            store, **filters, since=since, until=until, limit=limit, offset=offset
        )
        undated = queries.count_events(store, **filters, undated=True) if since or until else 0
    if not as_json:
        # a party known by name only has no code: the table shows its name
        rows = [
            {
                **r,
                "source": r["source"] or r.get("source_name"),
                "target": r["target"] or r.get("target_name"),
            }
            for r in rows
        ]
    emit(
        rows,
        as_json,
        ["date", "doc_id", "source", "target", "code", "name", "goldstein", "reports", "text"],
        {"doc_id": 24, "name": 24},
        fill="text",
    )
    note_undated(undated, "event", as_json)


@click.command()
@click.argument("a")
@click.argument("b")
@click.option("--by", type=click.Choice(PERIODS), default="month", show_default=True)
@click.option("--one-way", is_flag=True, help="Only events from A to B.")
@date_range_options("event")
@per_article_option
@db_option
@json_option()
@handle_errors
def dyad(
    a: str,
    b: str,
    by: Period,
    one_way: bool,
    since: str | None,
    until: str | None,
    per_article: bool,
    db: str | None,
    as_json: bool,
) -> None:
    """Events between A and B over time: counts per quad class and mean Goldstein.

    Each event counts once per story (syndicated copies are one report); --per-article counts
    every copy."""
    from ..records import QUAD_CLASS_KEYS
    from ..store import dyads

    with open_store(db) as store:
        both_ways = not one_way
        rows = dyads.dyad(
            store,
            a,
            b,
            by=by,
            both_ways=both_ways,
            since=since,
            until=until,
            per_article=per_article,
        )
        undated = dyads.dyad_undated(store, a, b, both_ways=both_ways, per_article=per_article)
    emit(rows, as_json, ["period", "events", *QUAD_CLASS_KEYS.values(), "mean_goldstein"])
    if undated and not as_json:
        click.echo(
            f"({undated} undated event(s) between {a} and {b} left out: their articles have no "
            "publication date; `communique events --source ... --target ...` lists them)",
            err=True,
        )
