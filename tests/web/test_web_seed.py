"""The seed article through the real pipeline (``ingest`` + ``read_sources``), then the web app.

Slow (loads spaCy, about 10 s). Asserts the record contract, not today's extractor output: what
is stored must be on the pages, however many quotes the extractors find.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from communique.ingest import ingest
from communique.settings import Settings
from communique.sources import read_sources
from communique.store.db import Store
from communique.web import create_app

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed-defenseone-2013.txt"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed_client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    if not SEED.exists():
        pytest.skip(f"{SEED} is missing")
    db = tmp_path_factory.mktemp("seed") / "seed.db"
    settings = Settings.from_env().replace(db=str(db))
    with Store(db) as store:
        summary = ingest(read_sources([str(SEED)], settings), store, settings)
    assert summary.seen == 1
    return TestClient(create_app(str(db), settings=settings))


def test_seed_article_page_shows_what_was_stored(seed_client: TestClient) -> None:
    articles = seed_client.get("/api/articles").json()["items"]
    assert len(articles) == 1
    doc_id = articles[0]["id"]
    record = seed_client.get(f"/api/articles/{doc_id}").json()
    assert "Kerry" in record["text"]
    r = seed_client.get("/articles/" + doc_id.replace("/", "%2F"))
    assert r.status_code == 200
    assert "Russia is Kerry" in r.text
    for quote in record["quotes"]:
        assert 'id="q-' in r.text and (quote["speaker"] or "unattributed") in r.text
    for actor in record["actors"][:10]:
        assert str(escape(actor["name"])) in r.text
    if record["body"] and record["body"][0][0] > 0:
        assert 'class="boiler"' in r.text


def test_seed_search_and_actor_pages(seed_client: TestClient) -> None:
    html = seed_client.get("/?q=Snowden").text
    assert "<mark>Snowden</mark>" in html
    quotes = seed_client.get("/api/quotes").json()["items"]
    for q in quotes[:5]:
        if q["actor_id"] is not None:
            page = seed_client.get(f"/actors/{q['actor_id']}")
            assert page.status_code == 200 and "Quotes" in page.text
    for actor in seed_client.get("/api/actors", params={"limit": 5}).json()["items"]:
        assert seed_client.get(f"/actors/{actor['id']}").status_code == 200
    assert seed_client.get("/network").status_code == 200
    assert seed_client.get("/relations?a=USA&b=RUS").status_code == 200
