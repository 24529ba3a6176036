"""Stories: near-duplicate articles grouped by MinHash LSH (issue 16)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from test_store import make

from communique.store import Store
from communique.store import queries as q
from communique.store.stories import story_of

WIRE = (
    "Talks between the two governments on a new trade agreement ended on Tuesday without a "
    "deal, officials said, after three days of negotiations in Geneva over tariffs on steel, "
    "farm goods and cars. Both sides said they would meet again next month and that a "
    "framework agreement was still possible before the end of the year, although neither "
    "gave ground on the central question of agricultural subsidies."
)
OTHER = (
    "The central bank raised its main interest rate by a quarter of a point on Thursday, its "
    "fourth increase this year, saying that inflation remained well above its target and "
    "that the labour market was still tight. Markets had expected the move and shares rose."
)


def test_copies_of_one_story_are_grouped_and_others_are_not(tmp_path: Path) -> None:
    edited = WIRE.replace("on Tuesday", "late on Tuesday") + " Reuters contributed."
    docs = [
        make("ap-1", text=WIRE, chash="1"),
        make("paper-2", text=edited, chash="2"),
        make("bank-3", text=OTHER, chash="3"),
        make("copy-4", text=WIRE, chash="4"),
    ]
    docs[1] = replace(docs[1], article=replace(docs[1].article, outlet="Daily Paper"))
    path = tmp_path / "s.db"
    with Store(path) as store:
        store.write(docs[:2])
    with Store(path) as store:  # a new writer rebuilds the index from the stored signatures
        store.write(docs[2:])
        stats = q.stats(store)
        assert stats["stories"] == 2 and stats["documents"] == 4
        also = story_of(store.conn, "ap-1")
        assert [o["id"] for o in also] == ["copy-4", "paper-2"]
        assert story_of(store.conn, "bank-3") == []


def test_a_replaced_article_leaves_its_story(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.write([make("a", text=WIRE, chash="1"), make("b", text=WIRE, chash="2")])
        assert q.stats(store)["stories"] == 1
        store.write([make("b", text=OTHER, chash="3")])  # b now tells another story
        assert q.stats(store)["stories"] == 2
        assert story_of(store.conn, "a") == []


def test_short_texts_are_stories_of_their_own(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.write([make("x", text="Short.", chash="1"), make("y", text="Short.", chash="2")])
        assert q.stats(store)["stories"] == 2


def _report(topic: str, n: int) -> str:
    return " ".join(
        f"The {topic} panel number {i} reviewed item {i * 7} and reported {i * 13} cases."
        for i in range(n)
    )


def test_a_copy_cut_to_its_first_paragraphs_joins_its_story(tmp_path: Path) -> None:
    full = _report("budget", 40)
    trimmed = _report("budget", 24)  # the first 60% of the sentences: Jaccard about 0.6
    other = _report("harbour", 24)
    with Store(tmp_path / "s.db") as store:
        store.write([make("full", text=full, chash="1")])
        store.write([make("cut", text=trimmed, chash="2"), make("other", text=other, chash="3")])
        assert [o["id"] for o in story_of(store.conn, "full")] == ["cut"]
        assert story_of(store.conn, "other") == []


def test_containment_is_estimated_from_jaccard_and_sizes() -> None:
    from communique.store.stories import contained

    assert contained(0.6, 60, 100) == pytest.approx(1.0)  # 60 of 100, all inside
    assert contained(0.2, 100, 100) == pytest.approx(1 / 3)
    assert contained(0.9, 100, None) == 0.0  # a size stored before counts were kept
