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
from html.parser import HTMLParser
from pathlib import Path

import pytest
from chromium import Browser, LiveServer, ensure_chromium
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


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = build_demo_db(tmp_path_factory.mktemp("browser") / "demo.db")
    with LiveServer(create_app(str(db))) as url:
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
    snap(browser, net_url, "network")
    hostile = browser.dom(f"{base_url}/articles/hostile%2F2013%20%3Cx%3E")
    page = Dom(hostile)
    assert not [a for t, a in page.tags if t in ("script", "img", "b", "u")]
    assert "&lt;script&gt;alert('xss')&lt;/script&gt;" in hostile
