"""GDELT 2.0 Event-table export."""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import io
import json

import pytest

from communique.gdelt import GDELT_EVENT_COLUMNS, gdelt_rows
from communique.records import Actor, Analysis, Article, Event, content_hash

from helpers import SEED, SEED_GOLD


def _seed_analysis() -> Analysis:
    """The seed article with its gold events as records (the coder is tested elsewhere)."""
    text = SEED.read_text(encoding="utf-8")
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    actors = (
        Actor(
            id="a1",
            name="John Kerry",
            kind="person",
            mentions=((0, 1),),
            country="USA",
            code="USAGOV",
        ),
        Actor(
            id="a2",
            name="Sergei Lavrov",
            kind="person",
            mentions=((2, 3),),
            country="RUS",
            code="RUSGOV",
        ),
    )
    start = text.find("Obama put a chill")
    events = tuple(
        Event(
            source=e["source"],
            target=e["target"],
            code=e["codes"][0] + "0",
            name="",
            plover=None,
            goldstein=None,
            quad_class=None,
            start=start if i else 10,
            end=start + 50,
            source_actor="a1" if e["source"] == "USAGOV" else "a2",
            date="2013-08-09" if i else None,
        )
        for i, e in enumerate(gold["events"])
    )
    article = Article(
        id="seed",
        source=str(SEED),
        text=text,
        body=((0, len(text)),),
        content_hash=content_hash(text),
        published="2013-08-10",
        url="https://www.defenseone.com/example",
    )
    return Analysis(article=article, actors=actors, events=events, tone=-1.5)


def _export() -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter="\t", lineterminator="\n")
    for row in gdelt_rows([_seed_analysis()], date_added=dt.datetime(2013, 8, 10, 12, 0, 0)):
        writer.writerow(row)
    return buf.getvalue()


def test_sixty_one_columns_with_gdelt_names() -> None:
    assert len(GDELT_EVENT_COLUMNS) == 61
    assert GDELT_EVENT_COLUMNS[:5] == ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate")
    assert GDELT_EVENT_COLUMNS[25:31] == (
        "IsRootEvent",
        "EventCode",
        "EventBaseCode",
        "EventRootCode",
        "QuadClass",
        "GoldsteinScale",
    )
    assert GDELT_EVENT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")
    assert len(set(GDELT_EVENT_COLUMNS)) == 61


def test_seed_rows() -> None:
    rows = [dict(zip(GDELT_EVENT_COLUMNS, r, strict=True)) for r in gdelt_rows([_seed_analysis()])]
    assert len(rows) == 5
    first = rows[0]
    assert first["Day"] == "20130810"  # no event date: the publication date
    assert rows[1]["Day"] == "20130809"
    assert (first["Actor1Code"], first["Actor1CountryCode"], first["Actor1Type1Code"]) == (
        "USAGOV",
        "USA",
        "GOV",
    )
    assert first["Actor1Name"] == "JOHN KERRY"
    assert (first["EventCode"], first["EventBaseCode"], first["EventRootCode"]) == (
        "040",
        "040",
        "04",
    )
    assert (first["QuadClass"], first["GoldsteinScale"]) == ("1", "1.0")
    assert first["IsRootEvent"] == "1"
    assert first["AvgTone"] == "-1.5"
    assert first["Actor1Geo_Lat"] == "" and first["DATEADDED"] == ""
    assert len({r["GlobalEventID"] for r in rows}) == 5
    assert all(r["GlobalEventID"].isdigit() for r in rows)


def test_skipped_analysis_yields_no_rows() -> None:
    a = _seed_analysis()
    skipped = Analysis(
        article=Article(**{**a.article.__dict__, "skipped": "not English"}), events=a.events
    )
    assert list(gdelt_rows([skipped])) == []


def test_export_loads_with_gdelt_column_names() -> None:
    data = _export()
    if importlib.util.find_spec("pandas") is None:
        rows = list(csv.reader(io.StringIO(data), delimiter="\t"))
        assert len(rows) == 5
        assert all(len(r) == len(GDELT_EVENT_COLUMNS) for r in rows)
        return
    import pandas as pd

    frame = pd.read_csv(
        io.StringIO(data), sep="\t", header=None, names=list(GDELT_EVENT_COLUMNS), dtype=str
    )
    assert frame.shape == (5, 61)
    assert list(frame["EventRootCode"]) == ["04", "12", "07", "11", "03"]
    assert set(frame["DATEADDED"]) == {"20130810120000"}


@pytest.mark.parametrize(
    ("code", "country", "types"), [("IGOUNO", "", ("IGO", "UNO", "")), ("RUS", "RUS", ("", "", ""))]
)
def test_actor_code_parts(code: str, country: str, types: tuple[str, str, str]) -> None:
    from communique.gdelt import _actor_columns

    cols = _actor_columns(code, None)
    assert cols[2] == country
    assert tuple(cols[7:10]) == types


def test_seed_analysis_from_the_pipeline_exports(seed_analysis: Analysis) -> None:
    rows = list(gdelt_rows([seed_analysis]))
    assert len(rows) == len(seed_analysis.events) > 0
    assert all(len(r) == len(GDELT_EVENT_COLUMNS) for r in rows)
    by_name = [dict(zip(GDELT_EVENT_COLUMNS, r, strict=True)) for r in rows]
    assert {"04", "07", "11"} <= {r["EventRootCode"] for r in by_name}
    assert all(r["QuadClass"] in {"1", "2", "3", "4"} for r in by_name)


