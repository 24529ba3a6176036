"""Curation over HTTP (``web.curation``): merge, split, rename and undo behind the token."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from communique.store import Store
from communique.web import create_app
from curation_data import analysis

AUTH = {"Authorization": "Bearer s3cret"}


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "c.db")
    with Store(path) as store:
        store.write(
            [
                analysis("d1", "Sergei Lavrov"),
                analysis("d2", "Sergey Lavrov"),
                analysis("d3", "Lavrov"),
                analysis("d4", "Gazprom", kind="organization"),
                analysis("d5", "officials", named=False),
            ]
        )
    return path


def client(db: str, token: str | None = "s3cret") -> TestClient:
    return TestClient(create_app(db, token=token))


def actor_id(c: TestClient, name: str) -> int:
    return int(c.get(f"/api/actors/{name}").json()["id"])


def test_merge_with_the_token(db: str) -> None:
    c = client(db)
    keep = actor_id(c, "Sergei Lavrov")
    r = c.post("/api/actors/Sergei Lavrov/merge", json={"other": "Sergey Lavrov"}, headers=AUTH)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["actor"]["id"] == keep and body["quotes"] == 1
    assert body["decision"]["action"] == "merge"
    assert "Sergey Lavrov" in c.get(f"/api/actors/{keep}").json()["aliases"]
    assert [d["action"] for d in c.get("/api/curation").json()] == ["merge"]


def test_split_rename_and_undo(db: str) -> None:
    c = client(db)
    keep = actor_id(c, "Sergei Lavrov")
    r = c.post(f"/api/actors/{keep}/split", json={"alias": "Lavrov"}, headers=AUTH)
    assert r.status_code == 200, r.text
    split_off = r.json()["actor"]["id"]
    assert split_off != keep and r.json()["articles"] == 1
    r = c.post(f"/api/actors/{keep}/rename", json={"name": "Sergei V. Lavrov"}, headers=AUTH)
    assert r.status_code == 200 and r.json()["actor"]["name"] == "Sergei V. Lavrov"
    decisions = c.get("/api/curation").json()
    r = c.post(f"/api/curation/{decisions[-1]['id']}/undo", headers=AUTH)
    assert r.status_code == 200 and r.json()["actor"]["name"] == "Sergei Lavrov"
    assert len(c.get("/api/curation").json()) == 1


@pytest.mark.parametrize(
    ("token", "headers", "status"),
    [
        (None, AUTH, 403),
        ("s3cret", {}, 401),
        ("s3cret", {"Authorization": "Bearer wrong"}, 401),
        ("s3cret", {"Authorization": "Basic s3cret"}, 401),
    ],
)
def test_writes_need_the_token(
    db: str, token: str | None, headers: dict[str, str], status: int
) -> None:
    c = client(db, token)
    for path, body in [
        ("/api/actors/Sergei Lavrov/merge", {"other": "Sergey Lavrov"}),
        ("/api/actors/Sergei Lavrov/split", {"alias": "Lavrov"}),
        ("/api/actors/Sergei Lavrov/rename", {"name": "S. Lavrov"}),
        ("/api/curation/1/undo", None),
    ]:
        r = c.post(path, json=body, headers=headers)
        assert r.status_code == status, (path, r.text)
        assert "token" in r.json()["detail"]
    assert c.get("/api/curation").json() == []
    assert actor_id(c, "Sergey Lavrov") != actor_id(c, "Sergei Lavrov")


@pytest.mark.parametrize(
    ("path", "body", "status", "words"),
    [
        ("/api/actors/Sergei Lavrov/merge", {"other": "officials"}, 409, "description"),
        ("/api/actors/Sergei Lavrov/merge", {"other": "Gazprom"}, 409, "--force"),
        ("/api/actors/Sergei Lavrov/merge", {"other": "Nobody Atall"}, 404, "no actor"),
        ("/api/actors/99999999999999999999999/merge", {"other": "Gazprom"}, 404, "no actor"),
        ("/api/actors/Sergei Lavrov/rename", {"name": "Sergey Lavrov"}, 409, "merge"),
        ("/api/actors/Sergei Lavrov/split", {"alias": "Smith"}, 404, "never named"),
        ("/api/actors/Sergei Lavrov/merge", {"other": ["x"]}, 422, ""),
        ("/api/actors/Sergei Lavrov/rename", {"name": ""}, 422, ""),
        ("/api/actors/Sergei Lavrov/rename", {"name": "x", "extra": 1}, 422, ""),
        ("/api/curation/7/undo", None, 404, "no curation decision"),
        ("/api/curation/0/undo", None, 422, ""),
    ],
)
def test_refusals_and_bad_bodies(db: str, path: str, body: object, status: int, words: str) -> None:
    c = client(db)
    r = c.post(path, json=body, headers=AUTH)
    assert r.status_code == status, r.text
    assert words in r.json()["detail"] if words else "detail" in r.json()
    assert c.get("/api/curation").json() == []


def test_merge_with_force_across_kinds(db: str) -> None:
    c = client(db)
    r = c.post(
        "/api/actors/Sergei Lavrov/merge", json={"other": "Gazprom", "force": True}, headers=AUTH
    )
    assert r.status_code == 200 and r.json()["articles"] == 1


def test_no_database_is_a_clear_error(tmp_path: Path) -> None:
    c = client(str(tmp_path / "missing.db"))
    r = c.post("/api/actors/1/merge", json={"other": "2"}, headers=AUTH)
    assert r.status_code == 503 and not (tmp_path / "missing.db").exists()
