"""The real pages in headless Chromium, against a live uvicorn server.

The scenario follows the links a reader would: search for a speaker, open the evidence link to
the article, check the highlights, follow an actor link, then draw the relations chart for two
countries (whose readout is filled in by ``static/chart.js``, so this proves the script runs in
a browser under the page's Content-Security-Policy).

Chromium is found on PATH or installed with ``ensure_chromium.sh``; the tests skip, saying why,
only when neither works. Set ``COMMUNIQUE_SCREENSHOTS=DIR`` to also save a PNG of every page.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from html import escape as html_escape
from html.parser import HTMLParser
from pathlib import Path

import httpx
import pytest
from chromium import Browser, LiveServer, ensure_chromium
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from web_fixtures import build_demo_db

from communique.web import create_app

pytestmark = pytest.mark.browser


class Dom(HTMLParser):
    """Start tags with attributes, and the text inside elements with a given class."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def having(self, tag: str, cls: str) -> list[dict[str, str]]:
        return [a for t, a in self.tags if t == tag and cls in a.get("class", "").split()]


@pytest.fixture(scope="module")
def browser() -> Browser:
    path, why = ensure_chromium()
    if path is None:
        pytest.skip(f"headless Chromium is not available and could not be installed: {why}")
    return Browser(path)


PHONE = 420
"""The phone's width in CSS pixels. Headless Chromium will not make a window narrower than
500 pixels, so the page is measured in a frame of this width instead."""

PROBE_JS = """
window.addEventListener("load", function () {
  var frame = document.querySelector("iframe"), doc = frame.contentDocument;
  var width = doc.documentElement.clientWidth, wide = [];
  Array.prototype.forEach.call(doc.querySelectorAll("body *"), function (el) {
    var box = el.getBoundingClientRect();  // (what an <svg> holds is clipped to it)
    if (!el.ownerSVGElement && box.width > 0 && box.right > width + 1) {
      wide.push(el.tagName.toLowerCase() + "." + (el.getAttribute("class") || ""));
    }
  });
  document.body.setAttribute("data-viewport", String(width));
  document.body.setAttribute("data-scroll-width", String(doc.documentElement.scrollWidth));
  document.body.setAttribute("data-too-wide", wide.slice(0, 8).join(" "));
});
"""


def add_probe(app: FastAPI, base: list[str]) -> None:
    """Test-only routes: ``/__probe/PAGE?QUERY`` shows the app's page in a frame ``PHONE``
    pixels wide, and a script (``/__probe.js``, same origin, so allowed by the
    Content-Security-Policy) writes on its ``<body>`` the frame's width, the page's scroll
    width and the elements running past its right edge. The framed copy
    (``/__probe/raw/...``) carries the page's own headers, but allows a frame of the same
    origin."""

    @app.get("/__probe.js")
    def probe_js() -> Response:
        return Response(PROBE_JS, media_type="application/javascript")

    @app.get("/__probe/raw/{path:path}")
    def raw(path: str, request: Request) -> HTMLResponse:
        query = f"?{request.url.query}" if request.url.query else ""
        page = httpx.get(f"{base[0]}/{path}{query}", timeout=30)
        csp = page.headers["content-security-policy"].replace(
            "frame-ancestors 'none'", "frame-ancestors 'self'"
        )
        return HTMLResponse(
            page.text,
            headers={"content-security-policy": csp, "x-frame-options": "SAMEORIGIN"},
        )

    @app.get("/__probe/{path:path}")
    def probe(path: str, request: Request) -> HTMLResponse:
        query = f"?{request.url.query}" if request.url.query else ""
        src = html_escape(f"/__probe/raw/{path}{query}")
        return HTMLResponse(
            f'<!doctype html><html><body style="margin:0"><iframe src="{src}" '
            f'width="{PHONE}" height="900" style="border:0"></iframe>'
            '<script src="/__probe.js"></script></body></html>'
        )


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = build_demo_db(tmp_path_factory.mktemp("browser") / "demo.db")
    app = create_app(str(db))
    base: list[str] = []
    add_probe(app, base)
    with LiveServer(app) as url:
        base.append(url)
        yield url


def snap(browser: Browser, url: str, name: str) -> None:
    folder = os.environ.get("COMMUNIQUE_SCREENSHOTS")
    if folder:
        browser.screenshot(url, Path(folder) / f"{name}.png")


