"""How modality, negation and reported demands change a clause's CAMEO code.

"pledged to cooperate" is not cooperation but an intent to cooperate (03x); "threatened to
attack" is a threat (13x); "would not provide support" is a refusal (12x); "urged X to talk" is
an appeal (02x); "demanded that X withdraw" is a demand (10x). The tables of
``event_modal_codes.tsv`` (``EventLexicon.modal_codes``) map the content's code, its base or its
root to the code of the resulting event; they follow the CAMEO codebook's own sub-codes (036
"express intent to meet or negotiate" mirrors 04 "consult", and so on).
"""

from __future__ import annotations

from ...codes import EventCode
from .lexicon import EventLexicon


def _lookup(code: str, kind: str, lexicon: EventLexicon) -> str:
    """The ``kind`` table's code for ``code``: by the code, its base, its root, else the
    table's default."""
    table = lexicon.modal_codes[kind]
    parsed = EventCode.parse(code)
    return table.get(code) or table.get(parsed.base) or table.get(parsed.root) or table[""]


def transform(kind: str, content: str | None, lexicon: EventLexicon) -> str | None:
    """The code of "``kind`` to do ``content``"; ``None`` when no event results.

    ``content`` is the code of the governed clause, ``None`` when it is not an event we code.
    ``kind`` is a modal kind of ``event_modals.tsv``.
    """
    if kind in ("none", "report"):
        return None
    if kind == "attempt":
        return content
    if kind == "prepare":
        # "prepared to attend" is the visit, but "prepared to resume shelling" is a force
        # posture (CAMEO 15), not yet the shelling
        return None if content is None else (lexicon.posture(content) or content)
    if kind == "deny":
        # "denied attacking X": a denial of the act, never the act (or an accusation)
        return None if content is None else _lookup(content, kind, lexicon)
    if content is None:
        if kind == "intent" or kind not in lexicon.modal_codes:
            return None
        return lexicon.modal_codes[kind][""]
    cooperative = lexicon.cooperative(content)
    root = EventCode.parse(content).root
    if kind == "intent":
        if root in ("03", "12", "13"):
            return content  # "vowed not to return the Golan" stays a refusal
        if cooperative:
            return _lookup(content, "intent", lexicon)
        return _lookup(content, "threat", lexicon)
    if kind == "threat":
        if root == "13":
            return content
        return _lookup(content, "threat", lexicon)
    if kind == "refuse":
        if root == "12":
            return None
        return _lookup(content, "refuse", lexicon) if cooperative else lexicon.modal_codes[kind][""]
    if kind in ("appeal", "demand"):
        return _lookup(content, kind, lexicon) if cooperative else lexicon.modal_codes[kind][""]
    return None


def negate(code: str, lexicon: EventLexicon) -> str | None:
    """The code of a negated event: refusal for cooperation ("did not provide support" ->
    121), nothing for conflict ("did not attack"), nothing for refusals ("did not reject")."""
    if EventCode.parse(code).root in ("12", "01") or not lexicon.cooperative(code):
        return None
    return transform("refuse", code, lexicon)
