"""Cross-article actor resolution: which stored actor an article's actor is.

The rule is evidence, not surnames. Two article actors are the same cross-article actor when
- they are of the same kind and their normalised full names are equal, and their countries
  do not contradict each other (one may be unknown); or
- one is known only by a single name ("Lavrov") and the other has that name as its last
  word, and both carry the same country and either the same role or the same actor code.

So "Sergei Lavrov" in two articles is one actor; "John Smith" and "Mary Smith" stay two, and a
bare "Smith" with no country joins neither. Countries are keyed by their ISO code.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from dataclasses import dataclass

from ..records import Actor

_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "prof", "rev"})


def name_key(name: str) -> str:
    """Lower case, accents and punctuation removed, honorifics and possessive 's dropped."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"['’]s\b", "", text.lower())
    words = [w for w in re.split(r"[^\w]+", text) if w and w not in _HONORIFICS]
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@dataclass(frozen=True)
class StoredActor:
    id: int
    name: str
    kind: str
    country: str | None
    code: str | None
    role: str | None
    name_key: str


def _row(r: sqlite3.Row | tuple[object, ...]) -> StoredActor:
    return StoredActor(*r)


def _countries_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def actor_key(actor: Actor) -> str:
    if actor.kind == "country" and actor.country:
        return "country:" + actor.country
    return name_key(actor.name) or actor.name.lower()


def resolve(conn: sqlite3.Connection, actor: Actor) -> int:
    """The id of the stored actor ``actor`` is, inserting a new one when none matches."""
    key = actor_key(actor)
    cols = "id, name, kind, country, code, role, name_key"
    for cand in map(
        _row,
        conn.execute(
            f"SELECT {cols} FROM actors WHERE name_key = ? AND kind = ?", (key, actor.kind)
        ),
    ):
        if _countries_agree(cand.country, actor.country):
            _enrich(conn, cand, actor)
            return cand.id
    words = key.split()
    if actor.kind == "person" and actor.country and words:
        if len(words) == 1:
            # A surname alone joins a known full name with the same country and role or code.
            rows = conn.execute(
                f"SELECT {cols} FROM actors WHERE kind = 'person' AND country = ? "
                "AND (name_key = ? OR name_key LIKE ?)",
                (actor.country, key, "% " + key),
            )
        else:
            # A full name upgrades a stored surname-only actor with the same evidence.
            rows = conn.execute(
                f"SELECT {cols} FROM actors WHERE kind = 'person' AND country = ? AND name_key = ?",
                (actor.country, words[-1]),
            )
        for cand in map(_row, rows):
            same_role = bool(actor.role) and cand.role == actor.role
            same_code = bool(actor.code) and cand.code == actor.code
            if same_role or same_code:
                if len(words) > 1:
                    conn.execute(
                        "UPDATE actors SET name = ?, name_key = ? WHERE id = ?",
                        (actor.name, key, cand.id),
                    )
                _enrich(conn, cand, actor)
                return cand.id
    cur = conn.execute(
        "INSERT INTO actors(name, kind, country, code, role, name_key) VALUES (?, ?, ?, ?, ?, ?)",
        (actor.name, actor.kind, actor.country, actor.code, actor.role, key),
    )
    return int(cur.lastrowid or 0)


def _enrich(conn: sqlite3.Connection, stored: StoredActor, actor: Actor) -> None:
    """Fill what the stored actor lacks from the new evidence (never overwrite)."""
    conn.execute(
        "UPDATE actors SET country = COALESCE(country, ?), code = COALESCE(code, ?), "
        "role = COALESCE(role, ?) WHERE id = ?",
        (actor.country, actor.code, actor.role, stored.id),
    )
