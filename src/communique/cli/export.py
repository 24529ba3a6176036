"""``communique export``: the database as analysis records, quote CSV or GDELT event rows."""

from __future__ import annotations

import sys

import click

from ..records import EXPORT_FORMATS, ExportFormat
from .options import db_option, handle_errors, open_store


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
    help="File to write (default stdout).",
)
@db_option
@handle_errors
def export(fmt: ExportFormat, output: str | None, db: str | None) -> None:
    """Export the database."""
    from ..export import export as run

    with open_store(db) as store:
        out = open(output, "w", encoding="utf-8") if output else sys.stdout  # noqa: SIM115
        try:
            for chunk in run(store, fmt):
                out.write(chunk)
        finally:
            if output:
                out.close()
