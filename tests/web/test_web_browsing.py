"""Issue 14, browsing: result totals, numbered pages, sortable columns, matches marked in
quotes, the network's filters and the /api page, in process."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from test_web_pages import Tags, page
from web_fixtures import build_demo_db, harvest_analyses

from communique.store.db import Store
from communique.web import create_app


@pytest.fixture
def harvest(tmp_path: Path) -> TestClient:
    with Store(tmp_path / "harvest.db", clock=lambda: "2014-12-31T00:00:00+00:00") as store:
        store.write(harvest_analyses(45))
    return TestClient(create_app(str(tmp_path / "harvest.db")))


@pytest.fixture
def demo(tmp_path: Path) -> TestClient:
    return TestClient(create_app(str(build_demo_db(tmp_path / "demo.db"))))


def pager_numbers(html: str) -> list[str]:
    nav = html.split('<nav class="pager"')[1].split("</nav>")[0]
    tags = Tags(nav)
    links = [a["href"] for a in tags.find("a", class_="page")]
    return links


def test_search_shows_total_and_numbered_pages(harvest: TestClient) -> None:
    html = page(harvest, "/?q=harvest")
    assert "Quotes 1–20 of 45" in html
    assert "Articles 1–10 of 45" in html
    links = pager_numbers(html)
    assert links == ["?q=harvest&offset=20", "?q=harvest&offset=40"]
    assert 'aria-current="page">1<' in html
    last = page(harvest, "/?q=harvest&offset=40")
    assert "Quotes 41–45 of 45" in last and 'rel="next"' not in last
    assert 'aria-current="page">3<' in last
    assert page(harvest, "/?q=nothingatall").count("none of 0") == 2


def test_search_marks_the_words_in_quotes(harvest: TestClient) -> None:
    html = page(harvest, "/?q=HARVEST+late")
    quotes = html.split('class="results quotes-results"')[1].split("</section>")[0]
    assert quotes.count("<mark>harvest</mark>") == 20 and quotes.count("<mark>late</mark>") == 20
    assert "<mark>Farm" not in quotes


def test_actor_list_sorts_by_a_column_and_keeps_filters(harvest: TestClient) -> None:
    default = page(harvest, "/actors?country=BRA")
    assert "Actors 1–20 of 46" in default
    assert default.index("Ana Lima") < default.index("Farm 01"), "most quoted first"
    by_name = page(harvest, "/actors?country=BRA&sort=name&order=desc")
    names = by_name.split("<tbody>")[1].split("</tbody>")[0]
    assert names.index("Farm 45") < names.index("Farm 44") and names.count("<tr>") == 20
    header = Tags(by_name.split("<thead>")[1].split("</thead>")[0])
    name_link = [a for a in header.find("a") if "sorted-desc" in (a.get("class") or "")]
    assert name_link and name_link[0]["href"] == "?country=BRA&sort=name&order=asc"
    assert 'aria-sort="descending"' in by_name
    second = page(harvest, "/actors?country=BRA&sort=name&order=desc&offset=20")
    assert "Actors 21–40 of 46" in second and "Farm 25" in second
    wrong = page(harvest, "/actors?sort=shoe_size")
    assert "sort: &#39;shoe_size&#39; is not one of" in wrong and "Actors 1–20 of 46" in wrong


def test_actor_list_leaves_descriptions_out_unless_asked(demo: TestClient) -> None:
    def rows(url: str) -> str:
        return page(demo, url).split("<tbody>")[1].split("</tbody>")[0]

    assert "officials" not in rows("/actors?q=officials")
    assert "officials" in rows("/actors?q=officials&descriptions=1")


def test_relations_events_sort_and_total(client: TestClient) -> None:
    asc = page(client, "/relations?a=USA&b=RUS&sort=goldstein&order=asc")
    assert "Events 1–4 of 4" in asc
    cells = asc.split('class="events stack"')[1]
    assert cells.index("-10.0") < cells.index("1.0")
    desc = page(client, "/relations?a=USA&b=RUS&sort=goldstein&order=desc")
    cells = desc.split('class="events stack"')[1]
    assert cells.index("1.0") < cells.index("-10.0")


def node_names(html: str) -> list[str]:
    return [a["data-name"] or "" for a in Tags(html).find("circle", class_="node")]


def test_network_draws_named_actors_once(demo: TestClient) -> None:
    html = page(demo, "/network")
    names = node_names(html)
    assert "officials" not in names, "a description is not a node by default"
    assert "London Stock Exchange" in names and "LSE" not in names, "one node per actor"
    assert len(names) == len(set(names))
    assert 'id="network-legend"' in html and "named actors only" in html
    with_descriptions = node_names(page(demo, "/network?descriptions=1"))
    assert "officials" in with_descriptions and len(with_descriptions) == len(names) + 1


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=country", {"Russia", "United States"}),
        ("kind=organization&kind=person&country=GBR", {"London Stock Exchange", "Xavier Rolet"}),
        ("min_weight=2&links=quote", {"London Stock Exchange", "Xavier Rolet"}),
        ("links=event&kind=person", {"John Kerry", "Sergei Lavrov"}),
    ],
)
def test_network_filters(demo: TestClient, query: str, expected: set[str]) -> None:
    html = page(demo, f"/network?{query}")
    assert set(node_names(html)) == expected
    api = demo.get(f"/api/network?{query}").json()
    assert {n["name"] for n in api["nodes"]} == expected


def test_network_filter_problems_are_shown(demo: TestClient) -> None:
    html = page(demo, "/network?kind=planet&min_weight=-3")
    assert "kind: &#39;planet&#39; not one of" in html and "min_weight: &#39;-3&#39;" in html
    assert len(node_names(html)) == len(node_names(page(demo, "/network")))
    assert "No connected actors with these filters" in page(demo, "/network?min_weight=999")
    assert demo.get("/api/network?kind=planet").status_code == 422


def test_network_api_says_what_it_merged(demo: TestClient) -> None:
    net = demo.get("/api/network").json()
    by_name = {n["name"]: n for n in net["nodes"]}
    exchange = by_name["London Stock Exchange"]["id"]
    assert list(net["merged"].values()) == [exchange]
    quote = [e for e in net["edges"] if e["kind"] == "quote" and e["target"] == exchange]
    assert quote[0]["weight"] == 2, "the quotes about LSE and about the Exchange add up"


def test_api_page_shows_docstring_literals_as_code(client: TestClient) -> None:
    html = page(client, "/api")
    assert "``" not in html
    assert "<code>q</code>" in html.split("<tbody>")[1]
