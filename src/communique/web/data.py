"""Read queries the web pages need beyond ``store.queries``, built on ``Store.query``
(the network has its own module, ``web.network``).

Like ``store.queries``, every function takes a ``Store``, returns plain JSON-ready values and
uses parameterised SQL only; text searches go through ``queries.fts_query``, so what a user
types is never read as FTS5 syntax.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from ..records import QUAD_CLASS_KEYS, Period
from ..store import dyads
from ..store.db import Store


def countries(store: Store) -> list[str]:
    """ISO codes of the countries actors are affiliated with, for filter menus."""
    return [
        r[0]
        for r in store.query(
            "SELECT DISTINCT country FROM actors WHERE country IS NOT NULL ORDER BY country"
        )
    ]


@lru_cache(maxsize=4)
def event_threshold(knowledge_dir: str) -> float:
    """The default confidence threshold of events (``knowledge/confidence.json``), as the
    CLI's listings apply it."""
    from ..confidence import default_threshold

    return default_threshold("event", knowledge_dir)


def doc_actor_ids(store: Store, doc_id: str) -> dict[str, int]:
    """Article-local actor id -> cross-article actor id, for one document."""
    return {
        r[0]: int(r[1])
        for r in store.query(
            "SELECT local_id, actor_id FROM doc_actors WHERE doc_id = ?", (doc_id,)
        )
    }


def period_label(day: dt.date, by: Period) -> str:
    """The label ``dyads.dyad`` gives the period containing ``day``."""
    if by == "week":
        return dyads.week_label(day)
    return day.isoformat()[: {"day": 10, "month": 7, "year": 4}[by]]


def _parse_day(value: str | None) -> dt.date | None:
    if not value:
        return None
    text = value[:10]
    text += "-01-01"[len(text) - 4 :] if len(text) < 10 else ""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def dyad_series(
    store: Store,
    a: str,
    b: str,
    *,
    by: Period = "month",
    since: str | None = None,
    until: str | None = None,
    max_periods: int = 400,
    per_article: bool = False,
) -> list[dict[str, Any]]:
    """``dyads.dyad`` with empty periods filled in (zero counts, ``mean_goldstein`` None)
    so the series is a regular time axis; of a longer series, the latest ``max_periods``."""
    found = dyads.dyad(store, a, b, by=by, since=since, until=until, per_article=per_article)
    if not found:
        return []
    rows = {r["period"]: r for r in found}
    first, last = _parse_day(found[0]["first_date"]), _parse_day(found[-1]["last_date"])
    if first is None or last is None:
        return []
    labels: list[str] = []
    day = last
    while day >= first:  # from the latest period back: a long series keeps its recent end
        label = period_label(day, by)
        if not labels or labels[-1] != label:
            if len(labels) == max_periods:
                break
            labels.append(label)
        day -= dt.timedelta(days=1)
    labels.reverse()
    empty: dict[str, Any] = {
        "events": 0,
        **dict.fromkeys(QUAD_CLASS_KEYS.values(), 0),
        "mean_goldstein": None,
    }
    out = []
    for label in labels:
        row = rows.get(label)
        out.append({"period": label, **({k: row[k] for k in empty} if row else empty)})
    return out


MAX_MONTHS = 240
"""Months a timeline draws at most: of a longer one, the latest (``month_series`` says how
many it left out)."""


def _next_month(month: str) -> str:
    year, number = int(month[:4]), int(month[5:7])
    return f"{year + number // 12:04d}-{number % 12 + 1:02d}"


def month_series(
    columns: dict[str, list[dict[str, Any]]], *, max_months: int = MAX_MONTHS
) -> tuple[list[dict[str, Any]], int]:
    """Month facets (``store.facets``, values ``YYYY-MM`` with ``count`` and maybe ``tone``)
    as one series with every month from the first to the last: per month a column of each
    facet's counts (0 when it has none there), and ``tone``, the mean tone of the facet that
    has one (``None`` where no article is). Of more than ``max_months`` months, the latest;
    also answers how many months were left out."""
    rows: dict[str, dict[str, Any]] = {}
    for column, values in columns.items():
        for v in values:
            month = str(v["value"])
            if len(month) != 7 or month[4] != "-" or not month[5:7].isdigit():
                continue  # not a month (a date the store kept as written): left to "undated"
            row = rows.setdefault(month, {"period": month, "tone": None})
            row[column] = int(v["count"])
            if v.get("tone") is not None:
                row["tone"] = v["tone"]
    if not rows:
        return [], 0
    months = [min(rows)]
    while months[-1] < max(rows):
        months.append(_next_month(months[-1]))
    left_out = max(0, len(months) - max_months)
    empty = dict.fromkeys(columns, 0)
    return [{"period": m, **empty, **rows.get(m, {"tone": None})} for m in months[left_out:]], (
        left_out
    )
