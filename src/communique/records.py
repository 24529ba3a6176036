"""Plain records that flow between the stages of Communiqué.

Every record is a frozen dataclass with documented fields and a ``to_dict`` that produces the
analysis-record contract of ``DESIGN.md``. Offsets are character offsets into the article
``text``. Conventions for absence: a scalar that is unknown is ``None``; a collection that is
empty is an empty tuple (never ``None``).

``Document``  what a source yields: raw text or HTML plus whatever metadata came with it.
``Article``   a cleaned document: text, body spans, title, byline, outlet, publication date.
``Actor``     a resolved entity with its mentions, role, country and CAMEO-style code.
``Quote``     a direct, mixed or indirect quotation with speaker and cue.
``Event``     a CAMEO-coded interaction between two actors.
``Analysis``  everything extracted from one article: the line ``communique analyze`` prints.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Literal, get_args

Span = tuple[int, int]
"""A half-open character range ``[start, end)`` into an article's text."""

QuoteKind = Literal["direct", "mixed", "indirect"]
"""How a quotation is rendered: fully quoted, partly quoted, or reported speech."""
QUOTE_KINDS: tuple[QuoteKind, ...] = get_args(QuoteKind)

ActorKind = Literal["person", "organization", "country", "group"]
"""What an actor is. Organisations are spelt the American way, as in the CLI and the API."""
ACTOR_KINDS: tuple[ActorKind, ...] = get_args(ActorKind)

QuadClass = Literal[1, 2, 3, 4]
"""GDELT's quad class of an event code."""
QUAD_CLASS_KEYS: dict[QuadClass, str] = {
    1: "verbal_cooperation",
    2: "material_cooperation",
    3: "verbal_conflict",
    4: "material_conflict",
}
"""The machine name of each quad class (the dyad series' columns)."""
QUAD_CLASS_NAMES: dict[QuadClass, str] = {
    1: "Verbal Cooperation",
    2: "Material Cooperation",
    3: "Verbal Conflict",
    4: "Material Conflict",
}
"""GDELT's display name of each quad class."""

Period = Literal["day", "week", "month", "year"]
"""The length of one step of a time series (dyads, timelines)."""
PERIODS: tuple[Period, ...] = get_args(Period)

MAX_LIMIT = 500
"""The most rows one page of a listing holds (CLI ``--limit``, API ``limit``); more are read
page by page with ``offset``."""

ExportFormat = Literal["jsonl", "csv", "gdelt"]
"""What ``communique export`` writes."""
EXPORT_FORMATS: tuple[ExportFormat, ...] = get_args(ExportFormat)


