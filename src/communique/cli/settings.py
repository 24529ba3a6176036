"""``communique settings``: the settings, their environment variables and the values in force."""

from __future__ import annotations

import click

from ..settings import SETTINGS, Settings, settings_markdown
from .options import emit, handle_errors, json_option


@click.command(name="settings")
@click.option("--markdown", is_flag=True, help="Print the table as Markdown.")
@json_option()
@handle_errors
def settings_cmd(markdown: bool, as_json: bool) -> None:
    """List the settings, their environment variables and the values in force."""
    current = Settings.from_env()
    if markdown:
        click.echo(settings_markdown(), nl=False)
        return
    rows = [
        {"setting": s.name, "env": s.env, "value": getattr(current, s.name), "help": s.help}
        for s in SETTINGS
    ]
    emit(rows, as_json, ["setting", "env", "value", "help"], {"help": 60})
