"""Curation of named actors: merge, split and rename, kept as decisions in the store.

A decision names its actors by kind and name key (``actors.name_key``), never by row id,
because ids change when a store is rebuilt. Each command applies its decision to the stored
rows at once and records it in ``actor_curation``; every later write resolves actors through
the decisions in force (``actors.load_curation``), so a re-ingested article, or a new one,
keeps them:

- ``merge(A, B)``: B's article actors, aliases, roles, quotes and events become A's, B's name
  an alias of A; an article naming B resolves to A.
- ``split(A, ALIAS)``: the articles where A was named ALIAS get a named actor ALIAS of their
  own; an article naming ALIAS no longer resolves to A.
- ``rename(A, NEW)``: A is shown as NEW; its old name stays an alias.
- ``undo(ID)``: the decision is dropped and the rows it moved are resolved again without it.

Only named actors are curated: a description ("officials", "the company") is an actor of one
article and has no identity across articles to merge, split or rename, so it is refused.
Merging actors of two kinds (a person and an organisation) is refused unless ``force``.
Each command runs in one transaction: a refused or failed command changes nothing.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from typing import Any, Literal, get_args

from ..errors import CommuniqueError, NotFound, StoreError
from ..records import Actor
from . import actors as actor_store
from .actors import StoredActor, name_key
from .db import Store

CurationAction = Literal["merge", "split", "rename"]
CURATION_ACTIONS: tuple[CurationAction, ...] = get_args(CurationAction)

SQLITE_MAX_INT = 2**63 - 1
"""The largest row id SQLite stores; a larger number names no actor."""

AMBIGUOUS_SHOWN = 5
"""How many candidates an ambiguous name lists."""


class CurationError(CommuniqueError):
    """A curation command refused: a description, two kinds without ``force``, a name in use,
    or a decision another builds on."""


class AmbiguousActor(CurationError):
    """A name that several named actors answer to; the message lists them with their ids."""


@dataclass(frozen=True)
class Decision:
    """One row of ``actor_curation``: actor A (``kind``, ``actor_key``, ``actor_name`` as they
    were) and the other side: B for a merge, the alias for a split, the new name for a
    rename (``other_*``)."""

    id: int
    action: CurationAction
    kind: str
    actor_key: str
    actor_name: str
    other_kind: str
    other_key: str
    other_name: str
    created_at: str

    def describe(self) -> str:
        if self.action == "merge":
            return f"merge {self.other_name!r} ({self.other_kind}) into {self.actor_name!r}"
        if self.action == "split":
            return f"split {self.other_name!r} from {self.actor_name!r}"
        return f"rename {self.actor_name!r} to {self.other_name!r}"

    def keys(self) -> set[tuple[str, str]]:
        return {(self.kind, self.actor_key), (self.other_kind, self.other_key)}

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "description": self.describe()}


@dataclass(frozen=True)
class Change:
    """What a command did: its decision, the actor it leaves (``None`` when an undo leaves
    none), the articles, quotes and events that changed actor, and a one-line summary."""

    decision: Decision
    actor: dict[str, Any] | None
    articles: int
    quotes: int
    events: int
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "decision": self.decision.to_dict(),
            "actor": self.actor,
            "articles": self.articles,
            "quotes": self.quotes,
            "events": self.events,
            "message": self.message,
        }


# --- the commands ----------------------------------------------------------------------------
def merge(store: Store, a: str | int, b: str | int, *, force: bool = False) -> Change:
    """Merge actor ``b`` into actor ``a`` (ids or names, as ``find``) and record it."""
    with _transaction(store):
        conn = store.conn
        keep, gone = find(conn, a), find(conn, b)
        _refuse_description(keep, gone)
        if keep.id == gone.id:
            raise CurationError(f"{a!r} and {b!r} are the same actor (#{keep.id} {keep.name})")
        if keep.kind != gone.kind and not force:
            raise CurationError(
                f"#{gone.id} {gone.name} is a {gone.kind} and #{keep.id} {keep.name} a "
                f"{keep.kind}: actors of two kinds are not merged unless you add --force"
            )
        counts = _move_all(conn, gone.id, keep.id)
        conn.execute(
            "UPDATE actors SET country = COALESCE(country, ?), code = COALESCE(code, ?),"
            " role = COALESCE(role, ?) WHERE id = ?",
            (gone.country, gone.code, gone.role, keep.id),
        )
        _add_aliases(conn, keep.id, [gone.name])
        conn.execute("DELETE FROM actors WHERE id = ?", (gone.id,))
        decision = _record(store, "merge", keep, gone.kind, gone.name_key, gone.name)
        return Change(
            decision,
            _actor_dict(conn, keep.id),
            *counts,
            f"merged #{gone.id} {gone.name} into #{keep.id} {keep.name}: "
            f"{_counted(*counts)} moved (decision #{decision.id})",
        )


def split(store: Store, a: str | int, alias: str) -> Change:
    """Make the articles where actor ``a`` is named ``alias`` an actor of their own."""
    with _transaction(store):
        conn = store.conn
        actor = find(conn, a)
        _refuse_description(actor)
        if actor.kind == "country":
            raise CurationError(
                f"#{actor.id} {actor.name} is a country, one actor per ISO code: it cannot be "
                "split (rename it to change its name)"
            )
        key = name_key(alias)
        if not key:
            raise CurationError(f"{alias!r} is not a name")
        if key == actor.name_key:
            raise CurationError(
                f"{alias!r} is the name of #{actor.id} {actor.name} itself: name an alias to split"
            )
        rows = [
            r
            for r in conn.execute(
                "SELECT doc_id, local_id, name, country, role, code FROM doc_actors"
                " WHERE actor_id = ? ORDER BY rowid",
                (actor.id,),
            )
            if name_key(r[2]) == key
        ]
        aliases = [
            r[0]
            for r in conn.execute(
                "SELECT alias FROM actor_aliases WHERE actor_id = ? AND alias_key = ?",
                (actor.id, key),
            )
        ]
        if not rows and not aliases:
            raise NotFound(
                f"#{actor.id} {actor.name} is never named {alias!r} in a stored article "
                "(`communique actor` lists its aliases)"
            )
        conn.execute(
            "DELETE FROM actor_aliases WHERE actor_id = ? AND alias_key = ?", (actor.id, key)
        )
        name = Counter(r[2] for r in rows).most_common(1)[0][0] if rows else aliases[0]
        new_id: int | None = None
        counts = (0, 0, 0)
        if rows:
            first = {"country": None, "role": None, "code": None}
            for r in rows:
                for i, col in ((3, "country"), (4, "role"), (5, "code")):
                    first[col] = first[col] or r[i]
            new_id = int(
                conn.execute(
                    "INSERT INTO actors(name, kind, country, code, role, name_key, doc_id)"
                    " VALUES (?, ?, ?, ?, ?, ?, NULL)",
                    (name, actor.kind, first["country"], first["code"], first["role"], key),
                ).lastrowid
                or 0
            )
            counts = _move_rows(conn, [(r[0], r[1], actor.id, new_id) for r in rows])
            _add_aliases(conn, new_id, aliases)
            _rebuild_aliases(conn, new_id)
        decision = _record(store, "split", actor, actor.kind, key, name)
        where = f"#{new_id} {name}" if new_id is not None else f"{name} (in no article yet)"
        return Change(
            decision,
            _actor_dict(conn, new_id) if new_id is not None else _actor_dict(conn, actor.id),
            *counts,
            f"split {where} from #{actor.id} {actor.name}: {_counted(*counts)} moved "
            f"(decision #{decision.id})",
        )


def rename(store: Store, a: str | int, new_name: str) -> Change:
    """Show actor ``a`` as ``new_name``; its old name stays an alias."""
    with _transaction(store):
        conn = store.conn
        actor = find(conn, a)
        _refuse_description(actor)
        new_name = " ".join(new_name.split())
        if not name_key(new_name):
            raise CurationError(f"{new_name!r} is not a name")
        if new_name == actor.name:
            raise CurationError(f"#{actor.id} is already named {new_name!r}")
        new_key = actor.name_key if actor.kind == "country" else name_key(new_name)
        taken = conn.execute(
            "SELECT id, name FROM actors WHERE doc_id IS NULL AND kind = ? AND name_key = ?"
            " AND id != ?",
            (actor.kind, new_key, actor.id),
        ).fetchone()
        if taken is not None:
            raise CurationError(
                f"#{taken[0]} {taken[1]} already has that name: merge the two instead "
                f"(`communique actors merge {taken[0]} {actor.id}`)"
            )
        conn.execute(
            "UPDATE actors SET name = ?, name_key = ? WHERE id = ?", (new_name, new_key, actor.id)
        )
        _add_aliases(conn, actor.id, [actor.name, new_name])
        decision = _record(store, "rename", actor, actor.kind, new_key, new_name)
        return Change(
            decision,
            _actor_dict(conn, actor.id),
            0,
            0,
            0,
            f"renamed #{actor.id} {actor.name} to {new_name} (decision #{decision.id})",
        )


def decisions(store: Store) -> list[Decision]:
    """The decisions in force, oldest first (none in a store older than curation, opened
    read-only)."""
    tables = store.conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'actor_curation'"
    ).fetchone()
    if tables is None:
        return []
    return [_decision(r) for r in store.conn.execute(f"{_SELECT} ORDER BY id")]


def undo(store: Store, decision_id: int) -> Change:
    """Drop decision ``decision_id`` and resolve again, without it, the rows it concerned.

    A decision that a later one builds on (one naming the same actor) is refused: undo the
    later one first. A merged actor comes back as a new row (a new id)."""
    with _transaction(store):
        conn = store.conn
        row = conn.execute(f"{_SELECT} WHERE id = ?", (decision_id,)).fetchone()
        if row is None:
            raise NotFound(f"no curation decision #{decision_id} (`communique actors curation`)")
        decision = _decision(row)
        for later in map(_decision, conn.execute(f"{_SELECT} WHERE id > ?", (decision_id,))):
            if _builds_on(later, decision):
                raise CurationError(
                    f"decision #{later.id} ({later.describe()}) builds on #{decision_id}: "
                    f"undo #{later.id} first"
                )
        survivor = _named_by_key(conn, decision.kind, decision.actor_key)
        counts = (0, 0, 0)
        if decision.action == "rename":
            renamed = _named_by_key(conn, decision.kind, decision.other_key)
            if renamed is not None:
                conn.execute(
                    "UPDATE actors SET name = ?, name_key = ? WHERE id = ?",
                    (decision.actor_name, decision.actor_key, renamed),
                )
                survivor = renamed
        conn.execute("DELETE FROM actor_curation WHERE id = ?", (decision_id,))
        curation = actor_store.load_curation(conn)
        if decision.action == "merge" and survivor is not None:
            counts = _resolve_again(conn, [survivor], curation, hide=[])
        elif decision.action == "split":
            split_off = _named_by_key(conn, decision.other_kind, decision.other_key)
            if survivor is not None:
                _add_aliases(conn, survivor, [decision.other_name])
            if split_off is not None:
                counts = _resolve_again(conn, [split_off], curation, hide=[split_off])
        if survivor is not None:
            _rebuild_aliases(conn, survivor)
        return Change(
            decision,
            _actor_dict(conn, survivor) if survivor is not None else None,
            *counts,
            f"undid #{decision_id} ({decision.describe()}): {_counted(*counts)} resolved again",
        )


def _builds_on(later: Decision, earlier: Decision) -> bool:
    """Whether ``later`` names an actor ``earlier`` made or changed; two merges into one actor
    are independent (either can be undone)."""
    shared = later.keys() & earlier.keys()
    survivor = {(earlier.kind, earlier.actor_key)}
    both_merges = later.action == earlier.action == "merge"
    return bool(shared) and not (
        both_merges and shared == survivor == {(later.kind, later.actor_key)}
    )


# --- finding actors --------------------------------------------------------------------------
_COLS = "id, name, kind, country, code, role, name_key"


def find(conn: sqlite3.Connection, ref: str | int) -> StoredActor:
    """The actor ``ref`` names: an id, else a name or alias as ``queries.find_actor`` reads it
    (the name itself, then an alias, then an alias ending with it), named actors before
    descriptions. ``NotFound`` when none answers, ``AmbiguousActor`` when several do."""
    text = str(ref).strip()
    if text.isascii() and text.isdigit():
        if int(text) > SQLITE_MAX_INT:
            raise NotFound(f"no actor with id {text}")
        row = conn.execute(
            f"SELECT {_COLS}, doc_id FROM actors WHERE id = ?", (int(text),)
        ).fetchone()
        if row is None:
            raise NotFound(f"no actor with id {text}")
        return _stored(row)
    key = name_key(text)
    if not key:
        raise NotFound(f"no actor named {text!r}")
    suffix = "% " + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    tiers = (
        ("a.name_key = ?", key),
        ("a.id IN (SELECT actor_id FROM actor_aliases WHERE alias_key = ?)", key),
        ("a.id IN (SELECT actor_id FROM actor_aliases WHERE alias_key LIKE ? ESCAPE '\\')", suffix),
    )
    for named in ("a.doc_id IS NULL", "a.doc_id IS NOT NULL"):
        for where, value in tiers:
            rows = conn.execute(
                f"SELECT {_COLS}, doc_id FROM actors a WHERE {named} AND {where} ORDER BY id",
                (value,),
            ).fetchall()
            if len(rows) == 1 or (rows and named.endswith("NOT NULL")):
                return _stored(rows[0])
            if rows:
                shown = "; ".join(
                    f"#{r[0]} {r[1]} ({r[2]}, {r[3] or '?'})" for r in rows[:AMBIGUOUS_SHOWN]
                )
                left = len(rows) - AMBIGUOUS_SHOWN
                more = f" and {left} more" if left > 0 else ""
                raise AmbiguousActor(
                    f"{text!r} names {len(rows)} actors: {shown}{more}; give the id"
                )
    raise NotFound(f"no actor named {text!r}")


@dataclass(frozen=True)
class _Found(StoredActor):
    doc_id: str | None = None


def _stored(row: tuple[Any, ...]) -> _Found:
    return _Found(*row)


def _refuse_description(*found: StoredActor) -> None:
    for actor in found:
        if isinstance(actor, _Found) and actor.doc_id is not None:
            raise CurationError(
                f"#{actor.id} {actor.name!r} is a description of one article ({actor.doc_id}), "
                "not a named actor: it has no identity across articles to curate"
            )


def _named_by_key(conn: sqlite3.Connection, kind: str, key: str) -> int | None:
    row = conn.execute(
        "SELECT id FROM actors WHERE doc_id IS NULL AND kind = ? AND name_key = ? ORDER BY id",
        (kind, key),
    ).fetchone()
    return None if row is None else int(row[0])


# --- moving rows -----------------------------------------------------------------------------
def _move_all(conn: sqlite3.Connection, old: int, new: int) -> tuple[int, int, int]:
    """Every row of actor ``old`` becomes ``new``'s: (articles, quotes, events) moved."""
    articles = conn.execute(
        "SELECT COUNT(DISTINCT doc_id) FROM doc_actors WHERE actor_id = ?", (old,)
    ).fetchone()[0]
    conn.execute("UPDATE doc_actors SET actor_id = ? WHERE actor_id = ?", (new, old))
    conn.execute("UPDATE actor_roles SET actor_id = ? WHERE actor_id = ?", (new, old))
    quotes = conn.execute("UPDATE quotes SET actor_id = ? WHERE actor_id = ?", (new, old)).rowcount
    events = conn.execute(
        "SELECT COUNT(*) FROM events WHERE source_actor_id = ? OR target_actor_id = ?", (old, old)
    ).fetchone()[0]
    for col in ("source_actor_id", "target_actor_id"):
        conn.execute(f"UPDATE events SET {col} = ? WHERE {col} = ?", (new, old))
    conn.execute(
        "INSERT OR IGNORE INTO actor_aliases(actor_id, alias, alias_key)"
        " SELECT ?, alias, alias_key FROM actor_aliases WHERE actor_id = ?",
        (new, old),
    )
    return int(articles), quotes, int(events)


