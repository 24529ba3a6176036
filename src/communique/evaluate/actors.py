"""Actor resolution on PLOVER-coded gold records (the metric of the shared ``score_actors.py``).

Each gold record's ``plover`` block names source and target actors as text with a country code
and sector. A gold actor is found when a predicted actor has a mention overlapping that text;
it is right by country when the actor's country (or its code's first three letters) is the gold
country, and right by country+role when its code is gold country + sector.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..codes import ActorCode

ALIASES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VAT"}


def _gold_actors(record: Mapping[str, Any]) -> Iterable[tuple[int, int, str, str]]:
    plover = record.get("plover") or {}
    text = record["text"]
    for side in ("source", "target"):
        actors = plover.get(side)
        for a in actors if isinstance(actors, list) else []:
            if not isinstance(a, dict):
                continue
            surface, code = a.get("actorText"), (a.get("code") or "").upper()
            if not surface or not code or code == "---":
                continue
            start = text.find(surface)
            if start >= 0:
                yield (
                    start,
                    start + len(surface),
                    ALIASES.get(code, code),
                    (a.get("sector") or "").upper(),
                )


def evaluate_actors(
    gold: Iterable[Mapping[str, Any]],
    predictions: Iterable[Mapping[str, Any]],
    errors: list[str] | None = None,
) -> dict[str, float]:
    """Country and country+role accuracy over the gold actors; misses go to ``errors``."""
    pred = {p["id"]: p for p in predictions}
    n = ok_country = ok_role = 0
    for g in gold:
        rec = pred.get(g["id"], {})
        for start, end, code, sector in _gold_actors(g):
            n += 1
            hits = [
                x
                for x in rec.get("actors") or []
                if any(s < end and start < e for s, e in x.get("mentions") or [])
            ]
            country = any(
                (x.get("country") or ActorCode.parse(x.get("code")).base).upper() == code
                or (x.get("code") or "").upper().startswith(code)
                for x in hits
            )
            role = any((x.get("code") or "").upper() == code + sector for x in hits)
            ok_country += country
            ok_role += role
            if not role and errors is not None:
                errors.append(
                    f"{g['text'][start:end]!r} gold {code}{sector} got {[(x.get('name'), x.get('code')) for x in hits]}"
                )
    return {
        "actors": n,
        "country": ok_country / n if n else 0.0,
        "country_role": ok_role / n if n else 0.0,
    }
