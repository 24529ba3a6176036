"""The store in numbers: row counts, top speakers, skip reasons and event roots."""

from __future__ import annotations

from typing import Any

from ..db import Store
from ..stories import count as story_count
from ._quotes import SPEAKER_SHOWN


def stats(store: Store) -> dict[str, Any]:
    """Row counts, top speakers and skip reasons."""
    out: dict[str, Any] = dict(store.counts())
    out["stories"] = story_count(store.conn)
    out["top_speakers"] = [
        dict(r)
        for r in store.query(
            f"SELECT {SPEAKER_SHOWN} AS speaker, COUNT(*) AS quotes FROM quotes q"
            " LEFT JOIN actors a ON a.id = q.actor_id WHERE q.speaker IS NOT NULL"
            " GROUP BY 1 ORDER BY quotes DESC, speaker LIMIT 10"
        )
    ]
    out["skip_reasons"] = [
        dict(r)
        for r in store.query(
            "SELECT reason, COUNT(*) AS n FROM skips GROUP BY reason ORDER BY n DESC LIMIT 10"
        )
    ]
    out["event_roots"] = [
        dict(r)
        for r in store.query(
            "SELECT root, COUNT(*) AS n FROM events GROUP BY root ORDER BY n DESC LIMIT 10"
        )
    ]
    return out
