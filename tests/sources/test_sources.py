from __future__ import annotations

import gzip
import http.server
import io
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from communique.errors import FetchError, SourceError
from communique.settings import Settings
from communique.sources import read_sources
from communique.sources.url import FetchResult, UrllibFetcher

HTML = (
    b"<html><head><title>T</title></head><body><article><p>"
    + b"Words of the article. " * 40
    + b"</p></article></body></html>"
)


def test_plain_text_file_keeps_text_unchanged(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text("Hello “world”.\n", encoding="utf-8")
    (doc,) = read_sources([str(p)])
    assert doc.text == "Hello “world”.\n" and doc.html is None and doc.id == "a"


def test_html_file_is_read_as_html(tmp_path: Path) -> None:
    p = tmp_path / "page.html"
    p.write_bytes(HTML)
    (doc,) = read_sources([str(p)])
    assert doc.html is not None and doc.text is None


def test_jsonl_fields_and_bad_lines(tmp_path: Path) -> None:
    p = tmp_path / "d.jsonl"
    p.write_text(
        "\n".join(
            [
                json.dumps(
                    {
                        "id": "x1",
                        "text": "Some text.",
                        "date": "2013-08-09",
                        "url": "http://e.com/a",
                        "extra": 1,
                    }
                ),
                "{not json",
                json.dumps({"id": "x3"}),
                json.dumps({"id": "x4", "html": "<p>hi</p>", "outlet": "O"}),
                json.dumps([1, 2]),
            ]
        ),
        encoding="utf-8",
    )
    docs = list(read_sources([str(p)]))
    assert [d.id for d in docs[:1]] == ["x1"]
    assert docs[0].published == "2013-08-09" and docs[0].url == "http://e.com/a"
    assert "not valid JSON" in (docs[1].skipped or "")
    assert "neither 'text' nor 'html'" in (docs[2].skipped or "")
    assert docs[3].html == "<p>hi</p>" and docs[3].outlet == "O"
    assert "not an object" in (docs[4].skipped or "")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"\x00\x01\x02binary\x00" * 10, "binary"),
        (b"caf\xe9 au lait " * 10, "not valid UTF-8"),
    ],
)
def test_bad_files_are_skipped_with_a_reason(tmp_path: Path, content: bytes, reason: str) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    (doc,) = read_sources([str(p)])
    assert reason in (doc.skipped or "")


def test_oversized_file_is_skipped_unread(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_bytes(b"word " * 3000)
    (doc,) = read_sources([str(p)], Settings(max_bytes=1000))
    assert "over the" in (doc.skipped or "")


def test_directory_is_walked_recursively_by_extension(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("A text.", encoding="utf-8")
    (tmp_path / "sub" / "b.html").write_bytes(HTML)
    (tmp_path / "ignored.png").write_bytes(b"\x89PNG")
    docs = list(read_sources([str(tmp_path)]))
    assert sorted(Path(d.source).name for d in docs) == ["a.txt", "b.html"]


def test_missing_path_raises() -> None:
    with pytest.raises(SourceError, match="no such file"):
        list(read_sources(["/nonexistent/file.txt"]))


def test_stdin_text_and_jsonl() -> None:
    (doc,) = read_sources(["-"], stdin=io.BytesIO(b"Plain words here."))
    assert doc.text == "Plain words here."
    docs = list(
        read_sources(
            ["-"], stdin=io.BytesIO(b'{"id": "s1", "text": "x"}\n{"id": "s2", "text": "y"}\n')
        )
    )
    assert [d.id for d in docs] == ["s1", "s2"]


def test_warc_one_document_per_response(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i, (ctype, body) in enumerate(
            [("text/html", HTML), ("image/png", b"\x89PNG"), ("text/html", HTML)]
        ):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(
                f"http://example.com/{i}",
                "response",
                payload=io.BytesIO(body),
                http_headers=headers,
            )
            writer.write_record(rec)
            req = writer.create_warc_record(
                f"http://example.com/{i}", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
            )
            writer.write_record(req)
    docs = list(read_sources([str(path)]))
    assert len(docs) == 3
    assert docs[0].html and docs[0].url == "http://example.com/0"
    assert "not text or HTML" in (docs[1].skipped or "")


def test_not_a_warc_is_one_skipped_document(tmp_path: Path) -> None:
    path = tmp_path / "junk.warc.gz"
    path.write_bytes(gzip.compress(b"this is not a warc file"))
    (doc,) = read_sources([str(path)])
    assert doc.id == str(path) and "not a WARC file" in (doc.skipped or "")


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        if self.path == "/article":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(HTML)
        elif self.path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(b"x" * 5000)
        elif self.path.startswith("/loop"):
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        else:
            self.send_response(404)
            self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_url_is_fetched_from_a_local_server(server: str) -> None:
    (doc,) = read_sources([server + "/article"])
    assert doc.html is not None and doc.url == server + "/article"


@pytest.mark.parametrize(
    ("path", "message"), [("/missing", "HTTP 404"), ("/big", "cap"), ("/loop", "redirect")]
)
def test_url_failures_are_clear(server: str, path: str, message: str) -> None:
    settings = Settings(fetch_max_bytes=1000, fetch_max_redirects=2)
    with pytest.raises(FetchError, match=message):
        list(read_sources([server + path], settings))


def test_unreachable_url_fails_cleanly() -> None:
    fetcher = UrllibFetcher(Settings(fetch_timeout=2))
    with pytest.raises(FetchError, match="cannot fetch"):
        fetcher.fetch("http://127.0.0.1:9/")


def test_injected_fetcher_is_used() -> None:
    class Fake:
        def fetch(self, url: str) -> FetchResult:
            return FetchResult(url, b"Just some plain text.", "text/plain")

    (doc,) = read_sources(["https://example.org/x"], fetcher=Fake())
    assert doc.text == "Just some plain text."


def test_jsonl_record_with_title_is_an_extracted_article(tmp_path: Path) -> None:
    p = tmp_path / "d.jsonl"
    p.write_text(
        json.dumps({"id": "a", "title": "T", "text": "x"})
        + "\n"
        + json.dumps({"id": "b", "text": "y"})
        + "\n",
        encoding="utf-8",
    )
    assert [d.extracted for d in read_sources([str(p)])] == [True, False]


def test_jsonl_authors_become_the_articles_byline(tmp_path: Path) -> None:
    from communique.article import ArticleCleaner

    lines = [
        {"id": "a", "title": "T", "text": "I went to Kigali. " * 5, "author": "Jane Doe"},
        {"id": "b", "title": "T", "text": "Words.", "authors": ["A One", "B Two", 3]},
        {"id": "c", "title": "T", "text": "Words."},
    ]
    path = tmp_path / "d.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    docs = list(read_sources([str(path)]))
    assert [d.byline for d in docs] == [("Jane Doe",), ("A One", "B Two"), ()]
    cleaner = ArticleCleaner(Settings())
    assert cleaner(docs[0]).byline == ("Jane Doe",)
