"""Hostile input: every request parameter, path and body the app reads, fed values meant to
break it. Whatever arrives, the answer is a 4xx with a reason (or a 2xx), never a 500.

The first tests pin the failures of a hand-made campaign (799 requests, 13 answered 500):
Unicode digits (``"²"``, ``"٣"``), offsets of 5,000 digits, ids past SQLite's 64 bits, names
whose key is empty (``"!!!"``), bodies Python's ``json`` chokes on, and ``OPTIONS``. The sweep
at the end sends a list of hostile values to every parameter of every ``GET`` route, the
routes read from ``app.routes``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jsonschema
import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from web_fixtures import build_db, span

from communique.records import Actor, Analysis, Article, content_hash
from communique.store.db import Store
from communique.store.queries import SQLITE_MAX_INT
from communique.web import create_app
from communique.web.params import MAX_OFFSET

Writable = Callable[..., tuple[TestClient, list[Any]]]
AUTH = {"Authorization": "Bearer s3cret", "Content-Type": "application/json"}
NOBODY_TEXT = "Mr. Smith said nothing at all."


def nobody_analysis() -> Analysis:
    """An actor one of whose aliases ("Mr.") has an empty name key."""
    t = NOBODY_TEXT
    article = Article(
        id="nobody-2013",
        source="test",
        text=t,
        body=((0, len(t)),),
        content_hash=content_hash(t),
        title="Nobody",
        published="2013-07-01",
    )
    smith = span(t, "Mr. Smith")
    actor = Actor(
        id="a1", name="Mr. Smith", kind="person", mentions=(smith,), aliases=("Mr.", "Smith")
    )
    return Analysis(article=article, actors=(actor,))


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = build_db(tmp_path_factory.mktemp("hostile") / "web.db")
    with Store(path, clock=lambda: "2013-10-01T00:00:00+00:00") as store:
        store.write([nobody_analysis()])
    return path


@pytest.fixture(scope="module")
def client(hostile_db: Path) -> Iterator[TestClient]:
    """A client that turns server errors into 500 responses (to count them) instead of
    raising them."""
    with TestClient(create_app(str(hostile_db)), raise_server_exceptions=False) as c:
        yield c


def json_422(r: Any, field: str | None = None) -> None:
    assert r.status_code == 422, r.text[:300]
    assert r.headers["content-type"] == "application/json"
    detail = r.json()["detail"]
    assert detail
    if field is not None:
        assert [e["loc"] for e in detail] == [["query", field]], detail


def page_message(html: str) -> str:
    start = html.index('<p class="message">') + len('<p class="message">')
    return html[start : html.index("</p>", start)]


# --- whole numbers: ASCII digits only, within a range ------------------------------------------
NOT_WHOLE = ["²", "¹²³", "٣", "٢٠", "9" * 5000, "-1", "+5", " 5", "5 ", "5_0", "5.0", "1e3", "0x10"]


@pytest.mark.parametrize("path", ["/", "/actors", "/relations?a=USA&b=RUS"])
@pytest.mark.parametrize("offset", [*NOT_WHOLE, str(MAX_OFFSET + 1), str(2**64)])
def test_pages_refuse_a_bad_offset_with_a_400_page(
    client: TestClient, path: str, offset: str
) -> None:
    sep = "&" if "?" in path else "?"
    r = client.get(f"{path}{sep}offset={quote(offset)}")
    assert r.status_code == 400, r.text[:300]
    assert r.headers["content-type"].startswith("text/html")
    message = page_message(r.text)
    assert message.startswith("offset: Input should be ") and "Traceback" not in r.text


@pytest.mark.parametrize("query", ["", "?offset=", "?offset=0", "?offset=20", "?offset=0020"])
def test_pages_accept_a_plain_offset(client: TestClient, query: str) -> None:
    assert client.get("/" + query).status_code == 200


@pytest.mark.parametrize("url", ["/api/quotes", "/api/events"])
@pytest.mark.parametrize("actor_id", [*NOT_WHOLE, str(2**63), str(2**64), "9" * 20, ""])
def test_api_actor_ids_are_64_bit_ascii_numbers(
    client: TestClient, url: str, actor_id: str
) -> None:
    json_422(client.get(url, params={"actor_id": actor_id}), "actor_id")


@pytest.mark.parametrize("url", ["/api/quotes", "/api/events"])
def test_api_largest_actor_id_is_read_and_matches_nothing(client: TestClient, url: str) -> None:
    r = client.get(url, params={"actor_id": str(SQLITE_MAX_INT)})
    assert r.status_code == 200 and r.json()["items"] == []


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("/api/quotes", "offset"),
        ("/api/quotes", "limit"),
        ("/api/actors", "offset"),
        ("/api/articles", "limit"),
        ("/api/events", "offset"),
        ("/api/dyads/USA/RUS", "offset"),
        ("/api/actors/1", "limit"),
        ("/api/network", "max_nodes"),
    ],
)
@pytest.mark.parametrize("value", NOT_WHOLE)
def test_api_whole_numbers_are_ascii_digits(
    client: TestClient, url: str, name: str, value: str
) -> None:
    json_422(client.get(url, params={name: value}), name)


def test_api_ranges_are_in_the_openapi_schema(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    params = {p["name"]: p["schema"] for p in schema["paths"]["/api/quotes"]["get"]["parameters"]}
    assert params["offset"]["maximum"] == MAX_OFFSET
    assert params["actor_id"]["anyOf"][0]["maximum"] == SQLITE_MAX_INT
    assert params["limit"]["minimum"] == 1


# --- actor references in paths ----------------------------------------------------------------
NO_ACTOR = ["²", "٣", "¹²³", str(2**64), "9" * 40, "!!!", "-", "Mr", "Mr.", "the", "%", "_"]


@pytest.mark.parametrize("ref", NO_ACTOR)
def test_actor_refs_naming_nobody_are_404(client: TestClient, ref: str) -> None:
    r = client.get("/api/actors/" + quote(ref, safe=""))
    assert r.status_code == 404 and r.json()["detail"].startswith("no actor named"), r.text
    page = client.get("/actors/" + quote(ref, safe=""))
    assert page.status_code == 404 and "text/html" in page.headers["content-type"]


def test_the_actor_with_an_empty_alias_key_is_found_by_its_name(client: TestClient) -> None:
    r = client.get("/api/actors/Smith")
    assert r.status_code == 200 and r.json()["name"] == "Mr. Smith"
    assert client.get(f"/api/actors/{r.json()['id']}").json()["name"] == "Mr. Smith"


# --- POST /api/articles: bodies that break parsers --------------------------------------------
DEEP = b"[" * 100_000 + b"]" * 100_000
BAD_BODIES: list[tuple[str, bytes, str]] = [
    ("lone surrogate in text", b'{"id": "a", "text": "x \\ud83d y"}', "text: holds a lone"),
    ("lone surrogate in id", b'{"id": "\\ud800", "text": "x"}', "id: holds a lone"),
    ("lone low surrogate", b'{"text": "x", "title": "\\udc00"}', "title: holds a lone"),
    ("surrogate in source", b'{"text": "x", "source": "\\udfff"}', "source: holds a lone"),
    ("nested 100,000 deep", DEEP, "nested too deeply"),
    ("nested in a field", b'{"text": "x", "extra": ' + DEEP + b"}", "nested too deeply"),
    ("5,000-digit integer", b'{"text": "x", "n": ' + b"1" * 5000 + b"}", "5,000 digits"),
    ("negative long integer", b'{"text": "x", "n": -' + b"9" * 200 + b"}", "digits"),
    ("invalid UTF-8", b'{"id": "a", "text": "\xff\xfe"}', "not UTF-8"),
    ("overlong UTF-8", b'{"text": "\xc0\xaf"}', "not UTF-8"),
    ("UTF-16", '{"text": "x"}'.encode("utf-16"), "not UTF-8"),
    ("NaN", b'{"text": "x", "score": NaN}', "NaN"),
    ("Infinity", b'{"text": "x", "score": -Infinity}', "Infinity"),
    ("empty body", b"", "not JSON"),
    ("null", b"null", "object"),
    ("a string", b'"text"', "object"),
    ("empty object", b"{}", "neither 'text' nor 'html'"),
    ("text null", b'{"text": null}', "neither 'text' nor 'html'"),
    ("blank text and html", b'{"text": " ", "html": "\\n"}', "empty"),
    ("text a number", b'{"text": 5}', "text"),
    ("source an object", b'{"text": "x", "source": {"a": [1]}}', "source"),
    ("truncated", b'{"text": "x"', "not JSON"),
]


@pytest.mark.parametrize(
    ("body", "reason"), [b[1:] for b in BAD_BODIES], ids=[b[0] for b in BAD_BODIES]
)
def test_post_refuses_bad_bodies_with_a_one_line_reason(
    writable: Writable, body: bytes, reason: str
) -> None:
    c, built = writable()
    r = c.post("/api/articles", content=body, headers=AUTH)
    assert r.status_code == 422, r.text[:300]
    detail = r.json()["detail"]
    assert isinstance(detail, str) and reason in detail and "\n" not in detail, detail
    assert len(detail) < 200
    assert built == [], "nothing reaches the analyzer"


def test_post_still_ingests_unicode_and_a_blank_text_beside_html(writable: Writable) -> None:
    c, _ = writable()
    body = {"id": "ü-😀", "text": "Ministers met. 😀 ٣ ²", "outlet": "Wire"}
    r = c.post("/api/articles", content=json.dumps(body).encode(), headers=AUTH)
    assert r.status_code == 201, r.text
    assert c.get("/api/articles/" + quote("ü-😀", safe="")).json()["text"] == body["text"]
    both = {"id": "h", "text": "  ", "html": "<p>Ministers met.</p>"}
    assert c.post("/api/articles", json=both, headers=AUTH).status_code == 201


def test_post_schema_says_what_the_code_requires(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    body = schema["paths"]["/api/articles"]["post"]["requestBody"]
    assert body["required"] is True
    article = body["content"]["application/json"]["schema"]
    validator = jsonschema.Draft202012Validator(article)
    refused = [{}, {"id": "x"}, {"text": "   "}, {"html": ""}, {"text": None}, {"text": 5}]
    accepted = [{"text": "x"}, {"html": "<p>x</p>"}, {"text": " ", "html": "<p>x</p>"}]
    for doc in refused:
        assert not validator.is_valid(doc), f"the schema accepts {doc}, the code refuses it"
    for doc in accepted:
        assert validator.is_valid(doc), f"the schema refuses {doc}, the code accepts it"


def test_post_schema_and_code_agree(writable: Writable) -> None:
    c, _ = writable()
    schema = c.get("/api/openapi.json").json()
    article = schema["paths"]["/api/articles"]["post"]["requestBody"]["content"]
    validator = jsonschema.Draft202012Validator(article["application/json"]["schema"])
    for i, doc in enumerate([{}, {"text": "\t"}, {"html": "<b>x</b>"}, {"text": "x", "html": " "}]):
        r = c.post("/api/articles", json={"id": f"agree-{i}", **doc}, headers=AUTH)
        assert (r.status_code < 300) == validator.is_valid(doc), (doc, r.text)


# --- OPTIONS and 405 ---------------------------------------------------------------------------
def test_options_lists_every_method_of_the_path(client: TestClient) -> None:
    r = client.options("/api/articles")
    assert r.status_code == 204 and r.headers["allow"] == "GET, OPTIONS, POST"
    assert client.options("/api/quotes").headers["allow"] == "GET, OPTIONS"
    assert client.options("/").headers["allow"] == "GET, OPTIONS"
    assert client.options("/no/such/page").status_code == 404


def test_a_wrong_method_is_405_naming_the_right_ones(client: TestClient) -> None:
    r = client.put("/api/articles", content=b"{}")
    assert r.status_code == 405 and r.headers["allow"] == "GET, OPTIONS, POST"
    assert "use GET, OPTIONS, POST" in r.json()["detail"]
    page = client.delete("/actors")
    assert page.status_code == 405 and page.headers["allow"] == "GET, OPTIONS"


# --- the sweep: hostile values in every parameter of every GET route ---------------------------
HOSTILE: list[str] = [
    "¹²³",
    "٣",
    "9" * 5000,
    str(2**63),
    str(2**64),
    "-1",
    "",
    " ",
    "\x00",
    "%00",
    "x" * 5000,
    "<script>alert(1)</script>",
    "'\"; DROP TABLE actors; --",
    'NEAR("a" OR (b',
    "*",
    "../../etc/passwd",
    "😀\u200b\u202e",
]
RAW = ["%ED%A0%80", "%FF%FE", "%C0%AF"]
"""Values sent percent-encoded as they are: bytes that are not UTF-8 (a surrogate, junk)."""
PAGE_FIELDS = (
    "q",
    "speaker",
    "country",
    "kind",
    "since",
    "until",
    "a",
    "b",
    "by",
    "limit",
    "outlet",
    "topic",
    "month",
)
"""The form fields pages read (through ``params.Filters``; they declare no parameters)."""
PATH_SAMPLES = {
    "a": "USA",
    "b": "RUS",
    "actor": "1",
    "doc_id": "kerry-lavrov-2013",
    "fmt": "csv",
    "name": "lavrov",
}


def get_routes(app: FastAPI) -> list[APIRoute]:
    """Every ``GET`` route of ``app.routes``, included routers unfolded (FastAPI wraps them
    in an object holding the ``original_router``; older versions list the routes)."""
    found: list[APIRoute] = []

    def walk(routes: list[Any]) -> None:
        for route in routes:
            if isinstance(route, APIRoute):
                if "GET" in (route.methods or ()):
                    found.append(route)
            elif getattr(route, "original_router", None) is not None:
                walk(route.original_router.routes)

    walk(app.routes)
    return found


ROUTES = get_routes(create_app("unused.db"))


def fill(route: APIRoute, **given: str) -> str:
    """The route's path with its path parameters filled, ``given`` ones as they are."""
    path = route.path_format
    for p in route.dependant.path_params:
        path = path.replace("{" + p.name + "}", given.get(p.name, PATH_SAMPLES[p.name]))
    return path