def _move_rows(
    conn: sqlite3.Connection, moves: list[tuple[str, str, int, int]]
) -> tuple[int, int, int]:
    """Article actors ``(doc_id, local_id)`` from actor ``old`` to ``new``, with their
    quotes, events and roles: (articles, quotes, events) moved."""
    quotes = events = 0
    docs: dict[str, set[int]] = {}
    for doc_id, local_id, old, new in moves:
        if old == new:
            continue
        conn.execute(
            "UPDATE doc_actors SET actor_id = ? WHERE doc_id = ? AND local_id = ?",
            (new, doc_id, local_id),
        )
        quotes += conn.execute(
            "UPDATE quotes SET actor_id = ? WHERE doc_id = ? AND local_actor = ?",
            (new, doc_id, local_id),
        ).rowcount
        events += conn.execute(
            "SELECT COUNT(*) FROM events WHERE doc_id = ? AND (source_local = ? OR target_local = ?)",
            (doc_id, local_id, local_id),
        ).fetchone()[0]
        for side in ("source", "target"):
            conn.execute(
                f"UPDATE events SET {side}_actor_id = ? WHERE doc_id = ? AND {side}_local = ?",
                (new, doc_id, local_id),
            )
        docs.setdefault(doc_id, set()).update((old, new))
    for doc_id, ids in docs.items():
        _rebuild_roles(conn, doc_id, ids)
    return len(docs), quotes, events


