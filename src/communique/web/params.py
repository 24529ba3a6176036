"""Request parameters: the one place their rules are written, for the API and the pages alike.

The allowed values come from ``communique.records`` (``QUOTE_KINDS``, ``ACTOR_KINDS``,
``PERIODS``), the formats from the patterns below. The two shells apply them differently:

- the JSON API declares typed parameters (``Limit``, ``Since``, ``Country``, ...; choices as
  the ``Literal`` types of ``records``), which FastAPI checks, answering 422, and documents in
  the OpenAPI schema. A listing's filters are one query model (``QuoteQuery``, ``ArticleQuery``,
  ``ActorQuery``, ``EventQuery``, ``ExportQuery``), declared once for the endpoints that share
  them and read as ``Annotated[Model, Query()]``; its ``filters()`` is the store's
  ``TypedDict`` of the same filters (``queries.QuoteFilters``, ...), the query names (``q``)
  mapped onto the store's (``about``, ``query``);
- the HTML pages read form fields through ``Filters``, which cleans them with the same
  patterns and choices and collects readable problems for the page to show instead of failing.

Whole numbers (``limit``, ``offset``, ids) are read strictly on both sides by ``whole_number``:
ASCII digits ``0-9`` only (Python's ``int`` would take ``"²"``, ``"٣"``, ``" 5"``, ``"5_000"``
and ``"+5"``), at most ``MAX_DIGITS`` of them, within a documented range that never leaves
SQLite's 64-bit integers (``SQLITE_MAX_INT``). The API answers 422 for anything else; a page
answers 400 with the problem (``offset`` comes from the page's own links, so a bad one is not a
form field to ignore).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Annotated, TypeVar

from annotated_types import Interval
from fastapi import Path, Query, Request
from fastapi.exceptions import RequestValidationError
from pydantic import AfterValidator, BaseModel, BeforeValidator
from pydantic_core import PydanticCustomError
from starlette.datastructures import QueryParams

from ..export import Filters as ExportFilters
from ..records import MAX_LIMIT, ActorKind, Period, QuoteKind
from ..store.facets import FACET_VALUES
from ..store.queries import (
    SQLITE_MAX_INT,
    ActorFilters,
    DocumentFilters,
    EventFilters,
    QuoteFilters,
)

DATE_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
"""A date or a prefix of one: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
MONTH_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])$"
"""A month: ``YYYY-MM``."""
CODE_PATTERN = r"^[A-Za-z0-9]{1,20}$"
"""A country or actor-code prefix (``RUS``, ``USAGOV``)."""
COUNTRY_PATTERN = r"^[A-Za-z]{3}$"
"""An ISO 3166 alpha-3 country code."""
CAMEO_PATTERN = r"^[0-9]{1,4}$"
"""A CAMEO event-code prefix. (Patterns spell ``[0-9]``: ``\\d`` would match "٣".)"""


def _on_calendar(value: str) -> bool:
    """Whether ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` names a real year, month or day."""
    padded = value + "-01-01"[len(value) - 4 :] if len(value) < 10 else value
    try:
        dt.date.fromisoformat(padded)
    except ValueError:
        return False
    return True


def calendar_date(value: str | None) -> str | None:
    """``value`` (already ``DATE_PATTERN``) if it names a real year, month or day (not
    2023-13, not 2023-02-30), else ``PydanticCustomError`` (a 422), as the pages refuse it."""
    if value is not None and not _on_calendar(value):
        raise PydanticCustomError(
            "calendar_date", "{value} is not a date on the calendar", {"value": value}
        )
    return value


MAX_OFFSET = 10_000_000
"""Largest ``offset`` a listing accepts."""
MAX_DIGITS = len(str(SQLITE_MAX_INT))
"""Most digits in a whole-number parameter (19: SQLite's integers are 64-bit)."""
MAX_NODES = 200
"""Most nodes the network answers."""
MAX_WORDS = 500
"""Longest search text (the pages cut every form field to this length)."""
MAX_NAME = 200
"""Longest speaker or actor name to look for."""
MAX_ACTOR_REF = 300
"""Longest actor reference (an id, a name or an alias) in a path."""
MAX_DOC_ID = 1000
"""Longest article id."""

