"""The SQLite schema and its migrations.

The schema version is SQLite's ``user_version``. ``MIGRATIONS[i]`` takes a database from
version ``i`` to ``i + 1``; ``migrate`` applies the missing ones in one transaction each.
Add a migration at the end; never edit one that has shipped.

Tables (version 1):
- ``documents``: one row per analysed article (id, hash, metadata, text, body spans as JSON).
- ``skips``: one row per input that could not be analysed, with the reason.
- ``actors``: cross-article actors; ``actor_aliases`` their surface forms and ``actor_roles``
  the roles attested, with the document and its date. Since version 3 a description
  ("officials") is an actor of one article, named by ``actors.doc_id``.
- ``doc_actors``: the article-local actors, linked to their cross-article actor;
  ``mentions`` their character spans.
- ``quotes`` and ``events``: what was said and done, linked to documents and actors.
- ``documents_fts`` and ``quotes_fts``: FTS5 indexes over article text and quotes.

Later versions add tables of their own (watching, saved searches, stories, actor curation):
see each migration's note.
"""

from __future__ import annotations

import sqlite3

from ..errors import StoreError

_V1 = """
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    source TEXT,
    title TEXT,
    byline TEXT NOT NULL DEFAULT '[]',
    outlet TEXT,
    published TEXT,
    url TEXT,
    language TEXT,
    text TEXT NOT NULL,
    body TEXT NOT NULL DEFAULT '[]',
    topics TEXT NOT NULL DEFAULT '[]',
    places TEXT NOT NULL DEFAULT '[]',
    dates TEXT NOT NULL DEFAULT '[]',
    tone REAL,
    ingested_at TEXT NOT NULL
);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_hash ON documents(content_hash);

CREATE TABLE skips (
    id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    source TEXT,
    reason TEXT NOT NULL,
    skipped_at TEXT NOT NULL
);

CREATE TABLE actors (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    country TEXT,
    code TEXT,
    role TEXT,
    name_key TEXT NOT NULL
);
CREATE INDEX actors_name_key ON actors(name_key);
CREATE INDEX actors_country ON actors(country);

CREATE TABLE actor_aliases (
    actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    alias_key TEXT NOT NULL,
    PRIMARY KEY (actor_id, alias)
);
CREATE INDEX actor_aliases_key ON actor_aliases(alias_key);

CREATE TABLE actor_roles (
    actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
    role TEXT,
    country TEXT,
    code TEXT,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    date TEXT
);
CREATE INDEX actor_roles_actor ON actor_roles(actor_id);

CREATE TABLE doc_actors (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    actor_id INTEGER NOT NULL REFERENCES actors(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    country TEXT,
    role TEXT,
    code TEXT,
    PRIMARY KEY (doc_id, local_id)
);
CREATE INDEX doc_actors_actor ON doc_actors(actor_id);

CREATE TABLE mentions (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    local_id TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX mentions_doc ON mentions(doc_id);

CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    fragments TEXT NOT NULL,
    text TEXT NOT NULL,
    kind TEXT NOT NULL,
    speaker TEXT,
    local_actor TEXT,
    actor_id INTEGER REFERENCES actors(id),
    speaker_start INTEGER,
    speaker_end INTEGER,
    cue TEXT,
    cue_start INTEGER,
    cue_end INTEGER,
    published TEXT
);
CREATE INDEX quotes_doc ON quotes(doc_id);
CREATE INDEX quotes_actor ON quotes(actor_id);
CREATE INDEX quotes_published ON quotes(published);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    source TEXT,
    target TEXT,
    source_country TEXT,
    target_country TEXT,
    source_local TEXT,
    target_local TEXT,
    source_actor_id INTEGER REFERENCES actors(id),
    target_actor_id INTEGER REFERENCES actors(id),
    code TEXT NOT NULL,
    root TEXT NOT NULL,
    name TEXT,
    plover TEXT,
    goldstein REAL,
    quad_class INTEGER,
    date TEXT,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT
);
CREATE INDEX events_doc ON events(doc_id);
CREATE INDEX events_dyad ON events(source_country, target_country);
CREATE INDEX events_date ON events(date);

CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='rowid');
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;

CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker, content='quotes', content_rowid='id');
CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
  INSERT INTO quotes_fts(rowid, text, speaker) VALUES (new.id, new.text, new.speaker);
END;
CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
  INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker) VALUES ('delete', old.id, old.text, old.speaker);
END;
"""

_V2 = """
ALTER TABLE documents ADD COLUMN notes TEXT NOT NULL DEFAULT '[]';
"""
"""Version 2: what the analysis left out of or changed in an article (``Article.notes``)."""

_V3 = """
ALTER TABLE actors ADD COLUMN doc_id TEXT REFERENCES documents(id) ON DELETE CASCADE;
CREATE INDEX actors_doc ON actors(doc_id);
ALTER TABLE doc_actors ADD COLUMN named INTEGER;
"""
"""Version 3: a description ("officials", "the company") is an actor of one article only;
``actors.doc_id`` names that article (``NULL``: a named actor, shared across articles) and
``doc_actors.named`` keeps ``Actor.named`` (``NULL`` in rows stored before). Actors stored
before keep their rows until their articles are ingested again."""