def _rebuild_roles(conn: sqlite3.Connection, doc_id: str, actor_ids: set[int]) -> None:
    """The ``actor_roles`` rows of ``doc_id`` for these actors, from its article actors (as
    ``Store.write`` makes them)."""
    marks = ", ".join("?" * len(actor_ids))
    conn.execute(
        f"DELETE FROM actor_roles WHERE doc_id = ? AND actor_id IN ({marks})",
        (doc_id, *actor_ids),
    )
    conn.execute(
        "INSERT INTO actor_roles(actor_id, role, country, code, doc_id, date)"
        " SELECT da.actor_id, da.role, da.country, da.code, da.doc_id, d.published"
        " FROM doc_actors da JOIN documents d ON d.id = da.doc_id"
        f" WHERE da.doc_id = ? AND da.actor_id IN ({marks})"
        " AND (da.role IS NOT NULL OR da.code IS NOT NULL) ORDER BY da.rowid",
        (doc_id, *actor_ids),
    )


def _resolve_again(
    conn: sqlite3.Connection,
    actor_ids: list[int],
    curation: actor_store.Curation,
    hide: list[int],
) -> tuple[int, int, int]:
    """Resolve the article actors of ``actor_ids`` again, as ``Store.write`` would with
    ``curation``. Their aliases are made again as the rows are resolved (so an alias a merge
    brought no longer draws rows in); the actors of ``hide`` are out of reach meanwhile and
    dropped when left without articles. Returns (articles, quotes, events) that changed
    actor."""
    marks = ", ".join("?" * len(actor_ids))
    rows = conn.execute(
        "SELECT da.doc_id, da.local_id, da.name, da.kind, da.country, da.role, da.code,"
        " da.named, da.actor_id FROM doc_actors da JOIN documents d ON d.id = da.doc_id"
        f" WHERE da.actor_id IN ({marks}) ORDER BY d.rowid, da.rowid",
        actor_ids,
    ).fetchall()
    conn.execute(f"DELETE FROM actor_aliases WHERE actor_id IN ({marks})", actor_ids)
    for actor_id in hide:
        conn.execute("UPDATE actors SET name_key = '' WHERE id = ?", (actor_id,))
    moves: list[tuple[str, str, int, int]] = []
    for doc_id, local_id, name, kind, country, role, code, named, old in rows:
        surfaces = [
            r[0]
            for r in conn.execute(
                "SELECT DISTINCT text FROM mentions WHERE doc_id = ? AND local_id = ?",
                (doc_id, local_id),
            )
        ]
        actor = Actor(
            id=local_id,
            name=name,
            kind=kind,
            mentions=(),
            country=country,
            role=role,
            code=code,
            aliases=tuple(surfaces),
            named=named is None or bool(named),
        )
        new = actor_store.resolve(conn, actor, doc_id, curation)
        _add_aliases(conn, new, [name, *surfaces])
        moves.append((doc_id, local_id, old, new))
    counts = _move_rows(conn, moves)
    for actor_id in hide:
        conn.execute(
            "DELETE FROM actors WHERE id = ? AND NOT EXISTS"
            " (SELECT 1 FROM doc_actors WHERE actor_id = ?)",
            (actor_id, actor_id),
        )
    return counts


