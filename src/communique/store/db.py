"""The SQLite store: opening, writing analyses, and counting.

Writes are transactional per batch: ``write`` stores a list of analyses inside one
transaction, so a crash (even ``kill -9``) loses at most the batch in flight and never leaves a
half-written document. Writing is idempotent: a document whose id and content hash are already
stored is left untouched; the same id with new content replaces the old rows.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..records import Analysis
from . import actors as actor_store
from .schema import migrate


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
                uri = (
                    f"file:{Path(self.path).resolve()}?mode=ro"
                    if self.path != ":memory:"
                    else ":memory:"
                )
                self.conn = sqlite3.connect(
                    uri, uri=self.path != ":memory:", isolation_level=None, check_same_thread=False
                )
            else:
                self.conn = sqlite3.connect(
                    self.path, isolation_level=None, check_same_thread=False
                )
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA busy_timeout = 10000")
            if not readonly:
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
                migrate(self.conn)
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: cannot open as a Communiqué database ({e})") from e

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
            for analysis in analyses:
                self._write_one(analysis, result)
            self.conn.execute("COMMIT")
        except sqlite3.Error as e:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise StoreError(f"{self.path}: writing failed, the batch was rolled back ({e})") from e
        return result

    def _write_one(self, a: Analysis, result: WriteResult) -> None:
        art = a.article
        stored = self.stored_hash(art.id)
        if stored == art.content_hash:
            result.unchanged += 1
            return
        now = self.clock()
        if stored is not None:
            self.conn.execute("DELETE FROM documents WHERE id = ?", (art.id,))
            self.conn.execute("DELETE FROM skips WHERE id = ?", (art.id,))
            result.replaced += 1
        if art.skipped:
            self.conn.execute(
                "INSERT INTO skips(id, content_hash, source, reason, skipped_at) VALUES (?, ?, ?, ?, ?)",
                (art.id, art.content_hash, art.source, art.skipped, now),
            )
            result.skipped += 1
            return
        if stored is None:
            result.added += 1
        self.conn.execute(
            "INSERT INTO documents(id, content_hash, source, title, byline, outlet, published, url,"
            " language, text, body, topics, places, dates, tone, ingested_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                art.id,
                art.content_hash,
                art.source,
                art.title,
                json.dumps(list(art.byline)),
                art.outlet,
                art.published,
                art.url,
                art.language,
                art.text,
                json.dumps([list(b) for b in art.body]),
                json.dumps(list(a.topics)),
                json.dumps([p.to_dict() for p in a.places]),
                json.dumps([d.to_dict() for d in a.dates]),
                a.tone,
                now,
            ),
        )
        local_to_global: dict[str, int] = {}
        for actor in a.actors:
            gid = actor_store.resolve(self.conn, actor)
            local_to_global[actor.id] = gid
            self.conn.execute(
                "INSERT INTO doc_actors(doc_id, local_id, actor_id, name, kind, country, role, code)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    art.id,
                    actor.id,
                    gid,
                    actor.name,
                    actor.kind,
                    actor.country,
                    actor.role,
                    actor.code,
                ),
            )
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
                self.conn.execute(
                    "INSERT INTO actor_roles(actor_id, role, country, code, doc_id, date)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (gid, actor.role, actor.country, actor.code, art.id, art.published),
                )
        for q in a.quotes:
            self.conn.execute(
                "INSERT INTO quotes(doc_id, start, end, fragments, text, kind, speaker, local_actor,"
                " actor_id, speaker_start, speaker_end, cue, cue_start, cue_end, published)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    art.id,
                    q.start,
                    q.end,
                    json.dumps([list(f) for f in q.fragments]),
                    q.text,
                    q.kind,
                    q.speaker,
                    q.speaker_actor,
                    local_to_global.get(q.speaker_actor or ""),
                    q.speaker_start,
                    q.speaker_end,
                    q.cue,
                    q.cue_start,
                    q.cue_end,
                    art.published,
                ),
            )
        for e in a.events:
            self.conn.execute(
                "INSERT INTO events(doc_id, source, target, source_country, target_country,"
                " source_local, target_local, source_actor_id, target_actor_id, code, root, name,"
                " plover, goldstein, quad_class, date, start, end, text)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    art.id,
                    e.source,
                    e.target,
                    (e.source or "")[:3] or None,
                    (e.target or "")[:3] or None,
                    e.source_actor,
                    e.target_actor,
                    local_to_global.get(e.source_actor or ""),
                    local_to_global.get(e.target_actor or ""),
                    e.code,
                    e.code[:2],
                    e.name,
                    e.plover,
                    e.goldstein,
                    e.quad_class,
                    e.date,
                    e.start,
                    e.end,
                    e.text,
                ),
            )
