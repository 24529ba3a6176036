"""``watch`` against feeds, sitemaps and pages served from 127.0.0.1 (issue 16).

The server below plays every kind of source a watcher meets: a feed that answers 304 to a
conditional request, a news sitemap, a sitemap index, pages in UTF-8 and in Latin-1, and the
unlucky ones: a 500, a 429 with Retry-After, a redirect loop, malformed XML, a slow host, an
oversized body and a path that robots.txt forbids.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from communique.analyzer import Analyzer
from communique.errors import FetchError
from communique.settings import Settings
from communique.sources.feeds import canonical_url, read_listing
from communique.sources.fetch import PoliteFetcher, retry_after
from communique.store import Store
from communique.store import watching as state
from communique.watch import Watcher

PARAGRAPHS = [
    "The foreign minister of France met his German counterpart in Berlin on Monday to discuss "
    "the future of the European budget and the war in Ukraine.",
    '"We agreed that Europe must stand together," the French minister told reporters after '
    "the meeting, which lasted more than three hours.",
    "Officials from both governments said further talks would be held in Paris next month, "
    "when finance ministers are also expected to attend the summit.",
]


def page(title: str, extra: str = "") -> str:
    body = "".join(f"<p>{p} {extra}</p>" for p in PARAGRAPHS)
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}"
        "</article></body></html>"
    )


def rss(base: str, paths: list[str], title: str = "Example News") -> str:
    items = "".join(
        f"<item><title>Story {p}</title><link>{base}{p}</link>"
        "<pubDate>Mon, 04 Dec 2023 10:00:00 GMT</pubDate></item>"
        for p in paths
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>{items}</channel></rss>'


class Site:
    """What the server serves, and what it was asked."""

    def __init__(self) -> None:
        self.feed_paths = ["/a1.html", "/a2.html?utm_source=feed"]
        self.hits: Counter[str] = Counter()
        self.conditional = 0
        self.base = ""

    def etag(self) -> str:
        return f'"v{len(self.feed_paths)}"'


class Handler(BaseHTTPRequestHandler):
    site: Site

    def log_message(self, *args: object) -> None:
        pass

    def send(self, status: int, body: bytes, ctype: str, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers.items():
            self.send_header(k.replace("_", "-"), v)
        self.end_headers()
        with contextlib.suppress(BrokenPipeError):  # the client gave up (the slow host)
            self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        site = self.site
        path = self.path
        site.hits[path] += 1
        base = site.base
        if path == "/robots.txt":
            return self.send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        if path == "/feed.xml":
            if self.headers.get("If-None-Match") == site.etag():
                site.conditional += 1
                return self.send(304, b"", "application/rss+xml")
            body = rss(base, site.feed_paths).encode()
            return self.send(200, body, "application/rss+xml", ETag=site.etag())
        if path == "/sitemap.xml":
            body = (
                '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
                f"<url><loc>{base}/s1.html</loc><news:news><news:publication_date>2023-11-30"
                "</news:publication_date><news:title>Sitemap story</news:title></news:news></url>"
                "</urlset>"
            ).encode()
            return self.send(200, body, "application/xml")
        if path == "/index.xml":
            body = (
                '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/'
                f'sitemap/0.9"><sitemap><loc>{base}/sitemap.xml</loc></sitemap>'
                f"<sitemap><loc>{base}/500.xml</loc></sitemap></sitemapindex>"
            ).encode()
            return self.send(200, body, "application/xml")
        if path == "/latin1.html":
            body = page("Caf\xe9 talks", "Le caf\xe9 \xe9tait plein.").encode("latin-1")
            return self.send(200, body, "text/html; charset=iso-8859-1")
        if path.startswith(("/a", "/s1", "/b")) and ".html" in path:
            return self.send(200, page(f"Story {path}").encode(), "text/html; charset=utf-8")
        if path == "/500.xml":
            return self.send(500, b"oops", "text/plain")
        if path == "/429.xml":
            if site.hits[path] == 1:
                return self.send(429, b"slow down", "text/plain", Retry_After="1")
            return self.send(200, rss(base, ["/b1.html"]).encode(), "application/rss+xml")
        if path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        if path == "/bad.xml":
            return self.send(200, b"<rss><channel><item><title>broken", "application/rss+xml")
        if path == "/slow.xml":
            time.sleep(1.5)
            return self.send(200, rss(base, []).encode(), "application/rss+xml")
        if path == "/big.xml":
            return self.send(200, b"<rss>" + b" " * 300_000 + b"</rss>", "application/rss+xml")
        if path.startswith("/private/"):
            return self.send(200, rss(base, ["/a1.html"]).encode(), "application/rss+xml")
        return self.send(404, b"not found", "text/plain")


@pytest.fixture
def site() -> Iterator[Site]:
    site = Site()
    handler = type("BoundHandler", (Handler,), {"site": site})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site
    server.shutdown()
    server.server_close()


SETTINGS = Settings(
    fetch_interval=0.0,
    fetch_timeout=0.5,
    fetch_retries=1,
    fetch_max_wait=5.0,
    fetch_max_bytes=200_000,
)


class Waits:
    """Stands in for ``time.sleep``: records the waits asked for."""

    def __init__(self) -> None:
        self.asked: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.asked.append(seconds)


def watcher(store: Store, analyzer: Analyzer, waits: Waits | None = None) -> Watcher:
    fetcher = PoliteFetcher(SETTINGS, sleep=waits or Waits())
    return Watcher(store, SETTINGS, fetcher=fetcher, analyzer=analyzer)


def test_a_feed_gives_new_items_only_and_is_asked_conditionally(
    site: Site, analyzer: Analyzer, tmp_path: Path
) -> None:
    feed = site.base + "/feed.xml"
    with Store(tmp_path / "w.db") as store:
        w = watcher(store, analyzer)
        first = w.round([feed])
        assert [(s.status, s.kind, s.listed, s.new) for s in first.sources] == [
            ("ok", "feed", 2, 2)
        ]
        assert first.ingested.written.added == 2
        row = store.query("SELECT * FROM documents WHERE id = ?", (f"{site.base}/a2.html",))
        assert row and row[0]["outlet"] == "Example News" and row[0]["published"] == "2023-12-04"

        second = w.round([feed])
        assert second.sources[0].status == "not modified" and site.conditional == 1
        assert site.hits["/a1.html"] == 1

        site.feed_paths.append("/a3.html")  # a new item, a new ETag
        third = w.round([feed])
        assert (third.sources[0].new, third.ingested.written.added) == (1, 1)
        assert site.hits["/a1.html"] == 1 and site.hits["/a3.html"] == 1
        assert store.counts()["documents"] == 3


def test_sitemaps_indexes_and_url_lists(site: Site, analyzer: Analyzer, tmp_path: Path) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# my list\n{site.base}/b7.html\nnot a url\n", encoding="utf-8")
    with Store(tmp_path / "w.db") as store:
        report = watcher(store, analyzer).round([site.base + "/index.xml", str(urls)])
        kinds = [(s.kind, s.status, s.new) for s in report.sources]
        assert kinds == [("sitemap index", "ok", 1), ("url list", "ok", 1)]
        row = store.query("SELECT title, published FROM documents WHERE id LIKE '%/s1.html'")
        assert row and row[0]["published"] == "2023-11-30"
        assert store.counts()["documents"] == 2


def test_each_failing_source_has_its_reason_and_the_others_go_on(
    site: Site, analyzer: Analyzer, tmp_path: Path
) -> None:
    b = site.base
    sources = [
        b + "/500.xml",
        b + "/429.xml",
        b + "/loop",
        b + "/bad.xml",
        b + "/slow.xml",
        b + "/big.xml",
        b + "/private/feed.xml",
        b + "/missing.xml",
        str(tmp_path / "nowhere.txt"),
        b + "/feed.xml",
    ]
    waits = Waits()
    with Store(tmp_path / "w.db") as store:
        report = watcher(store, analyzer, waits).round(sources)
        status = {s.source.removeprefix(b): s.status for s in report.sources}
        assert "HTTP 500, after 2 attempt(s)" in status["/500.xml"]
        assert status["/429.xml"] == "ok" and 1.0 in waits.asked  # Retry-After honoured
        assert "redirects" in status["/loop"]
        assert "not a readable feed" in status["/bad.xml"]
        assert "no answer within 0.5 s" in status["/slow.xml"]
        assert "over 200,000 bytes" in status["/big.xml"]
        assert "robots.txt" in status["/private/feed.xml"] and site.hits["/private/feed.xml"] == 0
        assert "HTTP 404" in status["/missing.xml"]
        assert "no such file" in status[str(tmp_path / "nowhere.txt")]
        assert status["/feed.xml"] == "ok"
        assert report.ingested.written.added == 3  # b1 from the 429 feed, a1 and a2
        sources_row = state.source_state(store, b + "/500.xml")
        assert sources_row is not None and "HTTP 500" in sources_row.status


def test_a_page_in_latin1_is_read_in_its_charset(
    site: Site, analyzer: Analyzer, tmp_path: Path
) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text(site.base + "/latin1.html\n", encoding="utf-8")
    with Store(tmp_path / "w.db") as store:
        watcher(store, analyzer).round([str(urls)])
        (row,) = store.query("SELECT text FROM documents")
        assert "Le café était plein." in row["text"]


def test_retry_after_in_seconds_or_as_a_date() -> None:
    assert retry_after("7", 0.0) == 7.0
    assert retry_after("Wed, 21 Oct 2015 07:28:10 GMT", 1445412480.0) == 10.0
    assert retry_after("soon", 0.0) is None and retry_after(None, 0.0) is None


def test_a_wait_longer_than_allowed_fails_the_url(site: Site) -> None:
    fetcher = PoliteFetcher(SETTINGS.replace(fetch_max_wait=0.5), sleep=Waits())
    with pytest.raises(FetchError, match="asks to wait 1 s"):
        fetcher.get(site.base + "/429.xml")


def test_requests_to_one_host_are_paced(site: Site) -> None:
    waits = Waits()
    clock = iter(float(t) for t in range(100))
    fetcher = PoliteFetcher(
        SETTINGS.replace(fetch_interval=5.0), sleep=waits, clock=lambda: next(clock)
    )
    fetcher.get(site.base + "/a1.html")
    fetcher.get(site.base + "/a1.html")
    assert waits.asked and all(0 < w <= 5.0 for w in waits.asked)


def test_canonical_urls_drop_tracking_and_fragments() -> None:
    assert canonical_url("HTTP://Example.com:80/a?utm_source=x&id=3#top") == (
        "http://example.com/a?id=3"
    )


def test_an_atom_feed_and_relative_links() -> None:
    atom = (
        b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>'
        b'<entry><title>One</title><link href="/news/1"/><updated>2024-01-02T03:04:05Z</updated>'
        b"</entry></feed>"
    )
    listing = read_listing(atom, "https://wire.example/feed")
    assert listing.kind == "feed" and listing.title == "Wire"
    assert [(i.url, i.published) for i in listing.items] == [
        ("https://wire.example/news/1", "2024-01-02")
    ]


def test_watch_stops_cleanly_on_sigterm(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    env = {**os.environ, "COMMUNIQUE_FETCH_INTERVAL": "0"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "communique", "watch", site.base + "/feed.xml", "--db", str(db)]
        + ["--every", "10", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )
    try:
        assert proc.stdout is not None
        first = json.loads(proc.stdout.readline())  # the first round is done
        assert first["added"] == 2 and first["stopped"] is False
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    with Store(db) as store:
        seen = store.query("SELECT COUNT(*) AS n FROM watch_seen")[0]["n"]
        assert seen == store.counts()["documents"] == 2
