"""The JSON API, in process, over a small hand-built database."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from web_fixtures import HOSTILE_ACTOR

from communique.records import MAX_LIMIT
from communique.web import create_app
from communique.web.app import MAX_BODY_BYTES

Writable = Callable[..., tuple[TestClient, list[Any]]]


def items(client: TestClient, url: str, **params: Any) -> list[dict[str, Any]]:
    r = client.get(url, params=params)
    assert r.status_code == 200, r.text
    return r.json()["items"]


# --- listings ---------------------------------------------------------------------------------
def test_quotes_lists_newest_first_with_speaker_details(client: TestClient) -> None:
    rows = items(client, "/api/quotes")
    assert [r["published"] for r in rows] == ["2013-09-15", "2013-08-09", "2013-08-09"]
    lavrov = next(r for r in rows if r["speaker"] == "Sergei Lavrov")
    assert lavrov["role"] == "Foreign Minister" and lavrov["country"] == "RUS"
    assert lavrov["kind"] == "indirect" and lavrov["title"] == "Kerry meets Lavrov"


@pytest.mark.parametrize(
    ("params", "speakers"),
    [
        ({"speaker": "Lavrov"}, ["Sergei Lavrov"]),
        ({"q": "differences"}, ["John Kerry"]),
        ({"country": "usa"}, ["John Kerry"]),
        ({"kind": "indirect"}, ["Sergei Lavrov"]),
        ({"since": "2013-09-01"}, [HOSTILE_ACTOR]),
        ({"until": "2013-08-31", "kind": "direct"}, ["John Kerry"]),
        ({"q": "no such words anywhere"}, []),
        ({"q": '"unbalanced OR ( NEAR'}, []),
    ],
)
def test_quote_filters(client: TestClient, params: dict[str, str], speakers: list[str]) -> None:
    assert [r["speaker"] for r in items(client, "/api/quotes", **params)] == speakers


def test_pagination_and_cap(client: TestClient) -> None:
    first = client.get("/api/quotes", params={"limit": 1}).json()
    assert len(first["items"]) == 1 and first["next_offset"] == 1
    second = client.get("/api/quotes", params={"limit": 1, "offset": 1}).json()
    assert second["items"][0]["id"] != first["items"][0]["id"]
    last = client.get("/api/quotes", params={"limit": 2, "offset": 2}).json()
    assert len(last["items"]) == 1 and last["next_offset"] is None
    capped = client.get("/api/quotes", params={"limit": 10**6}).json()
    assert capped["limit"] == MAX_LIMIT


@pytest.mark.parametrize(
    ("url", "params"),
    [
        ("/api/quotes", {"limit": 0}),
        ("/api/quotes", {"offset": -1}),
        ("/api/quotes", {"kind": "shouted"}),
        ("/api/quotes", {"since": "last week"}),
        ("/api/quotes", {"country": "Russia"}),
        ("/api/actors", {"kind": "alien"}),
        ("/api/events", {"source": "US;DROP"}),
        ("/api/events", {"code": "abc"}),
        ("/api/dyads/USA/RUS", {"by": "fortnight"}),
        ("/api/network", {"max_nodes": 100000}),
    ],
)
def test_invalid_parameters_are_422_json(
    client: TestClient, url: str, params: dict[str, Any]
) -> None:
    r = client.get(url, params=params)
    assert r.status_code == 422
    assert r.headers["content-type"] == "application/json"
    assert r.json()["detail"]


def test_actors_and_filters(client: TestClient) -> None:
    names = [r["name"] for r in items(client, "/api/actors")]
    assert {"John Kerry", "Sergei Lavrov", "Russia", "Pentagon", HOSTILE_ACTOR} == set(names)
    assert [r["name"] for r in items(client, "/api/actors", q="Lavrov")] == ["Sergei Lavrov"]
    assert {r["name"] for r in items(client, "/api/actors", country="USA")} == {
        "John Kerry",
        "Pentagon",
    }
    assert [r["name"] for r in items(client, "/api/actors", kind="country")] == ["Russia"]


def test_actor_detail_by_id_and_by_name(client: TestClient) -> None:
    kerry_id = items(client, "/api/actors", q="Kerry")[0]["id"]
    by_id = client.get(f"/api/actors/{kerry_id}").json()
    by_name = client.get("/api/actors/John Kerry").json()
    assert by_id == by_name
    assert by_id["aliases"] == ["John Kerry", "Kerry"]
    assert (
        by_id["roles"][0]["role"] == "Secretary of State"
        and by_id["roles"][0]["first"] == "2013-08-09"
    )
    assert [q["kind"] for q in by_id["quotes"]] == ["direct"]
    assert {e["code"] for e in by_id["events"]} == {"040", "120"}
    assert "Sergei Lavrov" in {c["name"] for c in by_id["co_actors"]}


def test_articles_search_and_detail_is_the_analysis_record(client: TestClient) -> None:
    rows = items(client, "/api/articles")
    assert [r["id"] for r in rows] == ["hostile/2013 <x>", "kerry-lavrov-2013"]
    found = items(client, "/api/articles", q="Snowden")
    assert [r["id"] for r in found] == ["kerry-lavrov-2013"]
    assert "Snowden" in found[0]["snippet"] and "\x02" not in found[0]["snippet"]
    assert items(client, "/api/articles", since="2013-09") == rows[:1]
    record = client.get("/api/articles/kerry-lavrov-2013").json()
    for key in (
        "id",
        "title",
        "published",
        "text",
        "body",
        "actors",
        "quotes",
        "events",
        "skipped",
    ):
        assert key in record
    assert record["quotes"][0]["text"] == "We will discuss these differences today,"
    assert record["events"][0]["code"] == "040"


def test_article_ids_with_slashes_and_spaces(client: TestClient) -> None:
    r = client.get("/api/articles/hostile%2F2013%20%3Cx%3E")
    assert r.status_code == 200 and r.json()["id"] == "hostile/2013 <x>"


def test_events_filters(client: TestClient) -> None:
    assert len(items(client, "/api/events")) == 4
    rows = items(client, "/api/events", source="usa", target="RUS")
    assert {(r["source"], r["target"]) for r in rows} == {("USAGOV", "RUSGOV"), ("USAMIL", "RUS")}
    assert [r["code"] for r in items(client, "/api/events", code="19")] == ["190"]
    assert [r["date"] for r in items(client, "/api/events", since="2013-09-16")] == ["2013-09-20"]
    assert len(items(client, "/api/events", doc_id="kerry-lavrov-2013")) == 2


def test_dyad_series_fills_periods_and_lists_events(client: TestClient) -> None:
    body = client.get("/api/dyads/usa/rus").json()
    assert body["a"] == "USA" and body["b"] == "RUS" and body["by"] == "month"
    assert [(r["period"], r["events"]) for r in body["series"]] == [("2013-08", 2), ("2013-09", 2)]
    aug = body["series"][0]
    assert (aug["verbal_cooperation"], aug["verbal_conflict"], aug["mean_goldstein"]) == (
        1,
        1,
        -1.5,
    )
    assert len(body["events"]["items"]) == 4
    weeks = client.get("/api/dyads/USA/RUS", params={"by": "week"}).json()["series"]
    assert weeks[0]["period"] == "2013-W32" and weeks[-1]["period"] == "2013-W38"  # ISO weeks
    assert sum(w["events"] for w in weeks) == 4 and any(w["mean_goldstein"] is None for w in weeks)
    since = client.get("/api/dyads/USA/RUS", params={"since": "2013-09-01"}).json()
    assert [r["period"] for r in since["series"]] == ["2013-09"]
    assert client.get("/api/dyads/USA/CHN").json()["series"] == []


def test_stats_and_network(client: TestClient) -> None:
    stats = client.get("/api/stats").json()
    assert stats["documents"] == 2 and stats["quotes"] == 3 and stats["events"] == 4
    net = client.get("/api/network").json()
    names = {n["name"] for n in net["nodes"]}
    assert {"John Kerry", "Sergei Lavrov"} <= names
    assert {e["kind"] for e in net["edges"]} == {"event", "quote", "coquoted"}
    later = client.get("/api/network", params={"since": "2013-09-01"}).json()
    assert "John Kerry" not in {n["name"] for n in later["nodes"]}


def test_openapi_schema_lists_every_endpoint(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    paths = set(schema["paths"])
    assert {
        "/api/quotes",
        "/api/actors",
        "/api/actors/{actor}",
        "/api/articles",
        "/api/articles/{doc_id}",
        "/api/events",
        "/api/dyads/{a}/{b}",
        "/api/stats",
        "/api/network",
    } <= paths
    assert "post" in schema["paths"]["/api/articles"]
    assert not any(p.startswith(("/articles", "/actors", "/relations")) for p in paths)
    assert client.get("/docs").status_code == 404  # Swagger UI would load a CDN


# --- errors -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "url",
    ["/api/articles/nope", "/api/actors/999", "/api/actors/Nobody Atall", "/api/no-such-endpoint"],
)
def test_unknown_ids_are_json_404(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 404
    assert r.headers["content-type"] == "application/json"
    assert r.json()["detail"]


def test_missing_database_is_a_clear_503(tmp_path: Path) -> None:
    missing = tmp_path / "nothing.db"
    c = TestClient(create_app(str(missing)))
    r = c.get("/api/quotes")
    assert r.status_code == 503 and "communique ingest" in r.json()["detail"]
    page = c.get("/")
    assert page.status_code == 503 and "text/html" in page.headers["content-type"]
    assert "communique ingest" in page.text
    assert not missing.exists(), "reading must never create the database"


def test_security_headers(client: TestClient) -> None:
    r = client.get("/api/stats")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"


# --- POST /api/articles ------------------------------------------------------------------------
DOC = {
    "id": "posted-1",
    "text": "Officials met in Geneva on Monday.",
    "title": "Posted",
    "date": "2013-10-01",
    "url": "https://example.org/p",
    "outlet": "Wire",
}


def test_post_is_off_without_a_token(writable: Writable) -> None:
    c, built = writable(token=None)
    r = c.post("/api/articles", json=DOC)
    assert r.status_code == 403 and "--token" in r.json()["detail"]
    assert built == []


@pytest.mark.parametrize("header", [None, "Bearer wrong", "Basic s3cret", "s3cret", "Bearer "])
def test_post_needs_the_bearer_token(writable: Writable, header: str | None) -> None:
    c, built = writable()
    headers = {"Authorization": header} if header is not None else {}
    r = c.post("/api/articles", json=DOC, headers=headers)
    assert r.status_code == 401 and r.headers["www-authenticate"] == "Bearer"
    assert built == []


def test_post_ingests_once_and_builds_the_analyzer_once(writable: Writable) -> None:
    c, built = writable()
    auth = {"Authorization": "Bearer s3cret"}
    r = c.post("/api/articles", json=DOC, headers=auth)
    assert r.status_code == 201, r.text
    assert r.json() == {
        "id": "posted-1",
        "status": "added",
        "skipped": None,
        "actors": 0,
        "quotes": 0,
        "events": 0,
        "url": "/articles/posted-1",
    }
    record = c.get("/api/articles/posted-1").json()
    assert record["title"] == "Posted" and record["published"] == "2013-10-01"
    again = c.post("/api/articles", json=DOC, headers=auth)
    assert again.status_code == 200 and again.json()["status"] == "unchanged"
    changed = c.post("/api/articles", json={**DOC, "text": "New text."}, headers=auth)
    assert changed.json()["status"] == "replaced"
    assert len(built) == 1 and built[0].calls == 3


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"{not json", "not JSON"),
        (b"[1, 2]", "object"),
        (json.dumps({"id": "x"}).encode(), "neither 'text' nor 'html'"),
        (json.dumps({"id": "x", "text": "   "}).encode(), "empty"),
        (json.dumps({"id": "x", "text": 5}).encode(), "text"),
    ],
)
def test_post_rejects_bad_documents(writable: Writable, body: bytes, message: str) -> None:
    c, built = writable()
    r = c.post(
        "/api/articles",
        content=body,
        headers={"Authorization": "Bearer s3cret", "Content-Type": "application/json"},
    )
    assert r.status_code == 422 and message in r.json()["detail"]
    assert built == []


def test_post_body_over_the_limit_is_413(writable: Writable) -> None:
    c, built = writable()
    big = {"id": "big", "text": "x" * (MAX_BODY_BYTES + 10)}
    r = c.post("/api/articles", json=big, headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 413 and "limit" in r.json()["detail"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: the size is only known while reading
        for _ in range(5):
            yield b" " * (MAX_BODY_BYTES // 4)

    r = c.post("/api/articles", content=chunks(), headers={"Authorization": "Bearer s3cret"})
    assert r.status_code == 413
    assert built == []


def test_docs_list_every_endpoint(client: TestClient) -> None:
    docs = Path(__file__).resolve().parents[2] / "docs" / "web.md"
    if not docs.exists():
        pytest.skip("docs/web.md is missing")
    text = docs.read_text(encoding="utf-8")
    schema = client.get("/api/openapi.json").json()
    for path, ops in schema["paths"].items():
        for method in ops:
            assert f"`{method.upper()} {path}`" in text, (
                f"{method.upper()} {path} is not in docs/web.md"
            )


def test_two_apps_in_one_process_are_independent(web_db: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    empty = TestClient(create_app(str(build_db_empty(other / "empty.db"))))
    full = TestClient(create_app(str(web_db)))
    assert empty.get("/api/stats").json()["documents"] == 0
    assert full.get("/api/stats").json()["documents"] == 2
    app = create_app(str(web_db), token="t")
    assert app.state.ctx._analyzer is None, "the analyzer is built on the first POST, not before"


def build_db_empty(path: Path) -> Path:
    from communique.store.db import Store

    Store(path).close()
    return path
