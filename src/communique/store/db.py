"""The SQLite store: opening, writing analyses, and counting.

Writes are transactional per batch: ``write`` stores a list of analyses inside one
transaction, so a crash (even ``kill -9``) loses at most the batch in flight and never leaves a
half-written document. Writing is idempotent: a document whose id and content hash are already
stored is left untouched; the same id with new content replaces the old rows. Actors are
resolved with the curation decisions in force (``store.curation``), so a re-ingest keeps them.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..codes import ActorCode, EventCode
from ..errors import StoreError
from ..records import Actor, Analysis, Article, Event, Quote
from . import actors as actor_store
from .schema import migrate
from .stories import StoryIndex


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


@dataclass
class WriteResult:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    skipped: int = 0

    def __iadd__(self, other: WriteResult) -> WriteResult:
        self.added += other.added
        self.replaced += other.replaced
        self.unchanged += other.unchanged
        self.skipped += other.skipped
        return self


WAL_RETRY_SECONDS = 10.0
"""How long opening a store waits for another process to let go of a new database."""


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch to write-ahead logging. SQLite answers "database is locked" at once, without its
    busy handler, while another process holds the lock of a database it is creating, so wait
    and try again for a bounded time."""
    deadline = time.monotonic() + WAL_RETRY_SECONDS
    pause = 0.005
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.2)


