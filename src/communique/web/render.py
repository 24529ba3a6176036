"""Turn stored records into what the templates draw: highlighted article text, chart and
network geometry.

Nothing here produces markup. The article text is cut at every offset that matters (body
spans, quote fragments, speakers, cues, actor mentions, event evidence, paragraph breaks) into
``Piece`` records holding plain text and class names; the templates write each piece inside an
element and Jinja2 escapes its text. Charts are numbers and labels that the templates place in
SVG elements, escaped the same way.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from ..records import QUAD_CLASS_KEYS, QUAD_CLASS_NAMES
from ..store.queries import SNIPPET_CLOSE, SNIPPET_OPEN

PALETTE_SIZE = 8
"""Speakers are coloured with classes ``spk-0`` .. ``spk-7`` (see static/style.css)."""

QUAD_CLASSES: tuple[tuple[str, str, str], ...] = tuple(
    (key, QUAD_CLASS_NAMES[quad].capitalize(), f"quad-{quad}")
    for quad, key in QUAD_CLASS_KEYS.items()
)
"""Per quad class: its column in a dyad series, its label (``Verbal cooperation``) and its CSS
class (``quad-1``)."""


@dataclass
class Piece:
    """A run of article text with uniform markup."""

    text: str
    classes: list[str] = field(default_factory=list)
    href: str | None = None
    """Link target for an actor mention, else ``None``."""
    title: str | None = None
    anchors: list[str] = field(default_factory=list)
    """Element ids that start here (``q-12`` for quote 12)."""
    events: list[int] = field(default_factory=list)
    """Numbers of the events whose evidence starts here."""


@dataclass
class Block:
    """A paragraph of the article with the events read from it."""

    pieces: list[Piece]
    events: list[dict[str, Any]]
    boilerplate: bool


@dataclass
class Speaker:
    key: str
    name: str
    css: str
    actor_id: int | None
    quotes: int


def _clip(start: Any, end: Any, n: int) -> tuple[int, int] | None:
    if not isinstance(start, int) or not isinstance(end, int):
        return None
    s, e = max(0, min(start, n)), max(0, min(end, n))
    return (s, e) if s < e else None


def speakers_of(quotes: list[dict[str, Any]]) -> list[Speaker]:
    """Distinct speakers in order of first quote, each with its colour class."""
    out: dict[str, Speaker] = {}
    for q in sorted(quotes, key=lambda q: q["start"]):
        key = speaker_key(q)
        if key not in out:
            css = f"spk-{len(out) % PALETTE_SIZE}" if key != "-" else "spk-none"
            out[key] = Speaker(key, q.get("speaker") or "unattributed", css, q.get("actor_id"), 0)
        out[key].quotes += 1
    return list(out.values())


def speaker_key(quote: dict[str, Any]) -> str:
    if quote.get("actor_id") is not None:
        return f"actor:{quote['actor_id']}"
    return f"name:{quote['speaker']}" if quote.get("speaker") else "-"


def article_blocks(
    text: str,
    body: list[list[int]] | list[tuple[int, int]],
    quotes: list[dict[str, Any]],
    actors: list[dict[str, Any]],
    events: list[dict[str, Any]],
    actor_href: dict[str, str],
) -> list[Block]:
    """Cut ``text`` into paragraphs of pieces.

    ``quotes`` are stored quote rows (``id``, ``fragments``, ``kind``, ``speaker``,
    ``actor_id``, ``speaker_start``/``end``, ``cue_start``/``end``); ``actors`` carry ``id``
    (article-local), ``name``, ``role``, ``country`` and ``mentions``; ``events`` carry
    ``start``/``end`` and are numbered from 1 in the given order; ``actor_href`` maps a local
    actor id to its page. Offsets outside the text are clipped, empty ranges ignored.
    """
    n = len(text)
    cuts = {0, n}
    paragraphs: list[tuple[int, int]] = []
    start = 0
    for m in re.finditer(r"\n[ \t\r\f\v]*\n\s*", text):
        paragraphs.append((start, m.start()))
        start = m.end()
    paragraphs.append((start, n))
    paragraphs = [(s, e) for s, e in paragraphs if s < e] or [(0, n)]
    for s, e in paragraphs:
        cuts.update((s, e))
    spans: list[tuple[str, tuple[int, int], Any]] = []

    def add(kind: str, start: Any, end: Any, data: Any) -> None:
        rng = _clip(start, end, n)
        if rng:
            spans.append((kind, rng, data))
            cuts.update(rng)

    for s, e in body:
        add("body", s, e, None)
    colour = {sp.key: sp for sp in speakers_of(quotes)}
    for q in quotes:
        for i, frag in enumerate(q.get("fragments") or [[q["start"], q["end"]]]):
            add("quote", frag[0], frag[1], (q, i == 0))
        add("speaker", q.get("speaker_start"), q.get("speaker_end"), q)
        add("cue", q.get("cue_start"), q.get("cue_end"), q)
    for actor in actors:
        for s, e in actor.get("mentions") or ():
            add("mention", s, e, actor)
    for number, ev in enumerate(events, 1):
        add("event", ev.get("start"), ev.get("end"), number)

    bounds = sorted(cuts)
    pieces = [Piece(text[a:b]) for a, b in zip(bounds, bounds[1:], strict=False)]
    in_body = [False] * len(pieces)
    mentioned = [False] * len(pieces)
    for kind, (s, e), data in spans:
        first, last = bisect_left(bounds, s), bisect_left(bounds, e)
        for k in range(first, last):
            p = pieces[k]
            if kind == "body":
                in_body[k] = True
            elif kind == "quote":
                q, is_first = data
                sp = colour[speaker_key(q)]
                p.classes += ["q", f"q-{q.get('kind') or 'direct'}", sp.css]
                p.title = f"{sp.name} ({q.get('kind') or 'direct'} quote)"
                if k == first and is_first and q.get("id") is not None:
                    p.anchors.append(f"q-{q['id']}")
            elif kind == "speaker":
                p.classes += ["speaker", colour[speaker_key(data)].css]
            elif kind == "cue":
                p.classes.append("cue")
            elif kind == "mention" and not mentioned[k]:
                mentioned[k] = True
                p.classes.append("mention")
                p.href = actor_href.get(str(data.get("id")))
                details = [x for x in (data.get("role"), data.get("country")) if x]
                if p.title is None:
                    p.title = data.get("name", "") + (f" ({', '.join(details)})" if details else "")
            elif kind == "event":
                p.classes.append("ev")
                if k == first:
                    p.events.append(data)
    for k, p in enumerate(pieces):
        if not in_body[k]:
            p.classes.append("boiler")
        p.classes = list(dict.fromkeys(p.classes))

    blocks: list[Block] = []
    numbered = list(enumerate(events, 1))
    for i, (start, end) in enumerate(paragraphs):
        # an event belongs to the paragraph its evidence starts in (or the gap before it)
        until = paragraphs[i + 1][0] if i + 1 < len(paragraphs) else n + 1
        lo, hi = bisect_left(bounds, start), bisect_left(bounds, end)
        block_pieces = pieces[lo:hi]
        evs = [
            {**ev, "number": num}
            for num, ev in numbered
            if isinstance(ev.get("start"), int)
            and (start if i else -1) <= min(ev["start"], n) < until
        ]
        boiler = all(not in_body[k] for k in range(lo, hi))
        blocks.append(Block(block_pieces, evs, boiler))
    return blocks


# --- search snippets -----------------------------------------------------------------------
def snippet_pieces(snippet: str | None) -> list[tuple[str, bool]]:
    """An FTS5 snippet as (text, is_match) pieces, for the template to escape and mark."""
    if not snippet:
        return []
    out: list[tuple[str, bool]] = []
    for part in re.split(f"({SNIPPET_OPEN}.*?{SNIPPET_CLOSE})", snippet, flags=re.S):
        if part.startswith(SNIPPET_OPEN):
            out.append((part.strip(SNIPPET_OPEN + SNIPPET_CLOSE), True))
        elif part:
            out.append((part.replace(SNIPPET_CLOSE, "").replace(SNIPPET_OPEN, ""), False))
    return out


def match_pieces(text: str | None, query: str | None) -> list[tuple[str, bool]]:
    """``text`` as (text, is_match) pieces, the words of ``query`` marked where they stand as
    whole words, case aside: the tokens FTS5 matched (``queries.fts_query`` reads the same
    ``\\w+`` words)."""
    if not text:
        return []
    words = sorted(set(re.findall(r"\w+", query or "", re.UNICODE)), key=len, reverse=True)
    if not words:
        return [(text, False)]
    pattern = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, words)) + r")(?!\w)", re.I)
    out: list[tuple[str, bool]] = []
    last = 0
    for m in pattern.finditer(text):
        if m.start() > last:
            out.append((text[last : m.start()], False))
        out.append((m.group(0), True))
        last = m.end()
    if last < len(text):
        out.append((text[last:], False))
    return out


def plain_snippet(snippet: str | None) -> str | None:
    """An FTS5 snippet without its match markers, for the JSON API."""
    if snippet is None:
        return None
    return snippet.replace(SNIPPET_OPEN, "").replace(SNIPPET_CLOSE, "")


# --- the relations chart --------------------------------------------------------------------
@dataclass
class Chart:
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    bars: list[dict[str, Any]]
    line: str
    """SVG polyline points of mean Goldstein (periods without events break nothing: skipped)."""
    dots: list[dict[str, Any]]
    count_ticks: list[dict[str, Any]]
    goldstein_ticks: list[dict[str, Any]]
    labels: list[dict[str, Any]]
    periods: list[dict[str, Any]]
    """One hit area per period, with the numbers the tooltip shows."""
    zero_y: float


def _nice_max(value: int, ticks: int = 4) -> int:
    """The smallest ``ticks * step`` at least ``value``, with ``step`` 1, 2 or 5 times a power
    of ten, so every tick is a whole number."""
    target = max(value, 1) / ticks
    magnitude: int = 10 ** max(0, math.floor(math.log10(target)))
    for m in (1, 2, 5, 10):
        if m * magnitude >= target:
            return ticks * m * magnitude
    return ticks * 10 * magnitude  # pragma: no cover - the loop always returns


def relations_chart(series: list[dict[str, Any]], *, width: int = 900, height: int = 320) -> Chart:
    """Stacked bars of events per quad class per period, and the mean Goldstein line
    (right axis, -10 to +10)."""
    left, right, top, bottom = 48, 48, 16, 56
    plot_w, plot_h = width - left - right, height - top - bottom
    n = max(1, len(series))
    slot = plot_w / n
    bar_w = max(1.0, slot * 0.7)
    ymax = _nice_max(max([int(r["events"]) for r in series] or [0]))

    def y_count(v: float) -> float:
        return round(top + plot_h - v / ymax * plot_h, 1)

    def y_gold(v: float) -> float:
        return round(top + plot_h * (10 - v) / 20, 1)

    bars, dots, periods, points, labels = [], [], [], [], []
    every = max(1, math.ceil(n / 12))
    for i, row in enumerate(series):
        x = round(left + i * slot + (slot - bar_w) / 2, 1)
        cx = round(left + i * slot + slot / 2, 1)
        base = 0
        for key, name, css in QUAD_CLASSES:
            v = int(row.get(key) or 0)
            if v:
                bars.append(
                    {
                        "x": x,
                        "y": y_count(base + v),
                        "w": round(bar_w, 1),
                        "h": round(y_count(base) - y_count(base + v), 1),
                        "css": css,
                        "title": f"{row['period']}: {v} {name.lower()}",
                    }
                )
            base += v
        g = row.get("mean_goldstein")
        if g is not None:
            points.append(f"{cx},{y_gold(float(g))}")
            dots.append(
                {"x": cx, "y": y_gold(float(g)), "title": f"{row['period']}: mean Goldstein {g}"}
            )
        if i % every == 0:
            labels.append({"x": cx, "text": row["period"]})
        periods.append(
            {
                "x": round(left + i * slot, 1),
                "w": round(slot, 1),
                "period": row["period"],
                "events": row["events"],
                "goldstein": g,
                "counts": [int(row.get(k) or 0) for k, _, _ in QUAD_CLASSES],
            }
        )
    count_ticks = [{"y": y_count(ymax * f // 4), "text": str(ymax * f // 4)} for f in range(5)]
    goldstein_ticks = [
        {"y": y_gold(v), "text": f"{v:+d}" if v else "0"} for v in (-10, -5, 0, 5, 10)
    ]
    return Chart(
        width,
        height,
        left,
        right,
        top,
        bottom,
        bars,
        " ".join(points),
        dots,
        count_ticks,
        goldstein_ticks,
        labels,
        periods,
        y_gold(0),
    )


# --- timelines ------------------------------------------------------------------------------
@dataclass
class Timeline:
    """Bars of counts per period side by side (left axis), and optionally a line of a mean
    (right axis, symmetric around zero), for the templates to place in SVG."""

    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    bars: list[dict[str, Any]]
    keys: list[tuple[str, str]]
    """(label, CSS class) of each series of bars, for the legend."""
    count_ticks: list[dict[str, Any]]
    labels: list[dict[str, Any]]
    line: str = ""
    dots: list[dict[str, Any]] = field(default_factory=list)
    line_ticks: list[dict[str, Any]] = field(default_factory=list)
    line_label: str | None = None
    zero_y: float | None = None


MAX_BAR_WIDTH = 28
"""Widest bar of a timeline, in SVG units: a timeline of one or two months stays a chart."""


def _nice_span(value: float) -> float:
    """The smallest 1, 2 or 5 times a power of ten at least ``value`` (1 for nothing)."""
    if value <= 0:
        return 1.0
    magnitude = 10 ** math.floor(math.log10(value))
    for m in (1, 2, 5, 10):
        if m * magnitude >= value:
            return float(m * magnitude)
    return float(10 * magnitude)  # pragma: no cover - the loop always returns


def _counted(n: int, noun: str) -> str:
    """``n`` and a plural ``noun`` that agree: "1 article", "3 articles"."""
    return f"{n} {noun[:-1] if n == 1 and noun.endswith('s') else noun}"


def timeline_chart(
    series: list[dict[str, Any]],
    bars: list[tuple[str, str, str]],
    line: tuple[str, str] | None = None,
    *,
    width: int = 900,
    height: int = 240,
) -> Timeline:
    """A chart of ``series`` (rows with ``period``): per period one bar per (key, label, CSS
    class) of ``bars``, side by side, and the ``line`` (key, label) of a mean drawn through
    the periods that have one, on a right axis from ``-span`` to ``+span``."""
    left, right, top, bottom = 48, 48 if line else 16, 12, 44
    plot_w, plot_h = width - left - right, height - top - bottom
    n = max(1, len(series))
    slot = plot_w / n
    group_w = max(1.0, min(slot * 0.8, MAX_BAR_WIDTH * max(1, len(bars))))
    bar_w = group_w / max(1, len(bars))
    ymax = _nice_max(max([int(r.get(k) or 0) for r in series for k, _, _ in bars] or [0]))
    values = [float(r[line[0]]) for r in series if line and r.get(line[0]) is not None]
    span = _nice_span(max([abs(v) for v in values] or [0]))

    def y_count(v: float) -> float:
        return round(top + plot_h - v / ymax * plot_h, 1)

    def y_line(v: float) -> float:
        return round(top + plot_h * (span - v) / (2 * span), 1)

    drawn, points, dots, labels = [], [], [], []
    every = max(1, math.ceil(n / 12))
    for i, row in enumerate(series):
        x0 = left + i * slot + (slot - group_w) / 2
        for j, (key, label, css) in enumerate(bars):
            v = int(row.get(key) or 0)
            if v:
                drawn.append(
                    {
                        "x": round(x0 + j * bar_w, 1),
                        "y": y_count(v),
                        "w": round(max(1.0, bar_w - 1), 1),
                        "h": round(y_count(0) - y_count(v), 1),
                        "css": css,
                        "title": f"{row['period']}: {_counted(v, label)}",
                    }
                )
        cx = round(left + i * slot + slot / 2, 1)
        if line and row.get(line[0]) is not None:
            mean = float(row[line[0]])
            points.append(f"{cx},{y_line(mean)}")
            dots.append(
                {"x": cx, "y": y_line(mean), "title": f"{row['period']}: {line[1]} {mean:g}"}
            )
        if i % every == 0:
            labels.append({"x": cx, "text": row["period"]})
    count_ticks = [{"y": y_count(ymax * f // 4), "text": str(ymax * f // 4)} for f in range(5)]
    line_ticks = (
        [{"y": y_line(v), "text": f"{v:+g}" if v else "0"} for v in (-span, 0.0, span)]
        if line
        else []
    )
    return Timeline(
        width,
        height,
        left,
        right,
        top,
        bottom,
        drawn,
        [(label, css) for _, label, css in bars],
        count_ticks,
        labels,
        " ".join(points),
        dots,
        line_ticks,
        line[1] if line else None,
        y_line(0) if line else None,
    )


# --- the network ---------------------------------------------------------------------------
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))

LABELLED_NODES = 24
"""Nodes whose names are always written; the others show theirs on hover, on focus or when
zoomed in far enough for them to fit (``static/network.js``)."""


def edge_tone(mean_goldstein: float | None) -> str:
    """``coop``, ``conflict`` or ``neutral`` by the sign of the mean Goldstein score."""
    if mean_goldstein is None or mean_goldstein == 0:
        return "neutral"
    return "coop" if mean_goldstein > 0 else "conflict"


def network_layout(graph: dict[str, Any], *, size: int = 760) -> dict[str, Any]:
    """Starting geometry of the network: nodes on a sunflower spiral from the centre out,
    heaviest first (a readable drawing without scripts, and the deterministic start of the
    force layout that ``static/network.js`` runs in the browser), circles sized by the square
    root of their links' weight, edges as wide as their weight allows."""
    nodes = graph["nodes"]
    centre = size / 2
    step = (size / 2 - 60) / math.sqrt(max(1, len(nodes)))
    pos: dict[int, tuple[float, float]] = {}
    out_nodes = []
    max_degree = max([n_["degree"] for n_ in nodes] or [1])
    for i, node in enumerate(nodes):
        radius, angle = step * math.sqrt(i + 0.5), i * GOLDEN_ANGLE
        x, y = centre + radius * math.cos(angle), centre + radius * math.sin(angle)
        pos[node["id"]] = (x, y)
        out_nodes.append(
            {
                **node,
                "x": round(x, 1),
                "y": round(y, 1),
                "r": round(4 + 10 * math.sqrt(node["degree"] / max_degree), 1),
                "rank": i,
                "labelled": i < LABELLED_NODES,
            }
        )
    max_weight = max([e["weight"] for e in graph["edges"]] or [1])
    edges = []
    for e in graph["edges"]:
        (x1, y1), (x2, y2) = pos[e["source"]], pos[e["target"]]
        tone = edge_tone(e.get("mean_goldstein")) if e["kind"] == "event" else "neutral"
        edges.append(
            {
                **e,
                "x1": round(x1, 1),
                "y1": round(y1, 1),
                "x2": round(x2, 1),
                "y2": round(y2, 1),
                "w": round(1 + 4 * math.sqrt(e["weight"] / max_weight), 1),
                "css": f"edge-{e['kind']} edge-{tone}",
            }
        )
    kinds = sorted({n_["kind"] for n_ in nodes})
    return {"size": size, "nodes": out_nodes, "edges": edges, "kinds": kinds}


# --- docstrings ------------------------------------------------------------------------------
def doc_pieces(text: str | None) -> list[tuple[str, bool]]:
    """A docstring as (text, is_code) pieces: reStructuredText inline literals (````q````)
    become code, for the template to escape and wrap."""
    if not text:
        return []
    out: list[tuple[str, bool]] = []
    for i, part in enumerate(re.split(r"``(.+?)``", text, flags=re.S)):
        if part:
            out.append((part, i % 2 == 1))
    return out
