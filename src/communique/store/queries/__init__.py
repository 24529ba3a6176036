"""Read queries over the store, shared by the CLI, the HTTP API and the web pages.

Every function takes a ``Store`` and returns plain dicts (JSON-ready). Listings take ``limit``
and ``offset``. All SQL is parameterised; text searches use FTS5 with the user's words quoted,
so search input is never interpreted as query syntax.

Callers import from here; the modules behind it, one per concept:

- ``_sql``: paging, ordering, counting, FTS5 words, row ids, and ``article_filter`` (the
  outlet, topic and month of an article, which quotes, articles and actors filter by);
- ``_per_story``: syndicated copies counted once per story (``STORY_COUNTING``);
- ``_quotes``, ``_events``, ``_actors``, ``_articles``: each listing with its filters
  (``QuoteFilters``, ``EventFilters``, ``ActorFilters``, ``DocumentFilters``), its rows and its
  ``count_*`` twin; ``_actors`` also finds one actor and ``_articles`` one article's record;
- ``_stats``: the store in numbers.
"""

from ._actors import (
    ACTOR_SORTS,
    ActorFilters,
    ActorSort,
    actor,
    actor_filter,
    actors,
    count_actors,
    find_actor,
    same_actor,
)
from ._articles import (
    SNIPPET_CLOSE,
    SNIPPET_OPEN,
    DocumentFilters,
    all_document_ids,
    count_documents,
    document_rows,
    documents,
    show,
)
from ._events import EVENT_SORTS, EventFilters, EventSort, count_events, events, pair_clause
from ._per_story import (
    EVENT_COPY_KEY,
    QUOTE_COPY_KEY,
    STORY_COUNTING,
    has_stories,
    once_per_story,
    story_ids,
    story_key,
)
from ._quotes import (
    QUOTE_TABLES,
    SPEAKER_SHOWN,
    QuoteFilters,
    count_quotes,
    quote_filter,
    quotes,
)
from ._sql import (
    SQLITE_MAX_INT,
    FacetSql,
    article_filter,
    clamp_limit,
    date_range,
    fts_query,
    row_id,
)
from ._stats import stats

__all__ = [
    "ACTOR_SORTS",
    "EVENT_COPY_KEY",
    "EVENT_SORTS",
    "QUOTE_COPY_KEY",
    "QUOTE_TABLES",
    "SNIPPET_CLOSE",
    "SNIPPET_OPEN",
    "SPEAKER_SHOWN",
    "SQLITE_MAX_INT",
    "STORY_COUNTING",
    "ActorFilters",
    "ActorSort",
    "DocumentFilters",
    "EventFilters",
    "EventSort",
    "FacetSql",
    "QuoteFilters",
    "actor",
    "actor_filter",
    "actors",
    "all_document_ids",
    "article_filter",
    "clamp_limit",
    "count_actors",
    "count_documents",
    "count_events",
    "count_quotes",
    "document_rows",
    "documents",
    "events",
    "find_actor",
    "fts_query",
    "has_stories",
    "once_per_story",
    "pair_clause",
    "date_range",
    "quote_filter",
    "quotes",
    "row_id",
    "same_actor",
    "show",
    "stats",
    "story_ids",
    "story_key",
]