def query_cases() -> Iterator[Any]:
    for route in ROUTES:
        names = [p.name for p in route.dependant.query_params]
        if route.path.startswith("/api"):
            for name in names:
                yield pytest.param(route, (name,), id=f"{route.path_format}?{name}")
        else:  # a page: its fields all at once (a bad one is ignored), then offset
            yield pytest.param(route, PAGE_FIELDS, id=f"{route.path_format}?fields")
            yield pytest.param(route, ("offset",), id=f"{route.path_format}?offset")


def path_cases() -> Iterator[Any]:
    for route in ROUTES:
        for p in route.dependant.path_params:
            yield pytest.param(route, p.name, id=f"{route.path_format}:{p.name}")


def test_the_sweep_covers_every_api_path(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    gets = {p for p, ops in schema["paths"].items() if "get" in ops}
    assert gets <= {r.path_format for r in ROUTES}
    assert {"/", "/actors", "/relations", "/network"} <= {r.path for r in ROUTES}


def failures(client: TestClient, urls: list[str]) -> list[str]:
    bad = []
    for url in urls:
        r = client.get(url)
        if r.status_code >= 500:
            bad.append(f"{r.status_code} {url[:120]}")
        elif r.status_code >= 400:
            assert "Traceback" not in r.text
    return bad


@pytest.mark.parametrize(("route", "names"), list(query_cases()))
def test_hostile_query_values_never_500(
    client: TestClient, route: APIRoute, names: tuple[str, ...]
) -> None:
    path = fill(route)
    urls = [path + "?" + "&".join(f"{n}={quote(v, safe='')}" for n in names) for v in HOSTILE]
    urls += [path + "?" + "&".join(f"{n}={raw}" for n in names) for raw in RAW]
    assert failures(client, urls) == []


@pytest.mark.parametrize(("route", "name"), list(path_cases()))
def test_hostile_path_values_never_500(client: TestClient, route: APIRoute, name: str) -> None:
    values = [quote(v, safe="") for v in HOSTILE if v] + RAW
    urls = [fill(route, **{name: v}) for v in values]
    assert failures(client, urls) == []