def _add_aliases(conn: sqlite3.Connection, actor_id: int, names: list[str]) -> None:
    conn.executemany(
        "INSERT OR IGNORE INTO actor_aliases(actor_id, alias, alias_key) VALUES (?, ?, ?)",
        [(actor_id, n, name_key(n)) for n in names],
    )


def _rebuild_aliases(conn: sqlite3.Connection, actor_id: int) -> None:
    """An actor's aliases from what its articles call it: its name, their article actors'
    names and the text of their mentions (as ``Store.write`` adds them)."""
    names = [r[0] for r in conn.execute("SELECT name FROM actors WHERE id = ?", (actor_id,))]
    names += [
        r[0]
        for r in conn.execute(
            "SELECT da.name FROM doc_actors da WHERE da.actor_id = ? UNION ALL"
            " SELECT m.text FROM mentions m JOIN doc_actors da"
            " ON da.doc_id = m.doc_id AND da.local_id = m.local_id WHERE da.actor_id = ?",
            (actor_id, actor_id),
        )
    ]
    conn.execute("DELETE FROM actor_aliases WHERE actor_id = ?", (actor_id,))
    _add_aliases(conn, actor_id, list(dict.fromkeys(names)))


# --- decisions -------------------------------------------------------------------------------
_SELECT = (
    "SELECT id, action, kind, actor_key, actor_name, other_kind, other_key, other_name,"
    " created_at FROM actor_curation"
)


