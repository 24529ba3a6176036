"""Coded events as rows of the GDELT 2.0 Event table (tab-separated, 61 columns, no header).

``GDELT_EVENT_COLUMNS`` lists GDELT's column names in GDELT's order; ``gdelt_rows`` yields one
list of 61 strings per event of each analysis. Columns the project cannot fill (known-group,
ethnic and religion codes, coordinates and sub-national codes) are empty strings; so is any value that is
unknown for one event (an actor without a code, an article without a URL, a place without a
known country).

How the filled columns are derived:

``ActorNGeo_*``     the country of the actor's code (country level), else the place named
                    closest to the actor's mention inside the event's evidence
``ActionGeo_*``     the place named closest to the event's evidence (inside it, else within
                    ``MAX_PLACE_DISTANCE`` characters); see ``knowledge.geography`` for the
                    columns (type, full name, FIPS country code; no coordinates)
``GlobalEventID``   a stable 60-bit integer from the article id and the event's position
``Day`` ...         from the event's date, else the article's publication date (empty if neither)
``ActorNCode``      the event's source/target actor code (``USAGOV``)
``ActorNName``      the actor's canonical name, upper-cased as GDELT does
``ActorNCountryCode``  the first three letters of the actor code unless it is not a country
                    (``IGO``, ``NGO``, ``---`` ...)
``ActorNType1Code`` / ``Type2`` / ``Type3``: the following three-letter parts of the code
``IsRootEvent``     1 when the event's evidence lies in the article's first body paragraph
``EventCode`` ...   full, three-digit and two-digit CAMEO codes, with quad class and Goldstein
``NumMentions`` / ``NumSources`` / ``NumArticles``: 1 per article in ``gdelt_rows``;
                    ``gdelt_events`` merges the copies of an event across a story's articles
                    (syndicated reports) and counts them
``AvgTone``         the article's tone
``DATEADDED``       ``date_added`` as ``YYYYMMDDHHMMSS`` (empty when not given)
``SOURCEURL``       the article's URL
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping

from .codes import ActorCode, EventCode
from .knowledge.cameo import Codebook
from .knowledge.geography import Gazetteer, Location
from .records import Analysis, Event, Mention

MAX_PLACE_DISTANCE = 600
"""Characters between an event's evidence and the nearest place mention beyond which the event
has no place (GDELT places an event at the location named closest to it)."""

_ACTOR_FIELDS: tuple[str, ...] = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO_FIELDS: tuple[str, ...] = (
    "Type",
    "FullName",
    "CountryCode",
    "ADM1Code",
    "ADM2Code",
    "Lat",
    "Long",
    "FeatureID",
)

GDELT_EVENT_COLUMNS: tuple[str, ...] = (
    ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{f}" for f in _ACTOR_FIELDS)
    + tuple(f"Actor2{f}" for f in _ACTOR_FIELDS)
    + (
        "IsRootEvent",
        "EventCode",
        "EventBaseCode",
        "EventRootCode",
        "QuadClass",
        "GoldsteinScale",
        "NumMentions",
        "NumSources",
        "NumArticles",
        "AvgTone",
    )
    + tuple(f"Actor1Geo_{f}" for f in _GEO_FIELDS)
    + tuple(f"Actor2Geo_{f}" for f in _GEO_FIELDS)
    + tuple(f"ActionGeo_{f}" for f in _GEO_FIELDS)
    + ("DATEADDED", "SOURCEURL")
)
"""The 61 columns of GDELT 2.0's Event table, with GDELT's names, in GDELT's order."""

NON_COUNTRY_PREFIXES: frozenset[str] = frozenset({"IGO", "NGO", "MNC", "---", "INT", "UIS", "IMG"})
"""Three-letter code prefixes that name a kind of actor rather than a country."""


def _event_id(article_id: str, index: int) -> str:
    digest = hashlib.sha256(f"{article_id}\x00{index}".encode("utf-8", "surrogatepass")).hexdigest()
    return str(int(digest[:15], 16))


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _date_columns(day: dt.date | None) -> list[str]:
    if day is None:
        return ["", "", "", ""]
    start = dt.date(day.year, 1, 1)
    days_in_year = (dt.date(day.year + 1, 1, 1) - start).days
    fraction = day.year + (day - start).days / days_in_year
    return [day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year), f"{fraction:.4f}"]


