"""Events between two sides over time, as GDELT's dyad views show them: counts per quad class
and mean Goldstein score per day, ISO week, month or year, each event once per story
(``queries.STORY_COUNTING``) unless ``per_article``. Undated events are counted apart
(``dyad_undated``): a series never places them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..records import PERIODS, QUAD_CLASS_KEYS, Period
from .db import Store
from .queries import EVENT_COPY_KEY, date_range, once_per_story, pair_clause

_PERIOD_SQL: dict[Period, str] = {
    "day": "substr(e.date, 1, 10)",
    "week": "date(e.date, 'weekday 0', '-6 days')",
    "month": "substr(e.date, 1, 7)",
    "year": "substr(e.date, 1, 4)",
}
"""How each period of ``records.PERIODS`` groups event dates (a week by its Monday, labelled
as an ISO week, ``2023-W52``, by ``week_label``)."""


def week_label(day: str | dt.date) -> str:
    """The ISO 8601 week of ``day`` (``2023-W52`` for Sunday 1 January 2023)."""
    date = dt.date.fromisoformat(day) if isinstance(day, str) else day
    year, week, _ = date.isocalendar()
    return f"{year}-W{week:02d}"


def _event_rows(store: Store, where: list[str], per_article: bool) -> str:
    """A FROM-clause source of the events ``where`` keeps (as ``e``), one per story and
    ``EVENT_COPY_KEY`` unless ``per_article`` (see ``STORY_COUNTING``)."""
    rows = once_per_story(
        store,
        "e.*",
        " FROM events e",
        where,
        alias="e",
        copy_key=EVENT_COPY_KEY,
        first="e.date IS NULL, e.doc_id, e.start",
        per_article=per_article,
    )
    return f"({rows}) e"


def dyad(
    store: Store,
    a: str,
    b: str,
    *,
    by: Period = "month",
    both_ways: bool = True,
    since: str | None = None,
    until: str | None = None,
    per_article: bool = False,
) -> list[dict[str, Any]]:
    """Events between two countries (or actor-code prefixes) per period, within an optional
    date range: counts per quad class and mean Goldstein score, as in GDELT's dyad views, and
    the first and last event date of the period. ``by`` is day, week, month or year. Each
    event counts once per story (``STORY_COUNTING``) unless ``per_article``."""
    period = _PERIOD_SQL.get(by)
    if period is None:
        raise ValueError(f"by must be one of {', '.join(PERIODS)}, not {by!r}")
    pair, params = pair_clause(a, b, both_ways)
    where = ["e.date IS NOT NULL", pair]
    dated, dated_params = date_range("e.date", since, until)
    where += dated
    params += dated_params
    sql = (
        f"SELECT {period} AS period, COUNT(*) AS events,"
        + "".join(f" SUM(e.quad_class = {q}) AS {key}," for q, key in QUAD_CLASS_KEYS.items())
        + " ROUND(AVG(e.goldstein), 2) AS mean_goldstein,"
        " MIN(e.date) AS first_date, MAX(e.date) AS last_date"
        f" FROM {_event_rows(store, where, per_article)} GROUP BY period ORDER BY period"
    )
    rows = [dict(r) for r in store.query(sql, params)]
    if by == "week":
        for r in rows:
            r["period"] = week_label(r["period"])
    return rows


def dyad_undated(
    store: Store, a: str, b: str, *, both_ways: bool = True, per_article: bool = False
) -> int:
    """Events between ``a`` and ``b`` that have no date, which ``dyad`` leaves out (counted
    as ``dyad`` counts)."""
    pair, params = pair_clause(a, b, both_ways)
    where = ["e.date IS NULL", pair]
    sql = f"SELECT COUNT(*) FROM {_event_rows(store, where, per_article)}"
    return int(store.query(sql, params)[0][0])