_DATE = re.compile(DATE_PATTERN)
_MONTH = re.compile(MONTH_PATTERN)
_CODE = re.compile(CODE_PATTERN)


# --- whole numbers: one reading for the API and the pages -------------------------------------
def _digits(value: str) -> int:
    """``value`` as an ``int`` if it is 1 to ``MAX_DIGITS`` ASCII digits, else
    ``PydanticCustomError``."""
    if not (value.isascii() and value.isdigit() and len(value) <= MAX_DIGITS):
        raise PydanticCustomError(
            "whole_number",
            "Input should be a whole number written with 1 to {max_digits} ASCII digits 0-9",
            {"max_digits": MAX_DIGITS},
        )
    return int(value)


def ascii_digits(value: object) -> object:
    """A pydantic "before" validator: strings are read by ``_digits``; other values are passed
    on for pydantic to judge. The range is left to ``Query(ge=..., le=...)``, which documents
    it in the OpenAPI schema."""
    return _digits(value) if isinstance(value, str) else value


def whole_number(name: str, raw: str, low: int, high: int) -> int:
    """The query field ``name`` read by ``_digits`` and checked against ``low``..``high``;
    otherwise ``RequestValidationError`` (a 400 page, a 422 under ``/api``)."""
    try:
        number = _digits(raw)
    except PydanticCustomError as e:
        message = e.message()
    else:
        if low <= number <= high:
            return number
        message = f"Input should be between {low:,} and {high:,}"
    raise RequestValidationError(
        [{"type": "whole_number", "loc": ("query", name), "msg": message, "input": raw[:40]}]
    )


Digits = BeforeValidator(ascii_digits)
"""The strict reading of a whole-number parameter (ASCII digits only)."""

# --- the JSON API: typed parameters FastAPI validates ----------------------------------------
# Whole numbers: the range stays on the ``int`` (``Interval``), under ``Digits``, so that the
# schema shows it as ``minimum`` and ``maximum``.
Limit = Annotated[
    int,
    Interval(ge=1, le=SQLITE_MAX_INT),
    Digits,
    Query(description=f"page size, capped at {MAX_LIMIT}"),
]
Offset = Annotated[int, Interval(ge=0, le=MAX_OFFSET), Digits, Query(description="items to skip")]
DetailLimit = Annotated[
    int,
    Interval(ge=1, le=MAX_LIMIT),
    Digits,
    Query(description="most quotes and events listed"),
]
MaxNodes = Annotated[
    int, Interval(ge=1, le=MAX_NODES), Digits, Query(description="most actors shown")
]
MinWeight = Annotated[
    int,
    Interval(ge=1, le=1_000_000),
    Digits,
    Query(description="lightest link kept: events, quotes or shared articles"),
]
RowId = Annotated[
    Annotated[int, Interval(ge=0, le=SQLITE_MAX_INT)] | None,
    Digits,
    Query(description="an actor's id (64-bit)"),
]
MinConfidence = Annotated[
    float | None,
    Query(
        ge=0.0,
        le=1.0,
        allow_inf_nan=False,
        description="keep items whose confidence is at least this (0-1); those without one stay",
    ),
]
PerArticle = Annotated[
    bool,
    Query(description="count every article's copy of a syndicated story (default: once per story)"),
]
Since = Annotated[
    str | None,
    Query(pattern=DATE_PATTERN, description="first date, YYYY[-MM[-DD]]"),
    AfterValidator(calendar_date),
]
Until = Annotated[
    str | None,
    Query(pattern=DATE_PATTERN, description="last date, YYYY[-MM[-DD]]"),
    AfterValidator(calendar_date),
]
Country = Annotated[str | None, Query(pattern=COUNTRY_PATTERN, description="ISO 3166 alpha-3")]
Month = Annotated[
    str | None, Query(pattern=MONTH_PATTERN, description="the article's month, YYYY-MM")
]
Outlet = Annotated[str | None, Query(max_length=MAX_NAME, description="the article's outlet")]
Topic = Annotated[str | None, Query(max_length=MAX_NAME, description="one of the article's topics")]
Words = Annotated[
    str | None, Query(max_length=MAX_WORDS, description="words, all required (full-text)")
]
Name = Annotated[str | None, Query(max_length=MAX_NAME)]
DocId = Annotated[str | None, Query(max_length=MAX_DOC_ID)]
CodePrefix = Annotated[
    str | None, Query(pattern=CODE_PATTERN, description="country or actor-code prefix")
]
CameoPrefix = Annotated[str | None, Query(pattern=CAMEO_PATTERN, description="CAMEO code prefix")]
CodeInPath = Annotated[str, Path(pattern=CODE_PATTERN)]
ActorRef = Annotated[str, Path(max_length=MAX_ACTOR_REF)]


