"""The HTML pages, in process: content, links to evidence, escaping and error pages."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_fixtures import HOSTILE_ACTOR, HOSTILE_TITLE, kerry_analysis

from communique.records import PERIODS
from communique.store import Store
from communique.web import create_app
from communique.web.data import event_threshold


class Tags(HTMLParser):
    """Every start tag with its attributes, to inspect pages without regular expressions."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def find(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        return [
            a
            for t, a in self.tags
            if t == tag
            and all(
                v in (a.get(k.rstrip("_")) or "").split() or a.get(k.rstrip("_")) == v
                for k, v in attrs.items()
            )
        ]


def page(client: TestClient, url: str, status: int = 200) -> str:
    r = client.get(url)
    assert r.status_code == status, r.text[:500]
    assert r.headers["content-type"].startswith("text/html")
    return r.text


def actor_id(client: TestClient, name: str) -> int:
    return int(client.get("/api/actors", params={"q": name}).json()["items"][0]["id"])


def test_search_by_speaker_shows_quote_speaker_and_evidence(client: TestClient) -> None:
    html = page(client, "/?speaker=Lavrov")
    assert "Russia would not extradite Snowden" in html
    assert "Foreign Minister" in html and "RUS" in html and "2013-08-09" in html
    tags = Tags(html)
    evidence = tags.find("a", class_="evidence")
    assert len(evidence) == 1
    quote_id = client.get("/api/quotes", params={"speaker": "Lavrov"}).json()["items"][0]["id"]
    assert evidence[0]["href"] == f"/articles/kerry-lavrov-2013#q-{quote_id}"
    assert (
        tags.find("a", class_="speaker-link")[0]["href"] == f"/actors/{actor_id(client, 'Lavrov')}"
    )
    assert "We will discuss" not in html


def test_search_words_finds_quotes_and_articles_with_marked_snippet(client: TestClient) -> None:
    html = page(client, "/?q=Snowden")
    # issue 14: matches are marked in quotes too, not only in article snippets
    quotes = html.split('class="results quotes-results"')[1].split("</section>")[0]
    assert "Russia would not extradite <mark>Snowden</mark>" in quotes
    assert "<mark>Snowden</mark>" in html.split('class="snippet"')[1]
    assert "\x02" not in html and "\x03" not in html


def test_search_filters_and_bad_input_become_messages(client: TestClient) -> None:
    html = page(client, "/?kind=direct&country=USA")
    assert "We will discuss these differences today," in html and "extradite" not in html
    html = page(client, "/?since=yesterday&kind=shouted")
    assert "is not a date like 2013-08-09" in html and "is not one of direct" in html
    # issue 14: a date the calendar has not, and a country by name, were silently ignored
    html = page(client, "/?since=2005-13-01")
    assert "is not a date like 2013-08-09" in html
    by_name = page(client, "/?kind=direct&country=United%20States")
    assert "We will discuss these differences today," in by_name and "extradite" not in by_name


def test_landing_page_shows_latest_quotes_and_articles(client: TestClient) -> None:
    html = page(client, "/")
    assert "Latest quotes" in html and "Kerry meets Lavrov" in html
    assert "2 articles" in html


def test_article_highlights_quotes_actors_boilerplate_and_events(client: TestClient) -> None:
    html = page(client, "/articles/kerry-lavrov-2013")
    tags = Tags(html)
    quote_ids = [
        q["id"]
        for q in client.get("/api/quotes", params={"doc_id": "kerry-lavrov-2013"}).json()["items"]
    ]
    for qid in quote_ids:
        assert tags.find("a", id=f"q-{qid}"), "each quote has an anchor for evidence links"
    direct = [a for a in tags.find("span", class_="q") if "q-direct" in (a["class"] or "")]
    indirect = [a for t, a in tags.tags if "q-indirect" in (a.get("class") or "").split()]
    assert direct and indirect
    colours = {c for a in direct for c in (a["class"] or "").split() if c.startswith("spk-")}
    colours_ind = {c for a in indirect for c in (a["class"] or "").split() if c.startswith("spk-")}
    assert colours and colours_ind and colours != colours_ind, "speakers get different colours"
    kerry = actor_id(client, "Kerry")
    assert any(a["href"] == f"/actors/{kerry}" for a in tags.find("a", class_="mention"))
    assert re.search(r'<span class="boiler">Menu \| Subscribe \| Login</span>', html)
    assert re.search(r'<span class="boiler">Share this article</span>', html)
    assert tags.find("div", id="e-1") and tags.find("a", id="ev-1")
    assert "Consult, not specified" in html and "Reject, not specified" in html
    assert "Secretary of State" in html and "Sergei Lavrov" in html


