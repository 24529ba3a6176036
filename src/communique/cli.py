"""The ``communique`` command: a thin shell over the library.

Each command parses its options, calls the library function of the same name, formats the
result (a table, or JSON with ``--json``) and turns a ``CommuniqueError`` into a one-line
message and exit code 1. Settings come from ``COMMUNIQUE_*`` environment variables
(``communique settings`` lists them) and the options override them.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from functools import wraps
from typing import Any, TypeVar

import click

from .errors import CommuniqueError
from .progress import Progress
from .records import Document
from .settings import Settings

F = TypeVar("F", bound=Callable[..., Any])


def _fail(message: str, code: int = 1) -> None:
    click.echo(f"communique: {message}", err=True)
    sys.exit(code)


def handle_errors(func: F) -> F:
    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except CommuniqueError as e:
            _fail(str(e))
        except BrokenPipeError:  # `communique analyze ... | head`
            sys.stderr.close()
            sys.exit(0)

    return wrapper  # type: ignore[return-value]


def _settings(**overrides: Any) -> Settings:
    return Settings.from_env().replace(**overrides).validate()


def _emit_json(rows: Any) -> None:
    click.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))


def _table(
    rows: list[dict[str, Any]], columns: Iterable[str], widths: dict[str, int] | None = None
) -> None:
    cols = list(columns)
    widths = widths or {}
    if not rows:
        click.echo("(nothing found)")
        return

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


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="communique")
def main() -> None:
    """Communiqué: who said what, and who did what to whom, in the news.

    Read articles (text, HTML, JSONL, WARC, URLs), extract quotations, actors and CAMEO-coded
    events with evidence offsets, store them in SQLite and explore them.
    """


def _documents(paths: tuple[str, ...], settings: Settings) -> Iterator[Document]:
    from .sources import read_sources

    return read_sources(paths, settings, stdin=sys.stdin.buffer)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--workers", type=int, help="Worker processes (default 1).")
@click.option("--batch-size", type=int, help="Documents per NLP batch.")
@click.option("--model", help="spaCy pipeline to load instead of en_core_web_sm.")
@handle_errors
def analyze(
    paths: tuple[str, ...], workers: int | None, batch_size: int | None, model: str | None
) -> None:
    """Analyse documents and print one JSON analysis record per line.

    PATHS are files (.txt, .html, .jsonl, .warc.gz), folders (read recursively), http(s) URLs,
    or - for standard input. Skipped documents still get a line, with `skipped` saying why.
    """
    from .analyze import analyze as run

    settings = _settings(workers=workers, batch_size=batch_size, model=model)
    progress = Progress("analyze")
    done = ok = 0
    for analysis in run(_documents(paths, settings), settings):
        done += 1
        if analysis.skipped:
            click.echo(f"communique: skipped {analysis.article.id}: {analysis.skipped}", err=True)
        else:
            ok += 1
        click.echo(json.dumps(analysis.to_dict(), ensure_ascii=False))
        progress.update(1, skipped=int(bool(analysis.skipped)))
    progress.close()
    if ok == 0:
        _fail("nothing could be analysed" if done else "no documents found")


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--db", help="Database file (default communique.db).")
@click.option("--workers", type=int, help="Worker processes (default 1).")
@click.option("--batch-size", type=int, help="Documents per batch and per transaction.")
@click.option("--model", help="spaCy pipeline to load instead of en_core_web_sm.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@handle_errors
def ingest(
    paths: tuple[str, ...],
    db: str | None,
    workers: int | None,
    batch_size: int | None,
    model: str | None,
    as_json: bool,
) -> None:
    """Analyse documents and store them in the database.

    Documents already stored unchanged are not analysed again; each batch is one transaction,
    so an interrupted ingest can simply be run again.
    """
    from .store import Store
    from .store import ingest as run

    settings = _settings(db=db, workers=workers, batch_size=batch_size, model=model)
    progress = Progress("ingest")
    with Store(settings.db) as store:
        summary = run(_documents(paths, settings), store, settings, on_batch=progress.update)
        progress.close()
        counts = store.counts()
    w = summary.written
    result = {
        "seen": summary.seen,
        "added": w.added,
        "replaced": w.replaced,
        "unchanged": w.unchanged,
        "skipped": w.skipped,
        "skip_reasons": summary.skip_reasons,
        "database": settings.db,
        "totals": counts,
    }
    if as_json:
        _emit_json(result)
    else:
        click.echo(
            f"{summary.seen} documents read: {w.added} added, {w.replaced} replaced, "
            f"{w.unchanged} unchanged, {w.skipped} skipped"
        )
        for reason, n in sorted(summary.skip_reasons.items(), key=lambda x: -x[1]):
            click.echo(f"  skipped {n}: {reason}")
        click.echo(
            f"{settings.db}: {counts['documents']} articles, {counts['actors']} actors, "
            f"{counts['quotes']} quotes, {counts['events']} events"
        )
    if summary.seen and w.added + w.replaced + w.unchanged == 0:
        _fail("nothing could be processed")
    if summary.seen == 0:
        _fail("no documents found")


def _open(db: str | None) -> Any:
    from .store import Store

    return Store(_settings(db=db).db, readonly=True)


db_option = click.option("--db", help="Database file (default communique.db).")
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
limit_option = click.option(
    "--limit", type=int, default=50, show_default=True, help="Rows at most."
)
offset_option = click.option("--offset", type=int, default=0, help="Rows to skip first.")


@main.command()
@click.option("--speaker", help="Speaker name or alias (e.g. Lavrov).")
@click.option("--about", help="Words the quote must contain (full-text search).")
@click.option("--since", help="Earliest publication date, YYYY-MM-DD.")
@click.option("--until", help="Latest publication date, YYYY-MM-DD.")
@click.option("--kind", type=click.Choice(["direct", "mixed", "indirect"]), help="Kind of quote.")
@click.option("--country", help="Speaker's country, ISO 3166 alpha-3.")
@db_option
@limit_option
@offset_option
@json_option
@handle_errors
def quotes(
    speaker: str | None,
    about: str | None,
    since: str | None,
    until: str | None,
    kind: str | None,
    country: str | None,
    db: str | None,
    limit: int,
    offset: int,
    as_json: bool,
) -> None:
    """List stored quotations, newest first."""
    from .store import queries

    with _open(db) as store:
        rows = queries.quotes(
            store,
            speaker=speaker,
            about=about,
            since=since,
            until=until,
            kind=kind,
            country=country,
            limit=limit,
            offset=offset,
        )
    if as_json:
        _emit_json(rows)
    else:
        _table(rows, ["published", "speaker", "kind", "text"], {"text": 70, "speaker": 22})


@main.command()
@click.option("--country", help="ISO 3166 alpha-3 country.")
@click.option("--kind", type=click.Choice(["person", "organization", "country", "group"]))
@click.option("--name", "query", help="Part of a name or alias.")
@db_option
@limit_option
@offset_option
@json_option
@handle_errors
def actors(
    country: str | None,
    kind: str | None,
    query: str | None,
    db: str | None,
    limit: int,
    offset: int,
    as_json: bool,
) -> None:
    """List actors across articles, most quoted first."""
    from .store import queries

    with _open(db) as store:
        rows = queries.actors(
            store, country=country, kind=kind, query=query, limit=limit, offset=offset
        )
    if as_json:
        _emit_json(rows)
    else:
        _table(
            rows, ["id", "name", "kind", "country", "role", "code", "articles", "quotes", "events"]
        )


@main.command()
@click.argument("name")
@db_option
@json_option
@handle_errors
def actor(name: str, db: str | None, as_json: bool) -> None:
    """Show one actor: aliases, roles over time, quotes and events."""
    from .store import queries

    with _open(db) as store:
        info = queries.actor(store, name)
    if as_json:
        _emit_json(info)
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


@main.command()
@click.argument("doc_id")
@db_option
@json_option
@handle_errors
def show(doc_id: str, db: str | None, as_json: bool) -> None:
    """Show one stored article with its actors, quotes and events."""
    from .store import queries

    with _open(db) as store:
        analysis = queries.show(store, doc_id)
    if as_json:
        _emit_json(analysis.to_dict())
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
    for e in analysis.events:
        click.echo(f"  {e.source or '?'} -> {e.target or '?'} {e.code} {e.name} ({e.goldstein})")


@main.command()
@db_option
@json_option
@handle_errors
def stats(db: str | None, as_json: bool) -> None:
    """Counts of what the database holds, top speakers and skip reasons."""
    from .store import queries

    with _open(db) as store:
        info = queries.stats(store)
    if as_json:
        _emit_json(info)
        return
    click.echo(
        f"{info['documents']} articles ({info['skips']} skipped inputs), {info['actors']} actors, "
        f"{info['quotes']} quotes, {info['events']} events"
    )
    if info["top_speakers"]:
        click.echo("quotes by speaker:")
        for r in info["top_speakers"]:
            click.echo(f"  {r['quotes']:>5}  {r['speaker']}")
    for r in info["skip_reasons"]:
        click.echo(f"  skipped {r['n']}: {r['reason']}")


@main.command()
@click.option("--source", help="Source country (ISO3) or actor-code prefix (RUSGOV).")
@click.option("--target", help="Target country (ISO3) or actor-code prefix.")
@click.option("--code", help="CAMEO code or root prefix (04, 043).")
@click.option("--since", help="Earliest event date, YYYY-MM-DD.")
@click.option("--until", help="Latest event date, YYYY-MM-DD.")
@db_option
@limit_option
@offset_option
@json_option
@handle_errors
def events(
    source: str | None,
    target: str | None,
    code: str | None,
    since: str | None,
    until: str | None,
    db: str | None,
    limit: int,
    offset: int,
    as_json: bool,
) -> None:
    """List coded events, newest first."""
    from .store import queries

    with _open(db) as store:
        rows = queries.events(
            store,
            source=source,
            target=target,
            code=code,
            since=since,
            until=until,
            limit=limit,
            offset=offset,
        )
    if as_json:
        _emit_json(rows)
    else:
        _table(
            rows,
            ["date", "source", "target", "code", "name", "goldstein", "text"],
            {"text": 50, "name": 24},
        )


@main.command()
@click.argument("a")
@click.argument("b")
@click.option(
    "--by", type=click.Choice(["day", "week", "month", "year"]), default="month", show_default=True
)
@click.option("--one-way", is_flag=True, help="Only events from A to B.")
@click.option("--since", help="Earliest event date, YYYY-MM-DD.")
@click.option("--until", help="Latest event date, YYYY-MM-DD.")
@db_option
@json_option
@handle_errors
def dyad(
    a: str,
    b: str,
    by: str,
    one_way: bool,
    since: str | None,
    until: str | None,
    db: str | None,
    as_json: bool,
) -> None:
    """Events between A and B over time: counts per quad class and mean Goldstein."""
    from .store import queries

    with _open(db) as store:
        rows = queries.dyad(store, a, b, by=by, both_ways=not one_way, since=since, until=until)
    if as_json:
        _emit_json(rows)
    else:
        _table(
            rows,
            [
                "period",
                "events",
                "verbal_cooperation",
                "material_cooperation",
                "verbal_conflict",
                "material_conflict",
                "mean_goldstein",
            ],
        )


@main.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "csv", "gdelt"]),
    default="jsonl",
    show_default=True,
    help="jsonl: analysis records; csv: quotes; gdelt: GDELT 2.0 event rows (tab-separated).",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    help="File to write (default stdout).",
)
@db_option
@handle_errors
def export(fmt: str, output: str | None, db: str | None) -> None:
    """Export the database."""
    from .export import export as run

    with _open(db) as store:
        out = open(output, "w", encoding="utf-8") if output else sys.stdout  # noqa: SIM115
        try:
            for chunk in run(store, fmt):
                out.write(chunk)
        finally:
            if output:
                out.close()


from .cli_extra import eval_group, load, serve, settings_cmd, spark  # noqa: E402  (own module)

for _command in (eval_group, serve, spark, load, settings_cmd):
    main.add_command(_command)
