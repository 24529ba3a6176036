"""Pydantic models of the JSON API, so the OpenAPI schema documents the responses.

Row models allow extra fields: the store may grow columns, and the API passes them on.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from ..records import QUOTE_KINDS

T = TypeVar("T")

NON_BLANK: dict[str, Any] = {"type": "string", "pattern": "\\S"}
"""The JSON schema of a string holding more than white space."""


class Row(BaseModel):
    model_config = ConfigDict(extra="allow")


class QuoteRow(Row):
    id: int
    doc_id: str
    start: int
    end: int
    fragments: list[list[int]]
    text: str
    kind: str = Field(description=", ".join(QUOTE_KINDS[:-1]) + " or " + QUOTE_KINDS[-1])
    speaker: str | None = None
    actor_id: int | None = None
    cue: str | None = None
    confidence: float | None = Field(None, description="estimated probability it is right")
    published: str | None = None
    country: str | None = None
    role: str | None = None
    code: str | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    reports: int = Field(1, description="copies of it in its story's articles")


class ActorRow(Row):
    id: int
    name: str
    kind: str
    country: str | None = None
    role: str | None = None
    code: str | None = None
    named: bool = Field(True, description="known by a proper name, shared across articles")
    doc_id: str | None = Field(None, description="the one article of a description")
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
    confidence: float | None = Field(None, description="estimated probability it is right")
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    reports: int = Field(1, description="copies of it in its story's articles")


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
    named: bool = Field(True, description="known by a proper name, shared across articles")
    doc_id: str | None = Field(None, description="the one article of a description")
    aliases: list[str]
    roles: list[dict[str, Any]] = Field(
        description="roles over time: role, country, code, first, last, articles"
    )
    articles: int
    quote_count: int
    event_count: int
    quotes: list[QuoteRow]
    events: list[EventRow]
    co_actors: list[dict[str, Any]] = Field(
        description="actors seen in the same articles, most frequent first"
    )


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


class FacetValue(BaseModel):
    value: str
    count: int = Field(description="rows a filter by this value lists, counted as the listing")
    tone: float | None = Field(None, description="articles only: their mean tone")


class Facet(BaseModel):
    name: str
    values: list[FacetValue] = Field(
        description="largest counts first (months: latest first), at most limit of them"
    )
    missing: int = Field(description="rows without a value (no outlet, no speaker, undated)")
    more: int = Field(description="values left out by limit")


class Facets(BaseModel):
    facets: list[Facet]


class ArticleIn(BaseModel):
    """A document to ingest: the fields of a JSON Lines input line. ``text`` or ``html`` is
    required and must hold more than white space (``html`` wins when both do); every string
    must be valid Unicode (no lone surrogates such as an unpaired ``\\ud83d`` escape)."""

    # The rules of ``sources.jsonl.document_from_object``, checked here so that the OpenAPI
    # schema (``anyOf`` below) says what the code requires.
    model_config = ConfigDict(
        extra="ignore",
        json_schema_extra={
            "anyOf": [
                {"required": ["text"], "properties": {"text": NON_BLANK}},
                {"required": ["html"], "properties": {"html": NON_BLANK}},
            ]
        },
    )
    id: str | None = Field(None, description="your id; a content hash when absent")
    text: str | None = Field(None, description="plain text (this or html is required)")
    html: str | None = Field(None, description="an HTML page, its text extracted (or text)")
    title: str | None = None
    date: str | None = Field(None, description="the publication date (or published)")
    published: str | None = None
    url: str | None = Field(None, description="metadata only, never fetched")
    outlet: str | None = None
    publisher: str | None = Field(None, description="read as the outlet when outlet is absent")
    source: str | None = Field(None, description="read as the outlet when both are absent")

    @field_validator("*")
    @classmethod
    def _unicode(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as e:
                raise PydanticCustomError(
                    "unicode",
                    "holds a lone surrogate (\\u{code}), which is not valid Unicode",
                    {"code": f"{ord(value[e.start]):04x}"},
                ) from None
        return value

    @model_validator(mode="after")
    def _has_text(self) -> ArticleIn:
        if self.text is None and self.html is None:
            raise PydanticCustomError("missing_text", "neither 'text' nor 'html' is given")
        if not ((self.text or "").strip() or (self.html or "").strip()):
            raise PydanticCustomError(
                "empty_text", "the document is empty: 'text' and 'html' are blank"
            )
        return self


class IngestResult(BaseModel):
    id: str
    status: str = Field(description="added, replaced, unchanged or skipped")
    skipped: str | None = None
    actors: int
    quotes: int
    events: int
    url: str | None = Field(description="the article page, when stored")


class Network(BaseModel):
    nodes: list[dict[str, Any]] = Field(
        description="id, name, kind, country, code, named, degree (weight of its links)"
    )
    edges: list[dict[str, Any]] = Field(
        description="source, target, kind (event, quote, coquoted), weight, mean_goldstein"
    )
    merged: dict[str, int] = Field(
        default_factory=dict, description="actor ids drawn as another actor's node, to its id"
    )
