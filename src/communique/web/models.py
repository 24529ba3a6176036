"""Pydantic models of the JSON API, so the OpenAPI schema documents the responses.

Row models allow extra fields: the store may grow columns, and the API passes them on.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class Row(BaseModel):
    model_config = ConfigDict(extra="allow")


class QuoteRow(Row):
    id: int
    doc_id: str
    start: int
    end: int
    fragments: list[list[int]]
    text: str
    kind: str = Field(description="direct, mixed or indirect")
    speaker: str | None = None
    actor_id: int | None = None
    cue: str | None = None
    published: str | None = None
    country: str | None = None
    role: str | None = None
    code: str | None = None
    title: str | None = None


class ActorRow(Row):
    id: int
    name: str
    kind: str
    country: str | None = None
    role: str | None = None
    code: str | None = None
    articles: int = 0
    quotes: int = 0
    events: int = 0


class EventRow(Row):
    id: int
    doc_id: str
    source: str | None = None
    target: str | None = None
    source_actor_id: int | None = None
    target_actor_id: int | None = None
    source_name: str | None = None
    target_name: str | None = None
    code: str
    name: str | None = None
    plover: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    date: str | None = None
    start: int
    end: int
    text: str | None = None


class DocumentRow(Row):
    id: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    snippet: str | None = Field(None, description="matching passage, when searching")
    quotes: int = 0
    events: int = 0


class Page(BaseModel, Generic[T]):
    """One page of a listing. Ask for the next with ``offset=next_offset``."""

    items: list[T]
    limit: int = Field(description="page size in force (requests above the cap are capped)")
    offset: int
    next_offset: int | None = Field(description="offset of the next page, null on the last")


class ActorDetail(Row):
    id: int
    name: str
    kind: str
    country: str | None = None
    role: str | None = None
    code: str | None = None
    aliases: list[str]
    roles: list[dict[str, Any]] = Field(description="roles over time: role, country, code, first, last, articles")
    articles: int
    quote_count: int
    event_count: int
    quotes: list[QuoteRow]
    events: list[EventRow]
    co_actors: list[dict[str, Any]] = Field(description="actors seen in the same articles, most frequent first")


class PeriodRow(BaseModel):
    period: str
    events: int
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    mean_goldstein: float | None


class Dyad(BaseModel):
    a: str
    b: str
    by: str
    series: list[PeriodRow] = Field(description="every period from the first to the last event")
    events: Page[EventRow]


class ArticleIn(BaseModel):
    """A document to ingest: the fields of a JSON Lines input line."""

    model_config = ConfigDict(extra="ignore")
    id: str | None = Field(None, description="your id; a content hash when absent")
    text: str | None = None
    html: str | None = None
    title: str | None = None
    date: str | None = None
    published: str | None = None
    url: str | None = Field(None, description="metadata only, never fetched")
    outlet: str | None = None


class IngestResult(BaseModel):
    id: str
    status: str = Field(description="added, replaced, unchanged or skipped")
    skipped: str | None = None
    actors: int
    quotes: int
    events: int
    url: str | None = Field(description="the article page, when stored")


class Network(BaseModel):
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]
