"""Offsets to pieces, chart and network geometry: pure functions, no database."""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Any

import pytest

from communique.store import dyads
from communique.web import render
from communique.web.data import period_label

TEXT = "Nav bar\n\nAlice said “we agree” today.\n\nFooter"


def quote(start: int, end: int, **kw: Any) -> dict[str, Any]:
    return {
        "id": kw.pop("id", 1),
        "start": start,
        "end": end,
        "fragments": kw.pop("fragments", [[start, end]]),
        "kind": "direct",
        "speaker": "Alice",
        "actor_id": 7,
        **kw,
    }


def texts(blocks: list[render.Block]) -> list[str]:
    return ["".join(p.text for p in b.pieces) for b in blocks]


def test_pieces_rebuild_the_paragraphs_and_mark_everything() -> None:
    q0, q1 = TEXT.index("we agree"), TEXT.index("we agree") + len("we agree")
    alice = (TEXT.index("Alice"), TEXT.index("Alice") + 5)
    body = [[TEXT.index("Alice"), TEXT.index("\n\nFooter")]]
    blocks = render.article_blocks(
        TEXT,
        body,
        [quote(q0, q1, speaker_start=alice[0], speaker_end=alice[1])],
        [
            {
                "id": "a1",
                "name": "Alice",
                "role": "Minister",
                "country": "FRA",
                "mentions": [list(alice)],
            }
        ],
        [{"start": alice[0], "end": q1 + 1, "code": "040"}],
        {"a1": "/actors/7"},
    )
    assert texts(blocks) == ["Nav bar", "Alice said “we agree” today.", "Footer"]
    assert [b.boilerplate for b in blocks] == [True, False, True]
    pieces = {p.text: p for p in blocks[1].pieces}
    assert pieces["we agree"].anchors == ["q-1"] and "spk-0" in pieces["we agree"].classes
    assert pieces["Alice"].href == "/actors/7" and {"speaker", "mention", "ev"} <= set(
        pieces["Alice"].classes
    )
    assert pieces["Alice"].events == [1] and blocks[1].events[0]["number"] == 1
    assert "boiler" in blocks[0].pieces[0].classes


@pytest.mark.parametrize("bad", [(-5, 3), (30, 10_000), (12, 12), (20, 10), (None, 4)])
def test_bad_offsets_are_clipped_or_ignored(bad: tuple[Any, Any]) -> None:
    q = quote(0, 1, fragments=[list(bad)], speaker_start=bad[0], speaker_end=bad[1])
    blocks = render.article_blocks(
        TEXT,
        [[0, len(TEXT)]],
        [q],
        [{"id": "a1", "name": "X", "mentions": [list(bad)]}],
        [{"start": bad[0], "end": bad[1]}],
        {},
    )
    assert "\n\n".join(texts(blocks)) == TEXT


def test_split_quote_anchors_once_and_speakers_get_distinct_colours() -> None:
    text = "“One,” she said, “two.” He said “three”."
    one, two, three = (text.index(w) for w in ("One", "two", "three"))
    quotes = [
        quote(one, two + 3, id=1, fragments=[[one, one + 3], [two, two + 3]]),
        quote(three, three + 5, id=2, speaker="Bob", actor_id=8),
    ]
    blocks = render.article_blocks(text, [[0, len(text)]], quotes, [], [], {})
    anchors = [a for p in blocks[0].pieces for a in p.anchors]
    assert anchors == ["q-1", "q-2"]
    colours = [p.classes[2] for p in blocks[0].pieces if "q" in p.classes]
    assert colours == ["spk-0", "spk-0", "spk-1"]
    assert [s.name for s in render.speakers_of(quotes)] == ["Alice", "Bob"]


def test_unattributed_quotes_share_a_neutral_colour() -> None:
    speakers = render.speakers_of(
        [quote(0, 1, speaker=None, actor_id=None), quote(2, 3, speaker=None, actor_id=None)]
    )
    assert [(s.css, s.quotes, s.name) for s in speakers] == [("spk-none", 2, "unattributed")]


