"""Scoring one analysis record against a hand-made article gold (the seed article's format).

The gold holds ``text``, ``meta`` (title, byline, boilerplate), ``actors`` (name, country,
role, aliases), ``quotes`` (start, end, speaker) and ``events`` (source, target, acceptable
2-digit roots). Each part gives ``(found, total)``:

- body:   boilerplate lines outside the body, article paragraphs inside, title and byline;
- actors: each gold person has an actor with the same last name, country and role;
- quotes: each gold quote is >= 80% covered by one predicted quote with the right speaker;
- events: each gold dyad has an event with matching source/target country and root.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from ..codes import ActorCode, EventCode


def _norm(s: str | None) -> str:
    return re.sub(r"\W+", " ", (s or "").lower()).strip()


def _last(s: str | None) -> str:
    words = _norm(s).split()
    return words[-1] if words else ""


def _inside(body: Sequence[Sequence[int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in body)


def _body(gold: Mapping[str, Any], rec: Mapping[str, Any]) -> tuple[int, int]:
    text, body = gold["text"], rec.get("body") or []
    if rec.get("text") != text:
        return 0, 1
    checks = []
    for item in gold["meta"].get("boilerplate", []):
        i = text.find(item)
        if i >= 0:
            checks.append(not _inside(body, i, i + len(item)))
    # a paragraph that occurs twice (a repeated caption) must not be kept twice
    paragraphs = [p.strip() for p in text.split("\n") if len(p.strip()) > 40]
    for p in {p for p in paragraphs if paragraphs.count(p) > 1}:
        first = text.find(p)
        second = text.find(p, first + 1)
        checks.append(
            not (_inside(body, first, first + len(p)) and _inside(body, second, second + len(p)))
        )
    for q in gold.get("quotes", []):
        checks.append(_inside(body, q["start"], q["end"]))
    checks.append(_norm(rec.get("title")) == _norm(gold["meta"].get("title")))
    byline = gold["meta"].get("byline")
    if byline:
        checks.append(any(_last(b) == _last(byline) for b in rec.get("byline") or []))
    return sum(checks), len(checks)


def _actors(gold: Mapping[str, Any], rec: Mapping[str, Any]) -> tuple[int, int]:
    acts = rec.get("actors") or []
    ok = 0
    for g in gold.get("actors", []):
        cands = [a for a in acts if _last(a.get("name")) == _last(g["name"])]
        ok += any(
            a.get("country") == g["country"] and _norm(g["role"]) in _norm(a.get("role"))
            for a in cands
        )
    return ok, len(gold.get("actors", []))


def _chars(q: Mapping[str, Any]) -> set[int]:
    out: set[int] = set()
    for a, b in q.get("fragments") or [[q["start"], q["end"]]]:
        out.update(range(a, b))
    return out


def _quotes(gold: Mapping[str, Any], rec: Mapping[str, Any]) -> tuple[int, int]:
    preds = [(p, _chars(p)) for p in rec.get("quotes") or []]
    ok = 0
    for g in gold.get("quotes", []):
        span = set(range(g["start"], g["end"]))
        if not preds or not span:
            continue
        best, chars = max(preds, key=lambda pc: len(span & pc[1]))
        covered = len(span & chars) / len(span)
        speaker = g.get("speaker") or ""
        right = _last(best.get("speaker")) == _last(speaker) or (
            speaker.lower().startswith("senior") and "official" in _norm(best.get("speaker"))
        )
        ok += covered >= 0.8 and right
    return ok, len(gold.get("quotes", []))


def _events(gold: Mapping[str, Any], rec: Mapping[str, Any]) -> tuple[int, int]:
    evs = rec.get("events") or []
    ok = 0
    for g in gold.get("events", []):
        ok += any(
            (e.get("source") or "").startswith(ActorCode.parse(g["source"]).base)
            and (e.get("target") or "").startswith(ActorCode.parse(g["target"]).base)
            and EventCode.parse(e.get("code") or None).root in g["codes"]
            for e in evs
        )
    return ok, len(gold.get("events", []))


def evaluate_article(
    gold: Mapping[str, Any], record: Mapping[str, Any]
) -> dict[str, tuple[int, int]]:
    """``{part: (found, total)}`` for the four parts of a hand-made article gold."""
    return {
        "body": _body(gold, record),
        "actors": _actors(gold, record),
        "quotes": _quotes(gold, record),
        "events": _events(gold, record),
    }
