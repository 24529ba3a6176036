"""``communique serve``: the web application and HTTP API over a database."""

from __future__ import annotations

import click

from .options import build_settings, db_option, handle_errors


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option(
    "--token",
    envvar="COMMUNIQUE_TOKEN",
    help="Enables POST /api/articles, which then requires this bearer token.",
)
@handle_errors
def serve(db: str | None, host: str, port: int, token: str | None) -> None:
    """Start the web application and HTTP API (read-only unless --token is given)."""
    import uvicorn

    from ..web.app import create_app

    settings = build_settings(db=db)
    app = create_app(settings.db, token=token, settings=settings)
    click.echo(f"Communiqué on http://{host}:{port}/ (database {settings.db}); Ctrl-C stops it")
    uvicorn.run(app, host=host, port=port, log_level="warning")
