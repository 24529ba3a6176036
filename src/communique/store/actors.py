"""Cross-article actor resolution: which stored actor an article's actor is.

Only named actors (``Actor.named``: "Sergei Lavrov", "Oxfam", "Russia") carry an identity
across articles. A description ("officials", "the company", "a spokesman") is an actor of its
own article: its stored row has that article's ``doc_id`` and is never matched from another
article, so "people" in two hundred articles is two hundred actors, which listings, dyads and
exports aggregate by their codes.

The rule for named actors is evidence, not surnames. Two article actors are the same
cross-article actor when
- they are of the same kind and their name keys (``name_key``: case, accents, punctuation,
  honorifics and British/American spellings aside) are equal, or the name key of one is a
  stored alias of at least two words of the other, and their countries do not contradict each
  other (one may be unknown); or
- one is known only by a single name ("Lavrov") and the other has that name as its last
  word, and both are people with the same country and either the same role or the same code.

So "Sergei Lavrov" in two articles is one actor; "John Smith" and "Mary Smith" stay two, and a
bare "Smith" with no country joins neither; an organisation never joins a person. Countries
are keyed by their ISO code.

Curation decisions (``store.curation``: merge, split, rename) come first: ``load_curation``
turns them into redirects from a kind and name key, as an article names an actor, to the
stored actor it is (``Curated``); such an actor is found by its kind and key alone, so a
re-ingested or a new article keeps what a user decided.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..records import Actor

_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "prof", "rev"})


_SPELLINGS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<=\w{3})isation(s?)$"), r"ization\1"),  # organisation, privatisation
    (re.compile(r"(?<=\w{3})ise([ds]?)$"), r"ize\1"),  # ... only with a word stem before
    (re.compile(r"(?<=\w{3})our$"), "or"),  # labour, harbour, honour (not "four", "tour")
    (re.compile(r"(?<=\w{3})tre$"), "ter"),  # centre, theatre
    (re.compile(r"(?<=\w{2})ence$"), "ense"),  # defence, licence, offence
)
"""British spellings rewritten as American ones, word by word, so that "Labour Party" and
"Labor Party", "Defence Ministry" and "Defense Ministry" have one key."""


def _spelling(word: str) -> str:
    for pattern, repl in _SPELLINGS:
        word = pattern.sub(repl, word)
    return word


def name_key(name: str) -> str:
    """Lower case, accents and punctuation removed, "&" read as "and", honorifics, a leading
    "the" and possessive 's dropped, British spellings as American ones."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"['’]s\b", "", text.lower()).replace("&", " and ")
    words = [_spelling(w) for w in re.split(r"[^\w]+", text) if w and w not in _HONORIFICS]
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


@dataclass(frozen=True)
class Curated:
    """Where a curation decision sends a named actor: the stored named actor of ``kind`` and
    name key ``key``, made with the display name ``name`` when there is none yet."""

    kind: str
    key: str
    name: str


@dataclass(frozen=True)
class Curation:
    """The curation decisions in force, as redirects: (kind, name key) of an article's named
    actor -> the ``Curated`` actor it is. Empty when nothing was decided."""

    redirects: Mapping[tuple[str, str], Curated] = field(default_factory=dict)

    def target(self, kind: str, key: str) -> Curated | None:
        return self.redirects.get((kind, key))

    def is_target(self, kind: str, key: str) -> bool:
        """Whether a decision set the name of the stored actor of ``kind`` and ``key``."""
        return any(t.kind == kind and t.key == key for t in self.redirects.values())


NO_CURATION = Curation()


def load_curation(conn: sqlite3.Connection) -> Curation:
    """The redirects of the decisions of ``actor_curation``, applied in the order made:
    - merge A B: B's key -> A (and whatever was sent to B goes to A);
    - rename A NEW: A's old key and NEW's key -> NEW (and whatever was sent to A);
    - split A ALIAS: ALIAS's key -> an actor of its own named ALIAS (an earlier merge of that
      key into A no longer holds)."""
    redirects: dict[tuple[str, str], Curated] = {}
    rows = conn.execute(
        "SELECT action, kind, actor_key, actor_name, other_kind, other_key, other_name"
        " FROM actor_curation ORDER BY id"
    )
    for action, kind, key, name, other_kind, other_key, other_name in rows:
        if action == "merge":
            target = redirects.get((kind, key), Curated(kind, key, name))
            sources = [(other_kind, other_key)]
        elif action == "rename":
            target = Curated(kind, other_key, other_name)
            sources = [(kind, key), (kind, other_key)]
        else:  # split
            target = Curated(kind, other_key, other_name)
            sources = [(kind, other_key)]
        for source, sent in list(redirects.items()):
            if (sent.kind, sent.key) in sources:
                redirects[source] = target
        for source in sources:
            redirects[source] = target
    return Curation(redirects)