def test_article_text_is_rebuilt_exactly(client: TestClient) -> None:
    """Stripping the markup gives back the article paragraphs, character for character."""
    from web_fixtures import KERRY_TEXT

    html = page(client, "/articles/kerry-lavrov-2013")
    paragraphs = re.findall(r'<p class="text">(.*?)</p>', html, flags=re.S)
    import html as html_lib

    text = "\n\n".join(
        html_lib.unescape(re.sub(r"<a class=\"(anchor|evmark)\"[^>]*>[^<]*</a>|<[^>]+>", "", p))
        for p in paragraphs
    )
    assert text == KERRY_TEXT


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/?q=threats",
        "/?speaker=Mallory",
        "/articles/hostile%2F2013%20%3Cx%3E",
        "/actors",
        "/actors/4",
        "/relations?a=USA&b=RUS",
        "/network",
        "/api",
    ],
)
def test_untrusted_text_is_shown_as_text(client: TestClient, url: str) -> None:
    html = page(client, url)
    for raw in (
        "<script>alert",
        "<img src=x",
        "<i>Mallory</i>",
        "<b>bold</b>",
        "<u>Spokesman</u>",
        "<b>Outlet</b>",
        "javascript:",
    ):
        assert raw not in html, f"{raw!r} reached the page unescaped"
    scripts = Tags(html).find("script")
    assert all(s.get("src") in ("/static/chart.js", "/static/network.js") for s in scripts)


def test_hostile_article_shows_its_markup_as_text(client: TestClient) -> None:
    html = page(client, "/articles/hostile%2F2013%20%3Cx%3E")
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Threats" in html
    assert HOSTILE_TITLE not in html


def test_actor_page(client: TestClient) -> None:
    kerry = actor_id(client, "Kerry")
    html = page(client, f"/actors/{kerry}")
    assert "<h1>John Kerry</h1>" in html
    assert "Secretary of State" in html and "USAGOV" in html and "2013-08-09" in html
    assert "We will discuss these differences today," in html
    assert "Consult, not specified" in html and "Reject, not specified" in html
    lavrov = actor_id(client, "Lavrov")
    co = Tags(html.split("Seen most often with")[1]).find("a")
    assert any(a["href"] == f"/actors/{lavrov}" for a in co)
    assert page(client, "/actors/John Kerry") == html


def test_actor_list_filters(client: TestClient) -> None:
    html = page(client, "/actors?country=USA")
    assert "John Kerry" in html and "Pentagon" in html and "Sergei Lavrov" not in html


def test_relations_chart(client: TestClient) -> None:
    html = page(client, "/relations?a=usa&b=RUS")
    tags = Tags(html)
    assert tags.find("svg") and len(tags.find("rect", class_="bar")) == 4
    assert {c for a in tags.find("rect", class_="bar") for c in (a["class"] or "").split()} >= {
        "quad-1",
        "quad-3",
        "quad-4",
    }
    assert tags.find("polyline", class_="goldstein")
    assert [a["data-period"] for a in tags.find("rect", class_="hit")] == ["2013-08", "2013-09"]
    assert tags.find("script")[0]["src"] == "/static/chart.js"
    assert "Threaten with military force" in html
    weekly = Tags(page(client, "/relations?a=USA&b=RUS&by=week"))
    assert len(weekly.find("rect", class_="hit")) == 7


@pytest.mark.parametrize("period", PERIODS)
def test_relations_accepts_every_period(client: TestClient, period: str) -> None:
    html = page(client, f"/relations?a=USA&b=RUS&by={period}")
    tags = Tags(html)
    assert "is not one of" not in html
    assert [a["value"] for a in tags.find("option") if a.get("value") in PERIODS] == list(PERIODS)
    assert [a["value"] for a in tags.find("option") if "selected" in a] == [period]
    series = client.get(f"/api/dyads/USA/RUS?by={period}").json()["series"]
    assert [a["data-period"] for a in tags.find("rect", class_="hit")] == [
        r["period"] for r in series
    ]