def test_same_event_in_two_articles_of_one_story_is_one_row_with_counts() -> None:
    from dataclasses import replace

    from communique.gdelt import GDELT_EVENT_COLUMNS, gdelt_events

    base = _seed_analysis()
    other = replace(base, article=replace(base.article, id="other", outlet="Other Outlet"))
    col = {n: i for i, n in enumerate(GDELT_EVENT_COLUMNS)}
    distinct = {(e.code, e.source, e.target, e.date) for e in base.events}
    rows = list(gdelt_events([base, other], stories={"other": base.article.id}))
    assert len(rows) == len(distinct)
    assert sum(int(r[col["NumMentions"]]) for r in rows) == 2 * len(base.events)
    assert {r[col["NumArticles"]] for r in rows} == {"2"}
    assert {r[col["NumSources"]] for r in rows} == {"2"}
    # two articles not of one story (two undated reports, say) are never merged
    apart = list(gdelt_events([base, other]))
    assert len(apart) == 2 * len(distinct)
    assert {r[col["NumArticles"]] for r in apart} == {"1"}


def test_tabs_and_line_breaks_in_a_field_keep_the_row_whole(tmp_path: object) -> None:
    from communique.export import export
    from communique.store import Store

    text = "Ivan\tPetrov met officials.\nThey talked."
    article = Article(
        id="tab",
        source="t",
        text=text,
        body=((0, len(text)),),
        content_hash=content_hash(text),
        published="2020-01-02",
        url="http://example.org/a\tb",
    )
    actors = (
        Actor(
            id="a1",
            name="Ivan\tPetrov\u2028Jr",
            kind="person",
            mentions=((0, 10),),
            country="RUS",
            code="RUS",
        ),
        Actor(
            id="a2",
            name="officials",
            kind="group",
            mentions=((15, 24),),
            country="RUS",
            code="RUSGOV",
        ),
    )
    event = Event(
        source="RUS",
        target="RUSGOV",
        code="040",
        name="Consult",
        plover="CONSULT",
        goldstein=1.0,
        quad_class=1,
        start=0,
        end=25,
        source_actor="a1",
        target_actor="a2",
        date="2020-01-02",
    )
    analysis = Analysis(article=article, actors=actors, events=(event,))
    with Store(f"{tmp_path}/tab.db") as store:
        store.write([analysis])
        lines = list(export(store, "gdelt"))
    assert len(lines) == 1
    row = lines[0].rstrip("\n").split("\t")
    assert len(row) == len(GDELT_EVENT_COLUMNS)
    assert row[GDELT_EVENT_COLUMNS.index("Actor1Name")] == "IVAN PETROV JR"


def test_places_become_gdelt_locations() -> None:
    from communique.knowledge.geography import Gazetteer

    places = Gazetteer.load()
    russia = places.location("Russia", "RUS")
    assert russia is not None and russia.columns() == ["1", "Russia", "RS", "RS", "", "", "", "RS"]
    moscow = places.location("Moscow", "RUS")
    assert moscow is not None and (moscow.type, moscow.full_name, moscow.country) == (
        4,
        "Moscow, Russia",
        "RS",
    )
    united = places.location("the United States", "USA")
    assert united is not None and united.country == "US" and united.type == 1
    assert places.location("Snowden", "USA") is None  # a surname the tagger took for a place
    assert places.location("Gaza", "PSE") is None  # one ISO code, two FIPS codes


def test_gdelt_rows_carry_the_places_found() -> None:
    from communique.gdelt import GDELT_EVENT_COLUMNS, gdelt_rows
    from communique.records import Actor, Analysis, Article, Event, Mention

    text = "Russia and Germany met in Berlin on Monday to discuss gas supplies."
    article = Article(id="g", source="g.txt", text=text, body=((0, len(text)),), content_hash="h")
    russia = Actor(id="a1", name="Russia", kind="country", mentions=((0, 6),), country="RUS")
    germany = Actor(id="a2", name="Germany", kind="country", mentions=((11, 18),), country="DEU")
    event = Event(
        source="RUS",
        target="DEU",
        code="040",
        name="Consult",
        plover=None,
        goldstein=1.0,
        quad_class=1,
        start=0,
        end=len(text),
        source_actor="a1",
        target_actor="a2",
    )
    places = (
        Mention("Russia", 0, 6, "RUS"),
        Mention("Germany", 11, 18, "DEU"),
        Mention("Berlin", 26, 32, "DEU"),
    )
    analysis = Analysis(article=article, actors=(russia, germany), events=(event,), places=places)
    row = dict(zip(GDELT_EVENT_COLUMNS, next(gdelt_rows([analysis])), strict=True))
    assert (row["Actor1Geo_Type"], row["Actor1Geo_CountryCode"]) == ("1", "RS")
    assert (row["Actor2Geo_FullName"], row["Actor2Geo_CountryCode"]) == ("Germany", "GM")
    # the event's place is where it happened, not one of its actors
    assert (row["ActionGeo_Type"], row["ActionGeo_FullName"]) == ("4", "Berlin, Germany")