def test_relations_chart_geometry() -> None:
    series = [
        {
            "period": "2013-01",
            "events": 3,
            "verbal_cooperation": 2,
            "material_cooperation": 0,
            "verbal_conflict": 1,
            "material_conflict": 0,
            "mean_goldstein": 1.5,
        },
        {
            "period": "2013-02",
            "events": 0,
            "verbal_cooperation": 0,
            "material_cooperation": 0,
            "verbal_conflict": 0,
            "material_conflict": 0,
            "mean_goldstein": None,
        },
    ]
    chart = render.relations_chart(series, width=400, height=200)
    assert [b["css"] for b in chart.bars] == ["quad-1", "quad-3"]
    base = chart.height - chart.bottom
    assert chart.bars[0]["y"] + chart.bars[0]["h"] == pytest.approx(base)
    assert chart.bars[1]["y"] + chart.bars[1]["h"] == pytest.approx(chart.bars[0]["y"])
    assert [t["text"] for t in chart.count_ticks] == ["0", "1", "2", "3", "4"]
    assert len(chart.dots) == 1 and chart.line.count(",") == 1
    assert [p["counts"] for p in chart.periods] == [[2, 0, 1, 0], [0, 0, 0, 0]]


def test_network_layout_starts_heaviest_first_on_a_spiral() -> None:
    """The server's drawing (the force layout's start in the browser): deterministic, the
    heaviest actor nearest the centre, every node inside the canvas, only the first
    ``LABELLED_NODES`` labelled before the script places the rest."""
    n = render.LABELLED_NODES + 6
    graph = {
        "nodes": [
            {"id": i, "name": f"n{i}", "kind": "person", "degree": n + 1 - i} for i in range(n)
        ],
        "edges": [
            {"source": 0, "target": 1, "kind": "event", "weight": 2, "mean_goldstein": -3.0},
            {"source": 1, "target": 2, "kind": "quote", "weight": 1, "mean_goldstein": None},
        ],
    }
    one, two = render.network_layout(graph), render.network_layout(graph)
    assert one == two
    centre = one["size"] / 2
    radii = [((v["x"] - centre) ** 2 + (v["y"] - centre) ** 2) ** 0.5 for v in one["nodes"]]
    assert radii == sorted(radii)
    assert all(v["r"] <= v["x"] <= one["size"] - v["r"] for v in one["nodes"])
    assert [v["labelled"] for v in one["nodes"]].count(True) == render.LABELLED_NODES
    assert one["nodes"][0]["r"] > one["nodes"][-1]["r"]
    assert [e["css"] for e in one["edges"]] == [
        "edge-event edge-conflict",
        "edge-quote edge-neutral",
    ]
    assert one["edges"][0]["w"] > one["edges"][1]["w"]


@pytest.mark.parametrize(
    ("text", "query", "marked"),
    [
        ("Russia would not extradite Snowden", "snowden", ["Snowden"]),
        ("The Fed's rates rose; federal rates", "rates fed", ["Fed", "rates", "rates"]),
        ("nothing here", "Snowden", []),
        ("a <b>tag</b> stays text", "tag", ["tag"]),
        ("any text", "", []),
    ],
)
def test_match_pieces_marks_whole_words(text: str, query: str, marked: list[str]) -> None:
    pieces = render.match_pieces(text, query)
    assert "".join(t for t, _ in pieces) == text
    assert [t for t, hit in pieces if hit] == marked


def test_doc_pieces_reads_double_backticks_as_code() -> None:
    pieces = render.doc_pieces("full-text ``q`` over quotes; ``limit`` and ``offset``.")
    assert [t for t, code in pieces if code] == ["q", "limit", "offset"]
    assert "".join(t for t, _ in pieces) == "full-text q over quotes; limit and offset."
    assert render.doc_pieces(None) == [] and render.doc_pieces("plain") == [("plain", False)]


@pytest.mark.parametrize(
    "day", ["2013-01-01", "2013-01-06", "2013-01-07", "2013-12-31", "2012-01-01", "2016-02-29"]
)
def test_week_labels_match_the_query(day: str) -> None:
    """The chart's labels are those ``dyads.dyad`` gives (ISO weeks of the Monday SQLite
    groups a date under)."""
    (monday,) = (
        sqlite3.connect(":memory:")
        .execute("SELECT date(?, 'weekday 0', '-6 days')", (day,))
        .fetchone()
    )
    year, week, _ = dt.date.fromisoformat(day).isocalendar()
    assert period_label(dt.date.fromisoformat(day), "week") == f"{year}-W{week:02d}"
    assert dyads.week_label(monday) == f"{year}-W{week:02d}"
