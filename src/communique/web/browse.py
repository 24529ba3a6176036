"""What a page shows around a listing: the range and total ("21-40 of 67"), numbered page
links, column headers that sort, and facets whose values add a filter.

Every link keeps the request's other query fields, so paging or sorting never drops a filter.
Sorting is by name from a fixed list (``store.queries.ACTOR_SORTS``, ``EVENT_SORTS``): a
header link sets ``sort`` to its column and ``order`` to ``asc`` or ``desc``; a new order
starts again at the first page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import urlencode

from starlette.datastructures import QueryParams

from ..store.facets import FACET_VALUES
from .params import Filters

PAGE_SIZE = 20
"""Rows per page."""
WINDOW = 2
"""Numbered page links on each side of the current page (first and last always shown)."""

Column = TypeVar("Column", bound=str)


def _link(query: QueryParams, prefix: str = "", **changes: str | None) -> str:
    """``?`` and the query with ``changes`` applied (``None`` removes a field)."""
    pairs = [
        (k, v) for k, v in query.multi_items() if k not in changes and v != "" and k != "offset"
    ]
    pairs += [(k, v) for k, v in changes.items() if v]
    return prefix + "?" + urlencode(pairs) if pairs else prefix + "?"


@dataclass
class PageLink:
    number: int
    href: str | None
    """``None`` for the current page and for a gap (``number`` 0: "…")."""
    current: bool = False


@dataclass
class Pagination:
    """The position of one page in a listing of ``total`` rows."""

    offset: int
    size: int
    total: int
    shown: int
    prev: str | None = None
    next: str | None = None
    pages: list[PageLink] = field(default_factory=list)

    @property
    def first(self) -> int:
        """The number of the first row shown (1-based); 0 when none is."""
        return self.offset + 1 if self.shown else 0

    @property
    def last(self) -> int:
        return self.offset + self.shown

    @property
    def summary(self) -> str:
        """``1–20 of 67``, ``1 of 1``, ``none of 0``."""
        if not self.shown:
            return f"none of {self.total:,}"
        if self.shown == 1:
            return f"{self.first:,} of {self.total:,}"
        return f"{self.first:,}–{self.last:,} of {self.total:,}"


def paginate(
    query: QueryParams, offset: int, shown: int, total: int, size: int = PAGE_SIZE
) -> Pagination:
    """Links to the previous, next and numbered pages of a listing of ``total`` rows whose
    page at ``offset`` shows ``shown`` rows."""

    def at(o: int) -> str:
        return _link(query, offset=str(o) if o else None)

    pages_count = max(1, -(-total // size))
    current = offset // size + 1
    wanted = {1, pages_count, *range(current - WINDOW, current + WINDOW + 1)}
    pages: list[PageLink] = []
    for number in sorted(n for n in wanted if 1 <= n <= pages_count):
        if pages and number > pages[-1].number + 1 and pages[-1].number:
            pages.append(PageLink(0, None))
        here = number == current and offset % size == 0
        pages.append(PageLink(number, None if here else at((number - 1) * size), here))
    return Pagination(
        offset=offset,
        size=size,
        total=total,
        shown=shown,
        prev=at(max(0, offset - size)) if offset > 0 else None,
        next=at(offset + size) if offset + shown < total else None,
        pages=pages if pages_count > 1 else [],
    )


@dataclass
class Header:
    """A column header: its label, and the link that sorts by it (``None``: not sortable)."""

    label: str
    href: str | None = None
    sorted: str | None = None
    """``asc`` or ``desc`` when the listing is sorted by this column."""
    numeric: bool = False


ORDERS = ("asc", "desc")


def sorting(
    f: Filters,
    query: QueryParams,
    columns: list[tuple[str, Column | None, bool]],
    allowed: tuple[Column, ...],
    default: Column,
    numeric_first_desc: bool = True,
) -> tuple[Column, bool, list[Header]]:
    """The sort asked for in ``f`` (fields ``sort`` and ``order``; a wrong value is a problem
    on the page and the default applies) and the headers of ``columns``: (label, sort name or
    ``None``, numeric). A numeric column sorts largest first on the first click."""
    column = f.choice("sort", allowed) or default
    order = f.choice("order", ORDERS)
    numeric = {name: num for _, name, num in columns if name}
    descending = order == "desc" if order else numeric.get(column, False) or column == "date"
    headers = []
    for label, name, num in columns:
        if name is None:
            headers.append(Header(label, numeric=num))
            continue
        if name == column:
            flip = "asc" if descending else "desc"
            headers.append(
                Header(
                    label, _link(query, sort=name, order=flip), "desc" if descending else "asc", num
                )
            )
        else:
            first = "desc" if (num and numeric_first_desc) or name == "date" else "asc"
            headers.append(Header(label, _link(query, sort=name, order=first), None, num))
    return column, descending, headers


# --- facets ----------------------------------------------------------------------------------
FACET_TITLES: dict[str, tuple[str, str]] = {
    "outlet": ("Outlet", "no outlet"),
    "speaker": ("Speaker", "unattributed"),
    "country": ("Country", "no country"),
    "kind": ("Kind", "no kind"),
    "topic": ("Topic", "no topic"),
    "month": ("Month", "undated"),
}
"""Each facet's title and what its rows without a value are called."""


@dataclass
class FacetLink:
    label: str
    count: int
    href: str
    """Adds the filter (or, for the value in force, removes it)."""
    current: bool = False


@dataclass
class FacetView:
    """One facet as a page shows it: links that add its filter, largest counts first."""

    name: str
    title: str
    links: list[FacetLink]
    missing: int
    missing_label: str
    more: int


def facet_views(
    query: QueryParams, facets: list[dict[str, Any]], shown: int = FACET_VALUES
) -> list[FacetView]:
    """The facets of ``store.facets`` as links on the page of ``query``, at most ``shown``
    values each: a value sets the field of the facet's name and goes back to the first page;
    the value in force links to the page without it. A facet without values is left out."""
    out = []
    for facet in facets:
        name = facet["name"]
        chosen = query.get(name, "")
        values = facet["values"][:shown]
        links = [
            FacetLink(
                str(v["value"]),
                int(v["count"]),
                _link(query, "", **{name: None if str(v["value"]) == chosen else str(v["value"])}),
                str(v["value"]) == chosen,
            )
            for v in values
        ]
        if not links and not facet["missing"]:
            continue
        title, missing_label = FACET_TITLES.get(name, (name.capitalize(), "none"))
        out.append(
            FacetView(
                name,
                title,
                links,
                int(facet["missing"]),
                missing_label,
                int(facet["more"]) + len(facet["values"]) - len(values),
            )
        )
    return out
