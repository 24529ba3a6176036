"""Searches saved by name: what a reader follows, served as Atom feeds (``web.feeds``).

A saved search targets quotes or events and keeps the filters of the matching query of
``queries`` (``QUOTE_FILTERS``, ``EVENT_FILTERS``); ``run`` gives its newest matches. Names are
short slugs (``NAME_PATTERN``), so that they make feed URLs as they are.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from ..errors import CommuniqueError
from . import queries
from .db import Store

QUOTE_FILTERS = ("about", "speaker", "country", "kind")
"""Filters of a saved search of quotes (those of ``queries.quotes``)."""
EVENT_FILTERS = ("source", "target", "code")
"""Filters of a saved search of events (those of ``queries.events``)."""
TARGETS = {"quotes": QUOTE_FILTERS, "events": EVENT_FILTERS}
NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")


class SavedSearchError(CommuniqueError):
    """A saved search that cannot be made, or is not there."""


@dataclass(frozen=True)
class SavedSearch:
    name: str
    target: str
    """``quotes`` or ``events``."""
    filters: dict[str, str]
    created_at: str

    def describe(self) -> str:
        said = ", ".join(f"{k}={v}" for k, v in self.filters.items())
        return f"{self.target}: {said}" if said else f"{self.target}: all"


def save(store: Store, name: str, target: str, filters: dict[str, str | None]) -> SavedSearch:
    """Save (or replace) the search ``name``; filters with no value are dropped."""
    if not NAME_PATTERN.match(name):
        raise SavedSearchError(
            f"{name!r} cannot name a saved search: letters, digits, '-' and '_', at most 64"
        )
    if target not in TARGETS:
        raise SavedSearchError(f"a saved search finds quotes or events, not {target!r}")
    unknown = sorted(set(filters) - set(TARGETS[target]))
    if unknown:
        raise SavedSearchError(f"a search of {target} has no filter {', '.join(unknown)}")
    kept = {k: v for k, v in filters.items() if v}
    search = SavedSearch(name, target, kept, store.clock())
    store.conn.execute(
        "INSERT OR REPLACE INTO saved_searches(name, target, filters, created_at) "
        "VALUES (?, ?, ?, ?)",
        (name, target, json.dumps(kept, sort_keys=True), search.created_at),
    )
    return search


def remove(store: Store, name: str) -> None:
    if not store.conn.execute("DELETE FROM saved_searches WHERE name = ?", (name,)).rowcount:
        raise SavedSearchError(f"no saved search named {name!r}")


def _stored(store: Store) -> bool:
    """Whether the store has the table (a store opened read-only is not migrated)."""
    found = store.conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'saved_searches'"
    ).fetchone()
    return found is not None


def get(store: Store, name: str) -> SavedSearch:
    rows = (
        store.query("SELECT * FROM saved_searches WHERE name = ?", (name,))
        if _stored(store)
        else []
    )
    if not rows:
        raise SavedSearchError(f"no saved search named {name!r}")
    return _search(rows[0])


def all_saved(store: Store) -> list[SavedSearch]:
    if not _stored(store):
        return []
    return [_search(r) for r in store.query("SELECT * FROM saved_searches ORDER BY name")]


def run(store: Store, search: SavedSearch, limit: int = 50) -> list[dict[str, Any]]:
    """The newest matches of ``search`` (rows of ``queries.quotes`` or ``queries.events``)."""
    f = search.filters.get
    if search.target == "quotes":
        return queries.quotes(
            store,
            about=f("about"),
            speaker=f("speaker"),
            country=f("country"),
            kind=f("kind"),
            limit=limit,
        )
    return queries.events(
        store, source=f("source"), target=f("target"), code=f("code"), limit=limit
    )


def _search(row: Any) -> SavedSearch:
    return SavedSearch(row["name"], row["target"], json.loads(row["filters"]), row["created_at"])