def resolve(
    conn: sqlite3.Connection, actor: Actor, doc_id: str, curation: Curation = NO_CURATION
) -> int:
    """The id of the stored actor ``actor`` (of document ``doc_id``) is, inserting a new one
    when none matches; a description only matches within its own document; a named actor
    that ``curation`` redirects is the actor it names."""
    key = actor_key(actor)
    if not actor.named:
        return _resolve_description(conn, actor, key, doc_id)
    curated = curation.target(actor.kind, key)
    if curated is not None:
        return _resolve_curated(conn, actor, curated)
    cols = "id, name, kind, country, code, role, name_key"
    named = "doc_id IS NULL AND kind = ?"
    exact = conn.execute(
        f"SELECT {cols} FROM actors WHERE name_key = ? AND {named} ORDER BY id", (key, actor.kind)
    )
    by_alias = (
        conn.execute(
            f"SELECT {cols} FROM actors WHERE {named} AND id IN "
            "(SELECT actor_id FROM actor_aliases WHERE alias_key = ?) ORDER BY id",
            (actor.kind, key),
        )
        if len(key.split()) > 1 and actor.kind != "country"
        else []
    )
    for rows in (exact, by_alias):
        for cand in map(_row, rows):
            if _countries_agree(cand.country, actor.country):
                _enrich(conn, cand, actor)
                return cand.id
    words = key.split()
    if actor.kind == "person" and actor.country and words:
        if len(words) == 1:
            # A surname alone joins a known full name with the same country and role or code.
            rows = conn.execute(
                f"SELECT {cols} FROM actors WHERE kind = 'person' AND doc_id IS NULL "
                "AND country = ? AND (name_key = ? OR name_key LIKE ?)",
                (actor.country, key, "% " + key),
            )
        else:
            # A full name upgrades a stored surname-only actor with the same evidence.
            rows = conn.execute(
                f"SELECT {cols} FROM actors WHERE kind = 'person' AND doc_id IS NULL "
                "AND country = ? AND name_key = ?",
                (actor.country, words[-1]),
            )
        for cand in map(_row, rows):
            same_role = bool(actor.role) and cand.role == actor.role
            same_code = bool(actor.code) and cand.code == actor.code
            if same_role or same_code:
                if len(words) > 1 and not curation.is_target(cand.kind, cand.name_key):
                    conn.execute(
                        "UPDATE actors SET name = ?, name_key = ? WHERE id = ?",
                        (actor.name, key, cand.id),
                    )
                _enrich(conn, cand, actor)
                return cand.id
    return _insert(conn, actor, key, None)


def _resolve_curated(conn: sqlite3.Connection, actor: Actor, curated: Curated) -> int:
    """The named actor of the curated kind and key (the first stored), whatever the article's
    evidence says of its country; inserted with the curated name when there is none."""
    row = conn.execute(
        "SELECT id, name, kind, country, code, role, name_key FROM actors"
        " WHERE doc_id IS NULL AND kind = ? AND name_key = ? ORDER BY id LIMIT 1",
        (curated.kind, curated.key),
    ).fetchone()
    if row is not None:
        stored = _row(row)
        _enrich(conn, stored, actor)
        return stored.id
    cur = conn.execute(
        "INSERT INTO actors(name, kind, country, code, role, name_key, doc_id)"
        " VALUES (?, ?, ?, ?, ?, ?, NULL)",
        (curated.name, curated.kind, actor.country, actor.code, actor.role, curated.key),
    )
    return int(cur.lastrowid or 0)


def _resolve_description(conn: sqlite3.Connection, actor: Actor, key: str, doc_id: str) -> int:
    """A description's row: one per document, name key, kind and code ("Analysts" and
    "analysts" of one article are one actor; "people" of two articles are two)."""
    row = conn.execute(
        "SELECT id FROM actors WHERE doc_id = ? AND name_key = ? AND kind = ? AND code IS ?",
        (doc_id, key, actor.kind, actor.code),
    ).fetchone()
    if row is not None:
        return int(row[0])
    return _insert(conn, actor, key, doc_id)


def _insert(conn: sqlite3.Connection, actor: Actor, key: str, doc_id: str | None) -> int:
    cur = conn.execute(
        "INSERT INTO actors(name, kind, country, code, role, name_key, doc_id)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (actor.name, actor.kind, actor.country, actor.code, actor.role, key, doc_id),
    )
    return int(cur.lastrowid or 0)


def _enrich(conn: sqlite3.Connection, stored: StoredActor, actor: Actor) -> None:
    """Fill what the stored actor lacks from the new evidence (never overwrite)."""
    conn.execute(
        "UPDATE actors SET country = COALESCE(country, ?), code = COALESCE(code, ?), "
        "role = COALESCE(role, ?) WHERE id = ?",
        (actor.country, actor.code, actor.role, stored.id),
    )