def test_relations_without_events_or_sides(client: TestClient) -> None:
    assert "No dated events between USA and CHN" in page(client, "/relations?a=USA&b=CHN")
    assert "pick both sides" in page(client, "/relations?a=USA")
    assert "Pick two countries" in page(client, "/relations")
    assert "is not a country or actor code" in page(client, "/relations?a=U%20S&b=RUS")


def test_network_page(client: TestClient) -> None:
    tags = Tags(page(client, "/network"))
    assert len(tags.find("circle", class_="node")) == 5
    assert (
        tags.find("line", class_="edge-event")
        and tags.find("line", class_="edge-coquoted")
        and tags.find("line", class_="edge-quote")
    )
    later = page(client, "/network?since=2014-01-01")
    assert "No connected actors in this period" in later


def test_static_assets_are_local(client: TestClient) -> None:
    assert client.get("/static/style.css").status_code == 200
    assert client.get("/static/chart.js").status_code == 200
    for url in ("/", "/relations?a=USA&b=RUS"):
        assert "http" not in "".join(
            (a.get("src") or "") + (a.get("href") or "")
            for t, a in Tags(page(client, url)).tags
            if t in ("script", "link")
        )


@pytest.mark.parametrize(
    "url", ["/articles/nope", "/actors/99999", "/actors/Nobody", "/no/such/page"]
)
def test_unknown_pages_are_html_404(client: TestClient, url: str) -> None:
    html = page(client, url, status=404)
    assert "404" in html and "Traceback" not in html


def test_missing_database_page(tmp_path: Path) -> None:
    c = TestClient(create_app(str(tmp_path / "absent.db")))
    html = page(c, "/actors", status=503)
    assert "There is no database at" in html and "make demo" in html


def test_api_index_lists_endpoints(client: TestClient) -> None:
    html = page(client, "/api")
    assert "/api/dyads/{a}/{b}" in html and "/api/openapi.json" in html


def test_hostile_actor_name_is_escaped_in_search(client: TestClient) -> None:
    html = page(client, "/?speaker=Mallory")
    assert "&lt;i&gt;Mallory&lt;/i&gt;" in html and HOSTILE_ACTOR not in html


def test_a_file_that_is_not_a_database_is_a_clear_503(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("just some notes, not SQLite\n" * 100)
    c = TestClient(create_app(str(bogus)))
    html = page(c, "/", status=503)
    assert "Database unavailable" in html and "Traceback" not in html
    r = c.get("/api/stats")
    assert r.status_code == 503 and r.json()["detail"]


def test_events_page_lists_filters_and_exports(client: TestClient) -> None:
    html = page(client, "/events")
    assert "Consult, not specified" in html and "Reject, not specified" in html
    assert Tags(html).find("a", href="/events")  # in the navigation
    only_russia = page(client, "/events?source=RUS")
    assert "Reject, not specified" in only_russia and "Consult, not specified" not in only_russia
    by_code = page(client, "/events?code=04")
    assert "Consult, not specified" in by_code and "Reject, not specified" not in by_code
    gdelt = Tags(page(client, "/events?source=USA&code=04")).find("a", class_="export")
    threshold = event_threshold("")
    assert [a["href"] for a in gdelt] == [
        f"/export.gdelt?source=USA&code=04&min_confidence={threshold}"
    ]
    assert "is not a CAMEO code" in page(client, "/events?code=x1")


def test_events_page_leaves_out_low_confidence_unless_asked(tmp_path: Path) -> None:
    analysis = kerry_analysis()
    low, high = event_threshold(""), 1.0
    scored = (
        replace(analysis.events[0], confidence=low / 2),
        replace(analysis.events[1], confidence=high),
    )
    with Store(tmp_path / "c.db") as store:
        store.write([replace(analysis, events=scored)])
    client = TestClient(create_app(str(tmp_path / "c.db")))
    html = page(client, "/events")
    assert "Reject, not specified" in html and "Consult, not specified" not in html
    assert "1 event scored under the confidence threshold" in html
    everything = page(client, "/events?all=1")
    assert (
        "Consult, not specified" in everything
        and "under the confidence threshold" not in everything
    )


def test_counts_in_the_article_list_agree_in_number(client: TestClient) -> None:
    html = page(client, "/")
    assert not re.search(r"\b1 (quotes|events|articles)\b", html)
    assert re.search(r"\b\d+ quotes? · \d+ events?\b", html)