_V4 = """
CREATE TABLE watch_sources (
    url TEXT PRIMARY KEY,
    kind TEXT,
    title TEXT,
    etag TEXT,
    last_modified TEXT,
    checked_at TEXT NOT NULL,
    status TEXT NOT NULL
);
CREATE TABLE watch_seen (
    url TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    doc_id TEXT,
    outcome TEXT NOT NULL,
    seen_at TEXT NOT NULL
);
"""
"""Version 4: what ``watch`` knows of the sources it follows (``watch_sources``: kind, ETag and
Last-Modified for conditional requests, the last status) and of the items it has taken
(``watch_seen``: canonical URL, the document stored or why none was)."""

_V5 = """
CREATE TABLE saved_searches (
    name TEXT PRIMARY KEY,
    target TEXT NOT NULL,
    filters TEXT NOT NULL,
    created_at TEXT NOT NULL
);
"""
"""Version 5: searches saved by name (``store.saved``), served as Atom feeds by the web app."""

_V6 = """
CREATE TABLE story_members (
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    story_id TEXT NOT NULL,
    minhash BLOB
);
CREATE INDEX story_members_story ON story_members(story_id);
"""
"""Version 6: stories: each stored article with the story it belongs to (named by its first
article's id) and its MinHash signature (``store.stories``). Articles stored before are
their own stories until they are ingested again."""

_V7 = """
ALTER TABLE quotes ADD COLUMN confidence REAL;
ALTER TABLE events ADD COLUMN confidence REAL;
"""
"""Version 7: each quote's and event's confidence (``communique.confidence``); rows stored
before have none (``NULL``), which every ``min_confidence`` filter keeps."""

_V8 = """
ALTER TABLE story_members ADD COLUMN shingles INTEGER;
"""
"""Version 8: each article's count of shingles beside its signature, from which the story
index estimates how much of a shorter copy a longer article contains (``store.stories``);
articles stored before have none and are matched by Jaccard similarity alone."""

_V9 = """
CREATE TABLE actor_curation (
    id INTEGER PRIMARY KEY,
    action TEXT NOT NULL,
    kind TEXT NOT NULL,
    actor_key TEXT NOT NULL,
    actor_name TEXT NOT NULL,
    other_kind TEXT NOT NULL,
    other_key TEXT NOT NULL,
    other_name TEXT NOT NULL,
    created_at TEXT NOT NULL
);
"""
"""Version 9: curation decisions on named actors (``store.curation``), in the order made.
Actors are named by kind and name key (``actors.name_key``), not by id, so a decision holds
when the store is rebuilt: ``kind``/``actor_key``/``actor_name`` are actor A as it was then,
``other_*`` the other side: for ``merge`` actor B (merged into A), for ``split`` the alias
that becomes an actor of its own, for ``rename`` the new name."""

MIGRATIONS: tuple[str, ...] = (_V1, _V2, _V3, _V4, _V5, _V6, _V7, _V8, _V9)
SCHEMA_VERSION = len(MIGRATIONS)


def version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database to ``SCHEMA_VERSION``; returns the version it was at.

    Each step reads the version again under the write lock (``BEGIN IMMEDIATE``), so two
    processes creating the same new store at the same instant apply each migration once: the
    second finds the work done and moves on.
    """
    start = version(conn)
    _refuse_newer(start)
    while version(conn) < SCHEMA_VERSION:
        conn.execute("BEGIN IMMEDIATE")
        current = version(conn)
        _refuse_newer(current, rollback=conn)
        if current >= SCHEMA_VERSION:
            conn.execute("COMMIT")
            break
        _apply(conn, MIGRATIONS[current], current + 1)
    return start


def _refuse_newer(found: int, rollback: sqlite3.Connection | None = None) -> None:
    if found <= SCHEMA_VERSION:
        return
    if rollback is not None:
        rollback.execute("ROLLBACK")
    raise StoreError(
        f"database schema version {found} is newer than this Communiqué ({SCHEMA_VERSION}); "
        "upgrade Communiqué to open it"
    )


def _apply(conn: sqlite3.Connection, script: str, to_version: int) -> None:
    try:
        for statement in _statements(script):
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {to_version}")
        conn.execute("COMMIT")
    except sqlite3.Error as e:
        conn.execute("ROLLBACK")
        raise StoreError(f"migration to schema version {to_version} failed: {e}") from e


def _statements(script: str) -> list[str]:
    """Split a script on ``;`` at statement level, keeping trigger bodies whole."""
    out: list[str] = []
    buf: list[str] = []
    for line in script.splitlines():
        buf.append(line)
        joined = "\n".join(buf).strip()
        if joined.endswith(";") and sqlite3.complete_statement(joined):
            out.append(joined)
            buf = []
    if "\n".join(buf).strip():
        out.append("\n".join(buf).strip())
    return out
