"""The ``communique`` command: a thin shell over the library.

Each command parses its options, calls one library function, formats the result (a table, or
JSON with ``--json``) and turns a ``CommuniqueError`` into a one-line message and exit code 1.
Settings come from ``COMMUNIQUE_*`` environment variables (``communique settings`` lists them)
and the options override them.

The commands live by concept: ``analyze`` (analyze, ingest, load, spark), ``watch``,
``browse`` (the queries of the store), ``curation`` (the subcommands of ``actors`` that
merge, split and rename actors), ``export``, ``evaluate`` (the ``eval`` group), ``serve``
and ``settings``; ``options`` holds what they share. Heavy imports (spaCy, the web app) happen
inside the commands, so ``communique --help`` and the queries start quickly.
"""

from __future__ import annotations

import click

from . import analyze, browse, curation, evaluate, export, saved, serve, settings, watch


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="communique")
def main() -> None:
    """Communiqué: who said what, and who did what to whom, in the news.

    Read articles (text, HTML, JSONL, WARC, URLs), extract quotations, actors and CAMEO-coded
    events with evidence offsets, store them in SQLite and explore them.
    """


for _command in (
    analyze.analyze,
    analyze.ingest,
    analyze.load,
    analyze.spark,
    watch.watch,
    browse.quotes,
    browse.actors,
    browse.actor,
    browse.show,
    browse.stats,
    browse.events,
    browse.dyad,
    saved.saved,
    export.export,
    evaluate.eval_group,
    serve.serve,
    settings.settings_cmd,
):
    main.add_command(_command)
for _command in curation.COMMANDS:
    browse.actors.add_command(_command)

__all__ = ["main"]