# --- the JSON API's query models: each set of filters declared once ---------------------------
# FastAPI reads one model per endpoint from the query string (``Annotated[Model, Query()]``),
# field by field, so the schema lists the fields as parameters. A model's fields come after those
# of its bases: ``class QuoteListing(Paging, QuoteQuery)`` lists the filters, then the paging.
class Paging(BaseModel):
    """A listing's page: ``limit`` (capped at ``MAX_LIMIT``) and ``offset``."""

    limit: Limit = 50
    offset: Offset = 0


class FacetValues(BaseModel):
    """How many values each facet shows, the largest counts first."""

    limit: Annotated[
        int, Interval(ge=1, le=MAX_LIMIT), Digits, Query(description="values shown per facet")
    ] = FACET_VALUES


class QuoteQuery(BaseModel):
    """The filters of ``/api/quotes`` and ``/api/facets/quotes``."""

    q: Words = None
    speaker: Name = None
    country: Country = None
    kind: QuoteKind | None = None
    since: Since = None
    until: Until = None
    actor_id: RowId = None
    doc_id: DocId = None
    min_confidence: MinConfidence = None
    outlet: Outlet = None
    topic: Topic = None
    month: Month = None
    per_article: PerArticle = False

    def filters(self) -> QuoteFilters:
        return QuoteFilters(
            about=self.q,
            speaker=self.speaker,
            country=self.country,
            kind=self.kind,
            since=self.since,
            until=self.until,
            actor_id=self.actor_id,
            doc_id=self.doc_id,
            min_confidence=self.min_confidence,
            outlet=self.outlet,
            topic=self.topic,
            month=self.month,
        )


class QuoteListing(Paging, QuoteQuery):
    """``/api/quotes``: the quote filters and a page."""


class QuoteFacetQuery(FacetValues, QuoteQuery):
    """``/api/facets/quotes``: the quote filters and the values per facet."""


class ArticleQuery(BaseModel):
    """The filters of ``/api/articles`` and ``/api/facets/articles``."""

    q: Words = None
    since: Since = None
    until: Until = None
    outlet: Outlet = None
    topic: Topic = None
    month: Month = None
    actor_id: RowId = None

    def filters(self) -> DocumentFilters:
        return DocumentFilters(
            about=self.q,
            since=self.since,
            until=self.until,
            outlet=self.outlet,
            topic=self.topic,
            month=self.month,
            actor_id=self.actor_id,
        )


class ArticleListing(Paging, ArticleQuery):
    """``/api/articles``: the article filters and a page."""


class ArticleFacetQuery(FacetValues, ArticleQuery):
    """``/api/facets/articles``: the article filters and the values per facet."""