class Store:
    """A Communiqué database. Use as a context manager, or call ``close``.

    ``clock`` returns the ISO time stamp recorded on writes (injected in tests).
    """

    def __init__(
        self,
        path: str | Path = "communique.db",
        *,
        clock: Callable[[], str] = utc_now,
        readonly: bool = False,
    ) -> None:
        self.path = str(path)
        self.clock = clock
        try:
            if readonly:
                if self.path != ":memory:" and not Path(self.path).exists():
                    raise StoreError(
                        f"{self.path}: no such database (run `communique ingest` first)"
                    )
                # as_uri() percent-escapes the path: '#' or '?' in a file name stays a name
                uri = (
                    Path(self.path).resolve().as_uri() + "?mode=ro"
                    if self.path != ":memory:"
                    else ":memory:"
                )
                self.conn = sqlite3.connect(
                    uri, uri=self.path != ":memory:", isolation_level=None, check_same_thread=False
                )
                # reading the schema fails now, not at the first query, for a file that is not
                # a database; a database without our tables is not ours to query
                tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master")}
                if self.path != ":memory:" and "documents" not in tables:
                    raise StoreError(
                        f"{self.path}: not a Communiqué database (run `communique ingest` into it)"
                    )
            else:
                self.conn = sqlite3.connect(
                    self.path, isolation_level=None, check_same_thread=False
                )
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA busy_timeout = 10000")
            if not readonly:
                _use_wal(self.conn)
                self.conn.execute("PRAGMA synchronous = NORMAL")
                migrate(self.conn)
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: cannot open as a Communiqué database ({e})") from e
        self.stories = StoryIndex(self.conn)
        """The stories of the articles written (built on the first write, ``stories``)."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    # --- reading helpers ---------------------------------------------------------------------
    def query(self, sql: str, params: Iterable[Any] = ()) -> list[sqlite3.Row]:
        cur = self.conn.cursor()
        cur.row_factory = sqlite3.Row
        try:
            return list(cur.execute(sql, tuple(params)))
        except sqlite3.OperationalError as e:
            raise StoreError(f"query failed: {e}") from e

    def stored_hash(self, doc_id: str) -> str | None:
        """The content hash stored for ``doc_id`` (as a document or a skip), else None."""
        row = self.conn.execute(
            "SELECT content_hash FROM documents WHERE id = ? UNION ALL "
            "SELECT content_hash FROM skips WHERE id = ?",
            (doc_id, doc_id),
        ).fetchone()
        return row[0] if row else None

    def is_current(self, doc_id: str, content_hash: str) -> bool:
        return self.stored_hash(doc_id) == content_hash

    def counts(self) -> dict[str, int]:
        tables = ("documents", "skips", "actors", "doc_actors", "mentions", "quotes", "events")
        return {
            t: int(self.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]) for t in tables
        }

    # --- writing -----------------------------------------------------------------------------
    def write(self, analyses: Iterable[Analysis]) -> WriteResult:
        """Store analyses in one transaction; see the module docstring for the rules."""
        result = WriteResult()
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            curation = actor_store.load_curation(self.conn)
            for analysis in analyses:
                self._write_one(analysis, result, curation)
            self.conn.execute("COMMIT")
        except sqlite3.Error as e:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            self.stories = StoryIndex(self.conn)  # forget what the rolled-back batch added
            raise StoreError(f"{self.path}: writing failed, the batch was rolled back ({e})") from e
        return result

    def _write_one(self, a: Analysis, result: WriteResult, curation: actor_store.Curation) -> None:
        art = a.article
        stored = self.stored_hash(art.id)
        if stored == art.content_hash:
            result.unchanged += 1
            return
        now = self.clock()
        if stored is not None:
            self.conn.execute("DELETE FROM documents WHERE id = ?", (art.id,))
            self.stories.forget(art.id)
            self.conn.execute("DELETE FROM skips WHERE id = ?", (art.id,))
            result.replaced += 1
        if art.skipped:
            self._insert(
                "skips",
                {
                    "id": art.id,
                    "content_hash": art.content_hash,
                    "source": art.source,
                    "reason": art.skipped,
                    "skipped_at": now,
                },
            )
            result.skipped += 1
            return
        if stored is None:
            result.added += 1
        self._insert("documents", _document_row(a, now))
        self.stories.assign(art.id, " ".join(art.text[s:e] for s, e in art.body))
        local_to_global: dict[str, int] = {}
        for actor in a.actors:
            gid = actor_store.resolve(self.conn, actor, art.id, curation)
            local_to_global[actor.id] = gid
            self._insert("doc_actors", _doc_actor_row(art.id, actor, gid))
            self.conn.executemany(
                "INSERT INTO mentions(doc_id, local_id, start, end, text) VALUES (?, ?, ?, ?, ?)",
                [(art.id, actor.id, s, e, art.text[s:e]) for s, e in actor.mentions],
            )
            self.conn.executemany(
                "INSERT OR IGNORE INTO actor_aliases(actor_id, alias, alias_key) VALUES (?, ?, ?)",
                [
                    (gid, alias, actor_store.name_key(alias))
                    for alias in (actor.name, *actor.aliases)
                ],
            )
            if actor.role or actor.code:
                self._insert(
                    "actor_roles",
                    {
                        "actor_id": gid,
                        "role": actor.role,
                        "country": actor.country,
                        "code": actor.code,
                        "doc_id": art.id,
                        "date": art.published,
                    },
                )
        for q in a.quotes:
            self._insert("quotes", _quote_row(art, q, local_to_global))
        for e in a.events:
            self._insert("events", _event_row(art.id, e, local_to_global))

    def _insert(self, table: str, row: dict[str, Any]) -> None:
        """Insert ``row`` into ``table``, its keys naming the columns (as sqlite-utils does);
        lists, tuples and dicts are stored as JSON text."""
        columns = ", ".join(row)
        marks = ", ".join("?" * len(row))
        values = [json.dumps(v) if isinstance(v, list | tuple | dict) else v for v in row.values()]
        self.conn.execute(f"INSERT INTO {table}({columns}) VALUES ({marks})", values)


def _document_row(a: Analysis, now: str) -> dict[str, Any]:
    """The ``documents`` row of an analysis: its article's fields, the context found, the time.
    Actors, quotes and events have tables of their own."""
    art = a.article
    row: dict[str, Any] = {f: getattr(art, f) for f in _ARTICLE_COLUMNS}
    row["topics"] = list(a.topics)
    row["places"] = [p.to_dict() for p in a.places]
    row["dates"] = [d.to_dict() for d in a.dates]
    row["tone"] = a.tone
    row["ingested_at"] = now
    return row


_ARTICLE_COLUMNS = (
    "id",
    "content_hash",
    "source",
    "title",
    "byline",
    "outlet",
    "published",
    "url",
    "language",
    "text",
    "body",
    "notes",
)
"""The ``Article`` fields that the ``documents`` table keeps (``skipped`` goes to ``skips``)."""


def _doc_actor_row(doc_id: str, actor: Actor, gid: int) -> dict[str, Any]:
    record = actor.to_dict()
    del record["aliases"], record["mentions"]  # tables of their own
    return {"doc_id": doc_id, "local_id": record.pop("id"), "actor_id": gid, **record}


def _quote_row(art: Article, q: Quote, local_to_global: dict[str, int]) -> dict[str, Any]:
    record = q.to_dict()
    local = record.pop("speaker_actor")
    return {
        "doc_id": art.id,
        **record,
        "local_actor": local,
        "actor_id": local_to_global.get(local or ""),
        "published": art.published,
    }


def _event_row(doc_id: str, e: Event, local_to_global: dict[str, int]) -> dict[str, Any]:
    record = e.to_dict()
    source_local, target_local = record.pop("source_actor"), record.pop("target_actor")
    return {
        "doc_id": doc_id,
        **record,
        "source_country": ActorCode.parse(e.source).base or None,
        "target_country": ActorCode.parse(e.target).base or None,
        "source_local": source_local,
        "target_local": target_local,
        "source_actor_id": local_to_global.get(source_local or ""),
        "target_actor_id": local_to_global.get(target_local or ""),
        "root": EventCode.parse(e.code).root,
    }
