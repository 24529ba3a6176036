"""Issue 14, the analyst's workbench in process: facets on the search and actors pages and in
the API, download links that keep the page's filters and the routes that serve them, and
timelines of quotes, articles and tone."""

from __future__ import annotations

import csv
import html as html_lib
import io
import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from test_web_pages import Tags, page
from web_fixtures import build_demo_db, syndicated_analyses

from communique.store.db import Store
from communique.web import create_app


@pytest.fixture
def bench(tmp_path: Path) -> TestClient:
    db = build_demo_db(tmp_path / "bench.db")
    with Store(db, clock=lambda: "2014-05-01T00:00:00+00:00") as store:
        store.write(syndicated_analyses())
    return TestClient(create_app(str(db)))


def facet_links(html: str, name: str) -> dict[str, tuple[str, int]]:
    """The links of facet ``name``: value -> (href, count)."""
    block = html.split(f'data-facet="{name}"')[1].split("</div>")[0]
    found = re.findall(
        r'<a class="facet-link" href="([^"]*)" data-value="([^"]*)"[^>]*>.*?</a>'
        r'\s*<span class="facet-count">([0-9,]+)</span>',
        block,
    )
    return {
        html_lib.unescape(v): (html_lib.unescape(h), int(n.replace(",", ""))) for h, v, n in found
    }


def total(html: str, noun: str) -> int:
    found = re.search(rf"{noun} (?:[0-9,]+–)?[0-9,]+ of ([0-9,]+)|{noun} none of ([0-9,]+)", html)
    assert found, f"no total of {noun}"
    return int((found.group(1) or found.group(2)).replace(",", ""))


# --- facets ------------------------------------------------------------------------------------
def test_search_page_has_every_facet_and_each_link_finds_its_count(bench: TestClient) -> None:
    html = page(bench, "/?q=closer")
    for name in ("outlet", "speaker", "country", "kind", "topic", "month"):
        assert f'data-facet="{name}"' in html, name
    # the syndicated quote is one quote of the listing, once under each outlet that printed it
    assert total(html, "Quotes") == 1
    outlets = facet_links(html, "outlet")
    assert {v: n for v, (_, n) in outlets.items()} == {"Wire A": 1, "Wire B": 1}
    for name in ("outlet", "speaker", "kind", "topic", "month"):
        links = facet_links(page(bench, "/?since=2013&offset=20"), name)
        assert links, name
        for value, (href, count) in links.items():
            assert "since=2013" in href and "offset" not in href
            assert total(page(bench, "/" + href), "Quotes") == count, (name, value)


def test_a_facet_value_in_force_links_back_without_it(bench: TestClient) -> None:
    html = page(bench, "/?topic=trade&offset=0")
    href, count = facet_links(html, "topic")["trade"]
    assert href == "?" and count == total(html, "Quotes") == 2
    assert 'aria-current="true"' in html
    assert "no outlet" not in html and "undated" in html  # the undated quote of Wire C


def test_actors_page_has_facets_counted_as_its_listing(bench: TestClient) -> None:
    html = page(bench, "/actors")
    for name in ("kind", "country", "outlet", "topic", "month"):
        assert f'data-facet="{name}"' in html, name
    for name in ("kind", "country", "outlet", "month"):
        for value, (href, count) in facet_links(html, name).items():
            assert total(page(bench, "/actors" + href), "Actors") == count, (name, value)


def test_api_facets_match_the_listings(bench: TestClient) -> None:
    quotes = bench.get("/api/facets/quotes", params={"speaker": "Maria Costa"}).json()["facets"]
    outlet = {v["value"]: v["count"] for v in quotes[0]["values"]}
    assert quotes[0]["name"] == "outlet" and outlet == {"Wire A": 1, "Wire B": 1, "Wire C": 1}
    for value, count in outlet.items():
        items = bench.get("/api/quotes", params={"speaker": "Maria Costa", "outlet": value})
        assert len(items.json()["items"]) == count
    month = [f for f in quotes if f["name"] == "month"][0]
    assert month["missing"] == 1 and month["values"][0]["value"] == "2014-04"
    per_article = bench.get("/api/facets/quotes", params={"q": "closer", "per_article": "true"})
    kinds = [f for f in per_article.json()["facets"] if f["name"] == "kind"][0]
    assert kinds["values"] == [{"value": "direct", "count": 2, "tone": None}]
    articles = bench.get("/api/facets/articles", params={"topic": "trade"}).json()["facets"]
    months = {v["value"]: (v["count"], v["tone"]) for v in articles[2]["values"]}
    assert months == {"2014-03": (1, 1.5), "2014-04": (1, -0.5)}
    actors = bench.get("/api/facets/actors", params={"outlet": "Wire C"}).json()["facets"]
    assert {v["value"]: v["count"] for v in actors[0]["values"]} == {"person": 1}
    assert bench.get("/api/facets/quotes", params={"month": "2014-13"}).status_code == 422


def test_outlet_topic_and_month_filters_on_pages_and_api(bench: TestClient) -> None:
    assert total(page(bench, "/?outlet=Wire+B"), "Quotes") == 1
    assert total(page(bench, "/?month=2014-03"), "Articles") == 1
    wrong = page(bench, "/?month=March")
    assert "month: &#39;March&#39; is not a month like 2013-08 (ignored)" in wrong
    items = bench.get("/api/articles", params={"topic": "trade", "month": "2014-04"}).json()
    assert [a["id"] for a in items["items"]] == ["wire-b"]
    actors = bench.get("/api/actors", params={"month": "2014-03"}).json()["items"]
    assert [a["name"] for a in actors] == ["Maria Costa"]