class ActorQuery(BaseModel):
    """The filters of ``/api/actors`` and ``/api/facets/actors``: ``q`` matches names and
    aliases; named actors only unless ``descriptions``, as the actors page lists them."""

    q: Name = None
    country: Country = None
    kind: ActorKind | None = None
    outlet: Outlet = None
    topic: Topic = None
    month: Month = None
    descriptions: Annotated[
        bool, Query(description='descriptions ("officials") too, as /actors shows them')
    ] = False

    def filters(self) -> ActorFilters:
        return ActorFilters(
            query=self.q,
            country=self.country,
            kind=self.kind,
            outlet=self.outlet,
            topic=self.topic,
            month=self.month,
            named=None if self.descriptions else True,
        )


class ActorListing(Paging, ActorQuery):
    """``/api/actors``: the actor filters and a page."""


class ActorFacetQuery(FacetValues, ActorQuery):
    """``/api/facets/actors``: its actor filters and the values per facet."""


class EventQuery(BaseModel):
    """The filters of ``/api/events``."""

    source: CodePrefix = None
    target: CodePrefix = None
    code: CameoPrefix = None
    since: Since = None
    until: Until = None
    actor_id: RowId = None
    doc_id: DocId = None
    min_confidence: MinConfidence = None
    per_article: PerArticle = False

    def filters(self) -> EventFilters:
        return EventFilters(
            source=self.source,
            target=self.target,
            code=self.code,
            since=self.since,
            until=self.until,
            actor_id=self.actor_id,
            doc_id=self.doc_id,
            min_confidence=self.min_confidence,
        )


class EventListing(Paging, EventQuery):
    """``/api/events``: the event filters and a page."""


class DyadSeries(BaseModel):
    """The series of ``/api/dyads/{a}/{b}``: its period and dates, each event once per story
    unless ``per_article``."""

    by: Period = "month"
    since: Since = None
    until: Until = None
    per_article: PerArticle = False


class DyadQuery(Paging, DyadSeries):
    """``/api/dyads/{a}/{b}``: the series and a page of its events."""


class ExportQuery(BaseModel):
    """The filters of ``/export.{fmt}``: the fields of ``export.Filters`` (``a`` and ``b`` for
    ``between``) and ``per_article``."""

    about: Words = None
    speaker: Name = None
    kind: QuoteKind | None = None
    country: Country = None
    since: Since = None
    until: Until = None
    outlet: Outlet = None
    topic: Topic = None
    month: Month = None
    actor_id: RowId = None
    source: CodePrefix = None
    target: CodePrefix = None
    code: CameoPrefix = None
    a: CodePrefix = None
    b: CodePrefix = None
    min_confidence: MinConfidence = None
    per_article: PerArticle = False

    def filters(self) -> ExportFilters:
        """The export's filters (the fields of the same names, codes upper-cased);
        ``ValueError`` when only one side of ``between`` is given."""
        if bool(self.a) != bool(self.b):
            raise ValueError("between needs both sides: give a and b")
        given = self.model_dump(exclude={"a", "b", "per_article"})
        if self.country:
            given["country"] = self.country.upper()
        between = (self.a.upper(), self.b.upper()) if self.a and self.b else None
        return ExportFilters(**given, between=between)


# --- the HTML pages: form fields cleaned, problems collected ---------------------------------
Choice = TypeVar("Choice", bound=str)


