"""The store's memory for ``watch``: the sources followed and the items already taken.

``watch_sources`` keeps, per source URL, the listing's kind and title, the ``ETag`` and
``Last-Modified`` of its last answer (sent back as a conditional request next time) and the
last status (``ok``, ``not modified``, or the reason it failed). ``watch_seen`` keeps each item
URL taken, with the document stored for it or the reason none was, so a second run fetches
new items only. Each function is one statement or one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .db import Store


@dataclass(frozen=True)
class SourceState:
    url: str
    kind: str | None
    title: str | None
    etag: str | None
    last_modified: str | None
    checked_at: str
    status: str


def source_state(store: Store, url: str) -> SourceState | None:
    rows = store.query("SELECT * FROM watch_sources WHERE url = ?", (url,))
    return SourceState(**dict(rows[0])) if rows else None


def save_source(
    store: Store,
    url: str,
    status: str,
    *,
    kind: str | None = None,
    title: str | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
) -> None:
    """Record what a source answered; a failure keeps the validators of the last success."""
    old = source_state(store, url)
    keep = old is not None and status not in ("ok", "not modified")
    store.conn.execute(
        "INSERT OR REPLACE INTO watch_sources(url, kind, title, etag, last_modified, checked_at, "
        "status) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            url,
            kind or (old.kind if old else None),
            title or (old.title if old else None),
            old.etag if keep and old else etag,
            old.last_modified if keep and old else last_modified,
            store.clock(),
            status,
        ),
    )


def unseen(store: Store, urls: Sequence[str]) -> list[str]:
    """``urls`` not taken yet, in their order, each once."""
    out: list[str] = []
    for url in dict.fromkeys(urls):
        if not store.conn.execute("SELECT 1 FROM watch_seen WHERE url = ?", (url,)).fetchone():
            out.append(url)
    return out


def mark_seen(store: Store, taken: Iterable[tuple[str, str, str | None, str]]) -> None:
    """Record items taken: (url, source, document id or ``None``, outcome), in one
    transaction."""
    now = store.clock()
    rows = [(url, source, doc_id, outcome, now) for url, source, doc_id, outcome in taken]
    store.conn.execute("BEGIN IMMEDIATE")
    try:
        store.conn.executemany(
            "INSERT OR REPLACE INTO watch_seen(url, source, doc_id, outcome, seen_at) "
            "VALUES (?, ?, ?, ?, ?)",
            rows,
        )
        store.conn.execute("COMMIT")
    except BaseException:
        store.conn.execute("ROLLBACK")
        raise


def watched(store: Store) -> list[dict[str, object]]:
    """Every source followed, with how many items were taken from it."""
    rows = store.query(
        "SELECT s.*, (SELECT COUNT(*) FROM watch_seen w WHERE w.source = s.url) AS items "
        "FROM watch_sources s ORDER BY s.url"
    )
    return [dict(r) for r in rows]
