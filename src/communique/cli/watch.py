"""``communique watch``: follow feeds, sitemaps and URL lists (``communique.watch``)."""

from __future__ import annotations

import json
import signal
import time
from types import FrameType
from typing import Any

import click

from .options import (
    JSON_SUMMARY,
    build_settings,
    db_option,
    fail,
    handle_errors,
    json_option,
    model_option,
)


class _Stop:
    """Set by SIGINT or SIGTERM; the watcher asks it between sources and pages."""

    def __init__(self) -> None:
        self.requested = False

    def __call__(self) -> bool:
        return self.requested

    def request(self, signum: int, frame: FrameType | None) -> None:
        if self.requested:  # a second signal: the user insists
            raise KeyboardInterrupt
        self.requested = True
        click.echo("communique: stopping after the current page (again to stop at once)", err=True)


def _summary(report: Any) -> dict[str, Any]:
    w = report.ingested.written
    return {
        "sources": [
            {
                "source": s.source,
                "kind": s.kind,
                "status": s.status,
                "listed": s.listed,
                "new": s.new,
                "failed": s.failed,
            }
            for s in report.sources
        ],
        "added": w.added,
        "replaced": w.replaced,
        "unchanged": w.unchanged,
        "skipped": w.skipped,
        "skip_reasons": report.ingested.skip_reasons,
        "stopped": report.stopped,
    }


def _print(summary: dict[str, Any]) -> None:
    for s in summary["sources"]:
        kind = f" ({s['kind']})" if s["kind"] else ""
        click.echo(f"{s['source']}{kind}: {s['status']}, {s['listed']} listed, {s['new']} new")
        for url, reason in s["failed"].items():
            click.echo(f"  not fetched {url}: {reason}")
    click.echo(
        f"{summary['added']} added, {summary['replaced']} replaced, "
        f"{summary['unchanged']} unchanged, {summary['skipped']} skipped"
    )
    for reason, n in sorted(summary["skip_reasons"].items(), key=lambda x: -x[1]):
        click.echo(f"  skipped {n}: {reason}")


@click.command()
@click.argument("sources", nargs=-1, required=True)
@db_option
@click.option(
    "--every",
    type=click.FloatRange(min=0.1),
    help="Repeat every this many minutes until stopped (SIGINT/SIGTERM); without it, one round.",
)
@model_option
@json_option(JSON_SUMMARY)
@handle_errors
def watch(
    sources: tuple[str, ...], db: str | None, every: float | None, model: str | None, as_json: bool
) -> None:
    """Follow RSS/Atom feeds, news sitemaps and URL lists, and ingest their new articles.

    SOURCES are http(s) URLs of feeds, sitemaps or plain lists of URLs, or local files holding
    one. Only items not taken before are fetched (the store remembers them, and each feed's
    ETag and Last-Modified for conditional requests). Fetching is polite: robots.txt is obeyed,
    one host is asked at most once every COMMUNIQUE_FETCH_INTERVAL seconds, 429 and 5xx answers
    are retried with backoff (Retry-After honoured). A failing source is reported and the
    others go on. With --json, one line of JSON per round.
    """
    from ..analyzer import Analyzer
    from ..sources.fetch import PoliteFetcher
    from ..store import Store
    from ..watch import Watcher

    settings = build_settings(db=db, model=model)
    stop = _Stop()
    previous = {s: signal.signal(s, stop.request) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        analyzer = Analyzer(settings=settings)
        with Store(settings.db) as store, PoliteFetcher(settings) as fetcher:
            watcher = Watcher(store, settings, fetcher=fetcher, analyzer=analyzer, stop=stop)
            while True:
                summary = _summary(watcher.round(list(sources)))
                if as_json:  # one line per round (JSON Lines), so a reader can follow
                    click.echo(json.dumps(summary, ensure_ascii=False))
                else:
                    _print(summary)
                if every is None or stop():
                    break
                deadline = time.monotonic() + every * 60
                while not stop() and time.monotonic() < deadline:
                    time.sleep(min(1.0, max(0.0, deadline - time.monotonic())))
                if stop():
                    break
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
    if every is None and all(s["status"] not in ("ok", "not modified") for s in summary["sources"]):
        fail("no source could be read")