def _decision(row: tuple[Any, ...]) -> Decision:
    return Decision(*row)


def _record(
    store: Store,
    action: CurationAction,
    actor: StoredActor,
    other_kind: str,
    other_key: str,
    other_name: str,
) -> Decision:
    row = {
        "action": action,
        "kind": actor.kind,
        "actor_key": actor.name_key,
        "actor_name": actor.name,
        "other_kind": other_kind,
        "other_key": other_key,
        "other_name": other_name,
        "created_at": store.clock(),
    }
    cur = store.conn.execute(
        f"INSERT INTO actor_curation({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
        tuple(row.values()),
    )
    return Decision(
        int(cur.lastrowid or 0),
        action,
        actor.kind,
        actor.name_key,
        actor.name,
        other_kind,
        other_key,
        other_name,
        row["created_at"],
    )


def _actor_dict(conn: sqlite3.Connection, actor_id: int) -> dict[str, Any] | None:
    row = conn.execute(
        "SELECT id, name, kind, country, role, code FROM actors WHERE id = ?", (actor_id,)
    ).fetchone()
    if row is None:
        return None
    return dict(zip(("id", "name", "kind", "country", "role", "code"), row, strict=True))


def _counted(articles: int, quotes: int, events: int) -> str:
    return f"{articles} article(s), {quotes} quote(s), {events} event(s)"


@contextmanager
def _transaction(store: Store) -> Iterator[None]:
    """One write transaction: committed when the block ends, rolled back when it raises."""
    conn = store.conn
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as e:
        raise StoreError(f"{store.path}: cannot write ({e})") from e
    try:
        yield
        conn.execute("COMMIT")
    except sqlite3.Error as e:
        conn.execute("ROLLBACK")
        raise StoreError(f"{store.path}: curation failed, nothing was changed ({e})") from e
    except BaseException:
        conn.execute("ROLLBACK")
        raise