@dataclass
class Filters:
    """Cleaned form values and the problems found in them.

    Form fields arrive as strings; an empty field is absent. A value that breaks a rule is
    ignored and described in ``problems``.
    """

    values: dict[str, str]
    problems: list[str] = field(default_factory=list)
    query: Mapping[str, str] = field(default_factory=dict)
    """The request's whole query string (for ``offset``)."""

    @classmethod
    def of(cls, request: Request, names: tuple[str, ...]) -> Filters:
        """The fields ``names`` of the request's query string, stripped and cut to length."""
        values = {n: request.query_params.get(n, "").strip()[:MAX_WORDS] for n in names}
        return cls({k: v for k, v in values.items() if v}, query=request.query_params)

    def get(self, name: str) -> str | None:
        return self.values.get(name) or None

    def date(self, name: str) -> str | None:
        """A date like the API's ``since`` and ``until``, and one the calendar has (not
        2005-13-01, not 2023-02-30)."""
        value = self.get(name)
        if value and not (_DATE.fullmatch(value) and _on_calendar(value)):
            self.problems.append(f"{name}: {value!r} is not a date like 2013-08-09 (ignored)")
            return None
        return value

    def month(self, name: str) -> str | None:
        """A month like the API's ``month``: ``YYYY-MM``."""
        value = self.get(name)
        if value and not _MONTH.fullmatch(value):
            self.problems.append(f"{name}: {value!r} is not a month like 2013-08 (ignored)")
            return None
        return value

    def choice(self, name: str, allowed: tuple[Choice, ...]) -> Choice | None:
        """One of ``allowed`` (a tuple of ``records``: ``QUOTE_KINDS``, ``PERIODS``, ...)."""
        value = self.get(name)
        if not value:
            return None
        if value not in allowed:
            self.problems.append(f"{name}: {value!r} is not one of {', '.join(allowed)} (ignored)")
            return None
        return allowed[allowed.index(value)]

    def code(self, name: str) -> str | None:
        """A country or actor-code prefix, upper-cased; a country's name or adjective
        ("Russia", "Russian") is taken as its code."""
        value = self.get(name)
        if value and not (len(value) <= 3 or value.isupper()):
            from ..knowledge.actor_lexicon import country_code

            value = country_code(value) or value
        if value and not _CODE.fullmatch(value):
            self.problems.append(
                f"{name}: {value!r} is not a country or actor code like RUS or USAGOV (ignored)"
            )
            return None
        return value.upper() if value else None

    def cameo(self, name: str) -> str | None:
        """A CAMEO event-code prefix like the API's ``code`` ("14", "173")."""
        value = self.get(name)
        if value and not re.fullmatch(CAMEO_PATTERN, value):
            self.problems.append(f"{name}: {value!r} is not a CAMEO code like 14 or 173 (ignored)")
            return None
        return value

    def many(self, name: str, allowed: tuple[Choice, ...]) -> tuple[Choice, ...]:
        """The values of a repeated field (checkboxes) among ``allowed``, in their order; the
        others are ignored and described in ``problems``."""
        raw = self.query.getlist(name) if isinstance(self.query, QueryParams) else []
        given = [v.strip()[:MAX_WORDS] for v in raw if v.strip()]
        wrong = [v for v in given if v not in allowed]
        if wrong:
            self.problems.append(
                f"{name}: {', '.join(map(repr, wrong))} not one of {', '.join(allowed)} (ignored)"
            )
        if given:
            self.values[name] = ",".join(given)
        return tuple(v for v in allowed if v in given)

    def number(self, name: str, low: int, high: int) -> int | None:
        """A whole number from ``low`` to ``high`` (ASCII digits, as ``whole_number``); anything
        else is ignored and described in ``problems``."""
        value = self.get(name)
        if value is None:
            return None
        if value.isascii() and value.isdigit() and len(value) <= MAX_DIGITS:
            number = int(value)
            if low <= number <= high:
                return number
        self.problems.append(
            f"{name}: {value!r} is not a whole number from {low} to {high:,} (ignored)"
        )
        return None

    def flag(self, name: str) -> bool:
        """A checkbox: on when the field is present and not empty."""
        return self.get(name) is not None

    def offset(self) -> int:
        """The listing offset: 0 when absent or empty, else ASCII digits up to ``MAX_OFFSET``
        (the API's ``Offset``); anything else is ``RequestValidationError``, a 400 page."""
        raw = self.query.get("offset", "")
        return whole_number("offset", raw, 0, MAX_OFFSET) if raw else 0
