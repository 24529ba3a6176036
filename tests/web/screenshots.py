"""Save screenshots of the web pages to docs/screenshots/ with headless Chromium.

    .venv/bin/python tests/web/screenshots.py [--db FILE] [--out DIR]

Without ``--db`` it builds a temporary database: the seed article
(tests/fixtures/seed-defenseone-2013.txt) through the real pipeline, dated 9 August 2013, plus
the ten short invented "Sample dispatch" articles of ``web_fixtures.timeline_analyses`` so the
relations chart has a year of United States-Russia events to draw. With ``--db`` the relations
pages show the pair of countries with the most dated events. The PNGs are reduced to
256-colour palettes (``png_palette``) to keep them small.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

from chromium import Browser, LiveServer, ensure_chromium  # noqa: E402
from png_palette import to_palette  # noqa: E402
from web_fixtures import timeline_analyses  # noqa: E402

from communique.errors import NotFound  # noqa: E402
from communique.ingest import ingest  # noqa: E402
from communique.settings import Settings  # noqa: E402
from communique.sources import read_sources  # noqa: E402
from communique.store import facets, queries  # noqa: E402
from communique.store.db import Store  # noqa: E402
from communique.web import create_app  # noqa: E402

SEED = ROOT / "tests" / "fixtures" / "seed-defenseone-2013.txt"
PHONE_WIDTH = 420
"""The ``*-phone`` screenshots are taken this many pixels wide."""


def build(db: Path) -> None:
    settings = Settings.from_env().replace(db=str(db))
    documents = (
        replace(d, published=d.published or "2013-08-09")
        for d in read_sources([str(SEED)], settings)
    )
    with Store(db) as store:
        ingest(documents, store, settings)
        store.write(timeline_analyses())


def pages(db: Path) -> dict[str, str]:
    with Store(db, readonly=True) as store:
        docs = queries.documents(store, about="Kerry Lavrov", limit=1) or queries.documents(
            store, limit=1
        )
        speakers = queries.stats(store)["top_speakers"]
        speaker = next(
            (s["speaker"] for s in speakers if "Lavrov" in s["speaker"]),
            speakers[0]["speaker"] if speakers else "",
        )
        try:
            actor = queries.find_actor(store, speaker or "Russia")
        except NotFound:
            actor = queries.actors(store, limit=1)[0]["id"]
        pair = store.query(
            "SELECT MIN(source_country, target_country), MAX(source_country, target_country),"
            " COUNT(*) AS n FROM events WHERE date IS NOT NULL AND source_country IS NOT NULL"
            " AND target_country IS NOT NULL AND source_country != target_country"
            " GROUP BY 1, 2 ORDER BY n DESC LIMIT 1"
        )
        topics = [
            f["values"] for f in facets.document_facets(store, ("topic",), limit=1) if f["values"]
        ]
    from communique.web.context import urls

    a, b = (pair[0][0], pair[0][1]) if pair else ("USA", "RUS")
    return {
        "search": f"/?speaker={speaker.split()[-1] if speaker else ''}",
        "article": urls.article(docs[0]["id"]) if docs else "/",
        "search-topic": f"/?topic={topics[0][0]['value'] if topics else ''}",
        "actor": f"/actors/{actor}",
        "relations": f"/relations?a={a}&b={b}",
        "relations-phone": f"/relations?a={a}&b={b}",
        "network": "/network",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, help="database to show (default: build one)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--width", type=int, default=1200)
    parser.add_argument("--height", type=int, default=820)
    args = parser.parse_args()
    executable, why = ensure_chromium()
    if executable is None:
        parser.error(f"no headless Chromium: {why}")
    browser = Browser(executable)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "screens.db"
            build(db)
        with LiveServer(create_app(str(db))) as base:
            for name, url in pages(db).items():
                height = (
                    args.height * 3 // 2
                    if name in ("article", "network", "search-topic")
                    else args.height
                )  # reach the quotes; the whole network; facets and timeline
                width = PHONE_WIDTH if name.endswith("-phone") else args.width
                path = to_palette(
                    browser.screenshot(
                        base + url, args.out / f"{name}.png", width=width, height=height
                    )
                )
                sys.stdout.write(f"{path} ({path.stat().st_size // 1024} KB) <- {url}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
