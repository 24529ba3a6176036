"""How modality, negation and reported demands change a clause's CAMEO code.

"pledged to cooperate" is not cooperation but an intent to cooperate (03x); "threatened to
attack" is a threat (13x); "would not provide support" is a refusal (12x); "urged X to talk" is
an appeal (02x); "demanded that X withdraw" is a demand (10x). The tables below map the root of
the content's code to the code of the resulting event; they follow the CAMEO codebook's own
sub-codes (036 "express intent to meet or negotiate" mirrors 04 "consult", and so on).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from .event_lexicon import EventLexicon

INTENT: Mapping[str, str] = MappingProxyType(
    {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035", "09": "030"}
)
"""Root of cooperative content -> "express intent to" code (default ``030``)."""
INTENT_FULL: Mapping[str, str] = MappingProxyType(
    {
        "081": "0351",
        "084": "0353",
        "085": "0354",
        "086": "0355",
        "087": "0356",
        "0332": "0332",
        "072": "0332",
    }
)
"""Full cooperative codes with an exact "intent" counterpart."""
THREAT: Mapping[str, str] = MappingProxyType(
    {"14": "133", "15": "138", "16": "131", "17": "137", "18": "138", "19": "138", "20": "138"}
)
"""Root of hostile content -> "threaten" code (default ``130``)."""
THREAT_FULL: Mapping[str, str] = MappingProxyType(
    {"163": "1312", "164": "134", "166": "136", "162": "1311"}
)
REFUSE: Mapping[str, str] = MappingProxyType(
    {"04": "125", "06": "121", "07": "121", "08": "124", "03": "120"}
)
"""Root of cooperative content -> "reject/refuse" code (default ``120``)."""
APPEAL: Mapping[str, str] = MappingProxyType(
    {"04": "026", "05": "022", "06": "021", "07": "023", "08": "025"}
)
"""Root of the requested act -> "appeal for" code (default ``020``)."""
DEMAND: Mapping[str, str] = MappingProxyType(
    {"04": "106", "05": "102", "06": "101", "07": "103", "08": "105"}
)
"""Root of the demanded act -> "demand" code (default ``100``)."""


def _lookup(code: str, full: Mapping[str, str], by_root: Mapping[str, str], default: str) -> str:
    return full.get(code) or full.get(code[:3]) or by_root.get(code[:2]) or default


def transform(kind: str, content: str | None, lexicon: EventLexicon) -> str | None:
    """The code of "``kind`` to do ``content``"; ``None`` when no event results.

    ``content`` is the code of the governed clause, ``None`` when it is not an event we code.
    ``kind`` is a modal kind of ``event_modals.tsv``.
    """
    if kind in ("none", "report"):
        return None
    if kind == "attempt":
        return content
    if content is None:
        return {"threat": "130", "refuse": "120", "appeal": "020", "demand": "100"}.get(kind)
    cooperative = lexicon.cooperative(content)
    root = content[:2]
    if kind == "intent":
        if root in ("03", "12", "13"):
            return content  # "vowed not to return the Golan" stays a refusal
        if cooperative:
            return _lookup(content, INTENT_FULL, INTENT, "030")
        return _lookup(content, THREAT_FULL, THREAT, "130")
    if kind == "threat":
        if root == "13":
            return content
        return _lookup(content, THREAT_FULL, THREAT, "130")
    if kind == "refuse":
        if root == "12":
            return None
        return _lookup(content, {}, REFUSE, "120") if cooperative else "120"
    if kind == "appeal":
        return _lookup(content, {}, APPEAL, "020") if cooperative else "020"
    if kind == "demand":
        return _lookup(content, {}, DEMAND, "100") if cooperative else "100"
    return None


def negate(code: str, lexicon: EventLexicon) -> str | None:
    """The code of a negated event: refusal for cooperation ("did not provide support" ->
    121), nothing for conflict ("did not attack"), nothing for refusals ("did not reject")."""
    if code[:2] in ("12", "01") or not lexicon.cooperative(code):
        return None
    return transform("refuse", code, lexicon)
