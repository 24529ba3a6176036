"""Saved searches: made, listed and removed on the command line, served as Atom feeds
(issue 16)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from communique.cli import main
from communique.web import create_app

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def db(seed_db: str, tmp_path: Path) -> str:
    copy = tmp_path / "c.db"
    shutil.copy(seed_db, copy)
    return str(copy)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_save_list_serve_and_remove(db: str) -> None:
    code, out = run("saved", "add", "lavrov", "--speaker", "Lavrov", "--db", db)
    assert code == 0 and "/feeds/lavrov.atom" in out
    code, out = run("saved", "add", "rus-usa", "--events", "--source", "RUS", "--db", db)
    assert code == 0
    code, out = run("saved", "--db", db, "--json")
    listed = {r["name"]: r for r in json.loads(out)}
    assert listed["lavrov"]["target"] == "quotes" and listed["lavrov"]["matches"] > 0
    assert listed["rus-usa"]["filters"] == {"source": "RUS"}

    client = TestClient(create_app(db))
    response = client.get("/feeds/lavrov.atom")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == listed["lavrov"]["matches"]
    ids = [e.findtext(f"{ATOM}id") or "" for e in entries]
    assert len(set(ids)) == len(ids) and all(
        i.startswith("tag:communique,2026:quote/") for i in ids
    )
    assert feed.findtext(f"{ATOM}author/{ATOM}name") == "Communiqué"  # RFC 4287 4.1.1
    assert all("Lavrov" in (e.findtext(f"{ATOM}title") or "") for e in entries)
    link = entries[0].find(f"{ATOM}link")
    assert link is not None and "/articles/" in link.get("href", "")
    assert client.get("/feeds/nobody.atom").status_code == 404

    assert run("saved", "remove", "lavrov", "--db", db)[0] == 0
    code, out = run("saved", "remove", "lavrov", "--db", db)
    assert code == 1 and "no saved search named 'lavrov'" in out


@pytest.mark.parametrize(
    "args",
    [
        ["saved", "add", "bad name!", "--about", "x"],
        ["saved", "add", "mixed", "--about", "x", "--code", "19"],
    ],
)
def test_bad_saved_searches_are_refused(db: str, args: list[str]) -> None:
    code, out = run(*args, "--db", db)
    assert code in (1, 2) and "Traceback" not in out