# --- downloads ---------------------------------------------------------------------------------
def export_hrefs(html: str) -> dict[str, str | None]:
    tags = Tags(html)
    out: dict[str, str | None] = {}
    for a in tags.find("a", class_="export"):
        out[str(a["data-format"])] = str(a["href"])
    for s in tags.find("span", class_="export"):
        out[str(s["data-format"])] = None
    return out


def test_search_page_links_exports_that_keep_its_filters(bench: TestClient) -> None:
    html = page(bench, "/?q=closer&outlet=Wire+A")
    links = export_hrefs(html)
    assert links["csv"] == "/export.csv?about=closer&outlet=Wire+A"
    assert links["jsonl"] == "/export.jsonl?about=closer&outlet=Wire+A"
    assert links["gdelt"] is None and "events are not filtered by words" in html
    r = bench.get(links["csv"])
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.headers["content-disposition"] == (
        'attachment; filename="communique-quotes-about-closer-outlet-Wire-A.csv"'
    )
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["doc_id"] for row in rows] == ["wire-a"]
    speaker = export_hrefs(page(bench, "/?speaker=Maria+Costa"))
    assert speaker["jsonl"] is None, "articles are not filtered by speaker"


def test_csv_export_counts_once_per_story_as_the_page(bench: TestClient) -> None:
    html = page(bench, "/?q=closer")
    r = bench.get(export_hrefs(html)["csv"] or "")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == total(html, "Quotes") == 1 and rows[0]["reports"] == "2"
    every = bench.get("/export.csv", params={"about": "closer", "per_article": "true"})
    assert len(list(csv.DictReader(io.StringIO(every.text)))) == 2


def test_actor_page_exports_its_quotes_articles_and_events(bench: TestClient) -> None:
    kerry = bench.get("/api/actors", params={"q": "John Kerry"}).json()["items"][0]["id"]
    html = page(bench, f"/actors/{kerry}")
    links = export_hrefs(html)
    assert set(links) == {"csv", "jsonl", "gdelt"} and all(links.values())
    assert all(f"actor_id={kerry}" in str(h) for h in links.values())
    quotes = list(csv.DictReader(io.StringIO(bench.get(str(links["csv"])).text)))
    assert [q["speaker"] for q in quotes] == ["John Kerry"]
    records = [json.loads(line) for line in bench.get(str(links["jsonl"])).text.splitlines()]
    assert [r["id"] for r in records] == ["kerry-lavrov-2013"]
    gdelt = bench.get(str(links["gdelt"]))
    assert gdelt.headers["content-type"].startswith("text/tab-separated-values")
    assert gdelt.headers["content-disposition"].endswith('.gdelt.tsv"')
    assert len(gdelt.text.splitlines()) == 2 and all(
        len(line.split("\t")) == 61 for line in gdelt.text.splitlines()
    )


def test_relations_page_exports_the_events_between_both_ways(bench: TestClient) -> None:
    html = page(bench, "/relations?a=USA&b=RUS&since=2013-06")
    links = export_hrefs(html)
    assert links["csv"] is None and links["jsonl"] is None
    assert links["gdelt"] == "/export.gdelt?since=2013-06&a=USA&b=RUS"
    rows = bench.get(str(links["gdelt"])).text.splitlines()
    assert len(rows) == total(html, "Events")
    sources = {row.split("\t")[5][:3] for row in rows}
    assert sources == {"USA", "RUS"}, "both directions"


@pytest.mark.parametrize(
    "url",
    [
        "/export.csv?source=USA",  # quotes have no source
        "/export.gdelt?about=Snowden",  # events are not searched by words
        "/export.gdelt?a=USA",  # a pair needs both sides
    ],
)
def test_an_export_refuses_a_filter_it_cannot_apply(bench: TestClient, url: str) -> None:
    r = bench.get(url)
    assert r.status_code == 400 and "Bad request" in r.text
    assert "content-disposition" not in r.headers
    assert "--" not in r.text.split("<main", 1)[-1]  # named as in the URL, not as CLI options


def test_a_refused_filter_is_named_as_the_url_names_it(bench: TestClient) -> None:
    r = bench.get("/export.csv?source=USA")
    assert "the csv export does not filter by source (it takes about, actor_id," in r.text


def test_an_unknown_format_is_a_bad_request(bench: TestClient) -> None:
    r = bench.get("/export.xlsx")
    assert r.status_code == 400 and "content-disposition" not in r.headers


# --- timelines ---------------------------------------------------------------------------------
def test_actor_page_draws_quotes_and_articles_per_month(bench: TestClient) -> None:
    costa = bench.get("/api/actors", params={"q": "Maria Costa"}).json()["items"][0]["id"]
    html = page(bench, f"/actors/{costa}")
    figure = html.split('id="actor-timeline"')[1].split("</figure>")[0]
    tags = Tags(figure)
    titles = re.findall(r"<title>([^<]*)</title>", figure)
    assert "2014-03: 1 quote" in titles and "2014-04: 1 article" in titles
    assert tags.find("polyline", class_="tone-line")
    assert "1 undated quote, 1 undated article" in " ".join(figure.split())
    assert "2014-03</td>" in figure and "2014-04</td>" in figure


def test_search_draws_tone_over_time_for_a_topic(bench: TestClient) -> None:
    html = page(bench, "/?topic=trade")
    figure = html.split('id="search-timeline"')[1].split("</figure>")[0]
    titles = re.findall(r"<title>([^<]*)</title>", figure)
    assert "2014-03: mean tone 1.5" in titles and "2014-04: mean tone -0.5" in titles
    quote_only = page(bench, "/?speaker=Maria+Costa")
    figure = quote_only.split('id="search-timeline"')[1].split("</figure>")[0]
    assert "tone-line" not in figure, "articles are not filtered by speaker: no tone line"
