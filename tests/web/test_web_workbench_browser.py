"""Issue 14 in headless Chromium: the facets, the download buttons and the timelines as a
browser shows them, followed as a reader would (a facet link narrows the list to the count it
showed; a download link answers the file the page promised), and the pages that carry them on
a 420-pixel phone."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

import httpx
import pytest
from chromium import Browser, LiveServer
from test_web_browser import PHONE, Dom, add_probe, browser, snap
from web_fixtures import build_demo_db, syndicated_analyses

from communique.store.db import Store
from communique.web import create_app

pytestmark = pytest.mark.browser
__all__ = ["browser"]  # the fixture, shared with test_web_browser


@pytest.fixture(scope="module")
def bench_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = build_demo_db(tmp_path_factory.mktemp("bench") / "bench.db")
    with Store(db, clock=lambda: "2014-05-01T00:00:00+00:00") as store:
        store.write(syndicated_analyses())
    app = create_app(str(db))
    base: list[str] = []
    add_probe(app, base)
    with LiveServer(app) as url:
        base.append(url)
        yield url


def facet_counts(html: str, name: str) -> dict[str, tuple[str, int]]:
    block = html.split(f'data-facet="{name}"')[1].split("</div>")[0]
    links = Dom(block).having("a", "facet-link")
    counts = re.findall(r'class="facet-count">([0-9,]+)<', block)
    return {
        a["data-value"]: (a["href"], int(n.replace(",", "")))
        for a, n in zip(links, counts, strict=True)
    }


def quotes_total(html: str) -> int:
    found = re.search(r"Quotes (?:[0-9,]+–)?[0-9,]+ of ([0-9,]+)", html)
    assert found, "no total"
    return int(found.group(1).replace(",", ""))


def test_search_facets_narrow_the_list_to_their_count(browser: Browser, bench_url: str) -> None:
    url = f"{bench_url}/?since=2013"
    html = browser.dom(url)
    dom = Dom(html)
    assert {d["data-facet"] for d in dom.having("div", "facet")} >= {
        "outlet",
        "speaker",
        "kind",
        "topic",
        "month",
    }
    snap(browser, url, "search-facets")
    outlets = facet_counts(html, "outlet")
    assert outlets, "no outlet facet values"
    value, (href, count) = next(iter(outlets.items()))
    narrowed = browser.dom(f"{bench_url}/{href}")
    assert quotes_total(narrowed) == count
    current = Dom(narrowed).having("li", "current")
    assert current, f"the facet value {value!r} is not shown as in force"


def test_download_buttons_answer_the_promised_files(browser: Browser, bench_url: str) -> None:
    html = browser.dom(f"{bench_url}/?q=closer")
    buttons = {a["data-format"]: a for a in Dom(html).having("a", "export")}
    assert set(buttons) == {"csv", "jsonl"} and all("download" in a for a in buttons.values())
    assert Dom(html).having("span", "export"), "GDELT is shown as not offered, with its reason"
    r = httpx.get(bench_url + buttons["csv"]["href"], timeout=30)
    assert r.status_code == 200 and r.headers["content-disposition"].startswith("attachment")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == quotes_total(html) == 1 and rows[0]["reports"] == "2"
    records = httpx.get(bench_url + buttons["jsonl"]["href"], timeout=30).text.splitlines()
    assert len(records) == 2  # the two printed copies: articles count each

    rel = browser.dom(f"{bench_url}/relations?a=USA&b=RUS")
    gdelt = [a for a in Dom(rel).having("a", "export") if a["data-format"] == "gdelt"]
    assert gdelt and gdelt[0]["href"] == "/export.gdelt?a=USA&b=RUS"
    rows = httpx.get(bench_url + gdelt[0]["href"], timeout=30).text.splitlines()
    events = re.search(r"Events (?:[0-9,]+–)?[0-9,]+ of ([0-9,]+)", rel)
    assert events and len(rows) == int(events.group(1)) > 10
    assert all(len(r.split("\t")) == 61 for r in rows)


def test_actor_timeline_is_drawn(browser: Browser, bench_url: str) -> None:
    costa = httpx.get(f"{bench_url}/api/actors", params={"q": "Maria Costa"}).json()["items"]
    url = f"{bench_url}/actors/{costa[0]['id']}"
    html = browser.dom(url)
    dom = Dom(html)
    figure = [a for t, a in dom.tags if t == "figure" and a.get("id") == "actor-timeline"]
    assert figure, "no timeline"
    # March and April: the quote and its article each (the reprint a month later counts in
    # April too, as a filter by April finds it)
    assert len(dom.having("rect", "bar")) == 4
    assert dom.having("polyline", "tone-line") and "undated" in html
    assert {a["data-format"] for a in dom.having("a", "export")} == {"csv", "jsonl", "gdelt"}
    snap(browser, url, "actor-timeline")


@pytest.mark.parametrize("path", ["?topic=trade", "actors?outlet=Wire+A", "actors/Maria%20Costa"])
def test_facets_and_timelines_fit_a_phone(browser: Browser, bench_url: str, path: str) -> None:
    dom = Dom(browser.dom(f"{bench_url}/__probe/{path}"))
    body = [a for t, a in dom.tags if t == "body"][0]
    assert body.get("data-viewport") and int(body["data-viewport"]) <= PHONE, "not a phone"
    assert int(body["data-scroll-width"]) <= int(body["data-viewport"]), body["data-too-wide"]
    assert body["data-too-wide"] == ""