def content_hash(text: str) -> str:
    """A stable short hash of a document's content, used as id when the input has none."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:24]


@dataclass(frozen=True)
class Document:
    """One input document as a source read it, before any cleaning.

    Exactly one of ``text`` and ``html`` is set unless ``skipped`` is set, in which case both
    may be ``None``. ``id`` is the input's own identifier (a JSONL ``id``, a WARC record id, a
    file path), or ``None`` when the input has none: the article then takes a content hash.
    """

    source: str
    """Where it came from: a file path, ``path:line`` for JSONL, a URL, ``-`` for stdin."""
    id: str | None = None
    text: str | None = None
    html: str | None = None
    title: str | None = None
    published: str | None = None
    """Publication date as the input gave it (any format dateparser reads), or ``None``."""
    url: str | None = None
    outlet: str | None = None
    byline: tuple[str, ...] = ()
    """Authors as the input gave them (a dump's ``author`` field), empty when it gave none."""
    skipped: str | None = None
    """Why the source could not produce content (binary file, invalid JSON, ...), else ``None``."""
    extracted: bool = False
    """``text`` is already an extracted article (a dump record with its own title), so no
    boilerplate detection is needed; ``False`` for scraped or unknown text."""

    def raw_hash(self) -> str:
        """Content hash of what the source delivered (HTML or text) plus its id: the store
        recognises an unchanged document by it before any analysis."""
        return content_hash((self.id or "") + "\x00" + (self.html or self.text or ""))


@dataclass(frozen=True)
class Article:
    """A cleaned article: the text the extractors read and the metadata found for it."""

    id: str
    source: str
    text: str
    """Plain text: the input unchanged for text input, trafilatura's main text for HTML."""
    body: tuple[Span, ...]
    """Spans of ``text`` that are article body (boilerplate is outside them)."""
    content_hash: str
    title: str | None = None
    byline: tuple[str, ...] = ()
    outlet: str | None = None
    published: str | None = None
    """ISO date ``YYYY-MM-DD`` or ``None`` when unknown."""
    url: str | None = None
    language: str | None = None
    skipped: str | None = None
    """Why this article was not analysed, else ``None``."""
    notes: tuple[str, ...] = ()
    """What the analysis left out of or changed in this article's text (a run without spaces
    left out, an overlong passage split into sentences), ``()`` when nothing."""


@dataclass(frozen=True)
class Actor:
    """An entity resolved within one article."""

    id: str
    """Article-local id (``a1``, ``a2``, ...)."""
    name: str
    """Canonical name: the longest proper name among the mentions, or the role phrase."""
    kind: str
    """``person``, ``organization``, ``country`` or ``group``."""
    mentions: tuple[Span, ...]
    country: str | None = None
    """ISO 3166 alpha-3, or ``None`` when no affiliation was found."""
    role: str | None = None
    """Role title as written in the article (``Foreign Minister``), ``former ...`` for former roles."""
    code: str | None = None
    """CAMEO-style actor code (``RUSGOV``, ``USAMIL``, ``IGO``), or ``None``."""
    aliases: tuple[str, ...] = ()
    """Distinct surface forms of the mentions."""
    named: bool = True
    """``True`` for an actor known by a proper name ("Sergei Lavrov", "Oxfam", "Russia"), which
    carries an identity across articles; ``False`` for a description ("officials", "the
    company", "a spokesman"), an actor of its own article only (aggregated by ``code``)."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
            "role": self.role,
            "code": self.code,
            "aliases": list(self.aliases),
            "mentions": [list(m) for m in self.mentions],
            "named": self.named,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Actor:
        return cls(
            id=d["id"],
            name=d["name"],
            kind=d["kind"],
            mentions=tuple(tuple(m) for m in d.get("mentions") or ()),
            country=d.get("country"),
            role=d.get("role"),
            code=d.get("code"),
            aliases=tuple(d.get("aliases") or ()),
            named=_named(d),
        )


def _named(d: dict[str, Any]) -> bool:
    """An actor dict's ``named``; a record written before the field existed counts an actor
    as named when its name has a capital letter ("people", "officials" are descriptions)."""
    named = d.get("named")
    if isinstance(named, bool):
        return named
    return any(ch.isupper() for ch in str(d.get("name") or ""))


@dataclass(frozen=True)
class Quote:
    """A quotation. ``start``/``end`` cover all fragments; marks are excluded."""

    start: int
    end: int
    fragments: tuple[Span, ...]
    text: str
    """The quoted content; fragments joined with `` … `` when there are several."""
    kind: str
    """``direct``, ``mixed`` or ``indirect``."""
    speaker: str | None = None
    """Resolved canonical speaker name, ``None`` when unattributed or unresolved (then
    ``speaker_start``/``speaker_end`` still point at the mention, e.g. a pronoun)."""
    speaker_actor: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    confidence: float | None = None
    """Estimated probability that the quote is right (``communique.confidence``), ``None``
    when not scored."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "fragments": [list(f) for f in self.fragments],
            "text": self.text,
            "kind": self.kind,
            "speaker": self.speaker,
            "speaker_actor": self.speaker_actor,
            "speaker_start": self.speaker_start,
            "speaker_end": self.speaker_end,
            "cue": self.cue,
            "cue_start": self.cue_start,
            "cue_end": self.cue_end,
            "confidence": self.confidence,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quote:
        return cls(
            start=d["start"],
            end=d["end"],
            fragments=tuple(tuple(f) for f in d.get("fragments") or [(d["start"], d["end"])]),
            text=d.get("text") or "",
            kind=d.get("kind") or "direct",
            speaker=d.get("speaker"),
            speaker_actor=d.get("speaker_actor"),
            speaker_start=d.get("speaker_start"),
            speaker_end=d.get("speaker_end"),
            cue=d.get("cue"),
            cue_start=d.get("cue_start"),
            cue_end=d.get("cue_end"),
            confidence=d.get("confidence"),
        )


@dataclass(frozen=True)
class Event:
    """A coded interaction: ``source`` did ``code`` to ``target``."""

    source: str | None
    """CAMEO-style actor code of the source (``USAGOV``), ``None`` when unknown."""
    target: str | None
    code: str
    """CAMEO event code (``043``)."""
    name: str
    plover: str | None
    goldstein: float | None
    quad_class: int | None
    start: int
    """Evidence span: the clause or sentence the event was read from."""
    end: int
    source_actor: str | None = None
    target_actor: str | None = None
    date: str | None = None
    """Event date (ISO), the publication date unless the sentence says otherwise."""
    text: str | None = None
    """The evidence text (``text[start:end]``)."""
    confidence: float | None = None
    """Estimated probability that the event is right (``communique.confidence``), ``None``
    when not scored."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "target": self.target,
            "source_actor": self.source_actor,
            "target_actor": self.target_actor,
            "code": self.code,
            "name": self.name,
            "plover": self.plover,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "date": self.date,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "confidence": self.confidence,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        return cls(
            source=d.get("source"),
            target=d.get("target"),
            code=str(d["code"]),
            name=d.get("name") or "",
            plover=d.get("plover"),
            goldstein=d.get("goldstein"),
            quad_class=d.get("quad_class"),
            start=d["start"],
            end=d["end"],
            source_actor=d.get("source_actor"),
            target_actor=d.get("target_actor"),
            date=d.get("date"),
            text=d.get("text"),
            confidence=d.get("confidence"),
        )


@dataclass(frozen=True)
class Mention:
    """A place or date found in the text."""

    text: str
    start: int
    end: int
    value: str | None = None
    """For a date, the resolved ISO date; for a place, its ISO 3166 alpha-3 country if known."""

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "value": self.value}


@dataclass(frozen=True)
class Analysis:
    """Everything extracted from one article. ``to_dict`` is the analysis-record contract."""

    article: Article
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    topics: tuple[str, ...] = ()
    places: tuple[Mention, ...] = ()
    dates: tuple[Mention, ...] = ()
    tone: float | None = None
    """Lexicon tone in [-100, 100] per GDELT's convention (positive minus negative words per
    100 words), ``None`` for skipped articles."""

    @property
    def skipped(self) -> str | None:
        return self.article.skipped

    def to_dict(self) -> dict[str, Any]:
        a = self.article
        return {
            "id": a.id,
            "source": a.source,
            "title": a.title,
            "byline": list(a.byline),
            "outlet": a.outlet,
            "published": a.published,
            "url": a.url,
            "content_hash": a.content_hash,
            "language": a.language,
            "text": a.text,
            "body": [list(b) for b in a.body],
            "actors": [x.to_dict() for x in self.actors],
            "quotes": [x.to_dict() for x in self.quotes],
            "events": [x.to_dict() for x in self.events],
            "topics": list(self.topics),
            "places": [x.to_dict() for x in self.places],
            "dates": [x.to_dict() for x in self.dates],
            "tone": self.tone,
            "skipped": a.skipped,
            "notes": list(a.notes),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Analysis:
        article = Article(
            id=d["id"],
            source=d.get("source") or "",
            text=d.get("text") or "",
            body=tuple(tuple(b) for b in d.get("body") or ()),
            content_hash=d.get("content_hash") or content_hash(d.get("text") or ""),
            title=d.get("title"),
            byline=tuple(d.get("byline") or ()),
            outlet=d.get("outlet"),
            published=d.get("published"),
            url=d.get("url"),
            language=d.get("language"),
            skipped=d.get("skipped"),
            notes=tuple(d.get("notes") or ()),
        )
        return cls(
            article=article,
            actors=tuple(Actor.from_dict(x) for x in d.get("actors") or ()),
            quotes=tuple(Quote.from_dict(x) for x in d.get("quotes") or ()),
            events=tuple(Event.from_dict(x) for x in d.get("events") or ()),
            topics=tuple(d.get("topics") or ()),
            places=tuple(Mention(**x) for x in d.get("places") or ()),
            dates=tuple(Mention(**x) for x in d.get("dates") or ()),
            tone=d.get("tone"),
        )
