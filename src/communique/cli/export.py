"""``communique export``: the database as analysis records, quote CSV or GDELT event rows,
filtered as the listings are."""

from __future__ import annotations

import sys

import click

from ..records import EXPORT_FORMATS, QUOTE_KINDS, ExportFormat, QuoteKind
from .options import (
    date_range_options,
    db_option,
    default_min_confidence,
    handle_errors,
    min_confidence_option,
    open_store,
    per_article_option,
    to_country_code,
)


@click.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    default="jsonl",
    show_default=True,
    help="jsonl: analysis records; csv: quotes; gdelt: GDELT 2.0 event rows (tab-separated).",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True),
    help="File to write (default stdout); written only when the export succeeds.",
)
@date_range_options("publication (gdelt: event)")
@click.option("--about", help="jsonl, csv: words the article or quote must contain.")
@click.option("--speaker", help="csv: speaker name or alias.")
@click.option("--kind", type=click.Choice(QUOTE_KINDS), help="csv: kind of quote.")
@click.option("--country", callback=to_country_code, help="csv: speaker's country (ISO3 or name).")
@click.option("--source", help="gdelt: source country (ISO3) or actor-code prefix.")
@click.option("--target", help="gdelt: target country (ISO3) or actor-code prefix.")
@click.option("--code", help="gdelt: CAMEO code or root prefix (04, 043).")
@min_confidence_option("csv: quotes, gdelt: events")
@per_article_option
@db_option
@handle_errors
def export(
    fmt: ExportFormat,
    output: str | None,
    since: str | None,
    until: str | None,
    about: str | None,
    speaker: str | None,
    kind: QuoteKind | None,
    country: str | None,
    source: str | None,
    target: str | None,
    code: str | None,
    min_confidence: float | None,
    per_article: bool,
    db: str | None,
) -> None:
    """Export the database, or what the filters keep.

    Quotes are written once per story (REPORTS copies) unless --per-article; GDELT rows count
    each event once per story, with NumMentions, NumSources and NumArticles from its copies.
    """
    from pathlib import Path

    from ..export import Filters, RefusedFilters
    from ..export import export as run

    filters = Filters(
        since=since,
        until=until,
        about=about,
        speaker=speaker,
        kind=kind,
        country=country,
        source=source,
        target=target,
        code=code,
        min_confidence=(
            None
            if fmt == "jsonl" and min_confidence is None
            else default_min_confidence("quote" if fmt == "csv" else "event", min_confidence)
        ),
    )
    with open_store(db) as store:
        try:
            chunks = run(store, fmt, filters, per_article=per_article)
            first = next(chunks, "")  # a refused filter fails here, before any file is made
        except RefusedFilters as e:
            raise click.UsageError(e.named(lambda n: "--" + n.replace("_", "-"))) from e
        except ValueError as e:
            raise click.UsageError(str(e)) from e
        if not output:
            sys.stdout.write(first)
            for chunk in chunks:
                sys.stdout.write(chunk)
            return
        target_path = Path(output)
        partial = target_path.with_name(target_path.name + ".part")
        try:
            with open(partial, "w", encoding="utf-8") as out:
                out.write(first)
                for chunk in chunks:
                    out.write(chunk)
            partial.replace(target_path)
        finally:
            partial.unlink(missing_ok=True)