def test_search_article_actor_relations(browser: Browser, base_url: str) -> None:
    # 1. search for a speaker
    search_url = f"{base_url}/?speaker=Lavrov"
    dom = browser.dom(search_url)
    assert "Russia would not extradite Snowden" in dom
    evidence = Dom(dom).having("a", "evidence")
    assert len(evidence) == 1 and evidence[0]["href"].startswith("/articles/kerry-lavrov-2013#q-")
    snap(browser, search_url, "search")

    # 2. open the article through the evidence link: the quote's anchor is there
    article_url = base_url + evidence[0]["href"]
    dom = browser.dom(article_url)
    page = Dom(dom)
    anchor = evidence[0]["href"].split("#")[1]
    assert [t for t, a in page.tags if a.get("id") == anchor]

    # 3. the highlights: quotes coloured by speaker, actors linked, boilerplate greyed, events
    quotes = page.having("span", "q")
    assert {c for q in quotes for c in q["class"].split() if c.startswith("spk-")} >= {
        "spk-0",
        "spk-1",
    }
    assert page.having("span", "boiler") and page.having("div", "event-note")
    mentions = page.having("a", "mention")
    assert mentions
    snap(browser, article_url.split("#")[0], "article")

    # 4. follow an actor link
    actor_url = base_url + mentions[0]["href"]
    dom = browser.dom(actor_url)
    assert "<h1>John Kerry</h1>" in dom and "Roles over time" in dom and "Secretary of State" in dom
    snap(browser, actor_url, "actor")

    # 5. the relations chart for two countries, with its script-made readout
    rel_url = f"{base_url}/relations?a=USA&b=RUS"
    dom = browser.dom(rel_url)
    rel = Dom(dom)
    assert len(rel.having("rect", "bar")) >= 10 and rel.having("polyline", "goldstein")
    figure = [a for t, a in rel.tags if t == "figure" and a.get("id") == "relations-chart"][0]
    assert figure.get("data-ready") == "true", "chart.js did not run"
    assert "2013-08: 3 events" in dom
    snap(browser, rel_url, "relations")


def test_network_and_escaping_in_the_browser(browser: Browser, base_url: str) -> None:
    net_url = f"{base_url}/network"
    dom = Dom(browser.dom(net_url))
    assert len(dom.having("circle", "node")) >= 5
    hostile = browser.dom(f"{base_url}/articles/hostile%2F2013%20%3Cx%3E")
    page = Dom(hostile)
    assert not [a for t, a in page.tags if t in ("script", "img", "b", "u")]
    assert "&lt;script&gt;alert('xss')&lt;/script&gt;" in hostile


def nodes(dom: Dom) -> list[dict[str, str]]:
    return dom.having("circle", "node")


def test_network_force_layout_legend_and_filters(browser: Browser, base_url: str) -> None:
    """Issue 14: the network is laid out by ``static/network.js`` (no two circles overlap, and
    they left the server's spiral), has a legend and zoom buttons, draws named actors once
    each, and its filters change what is drawn."""
    net_url = f"{base_url}/network"
    html = browser.dom(net_url)
    dom = Dom(html)
    figure = [a for t, a in dom.tags if t == "figure" and a.get("id") == "network"][0]
    assert figure.get("data-ready") == "true", "network.js did not run"
    assert [a for t, a in dom.tags if t == "figcaption" and a.get("id") == "network-legend"]
    assert "events, mostly conflict" in html and "quoted in the same article" in html
    tools = [a for t, a in dom.tags if t == "div" and "net-tools" in a.get("class", "")]
    assert tools and "hidden" not in tools[0], "the zoom buttons are shown once the script runs"
    drawn = nodes(dom)
    names = [n["data-name"] for n in drawn]
    assert "officials" not in names and "LSE" not in names and "London Stock Exchange" in names
    assert len(names) == len(set(names))
    circles = [(float(n["cx"]), float(n["cy"]), float(n["r"])) for n in drawn]
    for i, (x1, y1, r1) in enumerate(circles):
        for x2, y2, r2 in circles[i + 1 :]:
            assert ((x1 - x2) ** 2 + (y1 - y2) ** 2) ** 0.5 >= (r1 + r2) * 0.95
    served = Dom(httpx.get(net_url).text)
    start = {(n["cx"], n["cy"]) for n in nodes(served)}
    assert not start & {(n["cx"], n["cy"]) for n in drawn}, "the force layout moved every node"
    snap(browser, net_url, "network")

    countries = nodes(Dom(browser.dom(f"{net_url}?kind=country")))
    assert {n["data-name"] for n in countries} == {"Russia", "United States"}
    heavy = nodes(Dom(browser.dom(f"{net_url}?min_weight=2")))
    assert 0 < len(heavy) < len(drawn)
    everyone = nodes(Dom(browser.dom(f"{net_url}?descriptions=1")))
    assert "officials" in {n["data-name"] for n in everyone} and len(everyone) == len(drawn) + 1


@pytest.mark.parametrize(
    "path", ["relations?a=USA&b=RUS", "network", "actors", "?q=Snowden", "api"]
)
def test_phone_layout_has_no_horizontal_overflow(
    browser: Browser, base_url: str, path: str
) -> None:
    """Issue 14: on a 420-pixel phone the relations table ran off the screen."""
    dom = Dom(browser.dom(f"{base_url}/__probe/{path}"))
    body = [a for t, a in dom.tags if t == "body"][0]
    assert body.get("data-viewport") and int(body["data-viewport"]) <= PHONE, "not a phone"
    assert int(body["data-scroll-width"]) <= int(body["data-viewport"]), body["data-too-wide"]
    assert body["data-too-wide"] == ""


def test_api_page_shows_code_not_backticks(browser: Browser, base_url: str) -> None:
    html = browser.dom(f"{base_url}/api")
    assert "``" not in html and "<code>q</code>" in html