def _actor_columns(code: str | None, name: str | None) -> list[str]:
    code = (code or "").upper()
    parts = list(ActorCode.parse(code).parts)
    country = (
        parts[0] if parts and parts[0] not in NON_COUNTRY_PREFIXES and len(parts[0]) == 3 else ""
    )
    types = (parts[1:] if country else parts) + ["", "", ""]
    if not code:
        types = ["", "", ""]
    return [code, (name or "").upper(), country, "", "", "", "", types[0], types[1], types[2]]


def _first_paragraph_end(analysis: Analysis) -> int:
    """End offset of the first paragraph of the article body (whole text when no body spans)."""
    text = analysis.article.text
    body = analysis.article.body
    start, end = (body[0][0], body[0][1]) if body else (0, len(text))
    while start < end and text[start].isspace():
        start += 1
    cut = text.find("\n\n", start, end)
    return cut if cut >= 0 else end


_FIELD_BREAKS = re.compile("[\t\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")
"""Characters that would end a GDELT field or row (tab-separated, one event per line)."""


def tsv_line(row: list[str]) -> str:
    """One GDELT row as a line: tabs and line breaks inside a field become a space, so every
    row keeps its 61 columns whatever an actor name or URL holds."""
    return "\t".join(_FIELD_BREAKS.sub(" ", field) for field in row) + "\n"


def _fmt(value: float | int | None) -> str:
    return "" if value is None else str(value)


def gdelt_rows(
    analyses: Iterable[Analysis],
    *,
    date_added: dt.datetime | None = None,
    codebook: Codebook | None = None,
    gazetteer: Gazetteer | None = None,
) -> Iterator[list[str]]:
    """One GDELT Event row (61 strings) per event of each analysis; skipped analyses yield none.

    ``codebook`` fills quad class and Goldstein score for events whose record lacks them,
    ``gazetteer`` the geography columns (each loaded on first need when not given).
    """
    added = date_added.strftime("%Y%m%d%H%M%S") if date_added else ""
    book = codebook
    places = gazetteer
    for analysis in analyses:
        if analysis.skipped:
            continue
        article = analysis.article
        names = {a.id: a.name for a in analysis.actors}
        lead_end = _first_paragraph_end(analysis)
        published = _date(article.published)
        for index, event in enumerate(analysis.events):
            if (event.quad_class is None or event.goldstein is None) and book is None:
                book = Codebook.load()
            if places is None:
                places = Gazetteer.load()
            geo = [
                _actor_place(analysis, event, event.source_actor, event.source, places),
                _actor_place(analysis, event, event.target_actor, event.target, places),
                _event_place(analysis, event, places),
            ]
            yield _row(
                event,
                index,
                article.id,
                names,
                lead_end,
                published,
                analysis.tone,
                added,
                article.url,
                book,
                geo,
            )


def _nearest(places: tuple[Mention, ...], start: int, end: int, limit: int) -> Mention | None:
    """The place mention with a country closest to ``[start, end)``, within ``limit``."""
    best: Mention | None = None
    best_distance = limit + 1
    for place in places:
        if place.value is None:
            continue
        distance = max(0, start - place.end, place.start - end)
        if distance < best_distance:
            best, best_distance = place, distance
    return best


def _event_place(analysis: Analysis, event: Event, places: Gazetteer) -> Location | None:
    """The place named closest to the event, leaving out the mentions of its own actors
    ("Russia" in "Russia and Germany met in Berlin" says who acted, not where)."""
    own = {event.source_actor, event.target_actor} - {None}
    taken = [m for a in analysis.actors if a.id in own for m in a.mentions]
    candidates = tuple(
        p for p in analysis.places if not any(p.start < e and s < p.end for s, e in taken)
    )
    found = _nearest(candidates, event.start, event.end, MAX_PLACE_DISTANCE)
    return places.location(found.text, found.value) if found else None


