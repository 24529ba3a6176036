"""Counting once per story: the subquery that keeps one copy of a quote or an event among the
syndicated articles of a story (``STORY_COUNTING``)."""

from __future__ import annotations

from ..db import Store

STORY_COUNTING = """\
Syndicated copies of one story (``store.stories``) carry the same quotes and events; listings,
dyads and charts count each once per story. Within a story, quotes are copies when their text
is the same (ignoring case); events are copies when they have the same source, target, CAMEO
code and date, GDELT's identity of an event. An article not grouped into a story is a story of
its own."""

QUOTE_COPY_KEY = "lower(q.text)"
"""The expression by which two quotes of one story are one quote (see ``STORY_COUNTING``)."""
EVENT_COPY_KEY = "e.source, e.target, e.code, e.date"
"""The columns by which two events of one story are one event (see ``STORY_COUNTING``)."""


def has_stories(store: Store) -> bool:
    """Whether the store has the stories table (a store opened read-only before version 6
    has not: each article is then its own story)."""
    return bool(
        store.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'story_members'")
    )


def story_key(store: Store, alias: str) -> tuple[str, str]:
    """The join (alias ``m``) and the expression giving the story of the row ``alias`` (its
    ``doc_id``'s story; an article grouped into none is a story of its own)."""
    if has_stories(store):
        return (
            f" LEFT JOIN story_members m ON m.doc_id = {alias}.doc_id",
            f"COALESCE(m.story_id, {alias}.doc_id)",
        )
    return "", f"{alias}.doc_id"


def once_per_story(
    store: Store,
    columns: str,
    joins: str,
    where: list[str],
    *,
    alias: str,
    copy_key: str,
    first: str,
    per_article: bool,
) -> str:
    """A subquery of the rows ``where`` keeps, one per story and ``copy_key``: the ``first``
    in that order, with ``reports`` the number of copies among the kept rows (filters apply
    before copies are counted). ``per_article``: every row, ``reports`` 1."""
    condition = " WHERE " + " AND ".join(where) if where else ""
    if per_article:
        return f"SELECT {columns}, 1 AS reports{joins}{condition}"
    story_join, story = story_key(store, alias)
    joins += story_join
    return (
        f"SELECT * FROM (SELECT {columns}, COUNT(*) OVER copies AS reports,"
        f" ROW_NUMBER() OVER (copies ORDER BY {first}) AS nth{joins}{condition}"
        f" WINDOW copies AS (PARTITION BY {story}, {copy_key})) WHERE nth = 1"
    )


def story_ids(store: Store) -> dict[str, str]:
    """Each grouped article's story id (an article left out is a story of its own)."""
    if not has_stories(store):
        return {}
    return {r[0]: r[1] for r in store.query("SELECT doc_id, story_id FROM story_members")}