def _actor_place(
    analysis: Analysis, event: Event, local: str | None, code: str | None, places: Gazetteer
) -> Location | None:
    """The country of the actor's code (country level), else the place named closest to the
    actor's mention inside the event's evidence."""
    parts = ActorCode.parse((code or "").upper()).parts
    if parts and len(parts[0]) == 3 and parts[0] not in NON_COUNTRY_PREFIXES:
        where = places.country(parts[0])
        if where is not None:
            return where
    actor = next((a for a in analysis.actors if a.id == local), None) if local else None
    mentions = [m for m in actor.mentions if event.start <= m[0] < event.end] if actor else []
    inside = tuple(p for p in analysis.places if event.start <= p.start and p.end <= event.end)
    if not (mentions and inside):
        return None
    found = _nearest(inside, mentions[0][0], mentions[0][1], event.end - event.start)
    return places.location(found.text, found.value) if found else None


def _geo_columns(location: Location | None) -> list[str]:
    return location.columns() if location is not None else [""] * len(_GEO_FIELDS)


def _row(
    event: Event,
    index: int,
    article_id: str,
    names: dict[str, str],
    lead_end: int,
    published: dt.date | None,
    tone: float | None,
    added: str,
    url: str | None,
    book: Codebook | None,
    geo: list[Location | None],
) -> list[str]:
    code = event.code
    cameo = EventCode.parse(code)
    quad = (
        event.quad_class
        if event.quad_class is not None
        else (book.quad_class(code) if book else None)
    )
    goldstein = (
        event.goldstein if event.goldstein is not None else (book.goldstein(code) if book else None)
    )
    source_name = names.get(event.source_actor or "")
    target_name = names.get(event.target_actor or "")
    row = [_event_id(article_id, index)]
    row += _date_columns(_date(event.date) or published)
    row += _actor_columns(event.source, source_name)
    row += _actor_columns(event.target, target_name)
    row += [
        "1" if event.start < lead_end else "0",
        code,
        cameo.base,
        cameo.root,
        _fmt(quad),
        _fmt(goldstein),
        "1",
        "1",
        "1",
        _fmt(tone),
    ]
    for location in geo:
        row += _geo_columns(location)
    row += [added, url or ""]
    return row


def gdelt_events(
    analyses: Iterable[Analysis],
    *,
    stories: Mapping[str, str] | None = None,
    date_added: dt.datetime | None = None,
) -> Iterator[list[str]]:
    """GDELT rows with each event counted once per story.

    ``stories`` maps an article id to its story's id (``store.stories``: syndicated copies of
    one report); an article it does not name is a story of its own. Within a story, events with
    the same source and target codes, CAMEO code and date (the event's own, not the article's)
    are one event, as GDELT identifies events: the first row stands for it, with
    ``NumMentions`` the number of rows, ``NumArticles`` the number of articles and
    ``NumSources`` the number of distinct outlets (or URLs' hosts, or articles) reporting it.
    Events of different stories are never merged, so two undated articles stay apart.
    """
    col = {name: i for i, name in enumerate(GDELT_EVENT_COLUMNS)}
    story_of = stories or {}
    merged: dict[tuple[str | None, ...], tuple[list[str], int, set[str], set[str]]] = {}
    for analysis in analyses:
        article = analysis.article
        source = article.outlet or _host(article.url) or article.id
        story = story_of.get(article.id, article.id)
        rows = gdelt_rows([analysis], date_added=date_added)
        for event, row in zip(analysis.events, rows, strict=False):
            key = (story, event.source, event.target, event.code, event.date)
            first, mentions, articles, sources = merged.get(key, (row, 0, set(), set()))
            articles.add(article.id)
            sources.add(source)
            merged[key] = (first, mentions + 1, articles, sources)
    for first, mentions, articles, sources in merged.values():
        row = list(first)
        row[col["NumMentions"]] = str(mentions)
        row[col["NumSources"]] = str(len(sources))
        row[col["NumArticles"]] = str(len(articles))
        yield row


def _host(url: str | None) -> str | None:
    if not url or "//" not in url:
        return None
    return url.split("//", 1)[1].split("/", 1)[0] or None


__all__ = ["GDELT_EVENT_COLUMNS", "gdelt_events", "gdelt_rows", "tsv_line"]
